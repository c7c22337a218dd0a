// File: text_block.h
// A text set in one font at a given width with pango: the box of each line, and drawing any run
// of its lines with cairo. Each paragraph is shaped once (pango without a width) and broken into
// lines by break_lines (line_breaking.h), which gives the lines and glyphs pango's own wrapping
// gives at a third of the shaping; a paragraph that needs more (right-to-left text, a fallback
// font, a tab, a hyphen to insert, a word wider than the line) is wrapped by pango itself.
//
// Example:
//   auto block = TextBlock::set(context, "Bevindingen toetsing", font, 250.0, Align::Left);
//   block->draw(cr, x, y, 0, block->line_count());
#pragma once

#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <vector>

namespace sterk::pdf {

// print_context: this thread's pango context for PDF pages, made on first use: 72 dpi (pango's
// sizes are points), unhinted metrics, glyph positions not rounded to whole points, Dutch (pango
// objects are not shared between threads).
PangoContext* print_context();

enum class Align { Left, Center, Right };

// Wrapping: Fast breaks the lines itself (the default); Pango lets pango wrap (the reference the
// tests compare with).
enum class Wrapping { Fast, Pango };

// A line's box, in points from the block's top; x is where the line starts (its alignment).
struct LineBox {
    double top = 0;
    double bottom = 0;
    double baseline = 0;
    double x = 0;
};

class TextBlock {
public:
    // set: the text (invalid UTF-8 shown with U+FFFD) in `font`, `width` points wide.
    static std::unique_ptr<TextBlock> set(PangoContext* context, std::string const& text,
                                          PangoFontDescription const* font, double width, Align align,
                                          Wrapping wrapping = Wrapping::Fast);
    ~TextBlock();
    TextBlock(TextBlock const&) = delete;
    TextBlock& operator=(TextBlock const&) = delete;

    std::vector<LineBox> const& lines() const { return m_boxes; }
    int line_count() const { return static_cast<int>(m_boxes.size()); }
    double height() const { return m_boxes.empty() ? 0 : m_boxes.back().bottom; }
    // The height of lines [first, end).
    double span(int first, int end) const
    {
        if (end <= first) {
            return 0;
        }
        return m_boxes[static_cast<size_t>(end - 1)].bottom - m_boxes[static_cast<size_t>(first)].top;
    }

    // draw: lines [first, end) in the current source colour, the top of line `first` at (x, y).
    void draw(cairo_t* cr, double x, double y, int first, int end) const;

    // The text of each line as drawn (for the tests), and whether the block was broken by
    // break_lines rather than by pango.
    std::vector<std::string> line_texts() const;
    bool broken_here() const { return m_broken_here; }

private:
    TextBlock() = default;
    bool break_here(int width_units);
    bool cut(PangoGlyphItem const* run, std::vector<int> const& ends, int first_char, int width_units, double& y);
    void free_pieces();
    void measure_pango_lines();
    bool draw_as_one(cairo_t* cr, double x, double y, int first, int end) const;

    PangoLayout* m_layout = nullptr;
    std::vector<LineBox> m_boxes;
    // Per line: the glyphs to draw (break_lines: one item's part and its glyphs) or pango's line.
    struct Piece {
        PangoItem* item = nullptr;
        PangoGlyphString* glyphs = nullptr;
    };
    std::vector<Piece> m_pieces;
    std::vector<PangoLayoutLine*> m_pango_lines;
    bool m_broken_here = false;
};

}  // namespace sterk::pdf
