// The audit report as PDF, read back the way a person or the secretariat's tools would: the text
// with pdftotext -layout, pages and metadata with pdfinfo, fonts with pdffonts (poppler-utils).
#include "adapters/pdf/report_html.h"
#include "adapters/pdf/report_pdf.h"
#include "adapters/demo/example_report.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace sterk {
namespace {

std::string run(std::string const& command)
{
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        ADD_FAILURE() << "kan niet starten: " << command;
        return out;
    }
    char buffer[4096];
    size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        out.append(buffer, n);
    }
    int const status = pclose(pipe);
    EXPECT_EQ(status, 0) << command;
    return out;
}

// A PDF written to a temporary file, for the poppler tools.
class PdfFile {
public:
    explicit PdfFile(std::string const& bytes)
    {
        char pattern[] = "/tmp/sterk-pdf-test.XXXXXX";
        char* dir = mkdtemp(pattern);
        if (dir == nullptr) {
            ADD_FAILURE() << "mkdtemp";
            return;
        }
        m_dir = dir;
        m_path = m_dir + "/report.pdf";
        std::ofstream(m_path, std::ios::binary) << bytes;
    }
    ~PdfFile()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
    }
    PdfFile(PdfFile const&) = delete;
    PdfFile& operator=(PdfFile const&) = delete;

    std::string text() const { return run("pdftotext -layout -enc UTF-8 '" + m_path + "' -"); }
    std::string info() const { return run("pdfinfo '" + m_path + "'"); }
    std::string fonts() const { return run("pdffonts '" + m_path + "'"); }
    int pages() const
    {
        std::smatch match;
        auto const info_text = info();
        if (!std::regex_search(info_text, match, std::regex(R"(Pages:\s+(\d+))"))) {
            ADD_FAILURE() << "pdfinfo zonder Pages:\n" << info_text;
            return 0;
        }
        return std::stoi(match[1]);
    }

private:
    std::string m_dir;
    std::string m_path;
};

std::vector<std::string> split(std::string const& text, char separator)
{
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, separator)) {
        parts.push_back(part);
    }
    return parts;
}

std::string regex_escaped(std::string const& text)
{
    return std::regex_replace(text, std::regex(R"([.^$|()\[\]{}*+?\\/])"), R"(\$&)");
}

std::string render(ReportDocument const& report, ReportPart part)
{
    auto pdf = render_report_pdf(report, part);
    EXPECT_TRUE(pdf.ok()) << (pdf.ok() ? "" : pdf.error().message);
    return pdf.ok() ? *pdf : std::string();
}

class ReportPdf : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_report = new ReportDocument(example_report());
        s_part_a = new std::string(render(*s_report, ReportPart::A));
        s_part_b = new std::string(render(*s_report, ReportPart::B));
    }
    static void TearDownTestSuite()
    {
        delete s_report;
        delete s_part_a;
        delete s_part_b;
    }

    static ReportDocument* s_report;
    static std::string* s_part_a;
    static std::string* s_part_b;
};
ReportDocument* ReportPdf::s_report = nullptr;
std::string* ReportPdf::s_part_a = nullptr;
std::string* ReportPdf::s_part_b = nullptr;

TEST_F(ReportPdf, PartAShowsTheMemberAndTheOverallTableComputedFromB8sVerdicts)
{
    auto const text = PdfFile(*s_part_a).text();
    EXPECT_NE(text.find("Brede Sociaal Werk Organisatie"), std::string::npos);
    auto const table_at = text.find("Overall resultaat toetsing");
    ASSERT_NE(table_at, std::string::npos) << text;
    auto const table = text.substr(table_at);
    // The printed rows (first line of each): the rubric, the met numbers, then the improvement points.
    EXPECT_TRUE(std::regex_search(table, std::regex(R"(\n\s*Vakmanschap\s+1; 2; 3; .*\s5; 7\s+—\s+—\s+—)")))
        << table;
    EXPECT_TRUE(std::regex_search(table, std::regex(R"(\n\s*Dienstverlening\s+1; 2; 3; .*\s5; 6; 8\s+—\s+—\s+—)")))
        << table;
    EXPECT_TRUE(std::regex_search(table, std::regex(R"(\n\s*Organisatie en\s+1; 2; 3; .*\s10; 16\s+—\s+—\s+—)")))
        << table;
    EXPECT_TRUE(std::regex_search(
        table, std::regex(R"(Resultaat totaal\s+42 van de 49\s+7 van de 49\s+0 van de 49\s+0 van de 49\s+0 van de 49)")))
        << table;
    // The numbers 11 and 9 of DV meet; the handbook's typed "41" is not what the verdicts give.
    EXPECT_EQ(table.find("41 van de 49"), std::string::npos);
}

