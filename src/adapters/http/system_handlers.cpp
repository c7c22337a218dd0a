#include "adapters/http/handlers.h"

#include <nlohmann/json.hpp>

namespace sterk::http {

Result<Response> get_health(AppServices&, Call const&)
{
    return Response::json(200, nlohmann::json{{"status", "ok"}});
}

Result<Response> get_openapi(AppServices&, Call const&)
{
    Response response;
    response.content_type = "application/json; charset=utf-8";
    response.body = std::string{openapi_document()};
    return response;
}

}  // namespace sterk::http
