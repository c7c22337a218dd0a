// A paragraph is laid out by pango without a width, which shapes it once; its one run is then
// cut into lines (the item split, the glyphs copied) at the ends break_lines chooses, the space a
// line ends in gets no width (as pango does: zero_line_final_space), and each line's box follows
// pango's own arithmetic (get_x_offset, lines stacked by their logical height).
#include "adapters/pdf/text_block.h"

#include "adapters/pdf/line_breaking.h"

#include <cstring>

namespace sterk::pdf {

namespace {

// Pango's get_x_offset: where a line of `line_width` starts in a layout of `layout_width`.
int x_offset(Align align, int layout_width, int line_width)
{
    if (layout_width == 0) {
        return 0;
    }
    if (align == Align::Right) {
        return layout_width - line_width;
    }
    if (align == Align::Center) {
        int x = (layout_width - line_width) / 2;
        if (((layout_width | line_width) & (PANGO_SCALE - 1)) == 0) {
            x = PANGO_UNITS_ROUND(x);
        }
        return x;
    }
    return 0;
}

LineBox box_at(double& y, PangoRectangle const& logical, int x)
{
    LineBox box;
    box.top = y;
    box.bottom = y + pango_units_to_double(logical.height);
    box.baseline = y - pango_units_to_double(logical.y);
    box.x = pango_units_to_double(x);
    y = box.bottom;
    return box;
}

// Text that break_lines leaves to pango: a tab (its width depends on where it lands), a line
// separator, a soft hyphen or a hyphenation point (a hyphen added at the break).
bool needs_pango(char const* text)
{
    return std::strchr(text, '\t') != nullptr || std::strstr(text, "\xE2\x80\xA8") != nullptr ||
           std::strstr(text, "\xC2\xAD") != nullptr || std::strstr(text, "\xE2\x80\xA7") != nullptr;
}

// The space a wrapped line ends in takes no room and is not drawn (pango's zero_line_final_space).
void drop_final_space(PangoGlyphString* glyphs)
{
    int const last = glyphs->num_glyphs - 1;
    if (last < 0 || (last >= 1 && glyphs->log_clusters[last] == glyphs->log_clusters[last - 1])) {
        return;
    }
    glyphs->glyphs[last].geometry.width = 0;
    glyphs->glyphs[last].glyph = PANGO_GLYPH_EMPTY;
}

Align align_of(PangoLayout* layout)
{
    switch (pango_layout_get_alignment(layout)) {
    case PANGO_ALIGN_CENTER: return Align::Center;
    case PANGO_ALIGN_RIGHT: return Align::Right;
    default: return Align::Left;
    }
}

struct GObjectUnref {
    void operator()(gpointer object) const
    {
        if (object != nullptr) {
            g_object_unref(object);
        }
    }
};

}  // namespace

PangoContext* print_context()
{
    thread_local std::unique_ptr<PangoFontMap, GObjectUnref> const map = [] {
        PangoFontMap* created = pango_cairo_font_map_new();
        pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(created), 72.0);
        return std::unique_ptr<PangoFontMap, GObjectUnref>(created);
    }();
    thread_local std::unique_ptr<PangoContext, GObjectUnref> const context = [] {
        PangoContext* created = pango_font_map_create_context(map.get());
        cairo_font_options_t* options = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
        pango_cairo_context_set_font_options(created, options);
        cairo_font_options_destroy(options);
        pango_context_set_language(created, pango_language_from_string("nl-nl"));
        // Pango rounds glyph advances to whole device units by default, which suits a screen's
        // pixels; on a PDF page they are whole points, which spread 9 pt text by about 7% (most
        // of DejaVu's advances round up at that size) and make cairo correct every glyph's
        // position in the page's content. The font's own advances, as any PDF printer uses them.
        pango_context_set_round_glyph_positions(created, FALSE);
        return std::unique_ptr<PangoContext, GObjectUnref>(created);
    }();
    return context.get();
}