TEST_F(ReportPdf, PartAShowsEveryLineStrongAndImprovementPointsAndADashForEmptyValues)
{
    auto const text = PdfFile(*s_part_a).text();
    for (auto const& section : s_report->part_a) {
        EXPECT_NE(text.find(section.title), std::string::npos) << section.title;
    }
    EXPECT_TRUE(std::regex_search(text, std::regex(R"(Plannen van aanpak rond op\s+—)"))) << text;
    EXPECT_NE(text.find("Opvallend sterke punten"), std::string::npos);
    EXPECT_NE(text.find("Belangrijkste verbeterpunten"), std::string::npos);
    EXPECT_TRUE(std::regex_search(text, std::regex(R"(•\s+Beroepscode nog weinig doorleefd en bekend)"))) << text;
    EXPECT_TRUE(std::regex_search(
        text, std::regex(R"(•\s+Weloverwogen inzet bedrijfskritische vrijwilligers en stagiaires met effect 1\+1=3)")));
    // Dutch diacritics and typographic quotes come through.
    EXPECT_NE(text.find("geïdentificeerde"), std::string::npos);
    EXPECT_NE(text.find("coördinator"), std::string::npos);
    EXPECT_NE(text.find("‘in de markt’"), std::string::npos);
}

TEST_F(ReportPdf, PartBShowsEveryNormNumberWithItsVerdictUnderItsRubric)
{
    auto const text = PdfFile(*s_part_b).text();
    EXPECT_NE(text.find("Brede Sociaal Werk Organisatie"), std::string::npos);
    auto const lines = split(text, '\n');
    size_t at = 0;
    int found = 0;
    for (auto const& rubric : s_report->part_b) {
        auto const title = "Kwaliteitsnormen " + rubric.name;
        while (at < lines.size() && lines[at].find(title) == std::string::npos) {
            ++at;
        }
        ASSERT_LT(at, lines.size()) << "rubriek ontbreekt: " << title;
        for (auto const& norm : rubric.norms) {
            ASSERT_TRUE(norm.verdict.has_value());
            std::regex const row("^\\s*" + std::to_string(norm.number) + "\\. .*\\s" +
                                 regex_escaped(verdict_symbol(*norm.verdict)) + "\\s*$");
            while (at < lines.size() && !std::regex_search(lines[at], row)) {
                ++at;
            }
            ASSERT_LT(at, lines.size()) << norm.code << " met oordeel " << verdict_symbol(*norm.verdict)
                                        << " niet gevonden";
            ++found;
        }
        auto const documents = "Rubriek " + rubric.name + ": getoetste documenten";
        while (at < lines.size() && lines[at].find(documents) == std::string::npos) {
            ++at;
        }
        ASSERT_LT(at, lines.size()) << documents;
        EXPECT_TRUE(std::regex_search(text, std::regex("•\\s+" + regex_escaped(rubric.documents.front()))))
            << rubric.documents.front();
    }
    EXPECT_EQ(found, 49);
    EXPECT_NE(text.find("Meerjarenbeleidsplan 2024–2027"), std::string::npos);
}

TEST_F(ReportPdf, EveryPageHasTheHeadingAndPaginaXVanY)
{
    for (auto const* part : {s_part_a, s_part_b}) {
        PdfFile const file(*part);
        int const count = file.pages();
        ASSERT_GT(count, 1);
        auto pages = split(file.text(), '\f');
        while (!pages.empty() && pages.back().find_first_not_of(" \n") == std::string::npos) {
            pages.pop_back();
        }
        ASSERT_EQ(static_cast<int>(pages.size()), count);
        std::string const title = part == s_part_a ? report_part_title(ReportPart::A) : report_part_title(ReportPart::B);
        for (int i = 0; i < count; ++i) {
            auto const& page = pages[static_cast<size_t>(i)];
            EXPECT_NE(page.find("Kwaliteitslabel Sterk Sociaal Werk"), std::string::npos) << "pagina " << i + 1;
            EXPECT_NE(page.find(title), std::string::npos) << "pagina " << i + 1;
            EXPECT_NE(page.find("Brede Sociaal Werk Organisatie"), std::string::npos) << "pagina " << i + 1;
            EXPECT_NE(page.find("Definitief, versie 2, 27 maart 2026"), std::string::npos) << "pagina " << i + 1;
            auto const number = "Pagina " + std::to_string(i + 1) + " van " + std::to_string(count);
            EXPECT_NE(page.find(number), std::string::npos) << number;
        }
    }
}

