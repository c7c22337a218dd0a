// File: beast_request.h
// A request as Beast parsed it → our Request. Header-only and included only by server.cpp and the
// HTTP request fuzz harness (tests/fuzz/http_request_fuzz.cpp), so the harness runs exactly the
// server's conversion; Beast is slow to compile, so nothing else may include this.
//
// Example (server.cpp):
//   read_request_line(parser.get(), request);  // after the header: the body limit needs these
//   ...read the body...
//   if (!fill_request(message, request)) { /* 400 */ }
#pragma once

#include "adapters/http/http_types.h"
#include "core/ascii.h"

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string>
#include <utility>

namespace sterk::http {

// read_request_line: method and target as received.
inline void read_request_line(boost::beast::http::request_header<> const& header, Request& request)
{
    request.method = std::string{header.method_string()};
    request.target = std::string{header.target()};
}

// fill_request: the header fields (names lower-cased, repeats kept in order) and the body, which is
// moved out of `message`; then the target split into the decoded path and the query. False when
// the target cannot be decoded (the caller answers 400).
inline bool fill_request(boost::beast::http::request<boost::beast::http::string_body>& message, Request& request)
{
    for (auto const& field : message) {
        request.headers.emplace_back(ascii_lower(field.name_string()), std::string{field.value()});
    }
    request.body = std::move(message.body());
    return parse_target(request.target, request.path, request.query);
}

}  // namespace sterk::http
