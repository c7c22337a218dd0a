#include "adapters/pdf/certificate_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <cstdint>
#include <memory>

namespace sterk {

namespace {

constexpr double MM = 72.0 / 25.4;
constexpr double PAGE_WIDTH = 210 * MM;
constexpr double PAGE_HEIGHT = 297 * MM;
constexpr double MARGIN = 25 * MM;
constexpr double CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
constexpr double QR_SIZE = 45 * MM;
constexpr char const* FONT_FAMILY = "DejaVu Sans";

struct Rgb {
    double r = 0, g = 0, b = 0;
};
constexpr Rgb BLACK{0, 0, 0};
constexpr Rgb BRAND{0.09, 0.27, 0.45};
constexpr Rgb GREY_TEXT{0.30, 0.30, 0.30};

struct SurfaceDestroy {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDestroy {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct QrDestroy {
    void operator()(QRcode* q) const { QRcode_free(q); }
};

cairo_status_t append_to_string(void* closure, unsigned char const* data, unsigned int length)
{
    static_cast<std::string*>(closure)->append(reinterpret_cast<char const*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// text: draws `markup`-free text at (x, y) within `width`; the height it took.
double text(cairo_t* cr, std::string const& value, double x, double y, double width, double size, PangoWeight weight,
            Rgb colour, PangoAlignment align = PANGO_ALIGN_LEFT)
{
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, FONT_FAMILY);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);  // points: the PDF's units
    pango_font_description_set_weight(font, weight);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, align);
    pango_layout_set_text(layout, value.c_str(), -1);
    cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    int w = 0, h = 0;
    pango_layout_get_size(layout, &w, &h);
    g_object_unref(layout);
    return static_cast<double>(h) / PANGO_SCALE;
}

void rule(cairo_t* cr, double y, Rgb colour, double width)
{
    cairo_set_source_rgb(cr, colour.r, colour.g, colour.b);
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, MARGIN, y);
    cairo_line_to(cr, MARGIN + CONTENT_WIDTH, y);
    cairo_stroke(cr);
}

std::string dutch_date(Date d)
{
    static char const* const months[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                         "juli",    "augustus", "september", "oktober", "november", "december"};
    return std::to_string(d.day()) + " " + months[d.month() - 1] + " " + std::to_string(d.year());
}

}  // namespace

Result<std::string> render_certificate_pdf(Certificate const& c, std::string const& verification_url)
{
    std::unique_ptr<QRcode, QrDestroy> qr(QRcode_encodeString8bit(verification_url.c_str(), 0, QR_ECLEVEL_M));
    if (!qr) {
        return Error::internal("De QR-code van het certificaat kon niet worden gemaakt.");
    }
    std::string pdf;
    std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
        cairo_pdf_surface_create_for_stream(append_to_string, &pdf, PAGE_WIDTH, PAGE_HEIGHT));
    std::string const title = "Certificaat " + c.number + " — " + c.member_name;
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT, "Kwaliteitslabel Sterk Sociaal Werk");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Sterklabel");
    std::string const created = c.issued.iso() + "T00:00:00";
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, created.c_str());
    std::unique_ptr<cairo_t, ContextDestroy> owner(cairo_create(surface.get()));
    cairo_t* cr = owner.get();

    // Heading: the label, as on the report's pages.
    double y = MARGIN;
    y += text(cr, "Kwaliteitslabel Sterk Sociaal Werk", MARGIN, y, CONTENT_WIDTH, 11, PANGO_WEIGHT_BOLD, BRAND);
    y += 2;
    rule(cr, y, BRAND, 1.5);
    y += 30 * MM;
    y += text(cr, "CERTIFICAAT", MARGIN, y, CONTENT_WIDTH, 30, PANGO_WEIGHT_BOLD, BRAND, PANGO_ALIGN_CENTER);
    y += 4 * MM;
    y += text(cr, "Nummer " + c.number, MARGIN, y, CONTENT_WIDTH, 13, PANGO_WEIGHT_NORMAL, GREY_TEXT,
              PANGO_ALIGN_CENTER);
    y += 18 * MM;
    y += text(cr, "Hierbij wordt verklaard dat", MARGIN, y, CONTENT_WIDTH, 11, PANGO_WEIGHT_NORMAL, BLACK,
              PANGO_ALIGN_CENTER);
    y += 5 * MM;
    y += text(cr, c.member_name, MARGIN, y, CONTENT_WIDTH, 20, PANGO_WEIGHT_BOLD, BLACK, PANGO_ALIGN_CENTER);
    if (!c.town.empty()) {
        y += 2 * MM;
        y += text(cr, c.town, MARGIN, y, CONTENT_WIDTH, 11, PANGO_WEIGHT_NORMAL, GREY_TEXT, PANGO_ALIGN_CENTER);
    }
    y += 8 * MM;
    y += text(cr,
              "extern is getoetst aan de normen van het Kwaliteitslabel Sterk Sociaal Werk en voldoet aan de "
              "voorwaarden voor het label, voor de volgende scope:",
              MARGIN, y, CONTENT_WIDTH, 11, PANGO_WEIGHT_NORMAL, BLACK, PANGO_ALIGN_CENTER);
    y += 4 * MM;
    y += text(cr, c.scope, MARGIN, y, CONTENT_WIDTH, 13, PANGO_WEIGHT_BOLD, BLACK, PANGO_ALIGN_CENTER);
    y += 14 * MM;

    double const label_width = 55 * MM;
    auto const row = [&](std::string const& label, std::string const& value) {
        text(cr, label, MARGIN + 15 * MM, y, label_width, 11, PANGO_WEIGHT_NORMAL, GREY_TEXT);
        y += text(cr, value, MARGIN + 15 * MM + label_width, y, CONTENT_WIDTH - label_width - 15 * MM, 11,
                  PANGO_WEIGHT_BOLD, BLACK);
        y += 2 * MM;
    };
    row("Uitgegeven op", dutch_date(c.issued) + " (" + c.issued.iso() + ")");
    row("Geldig vanaf", dutch_date(c.valid_from) + " (" + c.valid_from.iso() + ")");
    row("Geldig tot en met", dutch_date(c.valid_through) + " (" + c.valid_through.iso() + ")");
    row("Verloopt op", dutch_date(c.expires) + " (" + c.expires.iso() + ")");
    if (!c.supersedes.empty()) {
        row("Vervangt", c.supersedes);
    }

    // The QR code, bottom right, with what it is for beside it.
    double const qr_x = MARGIN + CONTENT_WIDTH - QR_SIZE;
    double const qr_y = PAGE_HEIGHT - MARGIN - QR_SIZE - 10 * MM;
    // The modules as one image (8 pixels per module, scaled without smoothing): a single image in
    // the PDF instead of thousands of rectangles, which cost most of the page's drawing time, and
    // sharp in viewers that smooth images when they enlarge them.
    int const modules = qr->width;
    int const quiet = 4;
    int const per_module = 8;
    int const side = (modules + 2 * quiet) * per_module;
    std::unique_ptr<cairo_surface_t, SurfaceDestroy> image(cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side));
    cairo_surface_flush(image.get());
    unsigned char* pixels = cairo_image_surface_get_data(image.get());
    int const stride = cairo_image_surface_get_stride(image.get());
    for (int y_px = 0; y_px < side; ++y_px) {
        auto* line = reinterpret_cast<std::uint32_t*>(pixels + y_px * stride);
        int const r = y_px / per_module - quiet;
        for (int x_px = 0; x_px < side; ++x_px) {
            int const c = x_px / per_module - quiet;
            bool const dark = r >= 0 && r < modules && c >= 0 && c < modules && (qr->data[r * modules + c] & 1);
            line[x_px] = dark ? 0x000000u : 0xFFFFFFu;
        }
    }
    cairo_surface_mark_dirty(image.get());
    cairo_save(cr);
    cairo_translate(cr, qr_x, qr_y);
    cairo_scale(cr, QR_SIZE / side, QR_SIZE / side);
    cairo_set_source_surface(cr, image.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST);
    cairo_paint(cr);
    cairo_restore(cr);
    text(cr,
         "Controleer dit certificaat: scan de QR-code of zoek het nummer op in het Kwaliteitsregister. De code "
         "bevat een digitale handtekening van het register; een veranderd certificaat valt bij de controle door de "
         "mand. Zolang het certificaat geldig is, mag het lid het logo van het label voeren binnen deze scope.",
         MARGIN, qr_y + 4 * MM, CONTENT_WIDTH - QR_SIZE - 8 * MM, 8.5, PANGO_WEIGHT_NORMAL, GREY_TEXT);
    rule(cr, PAGE_HEIGHT - MARGIN - 6 * MM, BRAND, 0.8);
    text(cr, "Sociaal Werk Nederland — Kwaliteitsregister Sterk Sociaal Werk", MARGIN, PAGE_HEIGHT - MARGIN - 4 * MM,
         CONTENT_WIDTH, 8, PANGO_WEIGHT_NORMAL, GREY_TEXT);
    cairo_show_page(cr);
    owner.reset();
    cairo_surface_finish(surface.get());
    auto const status = cairo_surface_status(surface.get());
    if (status != CAIRO_STATUS_SUCCESS) {
        return Error::internal(std::string("Het certificaat kon niet als PDF worden gemaakt: ") +
                               cairo_status_to_string(status));
    }
    return pdf;
}

}  // namespace sterk
