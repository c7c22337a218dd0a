// File: password_reset_service.h
// PasswordResetService: "wachtwoord vergeten". request() always succeeds for any
// address (no account enumeration) and mails a one-time link (valid for token_lifetime) when the
// account exists; confirm() sets the new password, uses up the token and ends every session of
// the user. Both are audited. Time is passed in.
#pragma once

#include "core/ports/store.h"
#include "core/services/mailer.h"
#include "core/services/password_hasher.h"
#include "core/services/token_generator.h"

#include <string>

namespace sterk {

struct PasswordResetSettings {
    std::string base_url;  // e.g. "https://sterklabel.example"; the link is BASE/wachtwoord-herstellen?token=T
    UnixTime token_lifetime = 60 * 60;
    UnixTime invitation_lifetime = 7 * 24 * 60 * 60;  // an invitation link: a week
    int max_requests_per_email_per_hour = 5;  // beyond this no more mails are sent (still "accepted")
    // Requests from one client address (for any e-mail address, known or not, so the limit says
    // nothing about which accounts exist): beyond this, ResourceExhausted.
    int max_requests_per_ip_per_hour = 20;
};

class PasswordResetService {
public:
    PasswordResetService(Store& store, PasswordHasher& hasher, TokenGenerator& tokens, Mailer& mailer,
                         PasswordResetSettings settings);

    // request: Ok for every well-formed e-mail address, known or not (no account enumeration);
    // InvalidArgument (field "email") for one that is not an address at all; ResourceExhausted
    // when this client address has asked too often within the hour. Requests for unknown
    // addresses and refused ones are counted in the audit log (audit_tally.h), not logged one row each.
    Status request(std::string const& email, std::string const& ip, UnixTime now);

    // check: what the link is for, without using it up; InvalidArgument field "token" when the
    // token is unknown, used or expired, or its account is deactivated (the same message as confirm).
    Result<ResetPurpose> check(std::string const& token, UnixTime now);

    // send_link: makes a new one-time link for `user` and mails it: an invitation (first password,
    // valid invitation_lifetime) or a reset (token_lifetime). The caller writes the audit entry.
    Status send_link(User const& user, ResetPurpose purpose, UnixTime now);

    // confirm: InvalidArgument field "password" when too short, field "token" when the token is
    // unknown, used or expired. Slow (hashes): not on I/O threads.
    Status confirm(std::string const& token, std::string const& new_password, std::string const& ip, UnixTime now);

    // record_mail_failure: the audit entry "password-reset.mail-failed" for a reset mail that could
    // not be handed to the mail server (also when that happens later, in a mail queue).
    Status record_mail_failure(std::string const& email, std::string const& reason, UnixTime now);

private:
    Store& m_store;
    PasswordHasher& m_hasher;
    TokenGenerator& m_tokens;
    Mailer& m_mailer;
    PasswordResetSettings m_settings;
};

// reset_mail: the Dutch text of the mail with the link, which is valid for `lifetime` seconds.
MailMessage reset_mail(User const& user, std::string const& link, UnixTime lifetime);
// invitation_mail: the Dutch text of the invitation to a new account, with its link.
MailMessage invitation_mail(User const& user, std::string const& link, UnixTime lifetime);

}  // namespace sterk