std::unique_ptr<TextBlock> TextBlock::set(PangoContext* context, std::string const& text,
                                          PangoFontDescription const* font, double width, Align align,
                                          Wrapping wrapping)
{
    std::unique_ptr<TextBlock> block(new TextBlock);
    block->m_layout = pango_layout_new(context);
    PangoLayout* layout = block->m_layout;
    pango_layout_set_font_description(layout, font);
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, align == Align::Center  ? PANGO_ALIGN_CENTER
                                       : align == Align::Right ? PANGO_ALIGN_RIGHT
                                                               : PANGO_ALIGN_LEFT);
    if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
        pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    } else {  // pango refuses invalid UTF-8: show what can be shown, with U+FFFD for the rest
        gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
        pango_layout_set_text(layout, valid, -1);
        g_free(valid);
    }

    int const width_units = pango_units_from_double(width);
    if (wrapping == Wrapping::Fast && !needs_pango(pango_layout_get_text(layout)) &&
        block->break_here(width_units)) {
        block->m_broken_here = true;
        return block;
    }
    pango_layout_set_width(layout, width_units);
    block->measure_pango_lines();
    return block;
}

TextBlock::~TextBlock()
{
    free_pieces();
    if (m_layout != nullptr) {
        g_object_unref(m_layout);
    }
}

void TextBlock::free_pieces()
{
    for (auto const& piece : m_pieces) {
        if (piece.item != nullptr) {
            pango_item_free(piece.item);
        }
        if (piece.glyphs != nullptr) {
            pango_glyph_string_free(piece.glyphs);
        }
    }
    m_pieces.clear();
}

bool TextBlock::break_here(int width_units)
{
    PangoLayout* layout = m_layout;
    Align const align = align_of(layout);
    char const* text = pango_layout_get_text(layout);
    int attr_count = 0;
    PangoLogAttr const* attrs = pango_layout_get_log_attrs_readonly(layout, &attr_count);
    int const text_chars = attr_count - 1;
    auto const give_up = [this] {
        free_pieces();
        m_pango_lines.clear();
        m_boxes.clear();
        return false;
    };

    double y = 0;
    int line_byte = 0;  // where the previous paragraph started, in bytes and in characters
    int line_char = 0;
    for (GSList* node = pango_layout_get_lines_readonly(layout); node != nullptr; node = node->next) {
        auto* line = static_cast<PangoLayoutLine*>(node->data);
        line_char += static_cast<int>(g_utf8_pointer_to_offset(text + line_byte, text + line->start_index));
        line_byte = line->start_index;
        if (line->runs == nullptr) {  // an empty paragraph: pango's box for it
            PangoRectangle logical;
            pango_layout_line_get_extents(line, nullptr, &logical);
            m_boxes.push_back(box_at(y, logical, x_offset(align, width_units, 0)));
            m_pieces.emplace_back();
            m_pango_lines.push_back(line);
            continue;
        }
        auto* run = static_cast<PangoGlyphItem*>(line->runs->data);
        bool const one_run = line->runs->next == nullptr && run->item->offset == line->start_index &&
                             run->item->length == line->length;
        if (!one_run || run->item->analysis.level % 2 != 0) {
            return give_up();  // several runs (a fallback font) or right-to-left text
        }

        int const n = run->item->num_chars;
        Paragraph paragraph;
        paragraph.widths.resize(static_cast<size_t>(n));
        pango_glyph_item_get_logical_widths(run, text, paragraph.widths.data());
        for (int k = 0; k <= n; ++k) {
            auto const& at = attrs[line_char + k];
            paragraph.can_break.push_back(line_char + k == text_chars || at.is_line_break);
            paragraph.white_before.push_back(k > 0 && attrs[line_char + k - 1].is_white);
            paragraph.hyphen_at.push_back(at.break_inserts_hyphen || at.break_removes_preceding);
        }
        paragraph.line_width = width_units;
        PangoFontMetrics* metrics = pango_font_get_metrics(run->item->analysis.font, run->item->analysis.language);
        paragraph.safe_distance = pango_font_metrics_get_approximate_char_width(metrics) * 3;
        pango_font_metrics_unref(metrics);
        auto const ends = break_lines(paragraph);
        if (!ends || !cut(run, *ends, line_char, width_units, y)) {
            return give_up();
        }
    }
    return true;
}

