// ReportService: see report_service.h.
#include "core/services/report_service.h"

#include "core/text.h"

#include <algorithm>

namespace sterk {

namespace {

Error not_found()
{
    return Error::not_found("Dit traject bestaat niet of is niet zichtbaar voor u.");
}

bool has_event(StoredTrajectory const& t, std::string const& key)
{
    return std::any_of(t.events.begin(), t.events.end(), [&](StoredEvent const& e) { return e.key == key; });
}

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

ReportStage stage_of(StoredTrajectory const& t)
{
    return report_stage(has_event(t, "concept_sent"), has_event(t, "findings_final"));
}

std::string audit_kind(TrajectoryRecord const& record)
{
    std::string kind = record.kind == "recertification" ? "hercertificering" : "certificering";
    if (record.variant == "peer") {
        return "Intercollegiale toetsing (" + kind + ")";
    }
    if (record.variant == "combi-iso-hkz") {
        return "Combitoets met ISO/HKZ (" + kind + ")";
    }
    if (record.variant == "combi-nvvk") {
        return "Combitoets met NVVK (" + kind + ")";
    }
    return kind == "certificering" ? "Certificering Sterk Sociaal Werk" : "Hercertificering Sterk Sociaal Werk";
}

Finding finding_of(ReportEntry const& e, std::vector<FindingSource> sources)
{
    Finding f;
    f.norm_code = e.key;
    f.verdict = parse_verdict(e.verdict);
    f.reason = e.reason;
    f.text = e.text;
    f.sources = std::move(sources);
    f.version = e.version;
    return f;
}

// part_a_returned: the secretariat returned Part A to the CI (B6 §14a) and the CI has not
// resubmitted it yet: its typed fields are open to the CI's team again (issue 11).
bool part_a_returned(StoredTrajectory const& t)
{
    for (auto it = t.events.rbegin(); it != t.events.rend(); ++it) {
        if (it->key == "part_a_returned") {
            return true;
        }
        if (it->key == "part_a_resubmitted" || it->key == "receipt_confirmed" || it->key == "part_a_received") {
            return false;
        }
    }
    return false;
}

}  // namespace

// Access: what the caller may do with this trajectory's report.
struct ReportService::Access {
    StoredTrajectory trajectory;
    NormFramework const* framework = nullptr;
    ReportStage stage = ReportStage::Draft;
    bool ci = false;  // the CI's administrator or an auditor on the team
    bool member = false;  // the audited member
    bool secretariat = false;
    bool part_b_requested = false;  // the secretariat asked for Part B
};

ReportService::ReportService(Store& store, TrajectoryService& trajectories, ReportCodec const& codec)
    : m_store(store), m_trajectories(trajectories), m_codec(codec)
{
}

Result<ReportService::Access> ReportService::access(Principal const& caller, Id id, Date today)
{
    if (caller.role == Role::Committee) {
        return not_found();
    }
    Access a;
    a.trajectory = TRY(m_trajectories.get(caller, id, today));  // NotFound when not the caller's to see
    a.framework = TRY(m_trajectories.framework_of(a.trajectory.record));
    a.stage = stage_of(a.trajectory);
    a.ci = caller.role == Role::CiAdmin || caller.role == Role::Auditor;
    a.member = caller.role == Role::Member;
    a.secretariat = caller.role == Role::Secretariat;
    if (a.secretariat) {
        a.part_b_requested = !TRY(m_store.reports().part_b_requests(id)).empty();
    }
    // Before planning there is no report to speak of (an auditor is not on a team yet either).
    if (!a.trajectory.view.planning) {
        return Error::precondition("Er is nog geen rapport: de toetsing is nog niet gepland.");
    }
    return a;
}

ReportEntry ReportService::finding_entry(Id id, Finding const& finding, Actor const& actor, UnixTime now) const
{
    return ReportEntry{id, "finding", finding.norm_code, 0,
                       finding.verdict ? verdict_symbol(*finding.verdict) : std::string{}, finding.reason,
                       finding.text, m_codec.encode_sources(finding.sources), actor.user_id, now};
}

ReportEntry ReportService::part_a_entry(Id id, PartAValue const& value, Actor const& actor, UnixTime now) const
{
    return ReportEntry{id, "part_a", value.key, 0, "", "", value.text, m_codec.encode_items(value.items),
                       actor.user_id, now};
}

Status ReportService::save_over_version(ReportEntry const& entry, int expected_version)
{
    auto saved = m_store.reports().save_entry(entry, expected_version);
    if (!saved) {
        auto error = saved.error();
        error.field = "version";  // stale: the handler answers with the stored one
        return error;
    }
    return ok_status();
}

std::string ReportService::user_name(std::optional<Id> id)
{
    return user_display_name(m_store, id);
}

Status ReportService::audit(Actor const& actor, UnixTime now, std::string action, Id id, std::string detail)
{
    return audit_trajectory(m_store, actor, now, std::move(action), id, std::move(detail));
}

Result<std::vector<Finding>> ReportService::stored_findings(Id id)
{
    std::vector<Finding> out;
    for (auto const& e : TRY(m_store.reports().entries(id))) {
        if (e.kind == "finding") {
            out.push_back(finding_of(e, TRY(m_codec.decode_sources(e.extra))));
        }
    }
    return out;
}

Result<FindingsView> ReportService::findings(Principal const& caller, Actor const& actor, Id id, Date today,
                                             UnixTime now, bool audited)
{
    auto const a = TRY(access(caller, id, today));
    if (a.secretariat || (a.member && a.stage == ReportStage::Draft)) {
        return Error{ErrorCode::PermissionDenied,
                     a.member ? "De bevindingen zijn voor u te lezen zodra het concept is verstuurd."
                              : "De bevindingen (deel B) leest het secretariaat via het rapport, na een verzoek.",
                     ""};
    }
    FindingsView view;
    view.stage = a.stage;
    view.editable = a.ci && a.stage == ReportStage::Draft;
    std::map<std::string, ReportEntry> entries;
    std::map<std::string, RubricDocuments> documents;
    for (auto const& e : TRY(m_store.reports().entries(id))) {
        if (e.kind == "finding") {
            entries[e.key] = e;
        } else if (e.kind == "documents") {
            documents[e.key] = RubricDocuments{e.key, TRY(m_codec.decode_sources(e.extra)), e.version};
        }
    }
    std::vector<Finding> all;
    std::map<Id, std::string> names;  // one lookup per author, not per norm
    auto const name_of = [&](std::optional<Id> user) {
        if (!user) {
            return std::string{};
        }
        auto const found = names.find(*user);
        return found != names.end() ? found->second : (names[*user] = user_name(user));
    };
    for (auto const& norm : a.framework->norms) {
        FindingView fv;
        if (auto const found = entries.find(norm.code); found != entries.end()) {
            fv.finding = finding_of(found->second, TRY(m_codec.decode_sources(found->second.extra)));
            fv.updated_by = name_of(found->second.updated_by);
            fv.updated_at = found->second.updated_at;
        } else {
            fv.finding.norm_code = norm.code;
        }
        fv.flags = finding_flags(fv.finding);
        all.push_back(fv.finding);
        view.findings.push_back(std::move(fv));
    }
    for (auto const& rubric : a.framework->rubrics) {
        auto const found = documents.find(rubric.code);
        view.documents.push_back(found != documents.end() ? found->second : RubricDocuments{rubric.code, {}, 0});
    }
    view.overall = overall_table(*a.framework, verdicts_of(all));
    view.missing_for_concept = missing_for_concept(all);
    if (audited) {
        TRY(audit(actor, now, "report.findings.read", id, "bevindingen gelezen"));
    }
    return view;
}

Result<FindingView> ReportService::save_finding(Principal const& caller, Actor const& actor, Id id,
                                                Finding const& input, int expected_version, Date today, UnixTime now)
{
    auto const a = TRY(access(caller, id, today));
    if (!a.ci) {
        return Error{ErrorCode::PermissionDenied, "Bevindingen legt het team van de CI vast.", ""};
    }
    if (a.stage != ReportStage::Draft) {
        return Error::precondition("Het concept is verstuurd: een bevinding verandert nu alleen via een geaccepteerde "
                                   "opmerking van de organisatie.");
    }
    auto const finding = TRY(check_finding(*a.framework, input));
    auto const entry = finding_entry(id, finding, actor, now);
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.reports().lock(id));
        TRY(save_over_version(entry, expected_version));
        return audit(actor, now, "report.finding", id, finding.norm_code + " versie " + std::to_string(expected_version + 1));
    }));
    FindingView view;
    view.finding = finding;
    view.finding.version = expected_version + 1;
    view.flags = finding_flags(finding);
    view.updated_by = user_name(actor.user_id);
    view.updated_at = now;
    return view;
}

