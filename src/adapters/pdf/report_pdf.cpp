// The audit report drawn with cairo and pango, in two passes: the layout pass sets every block once
// (text_block.h) and places it on pages (a list of drawing operations per page); the drawing pass
// then draws each page with its heading and "Pagina X van Y", now that the page count is known,
// reusing the blocks as set.
#include "adapters/pdf/report_pdf.h"

#include "adapters/pdf/text_block.h"

#include "core/calendar/date.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <variant>
#include <vector>

namespace sterk {

namespace {

constexpr double MM = 72.0 / 25.4;
constexpr double PAGE_WIDTH = 210 * MM;  // A4 portrait, in points
constexpr double PAGE_HEIGHT = 297 * MM;
constexpr double MARGIN = 20 * MM;
constexpr double CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
constexpr double HEADING_GAP = 12;  // between the page heading's rule and the body
constexpr double FOOTER_GAP = 10;  // between the body and the footer's rule
constexpr double CELL_PAD = 4;
// A row taller than a page starts on the current page only when at least this much room is left.
constexpr double MIN_SPLIT_ROOM = 72;
constexpr char const* FONT_FAMILY = "DejaVu Sans";
constexpr char const* LABEL_NAME = "Kwaliteitslabel Sterk Sociaal Werk";
constexpr char const* EMPTY_VALUE = "—";

struct Rgb {
    double r = 0, g = 0, b = 0;
};
constexpr Rgb BLACK{0, 0, 0};
constexpr Rgb BRAND{0.09, 0.27, 0.45};  // headings
constexpr Rgb GREY_TEXT{0.30, 0.30, 0.30};
constexpr Rgb RULE{0.55, 0.55, 0.55};
constexpr Rgb HEADER_FILL{0.90, 0.93, 0.96};
constexpr Rgb LABEL_FILL{0.96, 0.96, 0.96};

enum class Style { Body, BodyBold, Small, SmallBold, SectionTitle, HeadingLabel, HeadingTitle, HeadingMeta };

struct StyleSpec {
    double size;
    PangoWeight weight;
};

StyleSpec style_spec(Style style)
{
    switch (style) {
    case Style::Body: return {9, PANGO_WEIGHT_NORMAL};
    case Style::BodyBold: return {9, PANGO_WEIGHT_BOLD};
    case Style::Small: return {8, PANGO_WEIGHT_NORMAL};
    case Style::SmallBold: return {8, PANGO_WEIGHT_BOLD};
    case Style::SectionTitle: return {11, PANGO_WEIGHT_BOLD};
    case Style::HeadingLabel: return {9, PANGO_WEIGHT_BOLD};
    case Style::HeadingTitle: return {12, PANGO_WEIGHT_BOLD};
    case Style::HeadingMeta: return {9, PANGO_WEIGHT_NORMAL};
    }
    return {9, PANGO_WEIGHT_NORMAL};
}

// A block of text and its colour.
struct ColouredText {
    std::unique_ptr<pdf::TextBlock> block;
    Rgb color;

    double height() const { return block->height(); }
    int line_count() const { return block->line_count(); }
    double span(int first, int end) const { return block->span(first, end); }
};
using Text = std::shared_ptr<ColouredText const>;

// Drawing operations, in page coordinates.
struct TextOp {
    Text text;
    double x = 0;
    double y = 0;  // where the top of line `first` goes
    int first = 0;
    int end = 0;
};
struct RectOp {
    double x = 0, y = 0, w = 0, h = 0;
    Rgb color;
    bool fill = false;
};
struct LineOp {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    Rgb color;
    double width = 0.5;
};
using Op = std::variant<TextOp, RectOp, LineOp>;

struct Page {
    std::vector<Op> ops;
};

using pdf::Align;

class TextFactory {
public:
    TextFactory() = default;
    TextFactory(TextFactory const&) = delete;
    TextFactory& operator=(TextFactory const&) = delete;
    ~TextFactory()
    {
        for (auto* description : m_fonts) {
            if (description != nullptr) {
                pango_font_description_free(description);
            }
        }
    }

