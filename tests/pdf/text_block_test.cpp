// The report PDF's own line breaking (line_breaking.h, text_block.h) against pango's wrapping:
// the same lines, the same boxes, for every text of Bijlage 8's example at the widths the report
// uses and at many others, in the report's fonts; and the rule itself on made-up widths.
#include "adapters/demo/example_report.h"
#include "adapters/pdf/line_breaking.h"
#include "adapters/pdf/text_block.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace sterk::pdf {
namespace {

struct FontFree {
    void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};
using Font = std::unique_ptr<PangoFontDescription, FontFree>;

Font font(double size, bool bold)
{
    Font out(pango_font_description_new());
    pango_font_description_set_family(out.get(), "DejaVu Sans");
    pango_font_description_set_size(out.get(), static_cast<gint>(size * PANGO_SCALE));
    pango_font_description_set_weight(out.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    return out;
}

// Both ways of setting `text`; returns whether break_lines did it (false: it left it to pango).
bool expect_same_lines(std::string const& text, PangoFontDescription const* font, double width, Align align)
{
    auto const fast = TextBlock::set(print_context(), text, font, width, align, Wrapping::Fast);
    auto const pango = TextBlock::set(print_context(), text, font, width, align, Wrapping::Pango);
    EXPECT_FALSE(pango->broken_here());
    EXPECT_EQ(fast->line_texts(), pango->line_texts()) << "breedte " << width << ": " << text;
    EXPECT_EQ(fast->line_count(), pango->line_count());
    for (int i = 0; i < std::min(fast->line_count(), pango->line_count()); ++i) {
        auto const& a = fast->lines()[static_cast<size_t>(i)];
        auto const& b = pango->lines()[static_cast<size_t>(i)];
        EXPECT_DOUBLE_EQ(a.top, b.top) << "regel " << i << ", breedte " << width;
        EXPECT_DOUBLE_EQ(a.bottom, b.bottom) << "regel " << i << ", breedte " << width;
        EXPECT_DOUBLE_EQ(a.baseline, b.baseline) << "regel " << i << ", breedte " << width;
        EXPECT_DOUBLE_EQ(a.x, b.x) << "regel " << i << ", breedte " << width << ": " << text;
    }
    return fast->broken_here();
}

std::vector<std::string> example_texts()
{
    auto const report = example_report();
    std::vector<std::string> texts;
    for (auto const& section : report.part_a) {
        texts.push_back(section.title);
        for (auto const& line : section.lines) {
            texts.push_back(line.label);
            texts.push_back(line.value);
        }
    }
    for (auto const& rubric : report.part_b) {
        for (auto const& norm : rubric.norms) {
            texts.push_back(std::to_string(norm.number) + ". " + norm.text);
            texts.push_back(norm.findings);
        }
        for (auto const& document : rubric.documents) {
            texts.push_back(document);
        }
    }
    for (auto const& point : report.strong_points) {
        texts.push_back(point);
    }
    for (auto const& point : report.improvement_points) {
        texts.push_back(point);
    }
    return texts;
}

TEST(TextBlock, EveryTextOfTheExampleReportBreaksAsPangoWouldAtTheReportsWidths)
{
    auto const body = font(9, false);
    auto const bold = font(9, true);
    // The findings, norm and Part A value columns less their padding, and the page's width.
    std::vector<double> const widths{243.9, 150, 290.8, 481.9};
    int broken_here = 0;
    int total = 0;
    for (auto const& text : example_texts()) {
        for (double width : widths) {
            broken_here += expect_same_lines(text, body.get(), width, Align::Left) ? 1 : 0;
            ++total;
        }
        broken_here += expect_same_lines(text, bold.get(), 175.1, Align::Left) ? 1 : 0;  // Part A's labels
        ++total;
    }
    EXPECT_EQ(broken_here, total);  // none of them needed pango's wrapping
}

TEST(TextBlock, LongTextsBreakAsPangoWouldAtEveryWidthInEveryStyle)
{
    auto const texts = example_texts();
    std::vector<std::string> const samples{texts[texts.size() / 2], texts.back(),
                                           "Niet van toepassing: De organisatie heeft geen eigen vrijwilligers.\n\n" +
                                               texts[texts.size() / 3],
                                           "  twee  spaties   en meer,\nregels\n\nen een lege regel aan het eind\n"};
    for (double size : {8.0, 9.0, 12.0}) {
        for (bool heavy : {false, true}) {
            auto const f = font(size, heavy);
            for (auto const& text : samples) {
                for (double width = 60; width < 500; width += 17.3) {
                    expect_same_lines(text, f.get(), width, Align::Left);
                }
            }
        }
    }
}

TEST(TextBlock, CentredAndRightAlignedLinesStartWherePangoPutsThem)
{
    auto const f = font(9, true);
    for (double width = 30; width < 300; width += 9.1) {
        // From the verdict column's width up; in narrower ones pango breaks "beoordeeld" itself.
        bool const here = expect_same_lines("niet beoordeeld", f.get(), width, Align::Center);
        EXPECT_TRUE(here || width < 64) << width;
        expect_same_lines("Pagina 12 van 19", f.get(), width, Align::Right);
        expect_same_lines("Definitief, versie 2, 27 maart 2026", f.get(), width, Align::Right);
    }
}

TEST(TextBlock, WhatItCannotBreakItselfIsLeftToPango)
{
    auto const f = font(9, false);
    // A word wider than the line (pango breaks it with a hyphen), a tab, right-to-left text and a
    // character from another font: pango's own wrapping, the same lines as pango.
    EXPECT_FALSE(expect_same_lines("Kwaliteitsmanagementsysteemdocumentatie is lang", f.get(), 60, Align::Left));
    EXPECT_FALSE(expect_same_lines("kolom\tna een tab", f.get(), 200, Align::Left));
    EXPECT_FALSE(expect_same_lines("שלום עולם en Nederlands", f.get(), 80, Align::Left));
    EXPECT_FALSE(expect_same_lines("zacht\xC2\xAD" "afbreekstreepje in een lange regel", f.get(), 60, Align::Left));
    // An empty text has one empty line, as with pango.
    expect_same_lines("", f.get(), 100, Align::Left);
}

Paragraph paragraph(std::vector<int> widths, std::vector<int> breaks, std::vector<int> spaces, int line_width)
{
    Paragraph p;
    auto const n = widths.size();
    p.widths = std::move(widths);
    p.can_break.assign(n + 1, false);
    p.white_before.assign(n + 1, false);
    p.hyphen_at.assign(n + 1, false);
    for (int at : breaks) {
        p.can_break[static_cast<size_t>(at)] = true;
    }
    for (int at : spaces) {  // a space at character `at`: white before position at + 1
        p.white_before[static_cast<size_t>(at + 1)] = true;
    }
    p.can_break[n] = true;
    p.line_width = line_width;
    p.safe_distance = 3;
    return p;
}

TEST(LineBreaking, EndsEachLineAtTheLastBreakThatFitsWithoutItsTrailingSpace)
{
    // "aaa bbb ccc": characters of width 10, breaks after each space.
    auto const p = paragraph({10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, {4, 8}, {3, 7}, 70);
    EXPECT_EQ(break_lines(p), (std::vector<int>{8, 11}));  // "aaa bbb " is 80 wide, 70 without its space
    auto const narrow = paragraph({10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, {4, 8}, {3, 7}, 69);
    EXPECT_EQ(break_lines(narrow), (std::vector<int>{4, 8, 11}));
    auto const wide = paragraph({10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, {4, 8}, {3, 7}, 110);
    EXPECT_EQ(break_lines(wide), (std::vector<int>{11}));
}

TEST(LineBreaking, AWordWiderThanTheLineOrAHyphenIsLeftToPango)
{
    auto const p = paragraph({10, 10, 10, 10, 10, 10, 10, 10}, {4}, {3}, 35);  // "aaa bbbb": bbbb is 40
    EXPECT_EQ(break_lines(p), std::nullopt);
    auto hyphen = paragraph({10, 10, 10, 10, 10, 10, 10, 10}, {4, 6}, {3}, 65);
    hyphen.hyphen_at[6] = true;
    EXPECT_EQ(break_lines(hyphen), std::nullopt);
}

}  // namespace
}  // namespace sterk::pdf
