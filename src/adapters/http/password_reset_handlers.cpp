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

}  // namespace sterk::http
