// File: yaml_reader.h
// YamlReader: typed access to a yaml-cpp node that reports a missing or mistyped field as
// "FILE:LINE: FIELD: reason". Used by the data-file loaders only.
#pragma once

#include "core/norms/framework.h"
#include "core/result.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

namespace sterk {

class YamlReader {
public:
    explicit YamlReader(std::string file_name) : m_file(std::move(file_name)) {}

    SourcePos pos(YAML::Node const& node) const;
    Error error(YAML::Node const& node, std::string const& field, std::string const& reason) const;

    Result<YAML::Node> map_field(YAML::Node const& parent, std::string const& key, std::string const& field) const;
    Result<YAML::Node> list_field(YAML::Node const& parent, std::string const& key, std::string const& field) const;
    Result<std::string> string_field(YAML::Node const& parent, std::string const& key, std::string const& field) const;
    Result<int> int_field(YAML::Node const& parent, std::string const& key, std::string const& field) const;
    Result<double> number_field(YAML::Node const& parent, std::string const& key, std::string const& field) const;
    Result<bool> bool_field(YAML::Node const& parent, std::string const& key, std::string const& field) const;
    Result<std::vector<std::string>> string_list(YAML::Node const& parent, std::string const& key,
                                                 std::string const& field) const;
    std::optional<std::string> optional_string(YAML::Node const& parent, std::string const& key) const;

private:
    Result<YAML::Node> present(YAML::Node const& parent, std::string const& key, std::string const& field) const;
    std::string m_file;
};

}  // namespace sterk
