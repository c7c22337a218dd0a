// File: table_progress.h
// What `backup` and `restore` print per table: on a terminal a count that runs up while a large
// table is copied, then one line per table ("  documents   12 rijen"), and a summary at the end.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sterk::cli {

class TableProgressPrinter {
public:
    explicit TableProgressPrinter(bool terminal) : m_terminal(terminal) {}

    void operator()(std::string_view table, long long done, long long total);

private:
    bool m_terminal;
};

// print_table_summary: "35 tabellen, 1.234 rijen, 2,3 MB in 0,4 s".
void print_table_summary(int tables, long long rows, std::uintmax_t bytes, double seconds);

}  // namespace sterk::cli
