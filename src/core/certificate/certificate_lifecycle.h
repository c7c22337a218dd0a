// File: certificate_lifecycle.h
// The certificate's part of the daily job (LIFECYCLE.md §3, §4; DOMAIN.md "Dates"): on a date,
// which reminders before expiry, which two-week notice, and which suspension or lapse are due for
// each certificate, each with a stable key so the adapter applies it once however often (or on
// however many servers) the job runs. Nothing here reads the clock or the database.
//
// Example:
//   for (auto const& effect : certificate_effects(procedure, certificates, today, applied)) { ... }
#pragma once

#include "core/certificate/certificate.h"

#include <set>
#include <string>
#include <vector>

namespace sterk {

enum class CertificateEffectKind { Reminder, Notice, Suspended, Lapsed };
std::string certificate_effect_kind_key(CertificateEffectKind kind);  // "certificate.reminder", ...

// CertificateEffect: one effect due, with what the member is told.
struct CertificateEffect {
    CertificateEffectKind kind = CertificateEffectKind::Reminder;
    std::string key;  // "certificate-reminder:SSW-2024-0003:2026-06-01", "certificate-lapsed:SSW-2024-0003"
    Certificate certificate;
    Date due;  // the reminder's or notice's day; the day the status began
    LiveStatus outcome;  // a notice: the status the certificate will have on its expiry; else now
};

// certificate_effects: the effects due on `today` that are not in `applied`, for certificates not
// withdrawn or superseded:
// - the latest reminder whose day has come before the expiry (reminder_dates: none once a
//   re-certification was accepted), so a job that did not run for months sends one, not three;
// - the notice from expiry_notice_date until the expiry, saying what will happen on it (renewed,
//   suspended until the end of the suspension window, or lapsed);
// - suspended and lapsed as live_status has them today (a certificate that lapses without a
//   suspension gets only the lapse).
std::vector<CertificateEffect> certificate_effects(ProcedureSettings const& procedure,
                                                   std::vector<Certificate> const& certificates, Date today,
                                                   std::set<std::string> const& applied);

}  // namespace sterk
