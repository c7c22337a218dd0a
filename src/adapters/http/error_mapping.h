// File: error_mapping.h
// THE one place where an error becomes an HTTP status and the body {"code","message","field"?}.
// Besides the core's ErrorCode there are HTTP-only codes: "csrf" (403),
// "payload_too_large" (413), "unsupported_media_type" (415) and "headers_too_large" (431). A 500 is logged with the
// request's context; its body says nothing
// about internals.
#pragma once

#include "adapters/http/http_types.h"
#include "core/result.h"

#include <string>

namespace sterk::http {

// HttpOnlyError: failures that exist only at the HTTP layer.
enum class HttpOnlyError {
    Csrf,
    PayloadTooLarge,
    UnsupportedMediaType,
    MethodNotAllowed,
    NotFound,
    BadRequest,
    // Malformed framing, answered before the connection is closed (issue 7.6):
    BadContentLength,  // 400, field Content-Length (also: Content-Length together with Transfer-Encoding)
    BadTransferEncoding,  // 400, field Transfer-Encoding
    HeadersTooLarge,  // 431
};

int status_for(ErrorCode code);
std::string code_key(ErrorCode code);  // "invalid_argument", ...

// error_response: the response for a core error; logs 500s with the method and path.
Response error_response(Error const& error, Request const& request);
// payload_too_large: 413 with the refusal's message and field (an upload over its limit).
Response payload_too_large(Error const& refusal);
// error_response: the response for an HTTP-only failure (request may be incomplete).
Response error_response(HttpOnlyError error, std::string const& method, std::string const& path);

}  // namespace sterk::http