// cut: the run's lines as pieces of its item and copies of their glyphs (pango_glyph_item_split
// would move the rest of the paragraph's glyphs at every line).
bool TextBlock::cut(PangoGlyphItem const* run, std::vector<int> const& ends, int first_char, int width_units,
                    double& y)
{
    char const* text = pango_layout_get_text(m_layout);
    int attr_count = 0;
    PangoLogAttr const* attrs = pango_layout_get_log_attrs_readonly(m_layout, &attr_count);
    Align const align = align_of(m_layout);
    PangoGlyphString const* all = run->glyphs;
    PangoItem* rest = pango_item_copy(run->item);
    int done_chars = 0;
    int done_bytes = 0;  // from the run's start
    int glyph = 0;
    for (int end : ends) {
        Piece piece;
        int end_bytes = run->item->length;
        if (end < run->item->num_chars) {
            char const* from = text + rest->offset;
            int const bytes = static_cast<int>(g_utf8_offset_to_pointer(from, end - done_chars) - from);
            piece.item = pango_item_split(rest, bytes, end - done_chars);
            end_bytes = done_bytes + bytes;
        } else {
            piece.item = rest;
            rest = nullptr;
        }
        int const first_glyph = glyph;
        while (glyph < all->num_glyphs && all->log_clusters[glyph] < end_bytes) {
            ++glyph;
        }
        int const count = glyph - first_glyph;
        piece.glyphs = pango_glyph_string_new();
        pango_glyph_string_set_size(piece.glyphs, count);
        std::memcpy(piece.glyphs->glyphs, all->glyphs + first_glyph,
                    sizeof(PangoGlyphInfo) * static_cast<size_t>(count));
        for (int i = 0; i < count; ++i) {
            piece.glyphs->log_clusters[i] = all->log_clusters[first_glyph + i] - done_bytes;
        }
        m_pieces.push_back(piece);
        m_pango_lines.push_back(nullptr);
        if (count == 0) {
            if (rest != nullptr) {
                pango_item_free(rest);
            }
            return false;  // a break inside a cluster: pango splits otherwise
        }
        if (end < run->item->num_chars && attrs[first_char + end - 1].is_white) {
            drop_final_space(piece.glyphs);
        }
        PangoRectangle logical;
        pango_glyph_string_extents(piece.glyphs, piece.item->analysis.font, nullptr, &logical);
        m_boxes.push_back(box_at(y, logical, x_offset(align, width_units, logical.width)));
        done_chars = end;
        done_bytes = end_bytes;
    }
    if (rest != nullptr) {
        pango_item_free(rest);
    }
    return true;
}

