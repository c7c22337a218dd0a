#include "adapters/http/app.h"

#include "adapters/crypto/sodium_crypto.h"
#include "adapters/http/call_support.h"
#include "adapters/http/error_mapping.h"
#include "adapters/http/router.h"
#include "core/ascii.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>

namespace sterk::http {

namespace {

constexpr char const* CONTENT_SECURITY_POLICY =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'";

// origin_of: "https://host:port" of a URL (scheme and authority, lower-case).
std::string origin_of(std::string_view url)
{
    auto const scheme = url.find("://");
    if (scheme == std::string_view::npos) {
        return {};
    }
    auto const end = url.find('/', scheme + 3);
    return ascii_lower(url.substr(0, end));
}

// route_method: HEAD is answered as GET (the server leaves the body out).
std::string_view route_method(std::string const& method)
{
    return method == "HEAD" ? std::string_view{"GET"} : std::string_view{method};
}

}  // namespace

bool is_json_content_type(std::optional<std::string> const& content_type)
{
    if (!content_type) {
        return false;
    }
    std::string_view media = *content_type;
    media = media.substr(0, media.find(';'));
    while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) {
        media.remove_suffix(1);
    }
    while (!media.empty() && (media.front() == ' ' || media.front() == '\t')) {
        media.remove_prefix(1);
    }
    return ascii_lower(media) == "application/json";
}

bool is_same_site_request(Request const& request, std::string const& base_url)
{
    if (auto const site = request.header("sec-fetch-site"); site && ascii_lower(*site) == "cross-site") {
        return false;
    }
    auto const origin = request.header("origin");
    if (!origin) {
        return true;  // not sent by a browser, or a same-origin GET/HEAD
    }
    std::string const sent = ascii_lower(*origin);
    if (!base_url.empty() && sent == origin_of(base_url)) {
        return true;
    }
    auto const host = request.header("host");
    if (!host || host->empty()) {
        return false;
    }
    std::string const own = ascii_lower(*host);
    return sent == "http://" + own || sent == "https://" + own;
}

bool is_api_path(std::string_view path)
{
    return path == "/healthz" || path == "/readyz" || path == "/api" || path.starts_with("/api/");
}

void add_standard_headers(Response& response, bool api)
{
    response.set_header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Referrer-Policy", "no-referrer");
    if (api) {
        response.set_header("Cache-Control", "no-store");
    }
}

std::string session_cookie(std::string const& token, UnixTime max_age, bool secure)
{
    std::string cookie = std::string{SESSION_COOKIE} + "=" + token + "; Path=/; Max-Age=" + std::to_string(max_age)
                         + "; HttpOnly; SameSite=Strict";
    if (secure) {
        cookie += "; Secure";
    }
    return cookie;
}

std::string cleared_session_cookie(bool secure)
{
    std::string cookie = std::string{SESSION_COOKIE} + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";
    if (secure) {
        cookie += "; Secure";
    }
    return cookie;
}

App::App(AppServices services, std::function<UnixTime()> clock) : m_services(services), m_clock(std::move(clock)) {}

bool App::needs_worker(Request const& request) const
{
    auto const match = match_route(route_table(), route_method(request.method), request.path);
    return match.route != nullptr && match.route->work == Work::Worker;
}

namespace {

FileBodyRoute const* file_body_route_of(std::string_view method, std::string_view target)
{
    std::string path;
    std::map<std::string, std::string> query;
    if (!parse_target(target, path, query)) {
        return nullptr;
    }
    return find_file_body_route(method, path);
}

}  // namespace

std::size_t App::body_limit(std::string_view method, std::string_view target, std::size_t fallback) const
{
    auto const* route = file_body_route_of(method, target);
    return route == nullptr ? fallback : route->max_bytes;
}

Response App::too_large(std::string_view method, std::string_view target) const
{
    auto const* route = file_body_route_of(method, target);
    return route == nullptr ? error_response(HttpOnlyError::PayloadTooLarge, std::string{method}, std::string{target})
                            : payload_too_large(route->too_large());
}

