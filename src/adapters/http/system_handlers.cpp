#include "adapters/http/handlers.h"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace sterk::http {

Result<Response> get_health(AppServices&, Call const&)
{
    return Response::json(200, nlohmann::json{{"status", "ok"}});
}

Result<Response> get_ready(AppServices& app, Call const&)
{
    if (app.readiness) {
        if (auto ready = app.readiness(); !ready) {
            // The reason goes to the log, not to an anonymous caller.
            spdlog::warn("niet gereed: {}", ready.error().message);
            return Response::json(503, nlohmann::json{{"status", "niet gereed"}, {"database", "niet beschikbaar"}});
        }
    }
    return Response::json(200, nlohmann::json{{"status", "gereed"}, {"database", "ok"}});
}

Result<Response> get_openapi(AppServices&, Call const&)
{
    Response response;
    response.content_type = "application/json; charset=utf-8";
    response.body = std::string{openapi_document()};
    return response;
}

}  // namespace sterk::http
