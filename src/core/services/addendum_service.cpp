// AddendumService: see addendum_service.h.
#include "core/services/addendum_service.h"

#include <algorithm>
#include <map>

namespace sterk {

namespace {

constexpr char const* FINDING_KIND = "addendum_finding";
constexpr char const* PASSAGE_KIND = "addendum_part_a";
constexpr char const* PASSAGE_KEY = "passage";

std::string event_date(StoredTrajectory const& t, std::string const& key)
{
    std::string on;
    for (auto const& e : t.events) {
        if (e.key == key) {
            on = e.on;
        }
    }
    return on;
}

}  // namespace

struct AddendumService::Access {
    StoredTrajectory trajectory;
    NormFramework const* framework = nullptr;
    std::vector<std::string> reassessed;
    std::string planned_for;
    std::string held_on;
    bool ci = false;
    bool member = false;
    bool secretariat = false;
};

AddendumService::AddendumService(Store& store, TrajectoryService& trajectories, ReportCodec const& codec)
    : m_store(store), m_trajectories(trajectories), m_codec(codec)
{
}

Result<AddendumService::Access> AddendumService::access(Principal const& caller, Id id, Date today)
{
    if (caller.role == Role::Committee) {
        return Error::not_found("Dit traject bestaat niet of is niet zichtbaar voor u.");
    }
    Access a;
    a.trajectory = TRY(m_trajectories.get(caller, id, today));  // NotFound when not the caller's to see
    a.framework = TRY(m_trajectories.framework_of(a.trajectory.record));
    a.planned_for = event_date(a.trajectory, "additional_audit_planned");
    a.held_on = event_date(a.trajectory, "additional_audit_held");
    if (a.planned_for.empty() || !a.trajectory.view.final_verdicts) {
        return Error::precondition("Er is geen aanvullende toetsing gepland (additional_audit_planned).");
    }
    a.reassessed = reassessed_norms(*a.framework, *a.trajectory.view.final_verdicts);
    a.ci = caller.role == Role::CiAdmin || caller.role == Role::Auditor;
    a.member = caller.role == Role::Member;
    a.secretariat = caller.role == Role::Secretariat;
    return a;
}

Result<AddendumContent> AddendumService::content(StoredTrajectory const& t, std::vector<ReportEntry>* entries)
{
    AddendumContent c;
    c.held_on = event_date(t, "additional_audit_held");
    c.final_verdicts = t.view.final_verdicts.value_or(VerdictMap{});
    for (auto const& e : TRY(m_store.reports().entries(t.record.id))) {
        if (e.kind == FINDING_KIND) {
            c.findings.push_back(Finding{e.key, parse_verdict(e.verdict), e.reason, e.text,
                                         TRY(m_codec.decode_sources(e.extra)), e.version});
        } else if (e.kind == PASSAGE_KIND) {
            c.passage = e.text;
        } else {
            continue;
        }
        if (entries) {
            entries->push_back(e);
        }
    }
    return c;
}

Result<AddendumView> AddendumService::view(Principal const& caller, Actor const& actor, Id id, Date today,
                                           UnixTime now, bool audited)
{
    auto const a = TRY(access(caller, id, today));
    if (a.secretariat || (a.member && a.held_on.empty())) {
        return Error{ErrorCode::PermissionDenied,
                     a.member ? "Het verslag van de aanvullende toetsing is voor u te lezen zodra de toetsing is gehouden."
                              : "Het secretariaat leest de aanvullende toetsing in het rapport (deel A; deel B na een "
                                "verzoek).",
                     ""};
    }
    std::vector<ReportEntry> entries;
    auto const c = TRY(content(a.trajectory, &entries));
    std::map<std::string, ReportEntry const*> by_key;
    for (auto const& e : entries) {
        by_key[e.kind + ":" + e.key] = &e;
    }
    AddendumView view;
    view.planned_for = a.planned_for;
    view.held_on = a.held_on;
    view.editable = a.ci && a.held_on.empty();
    for (auto const& code : a.reassessed) {
        AddendumNormView norm;
        norm.norm_code = code;
        norm.verdict_before = a.trajectory.view.final_verdicts->at(code);
        norm.finding.finding.norm_code = code;
        auto const found = std::find_if(c.findings.begin(), c.findings.end(),
                                        [&](Finding const& f) { return f.norm_code == code; });
        if (found != c.findings.end()) {
            norm.finding.finding = *found;
            auto const* e = by_key.at(std::string{FINDING_KIND} + ":" + code);
            norm.finding.updated_by = user_display_name(m_store, e->updated_by);
            norm.finding.updated_at = e->updated_at;
        }
        norm.finding.flags = finding_flags(norm.finding.finding);
        view.norms.push_back(std::move(norm));
    }
    if (auto const found = by_key.find(std::string{PASSAGE_KIND} + ":" + PASSAGE_KEY); found != by_key.end()) {
        view.passage = {found->second->text, found->second->version,
                        user_display_name(m_store, found->second->updated_by), found->second->updated_at};
    }
    view.overall = overall_table(*a.framework, verdicts_after_addendum(c.final_verdicts, c.findings));
    view.missing = missing_for_addendum(a.reassessed, c.findings, c.passage);
    if (audited) {
        TRY(audit_trajectory(m_store, actor, now, "report.addendum.read", id, "addendum gelezen"));
    }
    return view;
}

Result<FindingView> AddendumService::save_finding(Principal const& caller, Actor const& actor, Id id,
                                                  Finding const& input, int expected_version, Date today, UnixTime now)
{
    auto const a = TRY(access(caller, id, today));
    if (!a.ci) {
        return Error{ErrorCode::PermissionDenied, "De aanvullende toetsing legt het team van de CI vast.", ""};
    }
    if (!a.held_on.empty()) {
        return Error::precondition("De aanvullende toetsing is afgesloten: het addendum ligt vast.");
    }
    auto const finding = TRY(check_addendum_finding(*a.framework, a.reassessed, input));
    ReportEntry const entry{id, FINDING_KIND, finding.norm_code, 0,
                            finding.verdict ? verdict_symbol(*finding.verdict) : std::string{}, finding.reason,
                            finding.text, m_codec.encode_sources(finding.sources), actor.user_id, now};
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.reports().lock(id));
        if (auto saved = m_store.reports().save_entry(entry, expected_version); !saved) {
            auto error = saved.error();
            error.field = "version";  // stale: the handler answers with the stored one
            return error;
        }
        return audit_trajectory(m_store, actor, now, "report.addendum.finding", id,
                                finding.norm_code + " versie " + std::to_string(expected_version + 1));
    }));
    FindingView view;
    view.finding = finding;
    view.finding.version = expected_version + 1;
    view.flags = finding_flags(finding);
    view.updated_by = user_display_name(m_store, actor.user_id);
    view.updated_at = now;
    return view;
}

