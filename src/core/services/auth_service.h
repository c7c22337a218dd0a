// File: auth_service.h
// AuthService: login, session check and logout. Sessions live in the store; only a hash of the
// random session token is stored. Failed logins are throttled per e-mail address and per IP.
// Every login (ok and failed) and logout is written to the audit log. Time is passed in.
//
// Example:
//   auto outcome = TRY(auth.login({email, password, ip}, now));
//   // set cookie outcome.session_token, return outcome.user and outcome.csrf_token
#pragma once

#include "core/auth/policy.h"
#include "core/ports/store.h"
#include "core/services/password_hasher.h"
#include "core/services/token_generator.h"

#include <mutex>
#include <string>

namespace sterk {

struct AuthSettings {
    UnixTime session_lifetime = 12 * 60 * 60;
    UnixTime throttle_window = 15 * 60;
    int max_failures_per_email = 5;
    int max_failures_per_ip = 30;
    // attempt_retention: how long failure rows are kept; at least every window that counts them
    // (this throttle, and the password-reset requests per hour).
    UnixTime attempt_retention = 60 * 60;
};

struct LoginInput {
    std::string email;
    std::string password;
    std::string ip;
};

struct LoginOutcome {
    User user;
    std::string session_token;  // goes into the cookie; never stored
    std::string csrf_token;
    UnixTime expires_at = 0;
};

// SessionInfo: a checked session and its user.
struct SessionInfo {
    User user;
    Session session;

    Principal principal() const { return Principal{user.id, user.role, user.organisation_id}; }
};

class AuthService {
public:
    AuthService(Store& store, PasswordHasher& hasher, TokenGenerator& tokens, AuthSettings settings = {});

    // login: Unauthenticated with one message for an unknown e-mail and a wrong password;
    // ResourceExhausted after too many failures within the window. Slow (hashes): not on I/O threads.
    Result<LoginOutcome> login(LoginInput const& input, UnixTime now);

    // authenticate: the session for a cookie token; Unauthenticated when unknown or expired.
    Result<SessionInfo> authenticate(std::string const& session_token, UnixTime now);

    // logout: removes the session and writes the audit entry.
    Status logout(SessionInfo const& session, std::string const& ip, UnixTime now);

    // prune: removes expired sessions and failed-login rows older than any window still counting
    // them. The server calls it periodically; failed logins also prune as they write.
    Status prune(UnixTime now);

private:
    UnixTime attempt_cutoff(UnixTime now) const;
    Status record_failure(std::string const& email, std::optional<Id> user_id, std::string const& ip,
                          std::string const& detail, UnixTime now);
    std::string const& dummy_hash();

    Store& m_store;
    PasswordHasher& m_hasher;
    TokenGenerator& m_tokens;
    AuthSettings m_settings;
    std::once_flag m_dummy_once;
    std::string m_dummy_hash;
};

// The keys under which failed logins are counted.
std::string throttle_key_for_email(std::string const& normalized_email);
std::string throttle_key_for_ip(std::string const& ip);

}  // namespace sterk
