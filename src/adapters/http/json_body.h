// File: json_body.h
// JsonBody: strict request-body parsing. Malformed JSON or a non-object → 400 with an empty
// field; an unknown field → 400 naming it; a missing or wrongly typed field → 400 naming it.
//
// Example:
//   auto body = TRY(JsonBody::parse(request.body, {"email", "password"}));
//   std::string email = TRY(body.required_string("email"));
#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sterk::http {

class JsonBody {
public:
    static Result<JsonBody> parse(std::string const& text, std::initializer_list<std::string_view> allowed_fields);

    Result<std::string> required_string(std::string const& name) const;
    Result<std::optional<std::string>> optional_string(std::string const& name) const;
    // optional_bool: true or false; missing gives none.
    Result<std::optional<bool>> optional_bool(std::string const& name) const;
    // nullable_id: a positive integer or null (missing counts as null).
    Result<std::optional<std::int64_t>> nullable_id(std::string const& name) const;
    // optional_id_list: a list of positive integers; missing gives none.
    Result<std::optional<std::vector<std::int64_t>>> optional_id_list(std::string const& name) const;
    // required_count: a whole number of at least 0.
    Result<std::int64_t> required_count(std::string const& name) const;
    // id_list: an array of positive integers; missing gives an empty list.
    Result<std::vector<std::int64_t>> id_list(std::string const& name) const;
    // raw: the parsed body, for shapes the helpers above do not cover (a list of objects).
    nlohmann::json const& raw() const { return m_json; }

private:
    explicit JsonBody(nlohmann::json json) : m_json(std::move(json)) {}

    nlohmann::json m_json;
};

}  // namespace sterk::http
