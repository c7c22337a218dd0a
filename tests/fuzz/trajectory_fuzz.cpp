// Fuzzes the trajectory log: its JSON document (`sterklabel trajectory FILE`) → events checked
// against the framework → replay on a day → the view as JSON. Each event that passes parse_event
// is also stored and read back as the API stores it (JsonEventPayloadCodec): what was accepted
// must read back and pass again, or the trajectory could no longer be opened.
#include "adapters/config/data_files.h"
#include "adapters/json/trajectory_json.h"
#include "core/trajectory/trajectory.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

sterk::NormFramework const& framework()
{
    static sterk::NormFramework const fw = sterk::load_builtin_framework("2019").value();
    return fw;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size)
{
    std::string_view const text{reinterpret_cast<char const*>(data), size};
    auto const document = sterk::parse_trajectory_document(text);
    if (!document) {
        return 0;
    }
    sterk::JsonEventPayloadCodec const codec;
    for (std::size_t i = 0; i < document->events.size(); ++i) {
        auto const& raw = document->events[i];
        if (!sterk::parse_event(framework(), raw, i)) {
            continue;
        }
        sterk::StoredEvent stored;
        stored.trajectory_id = 1;
        stored.seq = static_cast<int>(i) + 1;
        stored.on = raw.on;
        stored.key = raw.key;
        stored.payload = codec.encode(raw);
        auto const decoded = codec.decode(stored);
        if (!decoded || !sterk::parse_event(framework(), *decoded, i)) {
            std::abort();  // accepted, stored, and then unreadable
        }
    }
    auto const log = sterk::to_trajectory_log(framework(), *document);
    if (!log) {
        return 0;
    }
    // A day well inside the usual trajectory, and one long after its last event.
    auto const some_day = sterk::Date::from_ymd(2025, 6, 1);
    for (auto const today : {some_day, log->events.empty() ? some_day : log->events.back().on.add_days(800)}) {
        if (auto const view = sterk::evaluate_trajectory(framework(), *log, today)) {
            (void)sterk::trajectory_view_to_json(*view).dump();
        }
    }
    return 0;
}
