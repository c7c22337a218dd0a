#include "adapters/http/handlers.h"
#include "adapters/http/json_body.h"

namespace sterk::http {

Result<Response> post_password_reset(AppServices& app, Call const& call)
{
    auto const body = TRY(JsonBody::parse(call.request.body, {"email"}));
    std::string const email = TRY(body.required_string("email"));
    TRY(app.password_resets.request(email, call.client_ip, call.now));
    Response response;
    response.status = 202;
    return response;
}

Result<Response> post_password_reset_confirm(AppServices& app, Call const& call)
{
    auto const body = TRY(JsonBody::parse(call.request.body, {"token", "password"}));
    std::string const token = TRY(body.required_string("token"));
    std::string const password = TRY(body.required_string("password"));
    TRY(app.password_resets.confirm(token, password, call.client_ip, call.now));
    return Response::no_content();
}

Result<Response> get_password_reset_check(AppServices& app, Call const& call)
{
    // The token travels in the query, which the request log leaves out. A dead link is an answer
    // (valid false, with the message to show), not an error: the page asks as soon as it opens.
    auto const found = call.request.query.find("token");
    std::string const token = found == call.request.query.end() ? std::string{} : found->second;
    auto const purpose = app.password_resets.check(token, call.now);
    if (!purpose) {
        if (purpose.error().field != "token") {
            return purpose.error();
        }
        return Response::json(200, {{"valid", false}, {"message", purpose.error().message}});
    }
    return Response::json(200, {{"valid", true}, {"purpose", reset_purpose_key(*purpose)}});
}

}  // namespace sterk::http
