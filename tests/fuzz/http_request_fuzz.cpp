// Fuzzes the server's request path up to the handler: the bytes of one HTTP/1.1 request through
// Beast's request parser, set up as server.cpp sets it up (16 KiB of header, the body limit), then
// our conversion (beast_request.h: header names, body, the target's percent-decoded path and
// query, exactly server.cpp's code), then the route table's match and the upload-route lookup.
#include <utility>  // before Asio/Beast: g++ 12 needs std::exchange declared first

#include "adapters/http/beast_request.h"
#include "adapters/http/router.h"

#include <boost/beast/http/parser.hpp>

#include <cstddef>
#include <cstdint>

namespace bhttp = boost::beast::http;

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(16 * 1024);
    parser.body_limit(1024 * 1024);  // the server's default request body limit
    parser.eager(true);
    boost::beast::error_code ec;
    std::size_t used = 0;
    while (used < size && !parser.is_done()) {
        std::size_t const n = parser.put(boost::asio::const_buffer(data + used, size - used), ec);
        if (ec == bhttp::error::need_more) {
            break;
        }
        if (ec) {
            return 0;
        }
        used += n;
        if (n == 0) {
            break;
        }
    }
    if (!parser.is_header_done()) {
        return 0;
    }
    sterk::http::Request request;
    sterk::http::read_request_line(parser.get(), request);
    if (!parser.is_done()) {
        return 0;
    }
    auto message = parser.release();
    if (!sterk::http::fill_request(message, request)) {
        return 0;
    }
    (void)request.header("content-type");
    (void)request.cookie("sterk_session");
    auto const match = sterk::http::match_route(sterk::http::route_table(), request.method, request.path);
    (void)sterk::http::find_file_body_route(request.method, request.path);
    (void)match;
    (void)sterk::http::split_path(request.path);
    return 0;
}
