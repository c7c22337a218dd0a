// Fuzzes the data-file loader (adapters/config/data_files.cpp): a framework or tariffs YAML file as
// `--framework FILE` or an import would hand it over. Whatever the bytes, the loader answers with
// a framework that passed validate_framework() or with errors; the JSON view of an accepted
// framework (GET /api/v1/frameworks/{version}) must serialise too.
#include "adapters/config/data_files.h"
#include "adapters/json/framework_json.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    std::string_view const text{reinterpret_cast<char const*>(data), size};
    if (auto framework = sterk::parse_framework_yaml(text, "fuzz.yaml")) {
        (void)sterk::framework_to_json(*framework).dump();
    }
    (void)sterk::parse_tariffs_yaml(text, "fuzz.yaml");
    return 0;
}