Result<RubricDocuments> ReportService::save_documents(Principal const& caller, Actor const& actor, Id id,
                                                      RubricDocuments const& input, int expected_version, Date today,
                                                      UnixTime now)
{
    auto const a = TRY(access(caller, id, today));
    if (!a.ci) {
        return Error{ErrorCode::PermissionDenied, "De documenten per rubriek legt het team van de CI vast.", ""};
    }
    if (a.stage != ReportStage::Draft) {
        return Error::precondition("Het concept is verstuurd: de documenten liggen vast.");
    }
    auto documents = TRY(check_documents(*a.framework, input));
    ReportEntry entry{id, "documents", documents.rubric_code, 0, "", "", "", m_codec.encode_sources(documents.documents),
                      actor.user_id, now};
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.reports().lock(id));
        TRY(save_over_version(entry, expected_version));
        return audit(actor, now, "report.rubric-documents", id, documents.rubric_code);
    }));
    documents.version = expected_version + 1;
    return documents;
}

Result<PartAView> ReportService::part_a(Principal const& caller, Id id, Date today)
{
    auto const a = TRY(access(caller, id, today));
    if ((a.member && a.stage == ReportStage::Draft) || (a.secretariat && a.stage != ReportStage::Final)) {
        return Error{ErrorCode::PermissionDenied,
                     a.member ? "Deel A is voor u te lezen zodra het concept is verstuurd."
                              : "Deel A komt naar het secretariaat zodra het rapport definitief is.",
                     ""};
    }
    std::map<std::string, ReportEntry> typed;
    for (auto const& e : TRY(m_store.reports().entries(id))) {
        if (e.kind == "part_a") {
            typed[e.key] = e;
        }
    }
    PartAView view;
    view.stage = a.stage;
    view.editable = a.ci && (a.stage == ReportStage::Draft || part_a_returned(a.trajectory));
    for (auto const& spec : part_a_fields(*a.framework)) {
        PartAValue value{spec.key, "", {}, 0};
        if (auto const found = typed.find(spec.key); found != typed.end()) {
            value.text = found->second.text;
            value.items = spec.kind == PartAKind::List ? TRY(m_codec.decode_items(found->second.extra))
                                                       : std::vector<std::string>{};
            value.version = found->second.version;
        }
        view.fields.emplace_back(spec, std::move(value));
    }
    return view;
}

