// File: input_file.h
// read_input: the text of a FILE argument, or standard input for "-".
#pragma once

#include "core/result.h"

#include <string>

namespace sterk::cli {

Result<std::string> read_input(std::string const& file);

}  // namespace sterk::cli
