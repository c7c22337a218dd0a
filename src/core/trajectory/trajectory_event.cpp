// parse_event: one recorded event, checked against the framework before it is replayed.
#include "core/registry/auditor.h"
#include "core/text.h"
#include "core/trajectory/trajectory.h"

#include <charconv>
#include <set>

namespace sterk {

namespace {

// The payload each event takes: required and optional fields (verdicts are separate).
struct PayloadSpec {
    std::vector<std::string> required;
    std::vector<std::string> optional;
    bool verdicts = false;
    bool team = false;  // team and locations (audit_planned)
};

PayloadSpec payload_spec(EventKind kind)
{
    switch (kind) {
    case EventKind::AuditPlanned: return {{"first_day", "last_day"}, {"days"}, false, true};
    case EventKind::AdditionalAuditPlanned: return {{"date"}, {}, false};
    case EventKind::NextStepsAgreed: return {{"due"}, {"reason"}, false};
    case EventKind::FindingsFinal:
    case EventKind::AdditionalAuditHeld: return {{}, {}, true};
    case EventKind::CertificateIssued: return {{}, {"number"}, false};
    case EventKind::AuditRequested: return {{}, {"preferred_from", "preferred_until"}, false};
    case EventKind::MembershipConfirmed: return {{}, {"previous_number", "previous_expires"}, false};
    case EventKind::AuditDeclined:
    case EventKind::NegativeAdvice:
    case EventKind::TrajectoryWithdrawn:
    case EventKind::PlanRejected:
    case EventKind::PartAFoundIncomplete: return {{}, {"reason"}, false};
    default: return {};
    }
}

}  // namespace

Result<TrajectoryEvent> parse_event(NormFramework const& framework, RawEvent const& raw, size_t index)
{
    std::string const field = "events[" + std::to_string(index) + "]";
    std::string const where = "gebeurtenis " + std::to_string(index + 1) + " (" + (raw.key.empty() ? "?" : raw.key) + "): ";
    auto const fail = [&](std::string const& sub, std::string const& reason) {
        return Error::invalid(field + (sub.empty() ? "" : "." + sub), where + reason);
    };
    auto const kind = parse_event_kind(raw.key);
    if (!kind) {
        std::vector<std::string> known;
        for (auto const& spec : event_kind_specs()) {
            known.push_back(spec.key);
        }
        return fail("event", raw.key.empty() ? "'event' ontbreekt"
                                             : "onbekende gebeurtenis '" + raw.key + "'; bekend zijn: " + join(known));
    }
    auto const on = Date::parse(raw.on, "on");
    if (!on) {
        return fail("on", raw.on.empty() ? "'on' (de datum) ontbreekt" : "'on' is geen datum (JJJJ-MM-DD): '" + raw.on + "'");
    }
    TrajectoryEvent event{*on, *kind, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};

    auto const spec = payload_spec(*kind);
    std::set<std::string> allowed(spec.required.begin(), spec.required.end());
    allowed.insert(spec.optional.begin(), spec.optional.end());
    for (auto const& [name, value] : raw.fields) {
        if (allowed.count(name) == 0) {
            return fail(name, "onbekend veld '" + name + "' bij deze gebeurtenis");
        }
    }
    for (auto const& name : spec.required) {
        if (raw.fields.count(name) == 0) {
            return fail(name, "veld '" + name + "' ontbreekt");
        }
    }
    auto const date_field = [&](std::string const& name, std::optional<Date>& into) -> Status {
        auto const found = raw.fields.find(name);
        if (found == raw.fields.end()) {
            return ok_status();
        }
        auto const d = Date::parse(found->second, name);
        if (!d) {
            return fail(name, "'" + name + "' is geen datum (JJJJ-MM-DD): '" + found->second + "'");
        }
        into = *d;
        return ok_status();
    };
    TRY(date_field("first_day", event.first_day));
    TRY(date_field("last_day", event.last_day));
    TRY(date_field("date", event.date));
    TRY(date_field("due", event.due));
    TRY(date_field("preferred_from", event.preferred_from));
    TRY(date_field("preferred_until", event.preferred_until));
    if (event.preferred_until && !event.preferred_from) {
        return fail("preferred_from", "geef ook het begin van de gewenste periode (preferred_from)");
    }
    if (event.preferred_from && *event.preferred_from < event.on) {
        return fail("preferred_from", "de gewenste periode kan niet beginnen vóór de aanvraag (" + event.on.iso() + ")");
    }
    if (event.preferred_from && event.preferred_until && *event.preferred_until < *event.preferred_from) {
        return fail("preferred_until", "het einde van de gewenste periode ligt vóór het begin");
    }
    TRY(date_field("previous_expires", event.previous_expires));
    if (auto const n = raw.fields.find("previous_number"); n != raw.fields.end()) {
        event.previous_number = n->second;
    }
    if (!event.previous_number.empty() && !event.previous_expires) {
        return fail("previous_expires", "geef bij het vorige certificaat ook de vervaldatum (previous_expires)");
    }
    if (auto const n = raw.fields.find("number"); n != raw.fields.end()) {
        event.number = n->second;
    }
    if (auto const r = raw.fields.find("reason"); r != raw.fields.end()) {
        event.reason = r->second;
    }

    if (auto const d = raw.fields.find("days"); d != raw.fields.end()) {
        double days = 0;
        auto const* end = d->second.data() + d->second.size();
        auto const [ptr, ec] = std::from_chars(d->second.data(), end, days);
        if (ec != std::errc{} || ptr != end || !(days > 0) || days > 100) {
            return fail("days", "'days' is geen aantal toetsdagen (bijv. 2.5): '" + d->second + "'");
        }
        event.days = days;
    }
    if (!spec.team && (raw.team || raw.locations)) {
        return fail(raw.team ? "team" : "locations",
                    std::string("onbekend veld '") + (raw.team ? "team" : "locations") + "' bij deze gebeurtenis");
    }
    if (raw.team) {
        for (size_t i = 0; i < raw.team->size(); ++i) {
            auto const& member = (*raw.team)[i];
            std::string const which = "team, regel " + std::to_string(i + 1) + ": ";
            std::int64_t id = 0;
            auto const* end = member.auditor_id.data() + member.auditor_id.size();
            auto const [ptr, ec] = std::from_chars(member.auditor_id.data(), end, id);
            if (ec != std::errc{} || ptr != end || id <= 0) {
                return fail("team", which + "kies een auditor ('auditor_id')");
            }
            if (!parse_auditor_role(member.role)) {
                return fail("team", which + "de rol in het team is team_leader, assessor of peer, niet '" + member.role + "'");
            }
            event.team.push_back(TeamMember{id, member.role});
        }
    }
    if (raw.locations) {
        for (auto const& location : *raw.locations) {
            if (location.find_first_not_of(" \t") == std::string::npos || location.size() > 300) {
                return fail("locations", "een locatie is een adres of plaats van hoogstens 300 tekens");
            }
            event.locations.push_back(location);
        }
    }

    if (spec.verdicts) {
        if (!raw.verdicts) {
            return fail("verdicts", "'verdicts' ontbreekt: een oordeel (+, +/-, - of n.v.t.) voor elke norm");
        }
        auto const verdicts = parse_verdicts(framework, *raw.verdicts, Completeness::RequireEveryNorm);
        if (!verdicts) {
            return fail("verdicts", verdicts.error().message);
        }
        event.verdicts = *verdicts;
    } else if (raw.verdicts) {
        return fail("verdicts", "onbekend veld 'verdicts' bij deze gebeurtenis");
    }
    return event;
}

}  // namespace sterk
