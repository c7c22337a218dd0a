#include "adapters/http/call_support.h"

#include <charconv>
#include <ctime>

namespace sterk::http {

Date local_date(UnixTime now)
{
    std::time_t const t = static_cast<std::time_t>(now);
    std::tm local{};
    localtime_r(&t, &local);
    return Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::optional<Id> parse_id(std::string const& text)
{
    Id value = 0;
    auto const* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || ptr != end || value <= 0) {
        return std::nullopt;
    }
    return value;
}

Result<Id> path_id(Call const& call, Error const& not_found)
{
    auto const found = call.params.find("id");
    auto const id = parse_id(found == call.params.end() ? std::string{} : found->second);
    if (!id) {
        return not_found;
    }
    return *id;
}

Actor actor_of(Call const& call)
{
    auto const& user = call.session->user;
    return Actor{user.id, user.email, call.client_ip};
}

Result<Date> today_query(Call const& call)
{
    auto const found = call.request.query.find("today");
    if (found == call.request.query.end()) {
        return local_date(call.now);
    }
    return Date::parse(found->second, "today");
}

}  // namespace sterk::http
