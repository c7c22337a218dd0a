#include "core/services/notification_service.h"

namespace sterk {

namespace {

// The daily job sees every trajectory, as the secretariat does.
Principal const SYSTEM{0, Role::Secretariat, std::nullopt};

OutboxMessage message_for(User const& user, std::string const& kind, std::optional<Id> trajectory_id,
                          MessageText text, UnixTime now)
{
    OutboxMessage out;
    out.user_id = user.id;
    out.recipient = user.email;
    out.language = user.language == "en" ? "en" : "nl";
    out.kind = kind;
    out.trajectory_id = trajectory_id;
    out.subject = std::move(text.subject);
    out.body = std::move(text.body);
    out.link = std::move(text.link);
    out.created_at = now;
    out.next_attempt_at = now;
    return out;
}

Error secretariat_only()
{
    return Error{ErrorCode::PermissionDenied, "Alleen het secretariaat beheert de uitgaande e-mail.", {}};
}

}  // namespace

NotificationService::NotificationService(Store& store, TrajectoryService& trajectories, NotificationSettings settings)
    : m_store(store), m_trajectories(trajectories), m_settings(std::move(settings))
{
}

Status NotificationService::prepare(StoredTrajectory const&, RawEvent&)
{
    return ok_status();
}

Status NotificationService::add_messages(std::vector<OutboxMessage> const& messages)
{
    for (auto const& message : messages) {
        TRY(m_store.outbox().add(message));
    }
    if (!messages.empty() && m_wake) {
        m_wake();
    }
    return ok_status();
}

Status NotificationService::apply(StoredTrajectory const& trajectory, RawEvent const& raw, Actor const& actor,
                                  UnixTime now)
{
    auto const* framework = TRY(m_trajectories.framework_of(trajectory.record));
    auto const* rule = framework->procedure.event(raw.key);
    std::string const recorded_by = rule != nullptr ? rule->actor : std::string{};
    auto const notices = event_notices(raw.key, recorded_by, trajectory.view);
    if (notices.empty()) {
        return ok_status();
    }
    auto const users = TRY(m_store.users().list());
    std::vector<Id> team_users;  // the report's writers, when a report step is the CI's
    if (report_step_open(trajectory.view)) {
        for (auto const& auditor : trajectory.team) {
            if (auditor.user_id) {
                team_users.push_back(*auditor.user_id);
            }
        }
    }
    auto const recipients = resolve_recipients(notices, trajectory.record, users, actor.user_id, team_users);
    auto const member = TRY(m_store.organisations().find(trajectory.record.member_id));
    std::string const member_name = member ? member->name : "lid " + std::to_string(trajectory.record.member_id);
    auto const on = TRY(Date::parse(raw.on, "on"));
    std::vector<OutboxMessage> messages;
    for (auto const& recipient : recipients) {
        EventMessageInput input;
        input.event_key = raw.key;
        input.event_label_nl = rule != nullptr ? rule->label : raw.key;
        input.on = on;
        input.trajectory_id = trajectory.record.id;
        input.member_name = member_name;
        input.recipient_name = recipient.name;
        input.must_act = recipient.must_act;
        for (auto const& action : trajectory.view.actions) {
            if (action.actor == party_key(recipient.party)) {
                input.actions.push_back(action);
            }
        }
        input.base_url = m_settings.base_url;
        User user;
        user.id = recipient.user_id;
        user.email = recipient.email;
        user.language = recipient.language;
        messages.push_back(message_for(user, raw.key, trajectory.record.id, event_message(input, recipient.language), now));
    }
    return add_messages(messages);
}

Result<LifecycleSummary> NotificationService::run_lifecycle(Date today, UnixTime now)
{
    LifecycleSummary summary;
    std::vector<TrajectoryFacts> facts;
    for (auto const& record : TRY(m_store.trajectories().list())) {
        ++summary.trajectories;
        auto stored = m_trajectories.get(SYSTEM, record.id, today);
        if (!stored) {
            summary.problems.push_back("traject " + std::to_string(record.id) + ": " + stored.error().message);
            continue;
        }
        auto const member = TRY(m_store.organisations().find(record.member_id));
        facts.push_back(TrajectoryFacts{record, member ? member->name : "lid " + std::to_string(record.member_id),
                                        std::move(stored->view)});
    }
    auto const effects = lifecycle_effects(facts, today, TRY(m_store.lifecycle().applied_keys()));
    auto const users = TRY(m_store.users().list());
    for (auto const& effect : effects) {
        std::vector<OutboxMessage> messages;
        std::string const kind = lifecycle_effect_kind_key(effect.kind);
        if (effect.kind == LifecycleEffectKind::OverdueReminder && effect.trajectory && effect.party) {
            for (auto const& user : users_of_party(*effect.party, *effect.trajectory, users)) {
                messages.push_back(message_for(user, kind, effect.trajectory->id,
                                               overdue_message(effect.items.front(), user.name, m_settings.base_url,
                                                               user.language),
                                               now));
            }
        } else if (effect.kind == LifecycleEffectKind::OverdueDigest) {
            for (auto const& user : users_of_party(Party::Secretariat, TrajectoryRecord{}, users)) {
                messages.push_back(message_for(
                    user, kind, std::nullopt,
                    digest_message(effect.items, today, user.name, m_settings.base_url, user.language), now));
            }
        }
        TRY(apply_once(effect.key, kind,
                       effect.trajectory ? "trajectory:" + std::to_string(effect.trajectory->id) : "lifecycle", messages,
                       summary, now));
    }
    if (m_settings.certificate_procedure) {
        TRY(run_certificates(today, now, users, summary));
    }
    return summary;
}

Status NotificationService::apply_once(std::string const& key, std::string const& kind, std::string const& subject,
                                       std::vector<OutboxMessage> const& messages, LifecycleSummary& summary,
                                       UnixTime now)
{
    bool applied = false;
    TRY(m_store.transaction([&]() -> Status {
        applied = TRY(m_store.lifecycle().mark_applied(key, now));
        if (!applied) {
            return ok_status();  // another run got there first
        }
        TRY(add_messages(messages));
        auto entry = audit_entry(now, "lifecycle." + kind, "sterklabel", "", std::nullopt,
                                 key + ": " + std::to_string(messages.size()) + " bericht(en)");
        entry.subject = subject;
        TRY(m_store.audit_log().append(entry));
        return ok_status();
    }));
    if (applied) {
        summary.applied.push_back(key);
        summary.messages += static_cast<int>(messages.size());
    } else {
        ++summary.skipped;
    }
    return ok_status();
}

// run_certificates: the certificates' reminders, notice, suspension and lapse (LIFECYCLE.md §3):
// to the member's users, suspension and lapse also to the secretariat (the register changes).
Status NotificationService::run_certificates(Date today, UnixTime now, std::vector<User> const& users,
                                             LifecycleSummary& summary)
{
    std::vector<Certificate> certificates;
    for (auto& [certificate, folded] : TRY(m_store.certificates().listed())) {
        (void)folded;
        certificates.push_back(std::move(certificate));
    }
    summary.certificates = static_cast<int>(certificates.size());
    auto const applied = TRY(m_store.lifecycle().applied_keys());
    for (auto const& effect : certificate_effects(*m_settings.certificate_procedure, certificates, today, applied)) {
        std::string const kind = certificate_effect_kind_key(effect.kind);
        TrajectoryRecord of_member;
        of_member.member_id = effect.certificate.member_id;
        auto recipients = users_of_party(Party::Member, of_member, users);
        if (effect.kind == CertificateEffectKind::Suspended || effect.kind == CertificateEffectKind::Lapsed) {
            for (auto const& user : users_of_party(Party::Secretariat, of_member, users)) {
                recipients.push_back(user);
            }
        }
        std::vector<OutboxMessage> messages;
        for (auto const& user : recipients) {
            messages.push_back(message_for(user, kind, effect.certificate.trajectory_id,
                                           certificate_message(effect, user.name, m_settings.base_url, user.language),
                                           now));
        }
        TRY(apply_once(effect.key, kind, "certificate:" + effect.certificate.number, messages, summary, now));
    }
    return ok_status();
}

Status NotificationService::announce(CertificateChange const& change, UnixTime now)
{
    auto const users = TRY(m_store.users().list());
    TrajectoryRecord of_certificate;
    of_certificate.member_id = change.certificate.member_id;
    if (change.certificate.trajectory_id) {
        if (auto const record = TRY(m_store.trajectories().find(*change.certificate.trajectory_id))) {
            of_certificate = *record;
        }
    }
    std::vector<User> recipients = users_of_party(Party::Member, of_certificate, users);
    if (of_certificate.ci_id != 0) {
        for (auto const& user : users_of_party(Party::Ci, of_certificate, users)) {
            recipients.push_back(user);
        }
    }
    for (auto const& user : users_of_party(Party::Committee, of_certificate, users)) {
        recipients.push_back(user);
    }
    std::vector<OutboxMessage> messages;
    for (auto const& user : recipients) {
        messages.push_back(message_for(user, certificate_change_kind_key(change.kind), change.certificate.trajectory_id,
                                       certificate_change_message(change, user.name, m_settings.base_url, user.language),
                                       now));
    }
    return add_messages(messages);
}

Result<std::string> NotificationService::language(Principal const& caller)
{
    auto const user = TRY(m_store.users().find(caller.user_id));
    if (!user) {
        return Error::not_found("Deze gebruiker bestaat niet.");
    }
    return user->language == "en" ? std::string{"en"} : std::string{"nl"};
}

Result<std::string> NotificationService::set_language(Principal const& caller, Actor const& actor,
                                                      std::string const& language, UnixTime now)
{
    if (language != "nl" && language != "en") {
        return Error::invalid("language", "Kies de taal van uw e-mails: nl (Nederlands) of en (Engels).");
    }
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.users().set_language(caller.user_id, language));
        auto entry = audit_entry(now, "user.language", actor.email, actor.ip, actor.user_id, language);
        TRY(m_store.audit_log().append(entry));
        return ok_status();
    }));
    return language;
}

