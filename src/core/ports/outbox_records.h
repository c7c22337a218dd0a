// File: outbox_records.h
// The stored form of a notification (LIFECYCLE.md §6): one outbox row per recipient message,
// written in the transaction of the event (or daily-job effect) that caused it, and sent later by
// the mail worker. The same rows are the user's notifications in the app.
#pragma once

#include "core/ports/records.h"

#include <optional>
#include <string>

namespace sterk {

// OutboxStatus: pending (waiting or retrying), sent, failed (gave up after the last retry).
enum class OutboxStatus { Pending, Sent, Failed };
std::string outbox_status_key(OutboxStatus status);  // "pending", "sent", "failed"
std::optional<OutboxStatus> parse_outbox_status(std::string const& key);

struct OutboxMessage {
    Id id = 0;
    std::optional<Id> user_id;  // the recipient's account (for its notifications)
    std::string recipient;  // the e-mail address
    std::string language = "nl";
    std::string kind;  // the event key, or reminder.overdue / digest.overdue
    std::optional<Id> trajectory_id;
    std::string subject;
    std::string body;  // plain text
    std::string link;  // the app's path
    OutboxStatus status = OutboxStatus::Pending;
    int attempts = 0;
    std::optional<UnixTime> next_attempt_at;  // pending: not before then
    std::optional<UnixTime> first_failed_at;  // the first failed attempt (gives up 6 hours later)
    std::string last_error;  // the last failure, or a note (demo: "in het serverlog gezet")
    UnixTime created_at = 0;
    std::optional<UnixTime> sent_at;
};

// OutboxCounts: how many rows have each status.
struct OutboxCounts {
    int pending = 0;
    int sent = 0;
    int failed = 0;
};

}  // namespace sterk
