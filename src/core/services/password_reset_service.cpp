#include "core/services/password_reset_service.h"

#include "core/services/account_rules.h"
#include "core/services/audit_tally.h"
#include "core/services/auth_service.h"

namespace sterk {

namespace {

constexpr char const* BAD_TOKEN = "Deze link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe link aan.";

std::string reset_key(std::string const& email)
{
    return "reset:" + email;
}

std::string reset_ip_key(std::string const& ip)
{
    return "reset-ip:" + ip;
}

constexpr UnixTime HOUR = 60 * 60;

}  // namespace

MailMessage reset_mail(User const& user, std::string const& link, UnixTime lifetime)
{
    MailMessage message;
    message.to = user.email;
    message.subject = "Wachtwoord herstellen – Sterklabel";
    std::string const greeting = user.name.empty() ? std::string{"Beste gebruiker"} : "Beste " + user.name;
    message.text = greeting + ",\n\n"
                   "Er is gevraagd om een nieuw wachtwoord voor uw Sterklabel-account (" + user.email + ").\n"
                   "Kies een nieuw wachtwoord via deze link. De link is " + dutch_duration(lifetime)
                   + " geldig en werkt maar één keer:\n\n"
                   + link + "\n\n"
                   "Heeft u dit niet zelf gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft dan\n"
                   "ongewijzigd.\n\n"
                   "Met vriendelijke groet,\n"
                   "Sociaal Werk Nederland - Kwaliteitslabel Sterk Sociaal Werk\n";
    return message;
}

MailMessage invitation_mail(User const& user, std::string const& link, UnixTime lifetime)
{
    MailMessage message;
    message.to = user.email;
    message.subject = "Uitnodiging voor Sterklabel";
    std::string const greeting = user.name.empty() || user.name == user.email ? std::string{"Beste gebruiker"}
                                                                              : "Beste " + user.name;
    message.text = greeting + ",\n\n"
                   "Het secretariaat van Sociaal Werk Nederland heeft een Sterklabel-account voor u aangemaakt ("
                   + user.email + ").\n"
                   "Kies uw wachtwoord via deze link. De link is " + dutch_duration(lifetime)
                   + " geldig en werkt maar één keer:\n\n"
                   + link + "\n\n"
                   "Daarna logt u in met uw e-mailadres en dat wachtwoord.\n\n"
                   "Met vriendelijke groet,\n"
                   "Sociaal Werk Nederland - Kwaliteitslabel Sterk Sociaal Werk\n";
    return message;
}

PasswordResetService::PasswordResetService(Store& store, PasswordHasher& hasher, TokenGenerator& tokens,
                                           Mailer& mailer, PasswordResetSettings settings)
    : m_store(store), m_hasher(hasher), m_tokens(tokens), m_mailer(mailer), m_settings(std::move(settings))
{
}

Status PasswordResetService::request(std::string const& raw_email, std::string const& ip, UnixTime now)
{
    // Any address is accepted, so the answer never tells whether an account exists.
    std::string const email = normalize_email(raw_email);
    // Not an address at all: say so (this tells nothing about accounts).
    TRY(validate_email(email, "email"));

    // The per-address count and its check are one step, as for logins (AuthService).
    bool refused = false;
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.login_attempts().lock(reset_ip_key(ip)));
        int const from_ip = TRY(m_store.login_attempts().failures_since(reset_ip_key(ip), now - HOUR));
        if (from_ip >= m_settings.max_requests_per_ip_per_hour) {
            refused = true;
            return ok_status();
        }
        TRY(m_store.login_attempts().record_failure(reset_ip_key(ip), now));
        return ok_status();
    }));
    if (refused) {
        TRY(record_tallied(m_store, audit_entry(now, "password-reset.refused", email, ip, std::nullopt,
                                                "geweigerd: te veel aanvragen vanaf dit adres")));
        return Error{ErrorCode::ResourceExhausted,
                     "Te veel aanvragen voor een nieuw wachtwoord vanaf dit adres. Probeer het over "
                         + dutch_duration(HOUR) + " opnieuw.",
                     {}};
    }

    AuditEntry entry = audit_entry(now, "password-reset.request", email, ip);

    int const recent = TRY(m_store.login_attempts().failures_since(reset_key(email), now - HOUR));
    auto user = TRY(m_store.users().find_by_email(email));
    if (!user || !user->active) {
        // Anyone can send these by the thousand: counted, not logged one row each.
        TRY(record_tallied(m_store, audit_entry(now, "password-reset.unknown", email, ip, std::nullopt,
                                                "onbekend of inactief e-mailadres; geen e-mail verstuurd")));
        return ok_status();
    }
    entry.user_id = user->id;
    entry.subject = "user:" + std::to_string(user->id);
    if (recent >= m_settings.max_requests_per_email_per_hour) {
        entry.detail = "te veel aanvragen; geen e-mail verstuurd";
        TRY(m_store.audit_log().append(entry));
        return ok_status();
    }

    std::string const token = m_tokens.new_token();
    PasswordReset reset;
    reset.token_hash = m_tokens.hash_token(token);
    reset.user_id = user->id;
    reset.expires_at = now + m_settings.token_lifetime;
    entry.detail = "herstellink verstuurd";
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.password_resets().create(reset));
        TRY(m_store.login_attempts().record_failure(reset_key(email), now));
        TRY(m_store.audit_log().append(entry));
        return ok_status();
    }));
    std::string const link = m_settings.base_url + "/wachtwoord-herstellen?token=" + token;
    if (auto sent = m_mailer.send(reset_mail(*user, link, m_settings.token_lifetime)); !sent) {
        TRY(record_mail_failure(email, sent.error().message, now));
    }
    return ok_status();
}