    Text make(std::string const& text, Style style, double width, Rgb color = BLACK, Align align = Align::Left)
    {
        auto out = std::make_shared<ColouredText>();
        out->color = color;
        out->block = pdf::TextBlock::set(pdf::print_context(), text, font(style), width, align);
        return out;
    }

private:
    PangoFontDescription const* font(Style style)
    {
        auto& slot = m_fonts[static_cast<size_t>(style)];
        if (slot == nullptr) {
            auto const spec = style_spec(style);
            slot = pango_font_description_new();
            pango_font_description_set_family(slot, FONT_FAMILY);
            pango_font_description_set_size(slot, static_cast<gint>(spec.size * PANGO_SCALE));
            pango_font_description_set_weight(slot, spec.weight);
        }
        return slot;
    }

    std::array<PangoFontDescription*, 8> m_fonts{};
};

// A cell of a table row: its text, where it sits (x from the content's left edge) and how wide.
struct Cell {
    Text text;
    double x = 0;
    double width = 0;
    Rgb const* fill = nullptr;
};

enum class Borders { None, Grid };

// Flow: the layout pass. Places blocks top to bottom, starting a page when one is full and then
// repeating the current table's header.
class Flow {
public:
    Flow(double body_top, double body_bottom) : m_body_top(body_top), m_body_bottom(body_bottom) { new_page(); }

    std::vector<Page> take_pages() { return std::move(m_pages); }
    double remaining() const { return m_body_bottom - m_y; }
    double body_height() const { return m_body_bottom - m_body_top; }
    bool at_page_top() const { return m_y <= m_body_top; }

    void space(double points)
    {
        if (!at_page_top()) {
            m_y = std::min(m_y + points, m_body_bottom);
        }
    }

    // ensure: starts a new page unless `points` fit on this one (keeps a title with what follows).
    void ensure(double points)
    {
        if (points > remaining() && !at_page_top()) {
            new_page();
        }
    }

    void new_page()
    {
        m_pages.emplace_back();
        m_y = m_body_top;
        if (m_repeat) {
            auto repeat = m_repeat;  // placing the header must not recurse into itself
            m_repeat = nullptr;
            repeat();
            m_repeat = std::move(repeat);
        }
    }

    // A table's header row, placed now and again at the top of every page the table continues on.
    void begin_table(std::vector<Cell> header)
    {
        m_repeat = [this, header = std::move(header)] { row(header, Borders::Grid); };
        m_repeat_height = row_height(header);
        m_repeat();
    }
    void end_table()
    {
        m_repeat = nullptr;
        m_repeat_height = 0;
    }

    static double row_height(std::vector<Cell> const& cells, double pad = CELL_PAD)
    {
        double h = 0;
        for (auto const& cell : cells) {
            h = std::max(h, cell.text->height());
        }
        return h + 2 * pad;
    }

    // row: a row that fits goes here; one that does not moves to the next page; one taller than a
    // page is split line by line, each part drawn as a row of its own.
    void row(std::vector<Cell> const& cells, Borders borders, double pad = CELL_PAD)
    {
        double const height = row_height(cells, pad);
        if (height <= remaining()) {
            std::vector<int> first(cells.size(), 0);
            std::vector<int> end;
            for (auto const& cell : cells) {
                end.push_back(cell.text->line_count());
            }
            draw_part(cells, first, end, height, borders, pad);
            return;
        }
        if (height <= body_height() - m_repeat_height || remaining() < MIN_SPLIT_ROOM) {
            new_page();
            if (height <= remaining()) {
                row(cells, borders, pad);
                return;
            }
        }
        std::vector<int> next(cells.size(), 0);
        for (;;) {
            double const room = remaining() - 2 * pad;
            std::vector<int> end(next);
            bool progress = false;
            bool done = true;
            double tallest = 0;
            for (size_t i = 0; i < cells.size(); ++i) {
                auto const& text = *cells[i].text;
                while (end[i] < text.line_count() && text.span(next[i], end[i] + 1) <= room) {
                    ++end[i];
                }
                if (end[i] == next[i] && end[i] < text.line_count() && at_page_top()) {
                    ++end[i];  // a single line taller than a page: place it anyway
                }
                progress = progress || end[i] > next[i];
                done = done && end[i] == text.line_count();
                tallest = std::max(tallest, text.span(next[i], end[i]));
            }
            if (!progress) {
                new_page();
                continue;
            }
            draw_part(cells, next, end, tallest + 2 * pad, borders, pad);
            if (done) {
                return;
            }
            next = end;
            new_page();
        }
    }