void TextBlock::measure_pango_lines()
{
    PangoLayoutIter* iter = pango_layout_get_iter(m_layout);
    do {
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(iter, nullptr, &logical);
        LineBox box;
        box.top = pango_units_to_double(logical.y);
        box.bottom = pango_units_to_double(logical.y + logical.height);
        box.baseline = pango_units_to_double(pango_layout_iter_get_baseline(iter));
        box.x = pango_units_to_double(logical.x);
        m_boxes.push_back(box);
        m_pieces.emplace_back();
        m_pango_lines.push_back(pango_layout_iter_get_line_readonly(iter));
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
}

void TextBlock::draw(cairo_t* cr, double x, double y, int first, int end) const
{
    if (end <= first) {
        return;
    }
    if (draw_as_one(cr, x, y, first, end)) {
        return;
    }
    char const* text = pango_layout_get_text(m_layout);
    double const top = m_boxes[static_cast<size_t>(first)].top;
    for (int index = first; index < end; ++index) {
        auto const at = static_cast<size_t>(index);
        auto const& box = m_boxes[at];
        cairo_move_to(cr, x + box.x, y + box.baseline - top);
        if (auto const& piece = m_pieces[at]; piece.item != nullptr) {
            PangoGlyphItem view{};
            view.item = piece.item;
            view.glyphs = piece.glyphs;
            pango_cairo_show_glyph_item(cr, text, &view);
        } else if (m_pango_lines[at] != nullptr) {
            pango_cairo_show_layout_line(cr, m_pango_lines[at]);
        }
    }
}

// draw_as_one: lines [first, end) as one cairo_show_text_glyphs: the glyphs where pango's renderer
// puts them (pango_cairo_renderer_show_text_glyphs) and its clusters, but one cairo operation
// instead of one per line with a save, a font and a restore each. Only for lines this block broke
// itself, in one font, without glyphs pango would draw as hex boxes; otherwise false.
bool TextBlock::draw_as_one(cairo_t* cr, double x, double y, int first, int end) const
{
    PangoFont* font = nullptr;
    for (int index = first; index < end; ++index) {
        auto const& piece = m_pieces[static_cast<size_t>(index)];
        if (piece.item == nullptr) {
            auto const* line = m_pango_lines[static_cast<size_t>(index)];
            if (line == nullptr || line->runs != nullptr) {
                return false;  // a line pango wrapped
            }
            continue;  // an empty paragraph: nothing to draw
        }
        PangoFont* const piece_font = piece.item->analysis.font;
        if ((font != nullptr && piece_font != font) || !PANGO_IS_CAIRO_FONT(piece_font)) {
            return false;
        }
        font = piece_font;
        for (int g = 0; g < piece.glyphs->num_glyphs; ++g) {
            auto const glyph = piece.glyphs->glyphs[g].glyph;
            if (glyph != PANGO_GLYPH_EMPTY && (glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0) {
                return false;
            }
        }
    }
    if (font == nullptr) {
        return true;  // only empty lines
    }
    cairo_scaled_font_t* scaled = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
    if (scaled == nullptr) {
        return false;
    }

    char const* text = pango_layout_get_text(m_layout);
    double const top = m_boxes[static_cast<size_t>(first)].top;
    std::string utf8;
    std::vector<cairo_glyph_t> glyphs;
    std::vector<cairo_text_cluster_t> clusters;
    for (int index = first; index < end; ++index) {
        auto const& piece = m_pieces[static_cast<size_t>(index)];
        if (piece.item == nullptr) {
            continue;
        }
        auto const& box = m_boxes[static_cast<size_t>(index)];
        double const base_x = x + box.x;
        double const base_y = y + box.baseline - top;
        utf8.append(text + piece.item->offset, static_cast<size_t>(piece.item->length));
        int x_position = 0;
        for (int g = 0; g < piece.glyphs->num_glyphs; ++g) {
            auto const& info = piece.glyphs->glyphs[g];
            if (info.glyph != PANGO_GLYPH_EMPTY) {
                double const cx = base_x + static_cast<double>(x_position + info.geometry.x_offset) / PANGO_SCALE;
                double const cy = info.geometry.y_offset == 0
                                      ? base_y
                                      : base_y + static_cast<double>(info.geometry.y_offset) / PANGO_SCALE;
                glyphs.push_back(cairo_glyph_t{info.glyph, cx, cy});
            }
            x_position += info.geometry.width;
        }
        PangoGlyphItem view{};
        view.item = piece.item;
        view.glyphs = piece.glyphs;
        PangoGlyphItemIter iter;
        for (bool more = pango_glyph_item_iter_init_start(&iter, &view, text); more;
             more = pango_glyph_item_iter_next_cluster(&iter)) {
            int drawn = 0;
            for (int g = iter.start_glyph; g < iter.end_glyph; ++g) {
                drawn += piece.glyphs->glyphs[g].glyph == PANGO_GLYPH_EMPTY ? 0 : 1;
            }
            clusters.push_back(cairo_text_cluster_t{iter.end_index - iter.start_index, drawn});
        }
    }
    cairo_save(cr);
    cairo_set_scaled_font(cr, scaled);
    cairo_show_text_glyphs(cr, utf8.data(), static_cast<int>(utf8.size()), glyphs.data(),
                           static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
                           static_cast<cairo_text_cluster_flags_t>(0));
    cairo_restore(cr);
    return true;
}

std::vector<std::string> TextBlock::line_texts() const
{
    char const* text = pango_layout_get_text(m_layout);
    std::vector<std::string> out;
    for (size_t i = 0; i < m_boxes.size(); ++i) {
        if (auto const* item = m_pieces[i].item; item != nullptr) {
            out.emplace_back(text + item->offset, static_cast<size_t>(item->length));
        } else {
            out.emplace_back(text + m_pango_lines[i]->start_index, static_cast<size_t>(m_pango_lines[i]->length));
        }
    }
    return out;
}

}  // namespace sterk::pdf
