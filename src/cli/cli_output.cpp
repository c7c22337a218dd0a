#include "cli/cli_output.h"

#include <iostream>

namespace sterk::cli {

int report_error(Error const& error, std::map<std::string, std::string> const& field_to_flag)
{
    auto const flag = field_to_flag.find(error.field);
    std::cerr << "fout: ";
    if (flag != field_to_flag.end()) {
        std::cerr << flag->second << ": ";
    }
    std::cerr << error.message << "\n";
    return error.code == ErrorCode::InvalidArgument || error.code == ErrorCode::NotFound ? 2 : 1;
}

}  // namespace sterk::cli
