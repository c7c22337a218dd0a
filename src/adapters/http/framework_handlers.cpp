#include "adapters/http/handlers.h"

#include <nlohmann/json.hpp>

namespace sterk::http {

Result<Response> get_frameworks(AppServices& app, Call const&)
{
    return Response::json(200, {{"versions", app.frameworks.versions()}});
}

Result<Response> get_framework(AppServices& app, Call const& call)
{
    auto json = app.frameworks.json(call.params.at("version"));
    if (!json) {
        return Error::not_found("Dit normenkader bestaat niet.");
    }
    Response response;
    response.content_type = "application/json; charset=utf-8";
    response.body = std::move(*json);
    return response;
}

}  // namespace sterk::http
