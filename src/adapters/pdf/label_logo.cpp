#include "adapters/pdf/label_logo.h"

#include <cairo-svg.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>

namespace sterk {

namespace {

constexpr double SIZE = 300.0;  // the drawing's units: points in the SVG
constexpr double PNG_PIXELS = 1200.0;
constexpr char const* FONT_FAMILY = "DejaVu Sans";

struct SurfaceDestroy {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDestroy {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
using Context = std::unique_ptr<cairo_t, ContextDestroy>;

cairo_status_t append_to_string(void* closure, unsigned char const* data, unsigned int length)
{
    static_cast<std::string*>(closure)->append(reinterpret_cast<char const*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// centred: one line of text centred on the badge, its top at y.
void centred(cairo_t* cr, std::string const& value, double y, double size, PangoWeight weight)
{
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, FONT_FAMILY);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, weight);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(SIZE * PANGO_SCALE));
    pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER);
    pango_layout_set_text(layout, value.c_str(), -1);
    cairo_move_to(cr, 0, y);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
}

void rounded_square(cairo_t* cr, double inset, double radius)
{
    double const a = inset;
    double const b = SIZE - inset;
    cairo_new_sub_path(cr);
    cairo_arc(cr, b - radius, a + radius, radius, -G_PI / 2, 0);
    cairo_arc(cr, b - radius, b - radius, radius, 0, G_PI / 2);
    cairo_arc(cr, a + radius, b - radius, radius, G_PI / 2, G_PI);
    cairo_arc(cr, a + radius, a + radius, radius, G_PI, 3 * G_PI / 2);
    cairo_close_path(cr);
}

// draw: the badge: the label's blue, its name, and a band with the year of certification.
void draw(cairo_t* cr, LabelLogo const& logo)
{
    rounded_square(cr, 6, 36);
    cairo_set_source_rgb(cr, 0.09, 0.27, 0.45);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    centred(cr, "KWALITEITSLABEL", 42, 17, PANGO_WEIGHT_SEMIBOLD);
    centred(cr, "Sterk", 78, 54, PANGO_WEIGHT_BOLD);
    centred(cr, "Sociaal Werk", 146, 32, PANGO_WEIGHT_BOLD);
    cairo_save(cr);
    rounded_square(cr, 6, 36);
    cairo_clip(cr);  // the band follows the badge's rounded corners
    cairo_rectangle(cr, 6, 214, SIZE - 12, 50);
    cairo_set_source_rgb(cr, 0.96, 0.65, 0.14);
    cairo_fill(cr);
    cairo_restore(cr);
    cairo_set_source_rgb(cr, 0.09, 0.27, 0.45);
    centred(cr, "gecertificeerd " + std::to_string(logo.year), 223, 24, PANGO_WEIGHT_BOLD);
}

std::string escaped(std::string const& text)
{
    std::string out;
    for (char c : text) {
        out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;" : std::string(1, c);
    }
    return out;
}

Result<std::string> svg(LabelLogo const& logo)
{
    std::string out;
    {
        Surface surface{cairo_svg_surface_create_for_stream(append_to_string, &out, SIZE, SIZE)};
        Context cr{cairo_create(surface.get())};
        draw(cr.get(), logo);
        cairo_surface_finish(surface.get());
        if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
            return Error::internal("Het logo kon niet als SVG worden gemaakt.");
        }
    }
    // The text is drawn as outlines; the title says what the image says.
    auto const open = out.find("<svg");
    auto const end = open == std::string::npos ? open : out.find('>', open);
    if (end == std::string::npos) {
        return Error::internal("Het logo kon niet als SVG worden gemaakt.");
    }
    out.insert(end + 1, "\n<title>" + escaped(logo.caption) + "</title>");
    out.insert(end, " role=\"img\" aria-label=\"" + escaped(logo.caption) + "\"");
    return out;
}

Result<std::string> png(LabelLogo const& logo)
{
    int const pixels = static_cast<int>(PNG_PIXELS);
    Surface surface{cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixels, pixels)};
    Context cr{cairo_create(surface.get())};
    cairo_scale(cr.get(), PNG_PIXELS / SIZE, PNG_PIXELS / SIZE);
    draw(cr.get(), logo);
    cairo_surface_flush(surface.get());
    std::string out;
    if (cairo_surface_write_to_png_stream(surface.get(), append_to_string, &out) != CAIRO_STATUS_SUCCESS) {
        return Error::internal("Het logo kon niet als PNG worden gemaakt.");
    }
    return out;
}

}  // namespace

Result<std::string> render_label_logo(LabelLogo const& logo, LogoFormat format)
{
    return format == LogoFormat::Svg ? svg(logo) : png(logo);
}

}  // namespace sterk
