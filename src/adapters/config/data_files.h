// File: data_files.h
// Loads the framework and tariff data files: the copies compiled into the binary (from
// frameworks/), or a file given on the command line. Errors name file, line and field.
#pragma once

#include "core/estimate/tariffs.h"
#include "core/norms/framework.h"
#include "core/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace sterk {

// parse_framework_yaml: `file_name` is only used in error messages.
Result<NormFramework> parse_framework_yaml(std::string_view text, std::string const& file_name);
Result<Tariffs> parse_tariffs_yaml(std::string_view text, std::string const& file_name);

// The framework versions compiled into the binary ("2019").
std::vector<std::string> builtin_framework_versions();
// NotFound when the version is unknown.
Result<NormFramework> load_builtin_framework(std::string const& version);
Result<Tariffs> load_builtin_tariffs();

// Reads a framework file from disk (for `--framework FILE` and imports).
Result<NormFramework> load_framework_file(std::string const& path);

}  // namespace sterk
