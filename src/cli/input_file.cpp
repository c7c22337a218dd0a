#include "cli/input_file.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace sterk::cli {

Result<std::string> read_input(std::string const& file)
{
    if (file == "-") {
        return std::string(std::istreambuf_iterator<char>(std::cin), {});
    }
    std::ifstream in(file);
    if (!in) {
        return Error::invalid("file", "kan '" + file + "' niet lezen");
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace sterk::cli
