// File: trajectory_json.h
// The JSON shape of a trajectory's event log and of its view, shared by `sterklabel trajectory`
// and (later) the API:
//   in:  {"framework":"2019","kind":"initial"|"recertification",
//         "previous_certificate":{"number","expires"}, "events":[{"on","event",...payload}]}
//   out: {"kind","state","scenario","advice","deadlines":[...],"certificate","previous_certificate",...}
#pragma once

#include "core/result.h"
#include "core/services/trajectory_service.h"
#include "core/trajectory/trajectory.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace sterk {

struct TrajectoryDocument {
    std::string framework;
    TrajectoryKind kind = TrajectoryKind::Initial;
    std::optional<PreviousCertificate> previous_certificate;
    std::vector<RawEvent> events;
};

// parse_trajectory_document: the JSON's shape; each event's content is checked by the core.
Result<TrajectoryDocument> parse_trajectory_document(std::string_view text);
// raw_event_from_body: POST .../events' body, one event object {"on","event",...payload} as JSON
// text (too_deep refused).
Result<RawEvent> raw_event_from_body(std::string_view text);

// to_trajectory_log: every event checked against the framework (core parse_event).
Result<TrajectoryLog> to_trajectory_log(NormFramework const& framework, TrajectoryDocument const& document);

// Keys in the documented order, for people reading the output.
nlohmann::ordered_json trajectory_view_to_json(TrajectoryView const& view);

// JsonEventPayloadCodec: an event's payload stored as the JSON object it arrives as.
class JsonEventPayloadCodec final : public EventPayloadCodec {
public:
    std::string encode(RawEvent const& raw) const override;
    Result<RawEvent> decode(StoredEvent const& stored) const override;
};

}  // namespace sterk
