// The secretariat's user management: invite, change role, deactivate, reactivate, send a new
// link. Thin: decode → UserService (which keeps the rules and writes the audit log) → respond.
#include "adapters/http/api_json.h"
#include "adapters/http/call_support.h"
#include "adapters/http/handlers.h"
#include "adapters/http/json_body.h"


namespace sterk::http {

namespace {

Result<Role> role_field(JsonBody const& body)
{
    std::string const key = TRY(body.required_string("role"));
    auto const role = parse_role(key);
    if (!role) {
        return Error::invalid("role", "Onbekende rol: kies lid, CI-beheerder, toetser, secretariaat of beheercommissie.");
    }
    return *role;
}

}  // namespace

Result<Response> post_user(AppServices& app, Call const& call)
{
    auto const body = TRY(JsonBody::parse(call.request.body, {"email", "name", "role", "organisation_id"}));
    Invitation input;
    input.email = TRY(body.required_string("email"));
    input.name = TRY(body.optional_string("name")).value_or("");
    input.role = TRY(role_field(body));
    input.organisation_id = TRY(body.nullable_id("organisation_id"));
    auto const user = TRY(app.users.invite(input, actor_of(call), call.now));
    return Response::json(201, user_json(user));
}

Result<Response> put_user_role(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, Error::invalid("id", "Ongeldig nummer in het adres.")));
    auto const body = TRY(JsonBody::parse(call.request.body, {"role", "organisation_id"}));
    Role const role = TRY(role_field(body));
    auto const organisation_id = TRY(body.nullable_id("organisation_id"));
    auto const user = TRY(app.users.change_role(id, role, organisation_id, actor_of(call), call.now));
    return Response::json(200, user_json(user));
}

Result<Response> post_user_deactivate(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, Error::invalid("id", "Ongeldig nummer in het adres.")));
    auto const user = TRY(app.users.deactivate(id, actor_of(call), call.now));
    return Response::json(200, user_json(user));
}

Result<Response> post_user_activate(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, Error::invalid("id", "Ongeldig nummer in het adres.")));
    auto const user = TRY(app.users.activate(id, actor_of(call), call.now));
    return Response::json(200, user_json(user));
}

Result<Response> post_user_link(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, Error::invalid("id", "Ongeldig nummer in het adres.")));
    auto const user = TRY(app.users.send_link(id, actor_of(call), call.now));
    return Response::json(202, user_json(user));
}

}  // namespace sterk::http
