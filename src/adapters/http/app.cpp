#include "adapters/http/app.h"

#include "adapters/crypto/sodium_crypto.h"
#include "adapters/http/error_mapping.h"
#include "adapters/http/router.h"

#include <spdlog/spdlog.h>

#include <charconv>
#include <exception>

namespace sterk::http {

namespace {

constexpr char const* CONTENT_SECURITY_POLICY =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'";

std::optional<Id> parse_id(std::string const& text)
{
    Id value = 0;
    auto const* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end || value <= 0) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

bool is_api_path(std::string_view path)
{
    return path == "/healthz" || path == "/api" || path.starts_with("/api/");
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
    auto const match = match_route(route_table(), request.method, request.path);
    return match.route != nullptr && match.route->work == Work::Worker;
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
    return response;
}

Response App::handle_api(Request const& request)
{
    auto const match = match_route(route_table(), request.method, request.path);
    if (match.route == nullptr) {
        if (match.other_method) {
            return error_response(HttpOnlyError::MethodNotAllowed, request.method, request.path);
        }
        return error_response(HttpOnlyError::NotFound, request.method, request.path);
    }
    Route const& route = *match.route;
    Call call{request, match.params, std::nullopt, m_clock(), request.remote_ip};

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
        if (clear_cookie) {
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
    std::optional<Id> organisation_id;
    if (route.scope == OrganisationScope::PathId) {
        organisation_id = parse_id(call.params["id"]);
        if (!organisation_id) {
            return finish(error_response(Error::invalid("id", "Ongeldig nummer in het adres."), request));
        }
    }
    std::optional<Principal> principal;
    if (call.session) {
        principal = call.session->principal();
    }
    if (auto allowed = authorize(route.permission, principal, organisation_id); !allowed) {
        return finish(error_response(allowed.error(), request));
    }

    auto result = route.handler(m_services, call);
    if (!result) {
        return finish(error_response(result.error(), request));
    }
    return finish(std::move(*result));
}

}  // namespace sterk::http
