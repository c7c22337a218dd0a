#include "core/services/auth_service.h"

#include "core/services/account_rules.h"
#include "core/services/audit_tally.h"

#include <algorithm>

namespace sterk {

namespace {

constexpr char const* WRONG_LOGIN = "E-mailadres of wachtwoord is onjuist.";
constexpr char const* NOT_SIGNED_IN = "U bent niet ingelogd of uw sessie is verlopen. Log opnieuw in.";

Error unauthenticated(char const* message)
{
    return Error{ErrorCode::Unauthenticated, message, {}};
}

}  // namespace

std::string throttle_key_for_email(std::string const& normalized_email)
{
    return "email:" + normalized_email;
}

std::string throttle_key_for_ip(std::string const& ip)
{
    return "ip:" + ip;
}

std::string throttle_key_for_account_address(std::string const& normalized_email, std::string const& ip)
{
    return throttle_key_prefix_for_account(normalized_email) + ip;
}

std::string throttle_key_prefix_for_account(std::string const& normalized_email)
{
    return "pair:" + normalized_email + "|";
}

UnixTime slow_down(int failures, AuthSettings const& settings)
{
    if (failures < settings.slow_down_after) {
        return 0;
    }
    return std::min(settings.max_slow_down,
                    static_cast<UnixTime>(failures - settings.slow_down_after + 1) * settings.slow_down_step);
}

AuthService::AuthService(Store& store, PasswordHasher& hasher, TokenGenerator& tokens, AuthSettings settings)
    : m_store(store), m_hasher(hasher), m_tokens(tokens), m_settings(settings)
{
}

std::string const& AuthService::dummy_hash()
{
    // Verifying against a real hash for unknown addresses keeps their timing like a wrong password.
    std::call_once(m_dummy_once, [this] {
        auto hashed = m_hasher.hash(m_tokens.new_token());
        if (hashed) {
            m_dummy_hash = *hashed;
        }
    });
    return m_dummy_hash;
}

UnixTime AuthService::attempt_cutoff(UnixTime now) const
{
    return now - std::max(m_settings.throttle_window, m_settings.attempt_retention);
}

Status AuthService::prune(UnixTime now)
{
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.sessions().remove_expired(now));
        TRY(m_store.login_attempts().remove_older_than(attempt_cutoff(now)));
        return ok_status();
    }));
    return flush_audit_tallies(m_store, now);
}

Result<UnixTime> AuthService::login_delay(std::string const& raw_email, UnixTime now)
{
    std::string const email = normalize_email(raw_email);
    if (email.empty() || email.size() > 254) {
        return UnixTime{0};
    }
    int const failures = TRY(m_store.login_attempts().failures_since(throttle_key_for_email(email),
                                                                      now - m_settings.throttle_window));
    return slow_down(failures, m_settings);
}

Result<std::vector<Id>> AuthService::reserve_attempt(std::string const& email, std::string const& ip, UnixTime now,
                                                     std::optional<Error>& refusal)
{
    // Counted as a failure before the password is checked, and under a lock on the address (which
    // every key counted here contains or is): two parallel attempts cannot both see "4 failures".
    // A login that succeeds takes its rows back.
    std::vector<Id> reserved;
    UnixTime const since = now - m_settings.throttle_window;
    std::string const retry = " Probeer het over " + dutch_duration(m_settings.throttle_window) + " opnieuw";
    TRY(m_store.transaction([&]() -> Status {
        auto& attempts = m_store.login_attempts();
        TRY(attempts.lock(throttle_key_for_ip(ip)));
        TRY(attempts.remove_older_than(attempt_cutoff(now)));
        int const pair_failures = TRY(attempts.failures_since(throttle_key_for_account_address(email, ip), since));
        if (pair_failures >= m_settings.max_failures_per_account_address) {
            refusal = Error{ErrorCode::ResourceExhausted,
                            "Te veel mislukte inlogpogingen voor dit e-mailadres vanaf dit adres." + retry
                                + ", of stel via ‘Wachtwoord vergeten?’ een nieuw wachtwoord in.",
                            {}};
            return ok_status();
        }
        int const ip_failures = TRY(attempts.failures_since(throttle_key_for_ip(ip), since));
        if (ip_failures >= m_settings.max_failures_per_ip) {
            refusal = Error{ErrorCode::ResourceExhausted,
                            "Te veel mislukte inlogpogingen vanaf dit adres." + retry
                                + ". Weet u uw wachtwoord niet meer? Kies dan ‘Wachtwoord vergeten?’.",
                            {}};
            return ok_status();
        }
        reserved.push_back(TRY(attempts.record_failure(throttle_key_for_account_address(email, ip), now)));
        reserved.push_back(TRY(attempts.record_failure(throttle_key_for_ip(ip), now)));
        reserved.push_back(TRY(attempts.record_failure(throttle_key_for_email(email), now)));
        return ok_status();
    }));
    return reserved;
}

