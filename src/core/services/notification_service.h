// File: notification_service.h
// NotificationService: who hears of what (LIFECYCLE.md §4, §6, issue 10 §5). As the trajectory's
// event effects it writes one outbox row per recipient message in the event's own transaction;
// run_lifecycle() applies the daily job's effects (overdue reminders, the secretariat's digest),
// each key once; and it serves the user's notifications, language and the secretariat's outbox.
// Sending is the mail worker's (src/adapters/mail/outbox_worker.h).
//
// Example:
//   trajectories.add_effects(&notifications);  // after the report's
//   auto summary = TRY(notifications.run_lifecycle(today, now));
#pragma once

#include "core/certificate/certificate_change.h"
#include "core/notify/messages.h"
#include "core/notify/notify_rules.h"
#include "core/services/trajectory_service.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sterk {

struct NotificationSettings {
    std::string base_url;  // links in messages: base_url + "/trajecten/12"
    // The certificates' reminders, notice, suspension and lapse (issue 11) follow these rules;
    // none without them.
    std::optional<ProcedureSettings> certificate_procedure = std::nullopt;
};

// LifecycleSummary: what one run of the daily job did.
struct LifecycleSummary {
    int trajectories = 0;  // looked at
    int certificates = 0;  // looked at
    std::vector<std::string> applied;  // the effect keys applied in this run
    int skipped = 0;  // due, but applied meanwhile by another run
    int messages = 0;  // outbox rows written
    std::vector<std::string> problems;  // trajectories that could not be evaluated (Dutch)
};

constexpr int NOTIFICATIONS_LIMIT = 50;
constexpr int OUTBOX_LIST_LIMIT = 200;

class NotificationService final : public EventEffects, public CertificateAnnouncer {
public:
    NotificationService(Store& store, TrajectoryService& trajectories, NotificationSettings settings);

    // set_wake: called after outbox rows were written (the worker wakes up for them).
    void set_wake(std::function<void()> wake) { m_wake = std::move(wake); }

    // EventEffects: nothing to prepare; apply writes the messages of the event just appended.
    Status prepare(StoredTrajectory const& trajectory, RawEvent& raw) override;
    Status apply(StoredTrajectory const& trajectory, RawEvent const& raw, Actor const& actor, UnixTime now) override;

    // announce: a reissued or withdrawn certificate to its member's users, the CI admins of the
    // trajectory it came from (none for an imported one) and the committee; one outbox row each,
    // in the caller's transaction.
    Status announce(CertificateChange const& change, UnixTime now) override;

    // run_lifecycle: the daily job on `today` (LIFECYCLE.md §4): every trajectory's view on that
    // date, the effects lifecycle_effects() lists, each applied in its own transaction with its
    // outbox rows and audit-log entry, once per key however often or wherever it runs.
    Result<LifecycleSummary> run_lifecycle(Date today, UnixTime now);

    // language / set_language: the caller's e-mail language; InvalidArgument (field "language")
    // for anything but "nl" and "en". Audited `user.language`.
    Result<std::string> language(Principal const& caller);
    Result<std::string> set_language(Principal const& caller, Actor const& actor, std::string const& language,
                                     UnixTime now);

    // notifications: the rows addressed to the caller, newest first, at most NOTIFICATIONS_LIMIT.
    Result<std::vector<OutboxMessage>> notifications(Principal const& caller);

    // outbox: the secretariat's view (PermissionDenied for anyone else): newest first, at most
    // OUTBOX_LIST_LIMIT, only `status` when given, and the counts per status.
    Result<std::pair<std::vector<OutboxMessage>, OutboxCounts>> outbox(Principal const& caller,
                                                                      std::optional<OutboxStatus> status);
    // retry: a failed message pending again (secretariat). NotFound, FailedPrecondition when it is
    // not failed. Audited `outbox.retry`, subject `outbox:ID`.
    Result<OutboxMessage> retry(Principal const& caller, Actor const& actor, Id id, UnixTime now);

private:
    Status add_messages(std::vector<OutboxMessage> const& messages);
    // apply_once: marks `key` applied and writes its messages and audit entry in one transaction,
    // unless another run applied it first.
    Status apply_once(std::string const& key, std::string const& kind, std::string const& subject,
                      std::vector<OutboxMessage> const& messages, LifecycleSummary& summary, UnixTime now);
    Status run_certificates(Date today, UnixTime now, std::vector<User> const& users, LifecycleSummary& summary);

    Store& m_store;
    TrajectoryService& m_trajectories;
    NotificationSettings m_settings;
    std::function<void()> m_wake;
};

}  // namespace sterk