TEST_F(ReportPdf, TableHeaderIsRepeatedOnEveryPageWithNormRows)
{
    PdfFile const file(*s_part_b);
    auto const pages = split(file.text(), '\f');
    std::regex const norm_row(R"((^|\n)\s*\d+\. .*\s(\+|\+/-|-|n\.v\.t\.)\s*(\n|$))");
    int with_rows = 0;
    for (size_t i = 0; i < pages.size(); ++i) {
        if (std::regex_search(pages[i], norm_row)) {
            ++with_rows;
            EXPECT_TRUE(std::regex_search(pages[i], std::regex(R"(Norm\s+Bevindingen toetsing\s+Oordeel)")))
                << "pagina " << i + 1;
        }
    }
    EXPECT_GT(with_rows, 3);
}

TEST_F(ReportPdf, FontsAreEmbedded)
{
    for (auto const* part : {s_part_a, s_part_b}) {
        auto const lines = split(PdfFile(*part).fonts(), '\n');
        ASSERT_GE(lines.size(), 3u);
        auto const emb = lines[0].find("emb");
        ASSERT_NE(emb, std::string::npos) << lines[0];
        int fonts = 0;
        for (size_t i = 2; i < lines.size(); ++i) {
            if (lines[i].empty()) {
                continue;
            }
            ++fonts;
            EXPECT_NE(lines[i].find("DejaVuSans"), std::string::npos) << lines[i];
            EXPECT_EQ(lines[i].substr(emb, 3), "yes") << lines[i];
        }
        EXPECT_GE(fonts, 2);  // regular and bold
    }
}

TEST_F(ReportPdf, MetadataNamesTheReportAndItsDate)
{
    auto const info = PdfFile(*s_part_a).info();
    EXPECT_NE(info.find("Creator:         Sterklabel"), std::string::npos) << info;
    EXPECT_NE(info.find("A. Samenvatting uitkomst toetsing — Brede Sociaal Werk Organisatie"), std::string::npos)
        << info;
    EXPECT_TRUE(std::regex_search(info, std::regex(R"(CreationDate:\s+\w+ Mar 27 00:00:00 2026)"))) << info;
    EXPECT_TRUE(std::regex_search(info, std::regex(R"(Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\))"))) << info;
}

TEST_F(ReportPdf, SameReportGivesByteIdenticalPdf)
{
    EXPECT_EQ(render(*s_report, ReportPart::A), *s_part_a);
    EXPECT_EQ(render(*s_report, ReportPart::B), *s_part_b);
    // A working draft has no date of its own: still the same bytes twice.
    ReportDocument draft = *s_report;
    draft.stage = ReportStage::Draft;
    draft.version = 0;
    draft.dated.clear();
    auto const first = render(draft, ReportPart::A);
    EXPECT_EQ(render(draft, ReportPart::A), first);
    EXPECT_NE(first, *s_part_a);
    auto const info = PdfFile(first).info();
    EXPECT_EQ(info.find("CreationDate:"), std::string::npos) << info;
}

