#include "adapters/http/api_json.h"

#include <array>
#include <ctime>

namespace sterk::http {

nlohmann::json user_json(User const& user)
{
    return nlohmann::json{
        {"id", user.id},
        {"email", user.email},
        {"name", user.name},
        {"role", role_key(user.role)},
        {"organisation_id", user.organisation_id ? nlohmann::json(*user.organisation_id) : nlohmann::json(nullptr)},
        {"status", user_status_key(user_status(user))},
    };
}

nlohmann::json organisation_json(Organisation const& organisation)
{
    return nlohmann::json{
        {"id", organisation.id},
        {"kind", organisation_kind_key(organisation.kind)},
        {"name", organisation.name},
        {"lidnummer", organisation.lidnummer},
        {"city", organisation.city},
        {"email", organisation.email},
        {"website", organisation.website},
    };
}

nlohmann::json audit_entry_json(AuditEntry const& entry)
{
    return nlohmann::json{
        {"id", entry.id},
        {"at", iso8601_utc(entry.at)},
        {"user_id", entry.user_id ? nlohmann::json(*entry.user_id) : nlohmann::json(nullptr)},
        {"actor_email", entry.actor_email},
        {"action", entry.action},
        {"subject", entry.subject},
        {"detail", entry.detail},
        {"ip", entry.ip},
    };
}

std::string iso8601_utc(UnixTime at)
{
    std::time_t const time = static_cast<std::time_t>(at);
    std::tm tm{};
    gmtime_r(&time, &tm);
    std::array<char, 32> buffer{};
    std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer.data();
}

}  // namespace sterk::http
