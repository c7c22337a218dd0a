// ExportTable's CSV (core/export/table): what Dutch Excel opens without an import dialog.
#include "core/export/table.h"

#include <gtest/gtest.h>

namespace sterk {
namespace {

TEST(ExportCsv, DutchExcelReadsKindsAsTheyAre)
{
    ExportTable table{"Trend analyse", {"Naam", "Aantal", "Aandeel", "Datum", "Leeg"}, {}};
    table.rows.push_back({std::string{"Welzijn; \"Samen\""}, 42.0, 0.375, Date::from_ymd(2026, 3, 1), ExportCell{}});
    EXPECT_EQ(to_csv(table), "\xEF\xBB\xBFNaam;Aantal;Aandeel;Datum;Leeg\r\n"
                             "\"Welzijn; \"\"Samen\"\"\";42;0,38;2026-03-01;\r\n");
}

TEST(ExportCsv, AShortRowIsPaddedToTheHeadingsWidth)
{
    ExportTable table{"trends", {"Jaar", "Norm", "Voldoet", "Totaal"}, {}};
    table.rows.push_back({std::string{"alle jaren"}, std::string{"VM1"}, std::string{"te weinig gegevens"}});
    EXPECT_EQ(to_csv(table), "\xEF\xBB\xBFJaar;Norm;Voldoet;Totaal\r\nalle jaren;VM1;te weinig gegevens;\r\n");
}

TEST(ExportCsv, ATextThatLooksLikeAFormulaStaysText)
{
    ExportTable table{"log", {"Toelichting"}, {}};
    for (char const* text : {"=HYPERLINK(\"x\";\"y\")", "+31 20 1234567", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
                             "gewoon = tekst"}) {
        table.rows.push_back({std::string{text}});
    }
    table.rows.push_back({-2.0});  // a number is a number
    EXPECT_EQ(to_csv(table), "\xEF\xBB\xBFToelichting\r\n"
                             "\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\"\r\n"
                             "'+31 20 1234567\r\n"
                             "'-2+3\r\n"
                             "'@SUM(A1)\r\n"
                             "'\t=1\r\n"
                             "\"'\r=1\"\r\n"
                             "gewoon = tekst\r\n"
                             "-2\r\n");
}

TEST(ExportCsv, FileNamesAreSafeAndLowerCase)
{
    ExportTable const table{"Trend analyse/2026", {}, {}};
    EXPECT_EQ(export_file_name(table, "xlsx"), "trend-analyse-2026.xlsx");
    EXPECT_EQ(export_file_name(ExportTable{}, "csv"), "export.csv");
}

}  // namespace
}  // namespace sterk
