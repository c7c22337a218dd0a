// Fuzzes the old register's CSV import (core/certificate/register_import.h), as POST
// /api/v1/register/import and `sterklabel import register` hand it over: every row that passes
// becomes a certificate, a certificate compared with itself shows no differences, and a row's
// texts pass the JSON writer (the import's answer and the register are JSON).
#include "core/certificate/register_import.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    std::string_view const text{reinterpret_cast<char const*>(data), size};
    auto const file = sterk::read_register_csv(text, sterk::Date::from_ymd(2026, 1, 15));
    for (auto const& problem : file.problems) {
        (void)sterk::describe(problem);
    }
    for (auto const& row : file.rows) {
        (void)nlohmann::json({row.lidnummer, row.naam, row.kvk, row.plaats, row.scope, row.number}).dump();
        auto const certificate = sterk::imported_certificate(row, 1);
        if (certificate && !sterk::differences(*certificate, *certificate).empty()) {
            std::abort();
        }
    }
    // The date reader on its own, as the rows use it.
    (void)sterk::parse_register_date(text);
    return 0;
}
