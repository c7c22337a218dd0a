#include "core/services/certificate_service.h"

#include "core/registry/audit_team.h"
#include "core/registry/registry.h"
#include "core/text.h"

#include <algorithm>

namespace sterk {

namespace {

Error certificate_not_found()
{
    return Error::not_found("Dit certificaat bestaat niet of is niet zichtbaar voor u.");
}

Error secretariat_only(std::string const& what)
{
    return Error{ErrorCode::PermissionDenied, "Alleen het secretariaat " + what + ".", {}};
}

std::optional<Date> first_on(std::vector<StoredEvent> const& events, std::initializer_list<char const*> keys)
{
    for (auto const& e : events) {
        for (char const* key : keys) {
            if (e.key == key) {
                if (auto parsed = Date::parse(e.on, "on")) {
                    return *parsed;
                }
            }
        }
    }
    return std::nullopt;
}

Status audit_certificate(Store& store, Actor const& actor, UnixTime now, std::string action,
                         std::string const& number, std::string detail)
{
    auto entry = audit_entry(now, std::move(action), actor.email, actor.ip, actor.user_id, std::move(detail));
    entry.subject = "certificate:" + number;
    TRY(store.audit_log().append(entry));
    return ok_status();
}

}  // namespace

CertificateService::CertificateService(Store& store, TrajectoryService& trajectories, ReportCodec const& report_codec,
                                       CertificateSigner& signer, ProcedureSettings const& procedure,
                                       std::string base_url)
    : m_store(store)
    , m_trajectories(trajectories)
    , m_report_codec(report_codec)
    , m_signer(signer)
    , m_procedure(procedure)
    , m_base_url(std::move(base_url))
{
}

Result<int> CertificateService::next_sequence(int year)
{
    return next_certificate_sequence(TRY(m_store.certificates().sequences_in_year(year)));
}

Status CertificateService::prepare(StoredTrajectory const&, RawEvent& raw)
{
    if (raw.key == "part_a_found_incomplete") {
        // The CI repairs Part A from these remarks within its week: an empty return helps nobody.
        // (Checked here, not in parse_event, so logs stored before the rule still replay.)
        auto const reason = raw.fields.find("reason");
        if (reason == raw.fields.end() || is_blank(reason->second)) {
            return Error::invalid("reason", "Schrijf bij het terugsturen op wat er in deel A ontbreekt of niet klopt.");
        }
        return ok_status();
    }
    if (raw.key != "certificate_issued") {
        return ok_status();
    }
    auto const on = Date::parse(raw.on, "on");
    if (!on) {
        return ok_status();  // the trajectory rules name the date
    }
    auto const given = raw.fields.find("number");
    if (given != raw.fields.end() && !given->second.empty()) {
        // A number from the register kept by hand (an import): it must be of the issue year; the
        // unique constraint keeps it from being given twice.
        auto const parsed = TRY(parse_certificate_number(given->second));
        if (parsed.year != on->year()) {
            return Error::invalid("number", "Het certificaatnummer " + given->second + " hoort bij " +
                                                std::to_string(parsed.year) + ", het certificaat wordt uitgegeven in " +
                                                std::to_string(on->year()) + ".");
        }
        return ok_status();
    }
    raw.fields["number"] = certificate_number(on->year(), TRY(next_sequence(on->year())));
    return ok_status();
}

Status CertificateService::apply(StoredTrajectory const& trajectory, RawEvent const& raw, Actor const& actor,
                                 UnixTime now)
{
    if (raw.key == "receipt_confirmed") {
        auto const check = TRY(check_of(trajectory));
        if (!check.complete) {
            return Error{ErrorCode::FailedPrecondition,
                         "Deel A is niet compleet; stuur het terug naar de CI (part_a_found_incomplete): " +
                             join(check.remarks(), "; ") + ".",
                         "part_a"};
        }
    }
    if (raw.key == "certificate_issued") {
        forget_listed();
        TRY(issue(trajectory, raw, actor, now));
    }
    if (trajectory.view.kind == TrajectoryKind::Recertification) {
        forget_listed();
        TRY(track_renewal(trajectory));
    }
    return ok_status();
}

Status CertificateService::issue(StoredTrajectory const& trajectory, RawEvent const& raw, Actor const& actor,
                                 UnixTime now)
{
    auto const& view = trajectory.view;
    if (!view.certificate) {
        return Error::internal("certificate_issued zonder de data van het nieuwe certificaat");
    }
    auto const& record = trajectory.record;
    auto const member = TRY(m_store.organisations().find(record.member_id));
    if (!member) {
        return Error::internal("het lid van traject " + std::to_string(record.id) + " bestaat niet");
    }
    auto const profile = TRY(m_store.registry().find_member(record.member_id));
    ReportFacts facts;
    m_report_codec.scope_facts(record.scope, facts);
    CertificateDraft draft{record.member_id, member->name, member->city, profile ? profile->kvk : std::string{},
                           member->lidnummer, facts.scope.empty() ? "De hele organisatie" : facts.scope, record.id};
    auto const& term = *view.certificate;
    CertificateTerm const certificate_term{term.issued, term.valid_from, term.valid_through, term.expires};
    auto const number = TRY(parse_certificate_number(raw.fields.at("number")));
    auto certificate = TRY(issue_certificate(draft, term.issued, certificate_term, number.sequence));
    certificate.year = number.year;
    certificate.number = raw.fields.at("number");
    if (view.previous_certificate) {
        certificate.supersedes = view.previous_certificate->number;
    }
    TRY(m_store.certificates().create(certificate, search_text(certificate), now));
    if (view.previous_certificate) {
        if (auto previous = TRY(m_store.certificates().find(view.previous_certificate->number));
            previous && in_register(previous->status)) {
            auto const was = previous->status;
            previous->status = CertificateStatus::Superseded;
            previous->status_on = term.issued;
            previous->superseded_by = certificate.number;
            TRY(m_store.certificates().set_status(*previous, was));
        }
    }
    return audit_certificate(m_store, actor, now, "certificate.issue", certificate.number,
                             certificate.member_name + ", geldig " + certificate.valid_from.iso() + " t/m " +
                                 certificate.valid_through.iso());
}

Status CertificateService::track_renewal(StoredTrajectory const& trajectory)
{
    if (!trajectory.view.previous_certificate) {
        return ok_status();
    }
    auto const& events = trajectory.events;
    Renewal renewal{first_on(events, {"audit_accepted"}), first_on(events, {"positive_advice"}),
                    first_on(events, {"negative_advice", "trajectory_withdrawn", "audit_declined"})};
    return m_store.certificates().set_renewal(trajectory.view.previous_certificate->number, renewal);
}

Result<PartACheck> CertificateService::check_of(StoredTrajectory const& trajectory)
{
    PartACheckInput input;
    input.view = &trajectory.view;
    auto const versions = TRY(m_store.reports().versions(trajectory.record.id));
    for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
        if (it->stage == "final") {
            input.final_report = TRY(m_report_codec.decode_report(it->content));
            break;
        }
    }
    input.plan_rounds = TRY(m_store.plans().rounds(trajectory.record.id));
    auto const& record = trajectory.record;
    if (auto const& planning = trajectory.view.planning) {
        if (auto const ci = TRY(m_store.registry().find_ci(record.ci_id))) {
            input.ci_problems = ci_lapsed_conditions(*ci, planning->first_day);
        } else {
            input.ci_problems.push_back("geen gegevens van de CI in het register");
        }
        AuditTarget const target{record.ci_id, record.member_id, record.variant, planning->first_day,
                                 planning->last_day};
        input.team_problems = check_audit_team(planning->team, TRY(m_store.auditors().list()), target, [this](Id id) {
            auto const o = m_store.organisations().find(id);
            return o && *o ? (*o)->name : std::string{"organisatie " + std::to_string(id)};
        });
    }
    return check_part_a(input);
}