    void text(Text const& block, double indent = 0)
    {
        row({Cell{block, indent, CONTENT_WIDTH - indent}}, Borders::None, 0);
    }

    void rule(Rgb color, double width)
    {
        m_pages.back().ops.push_back(LineOp{MARGIN, m_y, MARGIN + CONTENT_WIDTH, m_y, color, width});
    }

private:
    void draw_part(std::vector<Cell> const& cells, std::vector<int> const& first, std::vector<int> const& end,
                   double height, Borders borders, double pad)
    {
        auto& ops = m_pages.back().ops;
        for (size_t i = 0; i < cells.size(); ++i) {
            auto const& cell = cells[i];
            double const x = MARGIN + cell.x;
            if (cell.fill != nullptr) {
                ops.push_back(RectOp{x, m_y, cell.width, height, *cell.fill, true});
            }
            if (end[i] > first[i]) {
                ops.push_back(TextOp{cell.text, x + pad, m_y + pad, first[i], end[i]});
            }
            if (borders == Borders::Grid) {
                ops.push_back(RectOp{x, m_y, cell.width, height, RULE, false});
            }
        }
        m_y += height;
    }

    double m_body_top;
    double m_body_bottom;
    double m_y = 0;
    std::vector<Page> m_pages;
    std::function<void()> m_repeat;
    double m_repeat_height = 0;
};

void draw_text(cairo_t* cr, TextOp const& op)
{
    auto const& text = *op.text;
    cairo_set_source_rgb(cr, text.color.r, text.color.g, text.color.b);
    text.block->draw(cr, op.x, op.y, op.first, op.end);
}

void draw_op(cairo_t* cr, Op const& op)
{
    if (auto const* text = std::get_if<TextOp>(&op)) {
        draw_text(cr, *text);
    } else if (auto const* rect = std::get_if<RectOp>(&op)) {
        cairo_set_source_rgb(cr, rect->color.r, rect->color.g, rect->color.b);
        cairo_rectangle(cr, rect->x, rect->y, rect->w, rect->h);
        if (rect->fill) {
            cairo_fill(cr);
        } else {
            cairo_set_line_width(cr, 0.5);
            cairo_stroke(cr);
        }
    } else if (auto const* line = std::get_if<LineOp>(&op)) {
        cairo_set_source_rgb(cr, line->color.r, line->color.g, line->color.b);
        cairo_set_line_width(cr, line->width);
        cairo_move_to(cr, line->x1, line->y1);
        cairo_line_to(cr, line->x2, line->y2);
        cairo_stroke(cr);
    }
}

// Shapes of one colour and line width gathered into one path, filled or stroked once.
class ShapeRun {
public:
    ShapeRun(cairo_t* cr, bool fill) : m_cr(cr), m_fill(fill) {}
    ShapeRun(ShapeRun const&) = delete;
    ShapeRun& operator=(ShapeRun const&) = delete;
    ~ShapeRun() { flush(); }

    void rect(RectOp const& rect)
    {
        use(rect.color, 0.5);
        cairo_rectangle(m_cr, rect.x, rect.y, rect.w, rect.h);
    }
    void line(LineOp const& line)
    {
        use(line.color, line.width);
        cairo_move_to(m_cr, line.x1, line.y1);
        cairo_line_to(m_cr, line.x2, line.y2);
    }

private:
    void use(Rgb color, double width)
    {
        bool const same = m_open && color.r == m_color.r && color.g == m_color.g && color.b == m_color.b &&
                          (m_fill || width == m_width);
        if (!same) {
            flush();
            cairo_set_source_rgb(m_cr, color.r, color.g, color.b);
            if (!m_fill) {
                cairo_set_line_width(m_cr, width);
            }
            m_color = color;
            m_width = width;
            m_open = true;
        }
    }
    void flush()
    {
        if (m_open) {
            m_fill ? cairo_fill(m_cr) : cairo_stroke(m_cr);
            m_open = false;
        }
    }

