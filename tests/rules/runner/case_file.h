// File: case_file.h
// Parses a rule case file (tests/rules/README.md): records separated by blank lines, each a
// command line, optionally followed by "----" and the expected output (or error text).
// `foreach VAR a b c` ... `endloop` repeats the lines between, substituting ${VAR}.
#pragma once

#include <string>
#include <vector>

namespace sterk::rules_test {

struct CaseRecord {
    int line = 0;  // line of the command in the file
    std::string command;
    bool has_expectation = false;
    std::vector<std::string> expected;
};

struct CaseFile {
    std::string name;
    std::vector<CaseRecord> records;
};

// parse_case_file: returns an error text in `error` when the file is malformed.
CaseFile parse_case_file(std::string const& path, std::string const& text, std::string& error);

}  // namespace sterk::rules_test