Response App::handle(Request const& request)
{
    bool const api = is_api_path(request.path);
    Response response;
    try {
        if (api) {
            response = handle_api(request);
        } else if (request.method == "GET" || request.method == "HEAD") {
            response = m_services.static_files.serve(request.path);
        } else {
            response = error_response(HttpOnlyError::NotFound, request.method, request.path);
        }
    } catch (std::exception const& e) {
        response = error_response(Error::internal(std::string{"onverwachte uitzondering: "} + e.what()), request);
    } catch (...) {
        response = error_response(Error::internal("onverwachte uitzondering"), request);
    }
    add_standard_headers(response, api);
    if (m_services.settings.strict_transport_security) {
        // Only when served as https: a browser then never tries plain http for a year.
        response.set_header("Strict-Transport-Security", "max-age=31536000");
    }
    return response;
}

Response App::handle_api(Request const& request)
{
    auto const match = match_route(route_table(), route_method(request.method), request.path);
    if (match.route == nullptr) {
        if (match.other_method) {
            return error_response(HttpOnlyError::MethodNotAllowed, request.method, request.path);
        }
        return error_response(HttpOnlyError::NotFound, request.method, request.path);
    }
    Route const& route = *match.route;

    // Cross-site requests: refused before anything else, so a foreign page cannot log a browser in
    // (login CSRF) or reach a handler with a form post, which carries no CSRF token.
    if (is_state_changing(request.method) && !is_same_site_request(request, m_services.settings.base_url)) {
        return error_response(HttpOnlyError::Csrf, request.method, request.path);
    }
    // Bodies are JSON only: a cross-site form or text/plain post cannot be made to look like one.
    // An upload route takes the file's bytes as they are; it still needs the CSRF token below.
    bool const file_body = find_file_body_route(route.method, request.path) != nullptr;
    if (!file_body && !request.body.empty() && !is_json_content_type(request.header("content-type"))) {
        return error_response(HttpOnlyError::UnsupportedMediaType, request.method, request.path);
    }

    std::vector<std::string> forwarded_for;
    for (auto const& [name, value] : request.headers) {
        if (name == "x-forwarded-for") {
            forwarded_for.push_back(value);
        }
    }
    std::string client_ip = client_address(request.remote_ip, forwarded_for, m_services.settings.trusted_proxies);
    Call call{request, match.params, std::nullopt, std::nullopt, m_clock(), std::move(client_ip)};

    // Authentication: a cookie that no longer matches a session is treated as none, and cleared.
    bool clear_cookie = false;
    if (auto token = request.cookie(SESSION_COOKIE); token && !token->empty()) {
        auto session = m_services.auth.authenticate(*token, call.now);
        if (session) {
            call.session = std::move(*session);
        } else if (session.error().code != ErrorCode::Unauthenticated) {
            return error_response(session.error(), request);
        } else {
            clear_cookie = true;
        }
    }

    auto finish = [&](Response response) {
        if (call.session) {
            response.log_user_id = call.session->user.id;
        }
        // A handler that set a new session cookie (a login sent with a stale one) wins: a clearing
        // cookie after it would log the browser straight out again.
        bool const sets_session = std::any_of(response.headers.begin(), response.headers.end(), [](auto const& h) {
            return h.first == "Set-Cookie" && h.second.starts_with(std::string{SESSION_COOKIE} + "=");
        });
        if (clear_cookie && !sets_session) {
            response.set_header("Set-Cookie", cleared_session_cookie(m_services.settings.secure_cookies));
        }
        return response;
    };

    // CSRF: every state-changing request made with a session carries the session's token.
    if (call.session && is_state_changing(request.method)) {
        auto const sent = request.header("x-csrf-token");
        if (!sent || !constant_time_equal(*sent, call.session->session.csrf_token)) {
            return finish(error_response(HttpOnlyError::Csrf, request.method, request.path));
        }
    }

    // The role policy, before the handler runs.
    if (route.scope == OrganisationScope::PathId) {
        call.organisation_id = parse_id(call.params["id"]);
        if (!call.organisation_id) {
            return finish(error_response(Error::invalid("id", "Ongeldig nummer in het adres."), request));
        }
    }
    std::optional<Principal> principal;
    if (call.session) {
        principal = call.session->principal();
    }
    if (auto allowed = authorize(route.permission, principal, call.organisation_id); !allowed) {
        return finish(error_response(allowed.error(), request));
    }

    auto result = route.handler(m_services, call);
    if (!result) {
        return finish(error_response(result.error(), request));
    }
    return finish(std::move(*result));
}

}  // namespace sterk::http