Result<PartACheck> CertificateService::part_a_check(Principal const& caller, Id trajectory_id, Date today)
{
    auto const trajectory = TRY(m_trajectories.get(caller, trajectory_id, today));
    bool const own_ci = caller.role == Role::CiAdmin && caller.organisation_id == trajectory.record.ci_id;
    if (caller.role != Role::Secretariat && !own_ci) {
        return Error{ErrorCode::PermissionDenied, "De controle van deel A is van het secretariaat (en de CI).", {}};
    }
    return check_of(trajectory);
}

Result<SigningKeyPair> CertificateService::key(UnixTime now)
{
    if (auto stored = TRY(m_store.certificates().signing_key())) {
        return *stored;
    }
    return m_store.certificates().store_signing_key(m_signer.new_key_pair(), now);
}

Result<std::string> CertificateService::public_key(UnixTime now)
{
    return TRY(key(now)).public_key;
}

Result<CertificateView> CertificateService::view_of(Certificate const& certificate, Date today, UnixTime now)
{
    CertificateView view{certificate, live_status(m_procedure, certificate, today), {}};
    auto const signature = TRY(m_signer.sign(TRY(key(now)), signed_payload(certificate)));
    view.verification_url = verification_url(m_base_url, {verification_data(certificate), signature});
    return view;
}

Result<CertificateView> CertificateService::certificate(Principal const& caller, std::string const& number,
                                                        Date today, UnixTime now)
{
    auto const found = TRY(m_store.certificates().find(number));
    if (!found) {
        return certificate_not_found();
    }
    bool allowed = caller.role == Role::Secretariat || caller.role == Role::Committee ||
                   (caller.role == Role::Member && caller.organisation_id == found->member_id);
    if (!allowed && caller.role == Role::CiAdmin && found->trajectory_id) {
        auto const trajectory = TRY(m_store.trajectories().find(*found->trajectory_id));
        allowed = trajectory && caller.organisation_id == trajectory->ci_id;
    }
    if (!allowed) {
        return certificate_not_found();
    }
    return view_of(*found, today, now);
}

