#include "adapters/config/yaml_reader.h"

namespace sterk {

SourcePos YamlReader::pos(YAML::Node const& node) const
{
    return SourcePos{m_file, node.Mark().line >= 0 ? node.Mark().line + 1 : 0};
}

Error YamlReader::error(YAML::Node const& node, std::string const& field, std::string const& reason) const
{
    auto const p = pos(node);
    std::string const where = p.file + ":" + std::to_string(p.line) + ": " + field;
    return Error::invalid(where, where + ": " + reason);
}

Result<YAML::Node> YamlReader::present(YAML::Node const& parent, std::string const& key,
                                       std::string const& field) const
{
    if (!parent.IsMap()) {
        return error(parent, field, "verwacht een map met '" + key + "'");
    }
    YAML::Node node = parent[key];
    if (!node.IsDefined() || node.IsNull()) {
        return error(parent, field, "ontbreekt");
    }
    return node;
}

Result<YAML::Node> YamlReader::map_field(YAML::Node const& parent, std::string const& key,
                                         std::string const& field) const
{
    auto node = TRY(present(parent, key, field));
    if (!node.IsMap()) {
        return error(node, field, "verwacht een map");
    }
    return node;
}

Result<YAML::Node> YamlReader::list_field(YAML::Node const& parent, std::string const& key,
                                          std::string const& field) const
{
    auto node = TRY(present(parent, key, field));
    if (!node.IsSequence()) {
        return error(node, field, "verwacht een lijst");
    }
    return node;
}

Result<std::string> YamlReader::string_field(YAML::Node const& parent, std::string const& key,
                                             std::string const& field) const
{
    auto node = TRY(present(parent, key, field));
    if (!node.IsScalar()) {
        return error(node, field, "verwacht tekst");
    }
    auto text = node.as<std::string>();
    if (text.empty()) {
        return error(node, field, "is leeg");
    }
    return text;
}

Result<int> YamlReader::int_field(YAML::Node const& parent, std::string const& key, std::string const& field) const
{
    auto node = TRY(present(parent, key, field));
    int value = 0;
    if (!node.IsScalar() || !YAML::convert<int>::decode(node, value)) {
        return error(node, field, "verwacht een geheel getal");
    }
    return value;
}

Result<double> YamlReader::number_field(YAML::Node const& parent, std::string const& key,
                                        std::string const& field) const
{
    auto node = TRY(present(parent, key, field));
    double value = 0;
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, value)) {
        return error(node, field, "verwacht een getal");
    }
    return value;
}

Result<bool> YamlReader::bool_field(YAML::Node const& parent, std::string const& key, std::string const& field) const
{
    auto node = TRY(present(parent, key, field));
    bool value = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
        return error(node, field, "verwacht true of false");
    }
    return value;
}

Result<std::vector<std::string>> YamlReader::string_list(YAML::Node const& parent, std::string const& key,
                                                         std::string const& field) const
{
    if (!parent.IsMap() || !parent[key].IsDefined()) {
        return error(parent, field, "ontbreekt");
    }
    YAML::Node node = parent[key];
    std::vector<std::string> values;
    if (node.IsNull()) {
        return values;
    }
    if (!node.IsSequence()) {
        return error(node, field, "verwacht een lijst");
    }
    for (size_t i = 0; i < node.size(); ++i) {
        if (!node[i].IsScalar()) {
            return error(node[i], field + "[" + std::to_string(i) + "]", "verwacht tekst");
        }
        values.push_back(node[i].as<std::string>());
    }
    return values;
}

std::optional<std::string> YamlReader::optional_string(YAML::Node const& parent, std::string const& key) const
{
    if (!parent.IsMap()) {
        return std::nullopt;
    }
    YAML::Node node = parent[key];
    if (!node.IsDefined() || node.IsNull() || !node.IsScalar()) {
        return std::nullopt;
    }
    return node.as<std::string>();
}

}  // namespace sterk
