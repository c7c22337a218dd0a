#include "core/rules/deadlines.h"

#include <algorithm>

namespace sterk {

Deadline deadline_for(ProcedureSettings const& procedure, DeadlineKind kind, Date event)
{
    auto const& rule = procedure.deadline(kind);
    return Deadline{rule, event, rule.period.after(event)};
}

DeadlineStatus deadline_status(Deadline const& deadline, Date today)
{
    if (today > deadline.due) {
        return DeadlineStatus::Overdue;
    }
    if (today == deadline.due) {
        return DeadlineStatus::DueToday;
    }
    return DeadlineStatus::Open;
}

std::string deadline_status_key(DeadlineStatus status)
{
    switch (status) {
    case DeadlineStatus::Open: return "open";
    case DeadlineStatus::DueToday: return "due-today";
    case DeadlineStatus::Overdue: return "overdue";
    }
    return {};
}

CertificateTerm certificate_term(ProcedureSettings const& procedure, Date decided, std::optional<Date> previous_expiry)
{
    bool const follows_on =
        previous_expiry && decided <= suspension_window(procedure, *previous_expiry).through;
    Date const starts = follows_on ? *previous_expiry : decided;
    Date const expires = procedure.certificate_validity.after(starts);
    return CertificateTerm{decided, starts, expires.add_days(-1), expires};
}

SuspensionWindow suspension_window(ProcedureSettings const& procedure, Date expiry)
{
    // Ends on the same day as the additional audit's deadline ("within 6 months after expiry"),
    // so a member is never lapsed while its extra audit is still on time.
    return SuspensionWindow{expiry, procedure.suspension_max.after(expiry)};
}

Date expiry_notice_date(ProcedureSettings const& procedure, Date expiry)
{
    return procedure.expiry_notice.before(expiry);
}

std::vector<Date> reminder_dates(ProcedureSettings const& procedure, Date expiry, std::optional<Date> audit_agreed_on)
{
    std::vector<Date> dates;
    for (auto const& period : procedure.reminders_before_expiry) {
        Date const day = period.before(expiry);
        if (!audit_agreed_on || day < *audit_agreed_on) {
            dates.push_back(day);
        }
    }
    std::sort(dates.begin(), dates.end());
    return dates;
}

Date latest_audit_after_self_evaluation(ProcedureSettings const& procedure, Date self_evaluation)
{
    return procedure.postponement_after_self_evaluation.after(self_evaluation);
}

}  // namespace sterk