Result<CertificateView> CertificateService::reissue(Principal const& caller, Actor const& actor,
                                                    std::string const& number, Correction const& correction,
                                                    Date today, UnixTime now)
{
    if (caller.role != Role::Secretariat) {
        return secretariat_only("geeft een certificaat opnieuw uit");
    }
    Certificate replacement;
    forget_listed();
    TRY(m_store.transaction([&]() -> Status {
        auto const old = TRY(m_store.certificates().find(number));
        if (!old) {
            return certificate_not_found();
        }
        auto const made = TRY(reissue_certificate(*old, correction, today, TRY(next_sequence(today.year()))));
        replacement = made.replacement;
        TRY(m_store.certificates().create(replacement, search_text(replacement), now));
        TRY(m_store.certificates().set_status(made.superseded, old->status));
        if (m_announcer) {
            TRY(m_announcer->announce({CertificateChangeKind::Reissued, replacement, old->number, today}, now));
        }
        return audit_certificate(m_store, actor, now, "certificate.reissue", replacement.number,
                                 "vervangt " + old->number + ": " + replacement.reason);
    }));
    forget_listed();  // also what a search read while the transaction ran
    auto const stored = TRY(m_store.certificates().find(replacement.number));
    return view_of(stored.value_or(replacement), today, now);
}

Result<CertificateView> CertificateService::withdraw(Principal const& caller, Actor const& actor,
                                                     std::string const& number, std::string const& reason, Date today,
                                                     UnixTime now)
{
    if (caller.role != Role::Secretariat) {
        return secretariat_only("trekt een certificaat in");
    }
    Certificate withdrawn;
    forget_listed();
    TRY(m_store.transaction([&]() -> Status {
        auto const old = TRY(m_store.certificates().find(number));
        if (!old) {
            return certificate_not_found();
        }
        withdrawn = TRY(withdraw_certificate(*old, today, reason));
        TRY(m_store.certificates().set_status(withdrawn, old->status));
        if (m_announcer) {
            TRY(m_announcer->announce({CertificateChangeKind::Withdrawn, withdrawn, "", today}, now));
        }
        return audit_certificate(m_store, actor, now, "certificate.withdraw", number, withdrawn.reason);
    }));
    forget_listed();
    return view_of(withdrawn, today, now);
}

Result<std::shared_ptr<CertificateService::ListedRows const>> CertificateService::listed(UnixTime now)
{
    {
        std::lock_guard lock(m_cache_mutex);
        if (m_listed && now >= m_listed_at && now - m_listed_at < REGISTER_CACHE_SECONDS) {
            return m_listed;
        }
    }
    auto rows = std::make_shared<ListedRows const>(TRY(m_store.certificates().listed()));
    std::lock_guard lock(m_cache_mutex);
    m_listed = rows;
    m_listed_at = now;
    return rows;
}

Result<std::shared_ptr<void const>> CertificateService::register_rows_token(UnixTime now)
{
    return std::shared_ptr<void const>{TRY(listed(now))};
}

void CertificateService::forget_listed()
{
    std::lock_guard lock(m_cache_mutex);
    m_listed.reset();
}

Result<std::vector<CertificateView>> CertificateService::register_entries(RegisterQuery const& query, Date today,
                                                                          UnixTime now)
{
    auto const shared = TRY(listed(now));
    auto const& rows = *shared;
    auto const town = fold_for_search(query.town);
    auto const scope = fold_for_search(query.scope);
    std::vector<CertificateView> out;
    for (auto const& [certificate, search] : rows) {
        if (!query.q.empty() && !matches_search(search, query.q)) {
            continue;
        }
        if (!town.empty() && fold_for_search(certificate.town) != town) {
            continue;
        }
        if (!scope.empty() && !matches_search(fold_for_search(certificate.scope), scope)) {
            continue;
        }
        auto const live = live_status(m_procedure, certificate, today);
        if (!in_register(live.status)) {
            continue;
        }
        // A follow-on certificate issued before the old one's expiry: the register shows the newest.
        out.push_back({certificate, live, {}});
    }
    return out;
}

Result<PublicCertificate> CertificateService::public_certificate(std::string const& number, Date today, UnixTime)
{
    auto const found = TRY(m_store.certificates().find(number));
    if (!found) {
        return Error::not_found("Certificaat " + number + " staat niet in het register.");
    }
    PublicCertificate out{{*found, live_status(m_procedure, *found, today), {}}, {}};
    for (auto const& c : TRY(m_store.certificates().of_member(found->member_id))) {
        out.history.push_back({c, live_status(m_procedure, c, today), {}});
    }
    return out;
}

Result<SignedCertificate> CertificateService::read_scanned(std::string const& scanned) const
{
    return parse_verification(scanned);
}

bool CertificateService::verify(std::string const& public_key, SignedCertificate const& scanned) const
{
    return m_signer.verify(public_key, signed_payload(scanned.data), scanned.signature);
}

}  // namespace sterk