Result<LoginOutcome> AuthService::login(LoginInput const& input, UnixTime now)
{
    std::string const email = normalize_email(input.email);
    if (email.empty()) {
        return Error::invalid("email", "Vul uw e-mailadres in.");
    }
    // A malformed address cannot be an account: say so, and do not count it as a failed login.
    TRY(validate_email(email, "email"));
    if (input.password.empty()) {
        return Error::invalid("password", "Vul uw wachtwoord in.");
    }
    std::optional<Error> refusal;
    auto const reserved = TRY(reserve_attempt(email, input.ip, now, refusal));
    if (refusal) {
        TRY(record_tallied(m_store, audit_entry(now, "login-refused", email, input.ip, std::nullopt,
                                                "geweigerd: te veel mislukte pogingen")));
        return *refusal;
    }

    auto found = TRY(m_store.users().find_by_email(email));
    if (!found || !found->active) {
        (void)m_hasher.verify(dummy_hash(), input.password);
        TRY(m_store.audit_log().append(audit_entry(now, "login-failed", email, input.ip, std::nullopt,
                                                   found ? "account inactief" : "onbekend e-mailadres")));
        return unauthenticated(WRONG_LOGIN);
    }
    User const& user = *found;
    // An invited account has no password yet: verify against the dummy so it takes as long.
    bool verified = false;
    if (user.password_hash.empty()) {
        (void)m_hasher.verify(dummy_hash(), input.password);
    } else {
        verified = m_hasher.verify(user.password_hash, input.password);
    }
    if (!verified) {
        TRY(m_store.audit_log().append(audit_entry(now, "login-failed", email, input.ip, user.id, "onjuist wachtwoord")));
        return unauthenticated(WRONG_LOGIN);
    }

    LoginOutcome outcome;
    outcome.user = user;
    outcome.session_token = m_tokens.new_token();
    outcome.csrf_token = m_tokens.new_token();
    outcome.expires_at = now + m_settings.session_lifetime;
    Session session;
    session.token_hash = m_tokens.hash_token(outcome.session_token);
    session.user_id = user.id;
    session.csrf_token = outcome.csrf_token;
    session.created_at = now;
    session.expires_at = outcome.expires_at;
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.sessions().remove_expired(now));
        TRY(m_store.sessions().create(session));
        // Not a failure after all; and the owner's own earlier typos from this address are forgiven.
        // Failures on the account from elsewhere stay counted: they slow the attacker, not the owner.
        for (Id id : reserved) {
            TRY(m_store.login_attempts().remove(id));
        }
        TRY(m_store.login_attempts().clear(throttle_key_for_account_address(email, input.ip)));
        AuditEntry entry = audit_entry(now, "login", user.email, input.ip, user.id);
        TRY(m_store.audit_log().append(entry));
        return ok_status();
    }));
    return outcome;
}

Result<SessionInfo> AuthService::authenticate(std::string const& session_token, UnixTime now)
{
    if (session_token.empty()) {
        return unauthenticated(NOT_SIGNED_IN);
    }
    auto session = TRY(m_store.sessions().find(m_tokens.hash_token(session_token)));
    if (!session || session->expires_at <= now) {
        return unauthenticated(NOT_SIGNED_IN);
    }
    auto user = TRY(m_store.users().find(session->user_id));
    if (!user || !user->active) {
        return unauthenticated(NOT_SIGNED_IN);
    }
    return SessionInfo{std::move(*user), std::move(*session)};
}

Status AuthService::logout(SessionInfo const& session, std::string const& ip, UnixTime now)
{
    return m_store.transaction([&]() -> Status {
        TRY(m_store.sessions().remove(session.session.token_hash));
        AuditEntry entry = audit_entry(now, "logout", session.user.email, ip, session.user.id);
        TRY(m_store.audit_log().append(entry));
        return ok_status();
    });
}

}  // namespace sterk
