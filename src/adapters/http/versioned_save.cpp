#include "adapters/http/versioned_save.h"

namespace sterk::http {

Result<int> version_of(JsonBody const& body, std::string const& name)
{
    auto const version = TRY(body.required_count(name));
    if (version > 1'000'000'000) {
        return Error::invalid(name, "Deze versie bestaat niet.");
    }
    return static_cast<int>(version);
}

bool is_stale(Error const& error)
{
    return error.code == ErrorCode::FailedPrecondition && error.field == "version";
}

Response stale_response(std::string const& what, nlohmann::ordered_json current)
{
    nlohmann::ordered_json body{{"code", "failed_precondition"},
                                {"message", "Iemand anders heeft " + what +
                                                " intussen opgeslagen. Kies welke tekst u wilt houden en sla opnieuw op."},
                                {"field", "version"},
                                {"current", std::move(current)}};
    return Response::json_in_order(409, body);
}

}  // namespace sterk::http
