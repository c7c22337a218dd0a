// File: cli_output.h
// How the CLI reports an Error: "fout: --flag: message" on stderr, exit code 2 for bad input.
#pragma once

#include "core/result.h"

#include <map>
#include <string>

namespace sterk::cli {

// Prints the error naming the command-line flag that maps to the error's field; returns the
// exit code (2 for invalid input, 1 otherwise).
int report_error(Error const& error, std::map<std::string, std::string> const& field_to_flag = {});

}  // namespace sterk::cli
