#include "adapters/http/http_types.h"

#include "adapters/percent_decode.h"

#include <nlohmann/json.hpp>

namespace sterk::http {

namespace {

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

}  // namespace

std::optional<std::string> Request::header(std::string_view lower_name) const
{
    for (auto const& [name, value] : headers) {
        if (name == lower_name) {
            return value;
        }
    }
    return std::nullopt;
}

std::optional<std::string> Request::cookie(std::string_view wanted) const
{
    for (auto const& [name, value] : headers) {
        if (name != "cookie") {
            continue;
        }
        std::string_view rest = value;
        while (!rest.empty()) {
            auto const end = rest.find(';');
            std::string_view pair = trim(rest.substr(0, end));
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
            auto const eq = pair.find('=');
            if (eq == std::string_view::npos) {
                continue;
            }
            if (trim(pair.substr(0, eq)) == wanted) {
                return std::string{trim(pair.substr(eq + 1))};
            }
        }
    }
    return std::nullopt;
}

namespace {

template <typename Json>
Response json_response(int status, Json const& body)
{
    return Response::json_text(status, body.dump(-1, ' ', false, Json::error_handler_t::replace));
}

}  // namespace

Response Response::json(int status, nlohmann::json const& body)
{
    return json_response(status, body);
}

Response Response::json_in_order(int status, nlohmann::ordered_json const& body)
{
    return json_response(status, body);
}

Response Response::json_text(int status, std::string body)
{
    Response response;
    response.status = status;
    response.content_type = "application/json; charset=utf-8";
    response.body = std::move(body);
    return response;
}

Response Response::no_content()
{
    Response response;
    response.status = 204;
    return response;
}

void Response::set_header(std::string name, std::string value)
{
    headers.emplace_back(std::move(name), std::move(value));
}

std::vector<std::string_view> split_path(std::string_view path)
{
    std::vector<std::string_view> result;
    std::size_t begin = 0;
    for (;;) {
        auto const slash = path.find('/', begin);
        result.push_back(path.substr(begin, slash == std::string_view::npos ? std::string_view::npos : slash - begin));
        if (slash == std::string_view::npos) {
            return result;
        }
        begin = slash + 1;
    }
}

bool parse_target(std::string_view target, std::string& path, std::map<std::string, std::string>& query)
{
    auto const question = target.find('?');
    std::string_view const raw_path = target.substr(0, question);
    if (raw_path.empty() || raw_path.front() != '/') {
        return false;
    }
    auto decoded = percent_decode(raw_path);
    if (!decoded) {
        return false;
    }
    path = std::move(*decoded);
    query.clear();
    if (question == std::string_view::npos) {
        return true;
    }
    std::string_view rest = target.substr(question + 1);
    while (!rest.empty()) {
        auto const amp = rest.find('&');
        std::string_view const pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
        if (pair.empty()) {
            continue;
        }
        auto const eq = pair.find('=');
        auto key = percent_decode(pair.substr(0, eq), PlusIsSpace::Yes);
        auto value = percent_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1),
                                    PlusIsSpace::Yes);
        if (!key || !value) {
            return false;
        }
        query[*key] = *value;
    }
    return true;
}

}  // namespace sterk::http