    cairo_t* m_cr;
    bool m_fill;
    bool m_open = false;
    Rgb m_color;
    double m_width = 0;
};

// draw_page: the cells' fills first, then the text, then the borders and rules, each run of one
// colour as one path. The same marks as drawing the operations one by one (a fill never reaches a
// text or a border, only its own cell), in a small part of cairo's operations.
void draw_page(cairo_t* cr, std::vector<Op> const& ops)
{
    {
        ShapeRun fills(cr, true);
        for (auto const& op : ops) {
            if (auto const* rect = std::get_if<RectOp>(&op); rect != nullptr && rect->fill) {
                fills.rect(*rect);
            }
        }
    }
    for (auto const& op : ops) {
        if (auto const* text = std::get_if<TextOp>(&op)) {
            draw_text(cr, *text);
        }
    }
    ShapeRun strokes(cr, false);
    for (auto const& op : ops) {
        if (auto const* rect = std::get_if<RectOp>(&op); rect != nullptr && !rect->fill) {
            strokes.rect(*rect);
        } else if (auto const* line = std::get_if<LineOp>(&op)) {
            strokes.line(*line);
        }
    }
}

std::string or_dash(std::string const& value)
{
    return value.empty() ? std::string(EMPTY_VALUE) : value;
}

std::string join_numbers(std::vector<int> const& numbers)
{
    std::string out;
    for (int number : numbers) {
        if (!out.empty()) {
            out += "; ";
        }
        out += std::to_string(number);
    }
    return or_dash(out);
}

// "29 november 2026" (the weekday of dutch_long dropped), or the text as given when it is no date.
std::string dutch_date(std::string const& iso)
{
    auto const date = Date::parse(iso, "dated");
    if (!date) {
        return iso;
    }
    auto const long_form = date->dutch_long();
    auto const space = long_form.find(' ');
    return space == std::string::npos ? long_form : long_form.substr(space + 1);
}

std::string capitalised(std::string text)
{
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    }
    return text;
}

// "Concept, versie 1, 12 maart 2026"; a working draft has neither version nor date.
std::string stage_line(ReportDocument const& report)
{
    std::string line = capitalised(report_stage_dutch(report.stage));
    if (report.version > 0) {
        line += ", versie " + std::to_string(report.version);
    }
    if (!report.dated.empty()) {
        line += ", " + dutch_date(report.dated);
    }
    return line;
}

std::string verdict_text(ReportNorm const& norm)
{
    return norm.verdict ? verdict_symbol(*norm.verdict) : std::string("niet beoordeeld");
}

std::string findings_text(ReportNorm const& norm)
{
    std::string text;
    if (norm.verdict == Verdict::NotApplicable) {
        text = "Niet van toepassing: " + or_dash(norm.reason);
        if (!norm.findings.empty()) {
            text += "\n\n" + norm.findings;
        }
        return text;
    }
    return or_dash(norm.findings);
}

class ReportLayout {
public:
    ReportLayout(TextFactory& factory, Flow& flow) : m_text(factory), m_flow(flow) {}

    void section_title(std::string const& title, double keep_with = 60)
    {
        m_flow.space(10);
        auto block = m_text.make(title, Style::SectionTitle, CONTENT_WIDTH, BRAND);
        m_flow.ensure(block->height() + 4 + keep_with);
        m_flow.text(block);
        m_flow.space(4);
    }

    void bullets(std::vector<std::string> const& items)
    {
        if (items.empty()) {
            m_flow.text(m_text.make(EMPTY_VALUE, Style::Body, CONTENT_WIDTH));
            return;
        }
        for (auto const& item : items) {
            constexpr double indent = 12;
            m_flow.row({Cell{m_text.make("•", Style::Body, indent), 0, indent},
                        Cell{m_text.make(item, Style::Body, CONTENT_WIDTH - indent), indent, CONTENT_WIDTH - indent}},
                       Borders::None, 1);
        }
    }

    // keep_with: the room a title needs below it so that it never ends a page alone: its table's
    // header and first row, or, when that row is split anyway, a few lines of it.
    double keep_with(double header_height, std::vector<std::vector<Cell>> const& rows) const
    {
        double const first = rows.empty() ? 0 : Flow::row_height(rows.front());
        double const whole = header_height + first;
        return whole <= m_flow.body_height() ? whole : header_height + MIN_SPLIT_ROOM;
    }

