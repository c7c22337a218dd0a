// Fuzzes the decoding of JSON request bodies: JsonBody (adapters/http/json_body.h) with every
// accessor the handlers use, the report's finding and sources decoders (report_json.h; PUT
// .../findings/{norm}, .../rubric-documents/{rubric}), and POST .../events' path (raw_event_from_body
// → the core's parse_event → the payload as stored). Each part must answer
// with a value or an InvalidArgument, never crash, throw or hang.
#include "adapters/config/data_files.h"
#include "adapters/http/json_body.h"
#include "adapters/json/report_json.h"
#include "adapters/json/trajectory_json.h"
#include "core/trajectory/trajectory.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace {

sterk::NormFramework const& framework()
{
    static sterk::NormFramework const fw = sterk::load_builtin_framework("2019").value();
    return fw;
}

void every_accessor(sterk::http::JsonBody const& body, std::string const& name)
{
    (void)body.required_string(name);
    (void)body.optional_string(name);
    (void)body.optional_bool(name);
    (void)body.nullable_id(name);
    (void)body.optional_id_list(name);
    (void)body.required_count(name);
    (void)body.id_list(name);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    std::string const text{reinterpret_cast<char const*>(data), size};

    // The fields of the handlers' bodies (the dictionary has the same names).
    auto const body = sterk::http::JsonBody::parse(
        text, {"email", "password", "role", "version", "verdict", "reason", "text", "sources", "documents", "value",
               "members", "evidence", "organisation_id", "ci_id", "approved", "finding", "csv"});
    if (body) {
        for (char const* name : {"email", "version", "members", "evidence", "organisation_id", "approved", "absent"}) {
            every_accessor(*body, name);
        }
        (void)sterk::finding_from_json(body->raw(), "VM1", sterk::Finding{});
        if (body->raw().contains("documents")) {
            (void)sterk::sources_from_json(body->raw()["documents"], "documents");
        }
    }

    // POST /api/v1/trajectories/{id}/events: its body is one event (trajectory_handlers.cpp).
    auto const raw = sterk::raw_event_from_body(text);
    if (raw && sterk::parse_event(framework(), *raw, 0)) {
        sterk::JsonEventPayloadCodec const codec;
        (void)codec.encode(*raw);
    }
    return 0;
}
