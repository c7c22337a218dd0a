// File: deadlines.h
// Report and certification deadlines as pure functions of recorded event dates (DOMAIN.md
// "Decision rules", "Certificate and register", "Dates"). Periods and handbook sources come from
// the framework version's procedure settings; nothing here reads a clock.
//
// Example:
//   Deadline d = deadline_for(fw.procedure, DeadlineKind::ConceptReport, last_audit_day);
//   if (deadline_status(d, today) == DeadlineStatus::Overdue) { ... }
#pragma once

#include "core/calendar/date.h"
#include "core/norms/framework.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

struct Deadline {
    DeadlineRule rule;
    Date event;  // the recorded event it counts from
    Date due;  // the last day on which it is on time
};

enum class DeadlineStatus { Open, DueToday, Overdue };

// "Within N weeks" of day D is due on D + 7N and overdue from the day after.
Deadline deadline_for(ProcedureSettings const& procedure, DeadlineKind kind, Date event);
DeadlineStatus deadline_status(Deadline const& deadline, Date today);
std::string deadline_status_key(DeadlineStatus status);  // "open", "due-today", "overdue"

// CertificateTerm: a certificate issued on D is valid through D + 2 years - 1 day and expires on
// D + 2 years. A renewal decided positively on or before the old expiry, or during the suspension
// that follows it (B6 §17.2, §9c), starts on that expiry, so the terms follow on without gap or
// overlap. `decided` is the day of the positive advice for a renewal, the issue date otherwise.
struct CertificateTerm {
    Date decided;
    Date starts;
    Date valid_through;
    Date expires;
};
CertificateTerm certificate_term(ProcedureSettings const& procedure, Date decided,
                                 std::optional<Date> previous_expiry = std::nullopt);

// Suspension while re-certification runs: from the expiry for at most the suspension period,
// through expiry + 6 months, the last day on which the additional audit is on time (DOMAIN.md).
struct SuspensionWindow {
    Date from;
    Date through;  // last day of suspension; lapse follows the day after
};
SuspensionWindow suspension_window(ProcedureSettings const& procedure, Date expiry);

// The day the member is told it will be suspended or lapse (14 days before expiry).
Date expiry_notice_date(ProcedureSettings const& procedure, Date expiry);

// Reminder days before expiry, earliest first (default 6 months, 3 months, 6 weeks). None is sent
// on or after the day a re-certification audit was agreed with a CI (DOMAIN.md "Dates").
std::vector<Date> reminder_dates(ProcedureSettings const& procedure, Date expiry,
                                 std::optional<Date> audit_agreed_on = std::nullopt);

// The last day the audit may take place after a self-evaluation; later needs a new one.
Date latest_audit_after_self_evaluation(ProcedureSettings const& procedure, Date self_evaluation);

}  // namespace sterk