    void part_a_section(ReportSection const& section)
    {
        constexpr double label_width = CONTENT_WIDTH * 0.38;
        constexpr double value_width = CONTENT_WIDTH - label_width;
        std::vector<std::vector<Cell>> rows;
        for (auto const& line : section.lines) {
            rows.push_back({Cell{m_text.make(line.label, Style::BodyBold, label_width - 2 * CELL_PAD), 0, label_width,
                                 &LABEL_FILL},
                            Cell{m_text.make(or_dash(line.value), Style::Body, value_width - 2 * CELL_PAD),
                                 label_width, value_width}});
        }
        section_title(section.title, keep_with(0, rows));
        for (auto const& row : rows) {
            m_flow.row(row, Borders::Grid);
        }
    }

    void overall_table(OverallTable const& table)
    {
        section_title("Overall resultaat toetsing", 80);
        m_flow.text(m_text.make("NB de nummers verwijzen naar de nummers in het kwaliteitskader", Style::Small,
                                CONTENT_WIDTH, GREY_TEXT));
        m_flow.space(4);
        // Each count column holds "42 van de 49" in bold on one line (59 points and the padding).
        static constexpr std::array<double, 6> widths{92, 112, 70, 68, 68, 0};
        static constexpr std::array<char const*, 6> headers{
            "Onderdeel norm",           "Nrs. normen die voldoen",         "Nrs. normen met verbeterpunt",
            "Nrs. normen voldoen niet", "Nrs. normen niet van toepassing", "Nrs. normen niet beoordeeld"};
        auto cells = [&](std::array<std::string, 6> const& texts, Style first, Style rest, Rgb const* fill) {
            std::vector<Cell> out;
            double x = 0;
            for (size_t i = 0; i < texts.size(); ++i) {
                double const w = i + 1 < widths.size() ? widths[i] : CONTENT_WIDTH - x;
                out.push_back(Cell{m_text.make(texts[i], i == 0 ? first : rest, w - 2 * CELL_PAD), x, w, fill});
                x += w;
            }
            return out;
        };
        m_flow.begin_table(cells({headers[0], headers[1], headers[2], headers[3], headers[4], headers[5]},
                                 Style::SmallBold, Style::SmallBold, &HEADER_FILL));
        for (auto const& row : table.rows) {
            m_flow.row(cells({row.rubric_name, join_numbers(row.met), join_numbers(row.partly),
                              join_numbers(row.not_met), join_numbers(row.not_applicable),
                              join_numbers(row.not_assessed)},
                             Style::BodyBold, Style::Body, nullptr),
                       Borders::Grid);
        }
        auto const of = [&](int count) {
            return std::to_string(count) + " van de " + std::to_string(table.norm_count);
        };
        auto const& t = table.totals;
        m_flow.row(cells({"Resultaat totaal", of(t.met), of(t.partly), of(t.not_met), of(t.not_applicable),
                          of(t.not_assessed)},
                         Style::BodyBold, Style::BodyBold, &LABEL_FILL),
                   Borders::Grid);
        m_flow.end_table();
    }

    void part_a(ReportDocument const& report)
    {
        // The overall table and the points for the trend analysis follow the conclusions (B7's
        // "Conclusies", then "Input trendanalyse en advies"); without such a section, the end.
        size_t after = report.part_a.size();
        for (size_t i = 0; i < report.part_a.size(); ++i) {
            if (report.part_a[i].title.rfind("Conclusies", 0) == 0) {
                after = i + 1;
            }
        }
        for (size_t i = 0; i < after; ++i) {
            part_a_section(report.part_a[i]);
        }
        overall_table(report.overall);
        section_title("Opvallend sterke punten");
        bullets(report.strong_points);
        section_title("Belangrijkste verbeterpunten");
        bullets(report.improvement_points);
        for (size_t i = after; i < report.part_a.size(); ++i) {
            part_a_section(report.part_a[i]);
        }
    }