Result<AddendumPassageView> AddendumService::save_passage(Principal const& caller, Actor const& actor, Id id,
                                                          std::string const& text, int expected_version, Date today,
                                                          UnixTime now)
{
    auto const a = TRY(access(caller, id, today));
    if (!a.ci) {
        return Error{ErrorCode::PermissionDenied, "De aanvullende passage schrijft het team van de CI.", ""};
    }
    if (!a.held_on.empty()) {
        return Error::precondition("De aanvullende toetsing is afgesloten: de passage ligt vast.");
    }
    auto const checked = TRY(check_addendum_passage(text));
    ReportEntry const entry{id, PASSAGE_KIND, PASSAGE_KEY, 0, "", "", checked, "", actor.user_id, now};
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.reports().lock(id));
        if (auto saved = m_store.reports().save_entry(entry, expected_version); !saved) {
            auto error = saved.error();
            error.field = "version";
            return error;
        }
        return audit_trajectory(m_store, actor, now, "report.addendum.passage", id,
                                "versie " + std::to_string(expected_version + 1));
    }));
    return AddendumPassageView{checked, expected_version + 1, user_display_name(m_store, actor.user_id), now};
}

Result<std::optional<ReportAddendum>> AddendumService::for_report(Principal const& caller, Id id, Date today)
{
    auto const a = access(caller, id, today);
    if (!a) {
        if (a.error().code == ErrorCode::FailedPrecondition) {
            return std::optional<ReportAddendum>{};  // no additional audit: nothing to add
        }
        return a.error();
    }
    if (a.value().held_on.empty()) {
        return std::optional<ReportAddendum>{};
    }
    return std::optional<ReportAddendum>{build_addendum(*a.value().framework, TRY(content(a.value().trajectory)))};
}

Status AddendumService::prepare(StoredTrajectory const& t, RawEvent& raw)
{
    if (raw.key != "additional_audit_held" || !t.view.final_verdicts) {
        return ok_status();
    }
    auto const c = TRY(content(t));
    if (raw.verdicts && c.findings.empty() && c.passage.empty()) {
        return ok_status();  // verdicts given directly (the API's older form), without an addendum
    }
    auto const* framework = TRY(m_trajectories.framework_of(t.record));
    TRY(ready_for_addendum(reassessed_norms(*framework, *t.view.final_verdicts), c.findings, c.passage));
    std::map<std::string, std::string> verdicts;
    for (auto const& [code, verdict] : verdicts_after_addendum(*t.view.final_verdicts, c.findings)) {
        verdicts[code] = verdict_symbol(verdict);
    }
    raw.verdicts = verdicts;
    return ok_status();
}

Status AddendumService::apply(StoredTrajectory const&, RawEvent const&, Actor const&, UnixTime)
{
    return ok_status();  // frozen by the event itself: no save is accepted once the audit was held
}

}  // namespace sterk
