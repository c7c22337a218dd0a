// File: api_json.h
// The API's JSON shapes (api/openapi.json): User, Organisation, AuditEntry.
#pragma once

#include "core/ports/records.h"

#include <nlohmann/json.hpp>

#include <string>

namespace sterk::http {

nlohmann::json user_json(User const& user);  // never includes the password hash
nlohmann::json organisation_json(Organisation const& organisation);
nlohmann::json audit_entry_json(AuditEntry const& entry);

// iso8601_utc: 1700000000 → "2023-11-14T22:13:20Z".
std::string iso8601_utc(UnixTime at);

}  // namespace sterk::http