TEST_F(ReportPdf, AFindingsTextTallerThanAPageIsSplitAcrossPagesWithoutLosingAWord)
{
    ReportDocument report = *s_report;
    std::string findings;
    int const words = 1400;
    for (int i = 1; i <= words; ++i) {
        findings += "woord" + std::to_string(i) + (i % 15 == 0 ? ". " : " ");
        if (i % 100 == 0) {
            findings += "De geïnterviewde coördinator noemde één reëel risico – cliënten werden betrokken. ";
        }
    }
    findings += "slotwoord";
    auto& norm = report.part_b[0].norms[2];  // VM3
    norm.findings = findings;

    PdfFile const file(render(report, ReportPart::B));
    auto const text = file.text();
    size_t at = 0;
    for (int i = 1; i <= words; ++i) {
        auto const word = "woord" + std::to_string(i);
        std::regex const whole("\\b" + word + "\\b");
        std::smatch match;
        auto const rest = text.substr(at);
        ASSERT_TRUE(std::regex_search(rest, match, whole)) << word << " ontbreekt of staat niet op volgorde";
        at += static_cast<size_t>(match.position(0)) + word.size();
    }
    EXPECT_NE(text.find("slotwoord", at), std::string::npos);
    EXPECT_NE(text.find("één reëel risico – cliënten"), std::string::npos);

    // The row runs over more than one page, each with the table header.
    auto const pages = split(text, '\f');
    std::vector<size_t> holding;
    for (size_t i = 0; i < pages.size(); ++i) {
        if (pages[i].find("woord") != std::string::npos) {
            holding.push_back(i);
            EXPECT_TRUE(std::regex_search(pages[i], std::regex(R"(Norm\s+Bevindingen toetsing\s+Oordeel)")))
                << "pagina " << i + 1;
        }
    }
    EXPECT_GE(holding.size(), 3u);
    EXPECT_EQ(file.pages(), static_cast<int>(pages.size()) - (pages.back().empty() ? 1 : 0));
    EXPECT_NE(text.find("Pagina 1 van " + std::to_string(file.pages())), std::string::npos);
}

TEST_F(ReportPdf, NotApplicableShowsItsReasonAndUnassessedIsSaid)
{
    ReportDocument report = *s_report;
    auto& rubric = report.part_b[2];
    rubric.norms[12].verdict = Verdict::NotApplicable;  // OB13, burgerinitiatieven
    rubric.norms[12].reason = "De organisatie ondersteunt geen burgerinitiatieven.";
    rubric.norms[12].findings.clear();
    rubric.norms[13].verdict.reset();
    rubric.documents.clear();
    auto const text = PdfFile(render(report, ReportPart::B)).text();
    EXPECT_TRUE(std::regex_search(text, std::regex(R"(13\. .*Niet van toepassing: De organisatie\s.*n\.v\.t\.)")))
        << text;
    EXPECT_TRUE(std::regex_search(text, std::regex(R"(14\. .*\sniet( beoordeeld)?\s*\n)"))) << text;
    EXPECT_NE(text.find("beoordeeld"), std::string::npos);
    EXPECT_NE(text.find("Geen documenten vermeld."), std::string::npos);
}

// Text the renderer leaves to pango's own wrapping (a word wider than the column, a tab, Hebrew, a
// character from a fallback font) is printed too, next to text it breaks itself in the same table.
TEST_F(ReportPdf, TextLeftToPangosWrappingIsPrintedToo)
{
    ReportDocument report = *s_report;
    auto& norm = report.part_b[0].norms[0];
    norm.findings = "Het kwaliteitsmanagementsysteemdocumentatieverbeteringstrajectplan loopt.\tNa een tab: "
                    "samenwerking met \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D en \xE2\x9C\x93 afgevinkt.\n\n" +
                    norm.findings;
    auto const text = PdfFile(render(report, ReportPart::B)).text();
    EXPECT_NE(text.find("kwaliteitsmanagementsysteem"), std::string::npos) << text;
    EXPECT_NE(text.find("Na een tab:"), std::string::npos) << text;
    EXPECT_NE(text.find("afgevinkt."), std::string::npos) << text;
    EXPECT_NE(text.find("\xD7\xA9"), std::string::npos) << text;  // the Hebrew letter shin
    EXPECT_NE(text.find(report.part_b[0].norms[1].findings.substr(0, 40)), std::string::npos);
}

TEST(ReportHtml, HasTheSameTablesAndEscapesText)
{
    ReportDocument report = example_report();
    report.member_name = "Welzijn <Oost> & Co";
    auto const html = render_report_html(report);
    EXPECT_NE(html.find("Welzijn &lt;Oost&gt; &amp; Co"), std::string::npos);
    EXPECT_NE(html.find("<td>42 van de 49</td>"), std::string::npos);
    EXPECT_NE(html.find("<td>5; 6; 8</td>"), std::string::npos);
    EXPECT_NE(html.find("<thead><tr><th>Norm</th>"), std::string::npos);
    EXPECT_EQ(html.find("<Oost>"), std::string::npos);
}

}  // namespace
}  // namespace sterk
