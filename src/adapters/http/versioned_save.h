// File: versioned_save.h
// The HTTP side of a save over a version (LIFECYCLE.md §1): the `version` a body was edited from,
// and the 409 that answers a stale save with the stored record, so nothing is overwritten silently.
// Used by the report's and the improvement plan's handlers.
#pragma once

#include "adapters/http/http_types.h"
#include "adapters/http/json_body.h"

#include <nlohmann/json.hpp>

#include <string>

namespace sterk::http {

// version_of: the body's `name` field, a count of saves; 400 naming it when absent or absurd.
Result<int> version_of(JsonBody const& body, std::string const& name = "version");

// is_stale: the service refused a save because another one came first (field "version").
bool is_stale(Error const& error);

// stale_response: 409 with `current`, the record as stored now; `what` is Dutch ("deze bevinding").
Response stale_response(std::string const& what, nlohmann::ordered_json current);

}  // namespace sterk::http
