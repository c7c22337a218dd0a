// Reading the old register's CSV (core/certificate/register_import): both separators, the BOM,
// quotes, both date forms, the dates a row gives its certificate, and every kind of refusal, all
// collected at once with line and column.
#include "core/certificate/register_import.h"

#include <gtest/gtest.h>

namespace sterk {
namespace {

Date const TODAY = Date::from_ymd(2026, 6, 1);

std::string const HEADER = "lidnummer;naam;kvk;plaats;scope;certificaatnummer;uitgegeven;verloopt\n";

std::vector<std::string> described(RegisterFile const& file)
{
    std::vector<std::string> out;
    for (auto const& p : file.problems) {
        out.push_back(describe(p));
    }
    return out;
}

TEST(RegisterImport, ReadsSemicolonsWithBomAndCrlf)
{
    auto const file = read_register_csv("\xEF\xBB\xBF"
                                        "lidnummer;naam;kvk;plaats;scope;certificaatnummer;uitgegeven;verloopt\r\n"
                                        "SWN-2001;Stichting Wélzijn Oost;12345678;Zwolle;Het hele lid;SSW-2025-0007;"
                                        "2025-03-15;2027-03-15\r\n",
                                        TODAY);
    ASSERT_TRUE(file.problems.empty()) << described(file).front();
    ASSERT_EQ(file.rows.size(), 1u);
    auto const& row = file.rows.front();
    EXPECT_EQ(row.line, 2);
    EXPECT_EQ(row.lidnummer, "SWN-2001");
    EXPECT_EQ(row.naam, "Stichting Wélzijn Oost");
    EXPECT_EQ(row.kvk, "12345678");
    EXPECT_EQ(row.plaats, "Zwolle");
    EXPECT_EQ(row.number, "SSW-2025-0007");
    EXPECT_EQ(row.issued, Date::from_ymd(2025, 3, 15));
    EXPECT_EQ(row.expires, Date::from_ymd(2027, 3, 15));
}

TEST(RegisterImport, ReadsCommasQuotesAndHeaderInAnyOrderAndCase)
{
    auto const file = read_register_csv(
        "Naam,LIDNUMMER,Scope,Certificaatnummer,Uitgegeven,Verloopt,KvK,Plaats\n"
        "\"Welzijn \"\"De Brug\"\", Sneek\",SWN-2002,\"Werksoorten: opbouwwerk, jongerenwerk\",SSW-2024-0012,"
        "01-02-2024,1-2-2026,,\"Sneek\"\n",
        TODAY);
    ASSERT_TRUE(file.problems.empty()) << described(file).front();
    ASSERT_EQ(file.rows.size(), 1u);
    auto const& row = file.rows.front();
    EXPECT_EQ(row.naam, "Welzijn \"De Brug\", Sneek");
    EXPECT_EQ(row.lidnummer, "SWN-2002");
    EXPECT_EQ(row.scope, "Werksoorten: opbouwwerk, jongerenwerk");
    EXPECT_EQ(row.kvk, "");
    EXPECT_EQ(row.plaats, "Sneek");
    EXPECT_EQ(row.issued, Date::from_ymd(2024, 2, 1));
    EXPECT_EQ(row.expires, Date::from_ymd(2026, 2, 1));
}

TEST(RegisterImport, QuotedLineBreaksAndBlankLinesKeepTheLineNumbers)
{
    auto const file = read_register_csv(HEADER +
                                             "\n"
                                             "SWN-2003;\"Buurtwerk\nNoord\";;Assen;Het hele lid;SSW-2025-0001;2025-01-10;2027-01-10\n"
                                             ";;;;;;;\n"
                                             "SWN-2004;Wijkwerk Zuid;;;Het hele lid;SSW-2025-0002;2025-01-11;31-02-2027\n",
                                         TODAY);
    ASSERT_EQ(file.rows.size(), 1u);
    EXPECT_EQ(file.rows.front().line, 3);
    EXPECT_EQ(file.rows.front().naam, "Buurtwerk Noord");  // printed on one line
    EXPECT_EQ(described(file), (std::vector<std::string>{
                                   "regel 6, veld \"verloopt\": \"31-02-2027\" is geen geldige datum (JJJJ-MM-DD of DD-MM-JJJJ)"}));
}

TEST(RegisterImport, DatesInBothFormsAndNothingElse)
{
    EXPECT_EQ(parse_register_date("2027-03-15"), Date::from_ymd(2027, 3, 15));
    EXPECT_EQ(parse_register_date("15-03-2027"), Date::from_ymd(2027, 3, 15));
    EXPECT_EQ(parse_register_date("5-3-2027"), Date::from_ymd(2027, 3, 5));
    EXPECT_EQ(parse_register_date("29-02-2028"), Date::from_ymd(2028, 2, 29));
    for (auto const* bad : {"31-02-2027", "2027-3-15", "15/03/2027", "15-03-27", "2027-03-15-1", "", "morgen",
                            "2027-13-01", "00-01-2027"}) {
        EXPECT_FALSE(parse_register_date(bad)) << bad;
    }
}

TEST(RegisterImport, TheCertificateIsValidFromIssueThroughTheDayBeforeExpiry)
{
    auto const file = read_register_csv(HEADER + "SWN-2001;  Stichting   Oost ;12345678;Zwolle;Het hele lid;"
                                                 "ssw-2023-0042;2025-03-15;2027-03-15\n",
                                        TODAY);
    ASSERT_EQ(file.rows.size(), 1u);
    auto const c = imported_certificate(file.rows.front(), 9).value();
    EXPECT_EQ(c.number, "SSW-2023-0042");  // an older numbering: its own year, not the issue's
    EXPECT_EQ(c.year, 2023);
    EXPECT_EQ(c.sequence, 42);
    EXPECT_EQ(c.member_id, 9);
    EXPECT_EQ(c.member_name, "Stichting Oost");
    EXPECT_EQ(c.issued, Date::from_ymd(2025, 3, 15));
    EXPECT_EQ(c.valid_from, Date::from_ymd(2025, 3, 15));
    EXPECT_EQ(c.valid_through, Date::from_ymd(2027, 3, 14));
    EXPECT_EQ(c.expires, Date::from_ymd(2027, 3, 15));
    EXPECT_EQ(c.status, CertificateStatus::Valid);
    EXPECT_FALSE(c.trajectory_id);
    // As the system issues one itself on that day.
    ProcedureSettings procedure;
    procedure.certificate_validity = Period{2, PeriodUnit::Years};
    procedure.suspension_max = Period{6, PeriodUnit::Months};
    auto const term = certificate_term(procedure, Date::from_ymd(2025, 3, 15));
    EXPECT_EQ(term.valid_through, c.valid_through);
    EXPECT_EQ(term.expires, c.expires);
    EXPECT_TRUE(differences(c, c).empty());
    auto changed = c;
    changed.scope = "Werksoorten: jongerenwerk";
    changed.expires = changed.expires.add_days(1);
    EXPECT_EQ(differences(c, changed), (std::vector<std::string>{"scope", "verloopt"}));
}

TEST(RegisterImport, CollectsEveryRowProblemWithLineAndColumn)
{
    auto const file = read_register_csv(
        HEADER +
            "SWN-3001;Goed Lid;12345678;Ede;Het hele lid;SSW-2025-0001;2025-01-01;2027-01-01\n"  // 2: fine
            ";Zonder Lidnummer;;;Het hele lid;SSW-2025-0002;2025-01-01;2027-01-01\n"  // 3
            "SWN-3003;;1234567;;;SSW-25-3;;\n"  // 4
            "SWN-3004;Omgekeerd;;;Het hele lid;SSW-2025-0004;2025-05-01;2025-05-01\n"  // 5
            "SWN-3005;Toekomst;;;Het hele lid;SSW-2025-0005;2026-06-02;2028-06-02\n"  // 6
            "SWN-3006;Dubbel;;;Het hele lid;SSW-2025-0001;2025-01-01;2027-01-01\n"  // 7
            "SWN-3001;Goed Lid B.V.;;;Het hele lid;SSW-2025-0007;2025-01-01;2027-01-01\n"  // 8
            "SWN-3008;Te Veel;;;Het hele lid;SSW-2025-0008;2025-01-01;2027-01-01;extra\n",  // 9
        TODAY);
    // Rows 2, 7 and 8 are whole in themselves; their clash is a problem of the file.
    EXPECT_EQ(file.rows.size(), 3u);
    EXPECT_EQ(described(file),
              (std::vector<std::string>{
                  "regel 3, veld \"lidnummer\": ontbreekt (verplicht veld)",
                  "regel 4, veld \"naam\": ontbreekt (verplicht veld)",
                  "regel 4, veld \"kvk\": \"1234567\" is geen KvK-nummer (8 cijfers)",
                  "regel 4, veld \"scope\": ontbreekt (verplicht veld)",
                  "regel 4, veld \"certificaatnummer\": \"SSW-25-3\" is geen certificaatnummer (SSW-JJJJ-NNNN)",
                  "regel 4, veld \"uitgegeven\": ontbreekt (verplicht veld)",
                  "regel 4, veld \"verloopt\": ontbreekt (verplicht veld)",
                  "regel 5, veld \"verloopt\": 2025-05-01 ligt niet na uitgegeven (2025-05-01)",
                  "regel 6, veld \"uitgegeven\": 2026-06-02 ligt na vandaag (2026-06-01)",
                  "regel 7, veld \"certificaatnummer\": SSW-2025-0001 staat ook op regel 2",
                  "regel 8, veld \"naam\": lidnummer SWN-3001 heet op regel 2 \"Goed Lid\", hier \"Goed Lid B.V.\"",
                  "regel 9: meer velden (9) dan kolommen in de kopregel (8)",
              }));
}

TEST(RegisterImport, OneLidnummerWithTheSameNameMayHoldTwoCertificates)
{
    auto const file = read_register_csv(
        HEADER + "SWN-3001;Goed  Lid;;;Werksoorten: jongerenwerk;SSW-2025-0001;2025-01-01;2027-01-01\n"
                 "SWN-3001;Goed Lid;;;Werksoorten: opbouwwerk;SSW-2025-0002;2025-02-01;2027-02-01\n",
        TODAY);
    EXPECT_TRUE(file.problems.empty()) << described(file).front();
    EXPECT_EQ(file.rows.size(), 2u);
}

TEST(RegisterImport, RefusesABadHeaderNamingEachColumn)
{
    auto const file = read_register_csv("lidnummer;naam;kvk;woonplaats;scope;certificaatnummer;uitgegeven;uitgegeven\n"
                                        "SWN-1;A;;;B;SSW-2025-0001;2025-01-01;2027-01-01\n",
                                        TODAY);
    EXPECT_TRUE(file.rows.empty());
    ASSERT_EQ(file.problems.size(), 4u);
    EXPECT_EQ(file.problems[0].field, "woonplaats");
    EXPECT_EQ(describe(file.problems[0]),
              "regel 1, veld \"woonplaats\": onbekende kolom \"woonplaats\"; de kolommen zijn "
              "lidnummer;naam;kvk;plaats;scope;certificaatnummer;uitgegeven;verloopt");
    EXPECT_EQ(describe(file.problems[1]), "regel 1, veld \"uitgegeven\": kolom \"uitgegeven\" staat twee keer in de kopregel");
    EXPECT_EQ(file.problems[2].field, "plaats");
    EXPECT_EQ(file.problems[3].field, "verloopt");
}

TEST(RegisterImport, RefusesAnEmptyFileAHeaderAloneAnUnclosedQuoteAndOtherEncodings)
{
    EXPECT_EQ(read_register_csv("", TODAY).problems.at(0).line, 1);
    EXPECT_EQ(read_register_csv("\xEF\xBB\xBF\r\n\r\n", TODAY).problems.size(), 1u);
    auto const alone = read_register_csv(HEADER, TODAY);
    EXPECT_EQ(describe(alone.problems.at(0)), "regel 1: het bestand heeft geen rijen onder de kopregel");

    auto const unclosed = read_register_csv(HEADER + "SWN-1;A;;;B;SSW-2025-0001;2025-01-01;2027-01-01\n"
                                                     "SWN-2;\"Niet gesloten;;;B;SSW-2025-0002;2025-01-01;2027-01-01\n"
                                                     "SWN-3;C;;;B;SSW-2025-0003;2025-01-01;2027-01-01\n",
                                            TODAY);
    ASSERT_EQ(unclosed.problems.size(), 1u);
    EXPECT_EQ(describe(unclosed.problems[0]),
              "regel 3, veld \"naam\": een aanhalingsteken (\") wordt niet gesloten; de rest van het bestand is niet gelezen");

    // "Stichting Welzijn Súdwest" as Windows-1252 (ú = 0xFA), as Excel's plain "CSV" writes it.
    auto const latin1 = read_register_csv(HEADER + "SWN-1;Welzijn S\xFA" "dwest;;;B;SSW-2025-0001;2025-01-01;2027-01-01\n",
                                          TODAY);
    ASSERT_EQ(latin1.problems.size(), 1u);
    EXPECT_EQ(describe(latin1.problems[0]),
              "regel 2, veld \"naam\": geen geldige UTF-8-tekst; sla het bestand op als \"CSV UTF-8\"");

    // A surrogate's three bytes (U+D800) look like UTF-8 but are not; the JSON writer refuses them.
    auto const surrogate = read_register_csv(HEADER + "SWN-1;Welzijn \xED\xA0\x80;;;B;SSW-2025-0001;2025-01-01;2027-01-01\n",
                                             TODAY);
    ASSERT_EQ(surrogate.problems.size(), 1u);
    EXPECT_EQ(surrogate.problems[0].field, "naam");
}

}  // namespace
}  // namespace sterk