Status PasswordResetService::record_mail_failure(std::string const& raw_email, std::string const& reason, UnixTime now)
{
    std::string const email = normalize_email(raw_email);
    auto user = TRY(m_store.users().find_by_email(email));
    std::optional<Id> const user_id = user ? std::optional<Id>{user->id} : std::nullopt;
    TRY(m_store.audit_log().append(audit_entry(now, "password-reset.mail-failed", email, {}, user_id, reason)));
    return ok_status();
}

Status PasswordResetService::confirm(std::string const& token, std::string const& new_password, std::string const& ip,
                                     UnixTime now)
{
    TRY(validate_new_password(new_password, "password"));
    if (token.empty()) {
        return Error::invalid("token", BAD_TOKEN);
    }
    std::string const token_hash = m_tokens.hash_token(token);
    auto reset = TRY(m_store.password_resets().find(token_hash));
    if (!reset || reset->used_at || reset->expires_at <= now) {
        return Error::invalid("token", BAD_TOKEN);
    }
    auto user = TRY(m_store.users().find(reset->user_id));
    if (!user || !user->active) {
        return Error::invalid("token", BAD_TOKEN);
    }
    std::string const password_hash = TRY(m_hasher.hash(new_password));
    return m_store.transaction([&]() -> Status {
        // Checked again inside the transaction, so two racing confirms cannot both succeed.
        auto again = TRY(m_store.password_resets().find(token_hash));
        if (!again || again->used_at) {
            return Error::invalid("token", BAD_TOKEN);
        }
        TRY(m_store.password_resets().mark_used(token_hash, now));
        // Older links mailed before this one must not reset the new password again.
        TRY(m_store.password_resets().invalidate_for_user(user->id, now));
        TRY(m_store.users().set_password_hash(user->id, password_hash));
        TRY(m_store.sessions().remove_for_user(user->id));
        TRY(m_store.login_attempts().clear(throttle_key_for_email(user->email)));
        // The owner locked out by their own typos gets in with the new password at once.
        TRY(m_store.login_attempts().clear_prefix(throttle_key_prefix_for_account(user->email)));
        TRY(m_store.audit_log().append(audit_entry(now, "password-reset.confirm", user->email, ip, user->id,
                                                   "nieuw wachtwoord ingesteld; alle sessies beëindigd")));
        return ok_status();
    });
}

Result<ResetPurpose> PasswordResetService::check(std::string const& token, UnixTime now)
{
    if (token.empty()) {
        return Error::invalid("token", BAD_TOKEN);
    }
    auto reset = TRY(m_store.password_resets().find(m_tokens.hash_token(token)));
    if (!reset || reset->used_at || reset->expires_at <= now) {
        return Error::invalid("token", BAD_TOKEN);
    }
    auto user = TRY(m_store.users().find(reset->user_id));
    if (!user || !user->active) {
        return Error::invalid("token", BAD_TOKEN);
    }
    return reset->purpose;
}

Status PasswordResetService::send_link(User const& user, ResetPurpose purpose, UnixTime now)
{
    UnixTime const lifetime =
        purpose == ResetPurpose::Invitation ? m_settings.invitation_lifetime : m_settings.token_lifetime;
    std::string const token = m_tokens.new_token();
    PasswordReset reset;
    reset.token_hash = m_tokens.hash_token(token);
    reset.user_id = user.id;
    reset.expires_at = now + lifetime;
    reset.purpose = purpose;
    TRY(m_store.password_resets().create(reset));
    std::string const link = m_settings.base_url + "/wachtwoord-herstellen?token=" + token;
    MailMessage const message = purpose == ResetPurpose::Invitation ? invitation_mail(user, link, lifetime)
                                                                    : reset_mail(user, link, lifetime);
    if (auto sent = m_mailer.send(message); !sent) {
        TRY(record_mail_failure(user.email, sent.error().message, now));
    }
    return ok_status();
}

}  // namespace sterk