    void rubric(ReportRubric const& rubric)
    {
        constexpr double norm_width = 158;
        constexpr double verdict_width = 72;
        constexpr double findings_width = CONTENT_WIDTH - norm_width - verdict_width;
        constexpr double findings_x = norm_width;
        constexpr double verdict_x = norm_width + findings_width;

        std::vector<Cell> header{
            Cell{m_text.make("Norm", Style::BodyBold, norm_width - 2 * CELL_PAD), 0, norm_width, &HEADER_FILL},
            Cell{m_text.make("Bevindingen toetsing", Style::BodyBold, findings_width - 2 * CELL_PAD), findings_x,
                 findings_width, &HEADER_FILL},
            Cell{m_text.make("Oordeel", Style::BodyBold, verdict_width - 2 * CELL_PAD, BLACK, Align::Center),
                 verdict_x, verdict_width, &HEADER_FILL},
        };
        std::vector<std::vector<Cell>> rows;
        for (auto const& norm : rubric.norms) {
            rows.push_back({Cell{m_text.make(std::to_string(norm.number) + ". " + norm.text, Style::Body,
                                             norm_width - 2 * CELL_PAD),
                                 0, norm_width},
                            Cell{m_text.make(findings_text(norm), Style::Body, findings_width - 2 * CELL_PAD),
                                 findings_x, findings_width},
                            Cell{m_text.make(verdict_text(norm), Style::BodyBold, verdict_width - 2 * CELL_PAD, BLACK,
                                             Align::Center),
                                 verdict_x, verdict_width}});
        }
        section_title("Kwaliteitsnormen " + rubric.name, keep_with(Flow::row_height(header), rows));
        m_flow.begin_table(std::move(header));
        for (auto const& row : rows) {
            m_flow.row(row, Borders::Grid);
        }
        m_flow.end_table();

        m_flow.space(8);
        auto title = m_text.make("Rubriek " + rubric.name + ": getoetste documenten", Style::BodyBold,
                                 CONTENT_WIDTH, BRAND);
        m_flow.ensure(title->height() + 30);
        m_flow.text(title);
        m_flow.space(3);
        if (rubric.documents.empty()) {
            m_flow.text(m_text.make("Geen documenten vermeld.", Style::Body, CONTENT_WIDTH, GREY_TEXT));
        } else {
            bullets(rubric.documents);
        }
    }