Result<PartAValue> ReportService::save_part_a(Principal const& caller, Actor const& actor, Id id,
                                              PartAValue const& input, int expected_version, Date today, UnixTime now)
{
    auto const a = TRY(access(caller, id, today));
    if (!a.ci) {
        return Error{ErrorCode::PermissionDenied, "Deel A vult het team van de CI in.", ""};
    }
    if (a.stage != ReportStage::Draft && !part_a_returned(a.trajectory)) {
        return Error::precondition("Het concept is verstuurd: deel A verandert nu alleen via een geaccepteerde opmerking.");
    }
    auto value = TRY(check_part_a_value(*a.framework, input));
    auto const entry = part_a_entry(id, value, actor, now);
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.reports().lock(id));
        TRY(save_over_version(entry, expected_version));
        return audit(actor, now, "report.part-a", id, value.key);
    }));
    value.version = expected_version + 1;
    return value;
}

Result<ReportContent> ReportService::content(StoredTrajectory const& t)
{
    ReportContent c;
    auto& f = c.facts;
    if (auto const org = TRY(m_store.organisations().find(t.record.member_id))) {
        f.member_name = org->name;
        f.member_lidnummer = org->lidnummer;
        f.member_email = org->email;
        f.member_website = org->website;
        if (auto const profile = TRY(m_store.registry().find_member(org->id))) {
            f.member_address = profile->address + (profile->postcode.empty() && org->city.empty() ? "" : ", ") +
                               profile->postcode + (profile->postcode.empty() ? "" : " ") + org->city;
            f.member_contact = profile->contact_person;
            f.member_phone = profile->phone;
        } else {
            f.member_address = org->city;
        }
    }
    if (auto const org = TRY(m_store.organisations().find(t.record.ci_id))) {
        f.ci_name = org->name;
        f.ci_website = org->website;
        f.ci_postcode_town = org->city;
        if (auto const profile = TRY(m_store.registry().find_ci(org->id))) {
            f.ci_street = profile->address;
            f.ci_postcode_town = profile->postcode + (profile->postcode.empty() ? "" : " ") + org->city;
            f.ci_phone = profile->phone;
        }
    }
    f.audit_kind = audit_kind(t.record);
    if (t.view.previous_check) {
        f.previous_expiry = t.view.previous_check->expires.iso();
    } else if (t.view.previous_certificate) {
        f.previous_expiry = t.view.previous_certificate->expires.iso();
    } else {
        f.previous_expiry = "n.v.t. (eerste certificering)";
    }
    std::vector<std::string> leaders, assessors;
    if (t.view.planning) {
        for (auto const& member : t.view.planning->team) {
            auto const auditor = std::find_if(t.team.begin(), t.team.end(), [&](Auditor const& x) { return x.id == member.auditor_id; });
            std::string const name = auditor == t.team.end() ? "#" + std::to_string(member.auditor_id) : auditor->name;
            (member.role == "team_leader" ? leaders : assessors).push_back(name + (member.role == "peer" ? " (branchetoetser)" : ""));
        }
    }
    f.team_leader = join(leaders);
    f.assessors = join(assessors);
    m_codec.scope_facts(t.record.scope, f);
    f.plans_closed_on = event_date(t, "plan_approved");
    for (auto const& e : TRY(m_store.reports().entries(t.record.id))) {
        if (e.kind == "finding") {
            c.findings.push_back(finding_of(e, TRY(m_codec.decode_sources(e.extra))));
        } else if (e.kind == "documents") {
            c.documents.push_back(RubricDocuments{e.key, TRY(m_codec.decode_sources(e.extra)), e.version});
        } else if (e.kind == "part_a") {
            c.part_a.push_back(PartAValue{e.key, e.text, TRY(m_codec.decode_items(e.extra)), e.version});
        }
    }
    return c;
}