Result<std::vector<OutboxMessage>> NotificationService::notifications(Principal const& caller)
{
    return m_store.outbox().for_user(caller.user_id, NOTIFICATIONS_LIMIT);
}

Result<std::pair<std::vector<OutboxMessage>, OutboxCounts>> NotificationService::outbox(
    Principal const& caller, std::optional<OutboxStatus> status)
{
    if (caller.role != Role::Secretariat) {
        return secretariat_only();
    }
    auto messages = TRY(m_store.outbox().list(status, OUTBOX_LIST_LIMIT));
    return std::pair{std::move(messages), TRY(m_store.outbox().counts())};
}

Result<OutboxMessage> NotificationService::retry(Principal const& caller, Actor const& actor, Id id, UnixTime now)
{
    if (caller.role != Role::Secretariat) {
        return secretariat_only();
    }
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.outbox().retry(id, now));
        auto entry = audit_entry(now, "outbox.retry", actor.email, actor.ip, actor.user_id);
        entry.subject = "outbox:" + std::to_string(id);
        TRY(m_store.audit_log().append(entry));
        return ok_status();
    }));
    if (m_wake) {
        m_wake();
    }
    auto found = TRY(m_store.outbox().find(id));
    if (!found) {
        return Error::not_found("Dit bericht bestaat niet.");
    }
    return *found;
}

}  // namespace sterk
