// Documents: upload (the body is the file itself, ?filename= names it), download as an attachment,
// and the metadata alone. What is accepted and who may read which document is DocumentService's
// rule; these only decode and encode.
#include "adapters/http/api_json.h"
#include "adapters/http/call_support.h"
#include "adapters/http/document_json.h"
#include "adapters/http/handlers.h"

#include <nlohmann/json.hpp>

namespace sterk::http {

namespace {

Error not_found()
{
    return Error::not_found("Dit document bestaat niet of is niet zichtbaar voor u.");
}

// ascii_fallback: the file name for clients that do not read filename*: printable ASCII, with
// '"', '\' and everything else replaced by '_'.
std::string ascii_fallback(std::string const& name)
{
    std::string out;
    for (char const c : name) {
        auto const u = static_cast<unsigned char>(c);
        bool const plain = u >= 0x20 && u < 0x7F && c != '"' && c != '\\';
        // One '_' per UTF-8 character, not per byte.
        if (!plain && (u & 0xC0u) == 0x80u) {
            continue;
        }
        out += plain ? c : '_';
    }
    return out;
}

// percent_encode: RFC 8187 value characters (attr-char) kept, every other byte as %XX.
std::string percent_encode(std::string const& name)
{
    static constexpr char DIGITS[] = "0123456789ABCDEF";
    std::string out;
    for (char const c : name) {
        auto const u = static_cast<unsigned char>(c);
        bool const attr_char = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                               std::string_view{"!#$&+-.^_`|~"}.find(c) != std::string_view::npos;
        if (attr_char) {
            out += c;
        } else {
            out += '%';
            out += DIGITS[u >> 4];
            out += DIGITS[u & 0x0F];
        }
    }
    return out;
}

}  // namespace

std::string content_disposition_attachment(std::string const& filename)
{
    return "attachment; filename=\"" + ascii_fallback(filename) + "\"; filename*=UTF-8''" + percent_encode(filename);
}

nlohmann::ordered_json document_json(DocumentRecord const& d)
{
    return {{"id", d.id},
            {"filename", d.filename},
            {"media_type", d.media_type},
            {"size", d.size},
            {"sha256", d.sha256},
            {"uploaded_at", iso8601_utc(d.uploaded_at)}};
}

Result<Response> post_document(AppServices& app, Call const& call)
{
    auto const name = call.request.query.find("filename");
    if (name == call.request.query.end()) {
        return Error::invalid("filename", "Geef de naam van het bestand op.");
    }
    auto const stored =
        TRY(app.documents.upload(call.session->principal(), actor_of(call), name->second, call.request.body, call.now));
    return Response::json_in_order(201, document_json(stored));
}

Result<Response> get_document(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto file = TRY(app.documents.download(call.session->principal(), id));
    Response response;
    response.status = 200;
    response.content_type = file.record.media_type;
    response.body = std::move(file.content);
    response.set_header("Content-Disposition", content_disposition_attachment(file.record.filename));
    return response;
}

Result<Response> get_document_meta(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    return Response::json_in_order(200, document_json(TRY(app.documents.meta(call.session->principal(), id))));
}

}  // namespace sterk::http