Result<ReportRead> ReportService::report(Principal const& caller, Actor const& actor, Id id, std::optional<int> version,
                                         bool wants_part_b, Date today, UnixTime now)
{
    auto const a = TRY(access(caller, id, today));
    if ((a.member && a.stage == ReportStage::Draft) || (a.secretariat && a.stage != ReportStage::Final)) {
        return Error{ErrorCode::PermissionDenied,
                     a.member ? "Het rapport is voor u te lezen zodra het concept is verstuurd."
                              : "Deel A komt naar het secretariaat zodra het rapport definitief is.",
                     ""};
    }
    ReportRead read;
    read.part_b = !a.secretariat || a.part_b_requested;
    auto const stored = TRY(m_store.reports().versions(id));
    int const wanted = version.value_or(stored.empty() ? 0 : stored.back().version);
    if (wanted == 0) {
        if (a.member) {
            return Error::invalid("version", "U leest een verstuurde versie van het rapport (1 = het concept).");
        }
        read.report = build_report(*a.framework, TRY(content(a.trajectory)), a.stage, 0, "");
    } else {
        auto const found = std::find_if(stored.begin(), stored.end(), [&](ReportVersionRecord const& v) { return v.version == wanted; });
        if (found == stored.end()) {
            return Error::invalid("version", "Versie " + std::to_string(wanted) + " van het rapport bestaat niet.");
        }
        read.report = TRY(m_codec.decode_report(found->content));
    }
    if (!read.part_b) {
        read.report.part_b.clear();
    } else if (wants_part_b) {
        TRY(audit(actor, now, "report.part-b.read", id, "deel B gelezen (versie " + std::to_string(read.report.version) + ")"));
    }
    return read;
}

Result<ReportVersionsView> ReportService::versions(Principal const& caller, Id id, Date today)
{
    auto const a = TRY(access(caller, id, today));
    ReportVersionsView view;
    auto stored = TRY(m_store.reports().versions(id));
    bool const may_diff = !a.secretariat || a.part_b_requested;
    if (stored.size() >= 2 && stored.back().stage == "final" && may_diff) {
        auto const sent = TRY(m_codec.decode_report(stored.front().content));
        auto const last = TRY(m_codec.decode_report(stored.back().content));
        view.changes = report_changes(sent, last);
    }
    for (auto& v : stored) {
        v.content.clear();
        view.versions.push_back(std::move(v));
    }
    return view;
}

