// File: http_types.h
// Request and Response as the rest of the HTTP adapter sees them: plain values, no Beast. Only
// server.cpp converts between these and Beast, so handlers and tests compile quickly.
#pragma once

#include "core/ports/records.h"

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sterk::http {

struct Request {
    std::string method;  // "GET", "POST", ...
    std::string target;  // as received: path and query
    std::string path;  // percent-decoded path, without the query
    std::map<std::string, std::string> query;  // decoded; the last value wins
    std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
    std::string body;
    std::string remote_ip;

    // header: the first header with this (lower-case) name.
    std::optional<std::string> header(std::string_view lower_name) const;
    // cookie: the value of one cookie from the Cookie header.
    std::optional<std::string> cookie(std::string_view name) const;
};

struct Response {
    int status = 200;
    std::string content_type;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    // For the access log only; never sent.
    std::optional<Id> log_user_id;
    // hold_seconds: the server waits this long before sending (a login on an account that has been
    // failing); it waits on a timer, so no thread is held.
    UnixTime hold_seconds = 0;

    static Response json(int status, nlohmann::json const& body);
    // json_in_order: keys in the order they were added (the documented order), for shapes people read.
    static Response json_in_order(int status, nlohmann::ordered_json const& body);
    static Response no_content();
    // json_text: a JSON body serialized before (a kept answer), with the same content type.
    static Response json_text(int status, std::string body);
    void set_header(std::string name, std::string value);
};

// parse_target: splits "/a%20b?x=1&y=%C3%A9" into a decoded path and query map. False when the
// path cannot be decoded (bad escape, NUL byte) or does not start with '/'.
bool parse_target(std::string_view target, std::string& path, std::map<std::string, std::string>& query);

// split_path: "/api/v1/x" → {"", "api", "v1", "x"}; every '/' separates, empty segments kept.
std::vector<std::string_view> split_path(std::string_view path);

}  // namespace sterk::http
