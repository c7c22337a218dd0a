#include "adapters/http/json_body.h"

#include "adapters/json/json_depth.h"

namespace sterk::http {

namespace {

Error malformed()
{
    return Error::invalid("", "De gegevens zijn geen geldige JSON.");
}

}  // namespace

Result<JsonBody> JsonBody::parse(std::string const& text, std::initializer_list<std::string_view> allowed_fields)
{
    if (too_deep(text)) {
        return malformed();
    }
    nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded()) {
        return malformed();
    }
    if (!json.is_object()) {
        return Error::invalid("", "De gegevens moeten een JSON-object zijn.");
    }
    for (auto const& item : json.items()) {
        bool known = false;
        for (auto allowed : allowed_fields) {
            if (item.key() == allowed) {
                known = true;
            }
        }
        if (!known) {
            return Error::invalid(item.key(), "Onbekend veld: " + item.key() + ".");
        }
    }
    return JsonBody{std::move(json)};
}

Result<std::string> JsonBody::required_string(std::string const& name) const
{
    auto value = TRY(optional_string(name));
    if (!value) {
        return Error::invalid(name, "Dit veld is verplicht.");
    }
    return std::move(*value);
}

Result<std::optional<std::string>> JsonBody::optional_string(std::string const& name) const
{
    auto const found = m_json.find(name);
    if (found == m_json.end()) {
        return std::optional<std::string>{};
    }
    if (!found->is_string()) {
        return Error::invalid(name, "Dit veld moet tekst zijn.");
    }
    return std::optional<std::string>{found->get<std::string>()};
}

Result<std::optional<bool>> JsonBody::optional_bool(std::string const& name) const
{
    auto const found = m_json.find(name);
    if (found == m_json.end()) {
        return std::optional<bool>{};
    }
    if (!found->is_boolean()) {
        return Error::invalid(name, "Dit veld moet true of false zijn.");
    }
    return std::optional<bool>{found->get<bool>()};
}

Result<std::optional<std::int64_t>> JsonBody::nullable_id(std::string const& name) const
{
    auto const found = m_json.find(name);
    if (found == m_json.end() || found->is_null()) {
        return std::optional<std::int64_t>{};
    }
    if (!found->is_number_integer() || found->get<std::int64_t>() <= 0) {
        return Error::invalid(name, "Dit veld moet een nummer (of null) zijn.");
    }
    return std::optional<std::int64_t>{found->get<std::int64_t>()};
}

Result<std::int64_t> JsonBody::required_count(std::string const& name) const
{
    auto const found = m_json.find(name);
    if (found == m_json.end() || found->is_null()) {
        return Error::invalid(name, "Dit veld is verplicht.");
    }
    if (!found->is_number_integer() || found->get<std::int64_t>() < 0) {
        return Error::invalid(name, "Dit veld moet een geheel getal van 0 of meer zijn.");
    }
    return found->get<std::int64_t>();
}

Result<std::vector<std::int64_t>> JsonBody::id_list(std::string const& name) const
{
    auto const found = m_json.find(name);
    if (found == m_json.end() || found->is_null()) {
        return std::vector<std::int64_t>{};
    }
    if (!found->is_array()) {
        return Error::invalid(name, "Dit veld moet een lijst van nummers zijn.");
    }
    std::vector<std::int64_t> out;
    for (auto const& item : *found) {
        if (!item.is_number_integer() || item.get<std::int64_t>() <= 0) {
            return Error::invalid(name, "Dit veld moet een lijst van nummers zijn.");
        }
        out.push_back(item.get<std::int64_t>());
    }
    return out;
}

Result<std::optional<std::vector<std::int64_t>>> JsonBody::optional_id_list(std::string const& name) const
{
    auto const found = m_json.find(name);
    if (found == m_json.end()) {
        return std::optional<std::vector<std::int64_t>>{};
    }
    if (!found->is_array()) {
        return Error::invalid(name, "Dit veld moet een lijst van nummers zijn.");
    }
    std::vector<std::int64_t> ids;
    for (auto const& item : *found) {
        if (!item.is_number_integer() || item.get<std::int64_t>() <= 0) {
            return Error::invalid(name, "Dit veld moet een lijst van nummers zijn.");
        }
        ids.push_back(item.get<std::int64_t>());
    }
    return std::optional<std::vector<std::int64_t>>{std::move(ids)};
}

}  // namespace sterk::http