Result<RemarksView> ReportService::remarks(Principal const& caller, Id id, Date today)
{
    auto const a = TRY(access(caller, id, today));
    RemarksView view;
    for (auto const& d : a.trajectory.view.deadlines) {
        if (d.after == "concept_sent" && d.rule.actor == "member") {
            view.window_until = d.due;
        }
    }
    for (auto const& r : TRY(m_store.reports().remarks(id))) {
        if (r.status == "draft" && !a.member) {
            continue;  // the member's own until submitted
        }
        view.remarks.push_back({r, TRY(remark_target_label(*a.framework, r.target))});
    }
    return view;
}

Result<RemarkView> ReportService::add_remark(Principal const& caller, Actor const& actor, Id id,
                                             std::string const& target, std::string const& text, Date today,
                                             UnixTime now)
{
    auto const a = TRY(access(caller, id, today));
    if (!a.member) {
        return Error{ErrorCode::PermissionDenied, "Opmerkingen op het concept maakt de getoetste organisatie.", ""};
    }
    if (a.stage != ReportStage::Concept || has_event(a.trajectory, "corrections_received")) {
        return Error::precondition("Opmerkingen kunnen alleen op een verstuurd concept, voordat de correcties zijn ingediend.");
    }
    auto const label = TRY(remark_target_label(*a.framework, target));
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        return Error::invalid("text", "Schrijf de feitelijke correctie.");
    }
    if (text.size() > 5000) {
        return Error::invalid("text", "Een opmerking is hoogstens 5.000 tekens.");
    }
    RemarkRecord remark{0, id, target, text, "draft", "", today.iso(), actor.user_id, "", std::nullopt};
    TRY(m_store.transaction([&]() -> Status {
        remark.id = TRY(m_store.reports().add_remark(remark));
        return audit(actor, now, "report.remark", id, target);
    }));
    return RemarkView{remark, label};
}

Status ReportService::delete_remark(Principal const& caller, Actor const& actor, Id id, Id remark_id, Date today,
                                    UnixTime now)
{
    auto const a = TRY(access(caller, id, today));
    if (!a.member) {
        return Error{ErrorCode::PermissionDenied, "Alleen de organisatie trekt haar eigen opmerking in.", ""};
    }
    return m_store.transaction([&]() -> Status {
        TRY(m_store.reports().delete_draft(id, remark_id));
        return audit(actor, now, "report.remark-delete", id, std::to_string(remark_id));
    });
}

Result<RemarkView> ReportService::decide_remark(Principal const& caller, Actor const& actor, Id id, Id remark_id,
                                                RemarkDecisionInput const& input, Date today, UnixTime now)
{
    auto const a = TRY(access(caller, id, today));
    if (!a.ci) {
        return Error{ErrorCode::PermissionDenied, "Over opmerkingen beslist de CI.", ""};
    }
    if (a.stage != ReportStage::Concept) {
        return Error::precondition("Over opmerkingen wordt beslist tussen het concept en het definitieve rapport.");
    }
    auto const all = TRY(m_store.reports().remarks(id));
    auto const found = std::find_if(all.begin(), all.end(), [&](RemarkRecord const& r) { return r.id == remark_id; });
    if (found == all.end() || found->status == "draft") {
        return Error::not_found("Deze opmerking bestaat niet.");
    }
    if (found->status != "submitted") {
        return Error::precondition("Over deze opmerking is al beslist.");
    }
    if (!input.accepted && input.reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        return Error::invalid("reason", "Geef de reden waarom de opmerking niet wordt overgenomen.");
    }
    RemarkRecord decided = *found;
    decided.status = input.accepted ? "accepted" : "rejected";
    decided.response = input.reason;
    decided.decided_on = today.iso();
    decided.decided_by = actor.user_id;
    std::optional<ReportEntry> change;
    if (input.accepted && input.finding) {
        if (input.finding->norm_code != found->target) {
            return Error::invalid("finding", "De opmerking gaat over " + found->target + ".");
        }
        change = finding_entry(id, TRY(check_finding(*a.framework, *input.finding)), actor, now);
    } else if (input.accepted && input.value) {
        if ("part_a." + input.value->key != found->target) {
            return Error::invalid("value", "De opmerking gaat over " + found->target + ".");
        }
        change = part_a_entry(id, TRY(check_part_a_value(*a.framework, *input.value)), actor, now);
    }
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.reports().lock(id));
        if (change) {
            TRY(save_over_version(*change, input.finding_version));
        }
        TRY(m_store.reports().update_remark(decided, "submitted"));
        return audit(actor, now, "report.remark-decision", id, found->target + ": " + decided.status);
    }));
    return RemarkView{decided, TRY(remark_target_label(*a.framework, decided.target))};
}

