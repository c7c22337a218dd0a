#include "adapters/http/error_mapping.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace sterk::http {

namespace {

Response body(int status, std::string const& code, std::string const& message, std::string const& field)
{
    nlohmann::json json{{"code", code}, {"message", message}};
    if (!field.empty()) {
        json["field"] = field;
    }
    return Response::json(status, json);
}

}  // namespace

int status_for(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return 400;
    case ErrorCode::Unauthenticated: return 401;
    case ErrorCode::PermissionDenied: return 403;
    case ErrorCode::NotFound: return 404;
    case ErrorCode::AlreadyExists: return 409;
    case ErrorCode::FailedPrecondition: return 409;
    case ErrorCode::ResourceExhausted: return 429;
    case ErrorCode::Internal: return 500;
    case ErrorCode::Unavailable: return 503;
    }
    return 500;
}

std::string code_key(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument: return "invalid_argument";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::AlreadyExists: return "already_exists";
    case ErrorCode::FailedPrecondition: return "failed_precondition";
    case ErrorCode::PermissionDenied: return "permission_denied";
    case ErrorCode::Unauthenticated: return "unauthenticated";
    case ErrorCode::ResourceExhausted: return "resource_exhausted";
    case ErrorCode::Internal: return "internal";
    case ErrorCode::Unavailable: return "unavailable";
    }
    return "internal";
}

Response error_response(Error const& error, Request const& request)
{
    int const status = status_for(error.code);
    if (status >= 500) {
        spdlog::error("fout bij {} {} (ip {}): {}", request.method, request.path, request.remote_ip, error.message);
        std::string const message = status == 503
                                        ? "De dienst is tijdelijk niet beschikbaar. Probeer het later opnieuw."
                                        : "Er ging iets mis aan onze kant. Probeer het later opnieuw.";
        return body(status, code_key(error.code), message, {});
    }
    return body(status, code_key(error.code), error.message, error.field);
}

Response payload_too_large(Error const& refusal)
{
    return body(413, "payload_too_large", refusal.message, refusal.field);
}

Response error_response(HttpOnlyError error, std::string const& method, std::string const& path)
{
    switch (error) {
    case HttpOnlyError::Csrf:
        return body(403, "csrf", "De beveiligingscode (CSRF) ontbreekt of klopt niet. Laad de pagina opnieuw.", {});
    case HttpOnlyError::PayloadTooLarge:
        return body(413, "payload_too_large", "Het verzoek is te groot (maximaal 1 MiB).", {});
    case HttpOnlyError::UnsupportedMediaType:
        return body(415, "unsupported_media_type",
                    "Stuur de gegevens als JSON (Content-Type: application/json).", {});
    case HttpOnlyError::MethodNotAllowed: {
        Response response = body(405, "invalid_argument", "Deze methode is hier niet toegestaan.", {});
        return response;
    }
    case HttpOnlyError::NotFound: return body(404, "not_found", "Deze pagina of dit adres bestaat niet.", {});
    case HttpOnlyError::BadRequest: return body(400, "invalid_argument", "Het verzoek is ongeldig.", {});
    case HttpOnlyError::BadContentLength:
        return body(400, "invalid_argument",
                    "De kopregel Content-Length is ongeldig, dubbel of staat naast Transfer-Encoding.", "Content-Length");
    case HttpOnlyError::BadTransferEncoding:
        return body(400, "invalid_argument",
                    "De kopregel Transfer-Encoding is ongeldig of staat naast Content-Length.", "Transfer-Encoding");
    case HttpOnlyError::HeadersTooLarge:
        return body(431, "headers_too_large", "De kopregels van het verzoek zijn te groot (samen maximaal 16 KiB).", {});
    }
    spdlog::error("onbekende HTTP-fout bij {} {}", method, path);
    return body(500, "internal", "Er ging iets mis aan onze kant. Probeer het later opnieuw.", {});
}

}  // namespace sterk::http
