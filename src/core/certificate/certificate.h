// File: certificate.h
// Certificate: the label's certificate as issued (LIFECYCLE.md §3; DOMAIN.md "Certificate and
// register", "Dates"), and the pure rules around it: the next number (SSW-YYYY-NNNN, a sequence
// per year of issue, never reused), a reissue that supersedes a certificate, a withdrawal with a
// public reason, the live status on a date, and the canonical text the QR code's signature covers.
// A certificate's content never changes after issue; its status does (withdrawn, superseded, and
// on dates: suspended from expiry while a re-certification runs, lapsed otherwise).
//
// Example:
//   auto number = certificate_number(2026, next_certificate_sequence(2026, used));
//   LiveStatus live = live_status(procedure, certificate, today);
//   if (live.status == CertificateStatus::Suspended) { ... }
#pragma once

#include "core/calendar/date.h"
#include "core/norms/framework.h"
#include "core/ports/records.h"
#include "core/result.h"
#include "core/rules/deadlines.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sterk {

enum class CertificateStatus { Valid, Suspended, Lapsed, Withdrawn, Superseded };
std::string certificate_status_key(CertificateStatus status);  // "valid", "suspended", ...
std::string certificate_status_dutch(CertificateStatus status);  // "geldig", "geschorst", ...
std::optional<CertificateStatus> parse_certificate_status(std::string_view key);

// Renewal: the re-certification of a certificate, as far as its status depends on it: registered
// (the CI accepted it; only one accepted before the expiry holds the certificate suspended), its
// positive advice, and the day it ended otherwise (negative advice or withdrawn by the member).
struct Renewal {
    std::optional<Date> accepted_on;
    std::optional<Date> positive_on;
    std::optional<Date> ended_on;
};

struct Certificate {
    Id id = 0;
    std::string number;  // SSW-YYYY-NNNN
    int year = 0;  // of issue
    int sequence = 0;  // within the year
    Id member_id = 0;
    std::string member_name;  // as printed
    std::string town;
    std::string kvk;
    std::string lidnummer;
    std::string scope;  // as printed
    Date issued = Date::from_ymd(1970, 1, 1);
    Date valid_from = Date::from_ymd(1970, 1, 1);
    Date valid_through = Date::from_ymd(1970, 1, 1);
    Date expires = Date::from_ymd(1970, 1, 1);
    std::optional<Id> trajectory_id;  // none for an imported or reissued-without-trajectory one
    // The recorded status: valid, withdrawn or superseded (suspended and lapsed follow from the
    // dates and the renewal, see live_status; the daily job may record them too).
    CertificateStatus status = CertificateStatus::Valid;
    std::optional<Date> status_on;  // the day it was withdrawn or superseded (or recorded suspended/lapsed)
    std::string reason;  // the public reason of a withdrawal, or what a reissue corrected
    std::string supersedes;  // the number this one replaces (a reissue or a renewal)
    std::string superseded_by;
    Renewal renewal;
};

// certificate_number: "SSW-2026-0007". REQUIRES sequence >= 1.
std::string certificate_number(int year, int sequence);
// parse_certificate_number: the year and sequence of "SSW-YYYY-NNNN" (four or more digits);
// InvalidArgument field "number" otherwise.
struct CertificateNumber {
    int year = 0;
    int sequence = 0;
};
Result<CertificateNumber> parse_certificate_number(std::string_view text);
// next_certificate_sequence: one more than the highest sequence ever used in `year` (withdrawn and
// superseded ones count: a number is never reused); 1 for a year's first.
int next_certificate_sequence(std::vector<int> const& used_in_year);

// CertificateDraft: what the secretariat issues: the member as printed, the scope and the term.
struct CertificateDraft {
    Id member_id = 0;
    std::string member_name;
    std::string town;
    std::string kvk;
    std::string lidnummer;
    std::string scope;
    std::optional<Id> trajectory_id;
};

// issue_certificate: a new certificate numbered `sequence` in the year of `issued`, for the term
// given (certificate_term, core/rules/deadlines.h). InvalidArgument naming the field when the
// member's name or the scope is empty.
Result<Certificate> issue_certificate(CertificateDraft const& draft, Date issued, CertificateTerm const& term,
                                      int sequence);

// Correction: what a reissue changes; anything left empty stays as printed on the old one.
struct Correction {
    std::optional<std::string> member_name;
    std::optional<std::string> scope;
    std::optional<Date> valid_from;
    std::optional<Date> valid_through;
    std::optional<Date> expires;
    std::string reason;  // what was wrong, required
};

// Reissue: the new certificate and the old one marked superseded on the day of reissue.
struct Reissue {
    Certificate replacement;
    Certificate superseded;
};

// reissue_certificate: a correction gets a new number (`sequence` in the year of `on`) and
// supersedes the old one; the dates stay unless corrected. FailedPrecondition when the old one is
// withdrawn or superseded already; InvalidArgument naming the field for an empty reason, name or
// scope, dates out of order, or a correction that changes nothing.
Result<Reissue> reissue_certificate(Certificate const& old, Correction const& correction, Date on, int sequence);

// withdraw_certificate: the certificate withdrawn on `on` with a public reason. InvalidArgument
// field "reason" without one; FailedPrecondition when it is withdrawn or superseded already.
Result<Certificate> withdraw_certificate(Certificate const& certificate, Date on, std::string const& reason);

// LiveStatus: the status on a date and the day it began (valid: valid_from).
struct LiveStatus {
    CertificateStatus status = CertificateStatus::Valid;
    Date since = Date::from_ymd(1970, 1, 1);
    std::optional<Date> suspended_through;  // while suspended: the last day before it lapses
};

// live_status: withdrawn and superseded as recorded; before the expiry valid; from the expiry
// suspended while a re-certification accepted before the expiry has not ended (at most through
// suspension_window's end; one that turned positive in time stays suspended until its follow-on is
// issued, which supersedes this one), lapsed otherwise: on the expiry without such a
// re-certification, on the day it ended negatively, or the day after the suspension.
LiveStatus live_status(ProcedureSettings const& procedure, Certificate const& certificate, Date today);
// in_register: valid and suspended certificates are listed (LIFECYCLE.md §3).
bool in_register(CertificateStatus status);

// signed_payload: the canonical text the QR code's signature covers: a version line, then number,
// member, scope, valid from, valid through and expires, one per line, each value with its line
// breaks and runs of white space made one space (so what the PDF prints is what is signed).
std::string signed_payload(Certificate const& certificate);

// VerificationData: the certificate's facts as a QR code carries them (beside the signature).
struct VerificationData {
    std::string number;
    std::string member;
    std::string scope;
    std::string valid_from;
    std::string valid_through;
    std::string expires;
};
VerificationData verification_data(Certificate const& certificate);
std::string signed_payload(VerificationData const& data);

// fold_for_search: lower case, accents removed (é → e, ß → ss, ĳ → ij, …), every run of anything
// that is not a letter or digit one space: "Stichting Wélzijn  's-Hertogenbosch" →
// "stichting welzijn s hertogenbosch". Pure, UTF-8 in and out.
std::string fold_for_search(std::string_view text);
// search_text: the folded text a register search matches against: name, town, KvK number,
// lidnummer, scope and number.
std::string search_text(Certificate const& certificate);
// matches_search: every word of the folded query occurs in the folded text (anywhere in a word).
bool matches_search(std::string_view folded_text, std::string_view query);

}  // namespace sterk