Result<std::vector<PartBRequestRecord>> ReportService::part_b_requests(Principal const& caller, Id id, Date today)
{
    TRY(access(caller, id, today));
    return m_store.reports().part_b_requests(id);
}

Result<PartBRequestRecord> ReportService::request_part_b(Principal const& caller, Actor const& actor, Id id,
                                                         std::string const& reason, Date today, UnixTime now)
{
    auto const a = TRY(access(caller, id, today));
    if (!a.secretariat) {
        return Error{ErrorCode::PermissionDenied, "Deel B vraagt alleen het secretariaat op.", ""};
    }
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        return Error::invalid("reason", "Geef de reden waarom het secretariaat deel B wil lezen.");
    }
    if (reason.size() > 2000) {
        return Error::invalid("reason", "De reden is hoogstens 2.000 tekens.");
    }
    PartBRequestRecord request{0, id, reason, actor.user_id, today.iso(), now};
    TRY(m_store.transaction([&]() -> Status {
        request.id = TRY(m_store.reports().add_part_b_request(request));
        return audit(actor, now, "report.part-b.request", id, reason);
    }));
    return request;
}

Status ReportService::freeze(StoredTrajectory const& t, ReportStage stage, std::string const& dated, UnixTime now)
{
    auto const* framework = TRY(m_trajectories.framework_of(t.record));
    auto const stored = TRY(m_store.reports().versions(t.record.id));
    int const version = stored.empty() ? 1 : stored.back().version + 1;
    auto const report = build_report(*framework, TRY(content(t)), stage, version, dated);
    return m_store.reports().add_version(
        ReportVersionRecord{t.record.id, version, report_stage_key(stage), dated, m_codec.encode_report(report), now});
}

Status ReportService::prepare(StoredTrajectory const& t, RawEvent& raw)
{
    if (raw.key == "concept_sent") {
        auto const* framework = TRY(m_trajectories.framework_of(t.record));
        return ready_for_concept(all_findings(*framework, TRY(stored_findings(t.record.id))));
    }
    if (raw.key == "corrections_received") {
        auto const all = TRY(m_store.reports().remarks(t.record.id));
        if (std::none_of(all.begin(), all.end(), [](RemarkRecord const& r) { return r.status == "draft"; })) {
            return Error::precondition("Er zijn geen opmerkingen om in te dienen; zonder correcties wordt het concept "
                                       "na de termijn definitief.");
        }
        return ok_status();
    }
    if (raw.key == "findings_final") {
        auto const all = TRY(m_store.reports().remarks(t.record.id));
        std::vector<std::string> open;
        for (auto const& r : all) {
            if (r.status == "submitted") {
                open.push_back(r.target);
            }
        }
        if (!open.empty()) {
            return Error::precondition("Beslis eerst over de opmerking(en) bij " + join(open) + ".");
        }
        auto const findings = TRY(stored_findings(t.record.id));
        if (!raw.verdicts && !findings.empty()) {
            std::map<std::string, std::string> verdicts;
            for (auto const& f : findings) {
                if (f.verdict) {
                    verdicts[f.norm_code] = verdict_symbol(*f.verdict);
                }
            }
            raw.verdicts = verdicts;
        }
    }
    return ok_status();
}

Status ReportService::apply(StoredTrajectory const& t, RawEvent const& raw, Actor const& actor, UnixTime now)
{
    (void)actor;
    if (raw.key == "concept_sent") {
        return freeze(t, ReportStage::Concept, raw.on, now);
    }
    if (raw.key == "findings_final") {
        return freeze(t, ReportStage::Final, raw.on, now);
    }
    if (raw.key == "part_a_resubmitted") {
        // The CI completed Part A after the secretariat returned it: a new final version.
        return freeze(t, ReportStage::Final, raw.on, now);
    }
    if (raw.key == "corrections_received") {
        for (auto r : TRY(m_store.reports().remarks(t.record.id))) {
            if (r.status == "draft") {
                r.status = "submitted";
                TRY(m_store.reports().update_remark(r, "draft"));
            }
        }
    }
    return ok_status();
}

}  // namespace sterk