    void part_b(ReportDocument const& report)
    {
        m_flow.text(m_text.make("In de rechterkolom staat het oordeel: voldoet (+), verbeterpunt (+/-), voldoet niet "
                                "(-) of niet van toepassing (n.v.t.). Voldoen aan een norm betekent dat dit in de "
                                "praktijk is aangetoond.",
                                Style::Small, CONTENT_WIDTH, GREY_TEXT));
        for (auto const& rubric_value : report.part_b) {
            rubric(rubric_value);
        }
    }

private:
    TextFactory& m_text;
    Flow& m_flow;
};

// The heading of every page: the label, the stage, the part's title and the member.
struct Heading {
    Text label;
    Text stage;
    Text title;
    Text member;
    double height = 0;  // down to the rule under it
};

Heading make_heading(TextFactory& factory, ReportDocument const& report, ReportPart part)
{
    Heading heading;
    heading.label = factory.make(LABEL_NAME, Style::HeadingLabel, CONTENT_WIDTH * 0.5, BRAND);
    heading.stage = factory.make(stage_line(report), Style::HeadingMeta, CONTENT_WIDTH * 0.5, GREY_TEXT, Align::Right);
    heading.title = factory.make(report_part_title(part), Style::HeadingTitle, CONTENT_WIDTH, BLACK);
    heading.member = factory.make(or_dash(report.member_name), Style::HeadingMeta, CONTENT_WIDTH, BLACK);
    heading.height = std::max(heading.label->height(), heading.stage->height()) + 3 + heading.title->height() + 2 +
                     heading.member->height() + 4;
    return heading;
}

void draw_whole(cairo_t* cr, Text const& text, double x, double y)
{
    draw_text(cr, TextOp{text, x, y, 0, text->line_count()});
}

void draw_heading(cairo_t* cr, Heading const& heading)
{
    double y = MARGIN;
    draw_whole(cr, heading.label, MARGIN, y);
    draw_whole(cr, heading.stage, MARGIN + CONTENT_WIDTH * 0.5, y);  // right-aligned on the label's line
    y += std::max(heading.label->height(), heading.stage->height()) + 3;
    draw_whole(cr, heading.title, MARGIN, y);
    y += heading.title->height() + 2;
    draw_whole(cr, heading.member, MARGIN, y);
    y = MARGIN + heading.height;
    draw_op(cr, LineOp{MARGIN, y, MARGIN + CONTENT_WIDTH, y, BRAND, 0.8});
}

cairo_status_t append_to_string(void* closure, unsigned char const* data, unsigned int length)
{
    static_cast<std::string*>(closure)->append(reinterpret_cast<char const*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

struct SurfaceDestroy {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDestroy {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

}  // namespace

std::string report_part_title(ReportPart part)
{
    return part == ReportPart::A ? "A. Samenvatting uitkomst toetsing"
                                 : "B. Bevindingen toetsing Kwaliteitsnormen Sterk Sociaal Werk";
}

Result<std::string> render_report_pdf(ReportDocument const& report, ReportPart part)
{
    TextFactory factory;
    Heading const heading = make_heading(factory, report, part);
    Text const footer_probe = factory.make("Pagina 1 van 1", Style::Small, CONTENT_WIDTH);
    double const footer_height = footer_probe->height() + 3;
    double const body_top = MARGIN + heading.height + HEADING_GAP;
    double const body_bottom = PAGE_HEIGHT - MARGIN - footer_height - FOOTER_GAP;

    // Pass 1: lay out every block on pages.
    Flow flow(body_top, body_bottom);
    ReportLayout layout(factory, flow);
    if (part == ReportPart::A) {
        layout.part_a(report);
    } else {
        layout.part_b(report);
    }
    auto const pages = flow.take_pages();
    auto const page_count = pages.size();

    // Pass 2: draw, now that "van Y" is known.
    std::string pdf;
    std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
        cairo_pdf_surface_create_for_stream(append_to_string, &pdf, PAGE_WIDTH, PAGE_HEIGHT));
    auto const title = report_part_title(part) + " — " + report.member_name;
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT, LABEL_NAME);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Sterklabel");
    if (!report.ci_name.empty()) {
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR, report.ci_name.c_str());
    }
    // The creation date is the version's own date, so the same version always gives the same bytes
    // (cairo 1.16 would otherwise write the clock). A working draft has no date: an empty one makes
    // cairo leave the entry out.
    auto const dated = Date::parse(report.dated, "dated");
    std::string const created = dated ? dated->iso() + "T00:00:00" : std::string();
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
    if (dated) {
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, created.c_str());
    }

    Text const ci_name =
        report.ci_name.empty() ? nullptr : factory.make(report.ci_name, Style::Small, CONTENT_WIDTH * 0.6, GREY_TEXT);
    std::unique_ptr<cairo_t, ContextDestroy> cr(cairo_create(surface.get()));
    for (size_t index = 0; index < page_count; ++index) {
        draw_heading(cr.get(), heading);
        draw_page(cr.get(), pages[index].ops);
        double const footer_rule = PAGE_HEIGHT - MARGIN - footer_height;
        draw_op(cr.get(), LineOp{MARGIN, footer_rule, MARGIN + CONTENT_WIDTH, footer_rule, RULE, 0.5});
        auto const page_text = "Pagina " + std::to_string(index + 1) + " van " + std::to_string(page_count);
        draw_whole(cr.get(), factory.make(page_text, Style::Small, CONTENT_WIDTH * 0.4, GREY_TEXT, Align::Right),
                   MARGIN + CONTENT_WIDTH * 0.6, footer_rule + 3);
        if (ci_name) {
            draw_whole(cr.get(), ci_name, MARGIN, footer_rule + 3);
        }
        cairo_show_page(cr.get());
    }
    cr.reset();
    cairo_surface_finish(surface.get());
    auto const status = cairo_surface_status(surface.get());
    if (status != CAIRO_STATUS_SUCCESS) {
        return Error::internal(std::string("Het rapport kon niet als PDF worden gemaakt: ") +
                               cairo_status_to_string(status));
    }
    return pdf;
}

}  // namespace sterk
