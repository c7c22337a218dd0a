#include "adapters/http/api_json.h"
#include "adapters/http/error_mapping.h"
#include "adapters/http/handlers.h"
#include "adapters/http/json_body.h"

namespace sterk::http {

Result<Response> post_session(AppServices& app, Call const& call)
{
    auto const body = TRY(JsonBody::parse(call.request.body, {"email", "password"}));
    LoginInput input;
    input.email = TRY(body.required_string("email"));
    input.password = TRY(body.required_string("password"));
    input.ip = call.client_ip;
    // The slow-down of an account that has been failing holds every answer for it, the right one
    // too: an attacker must not learn the result sooner than the owner does.
    UnixTime const hold = TRY(app.auth.login_delay(input.email, call.now));
    auto outcome = app.auth.login(input, call.now);
    if (!outcome) {
        Response refused = error_response(outcome.error(), call.request);
        refused.hold_seconds = hold;
        return refused;
    }
    Response response = Response::json(200, {{"user", user_json(outcome->user)}, {"csrf_token", outcome->csrf_token}});
    response.set_header("Set-Cookie", session_cookie(outcome->session_token, outcome->expires_at - call.now,
                                                     app.settings.secure_cookies));
    response.log_user_id = outcome->user.id;
    response.hold_seconds = hold;
    return response;
}

Result<Response> delete_session(AppServices& app, Call const& call)
{
    TRY(app.auth.logout(*call.session, call.client_ip, call.now));
    Response response = Response::no_content();
    response.set_header("Set-Cookie", cleared_session_cookie(app.settings.secure_cookies));
    return response;
}

namespace {

Result<nlohmann::json> signed_in_json(AppServices& app, SessionInfo const& session)
{
    auto const organisation = TRY(app.users.organisation_of(session.user));
    return nlohmann::json{
        {"user", user_json(session.user)},
        {"organisation", organisation ? organisation_json(*organisation) : nullptr},
        {"csrf_token", session.session.csrf_token},
    };
}

}  // namespace

Result<Response> get_me(AppServices& app, Call const& call)
{
    return Response::json(200, TRY(signed_in_json(app, *call.session)));
}

Result<Response> get_session(AppServices& app, Call const& call)
{
    // Asked by the web app on every page: nobody signed in is an answer, not an error.
    if (!call.session) {
        return Response::json(200, {{"user", nullptr}});
    }
    return Response::json(200, TRY(signed_in_json(app, *call.session)));
}

}  // namespace sterk::http
