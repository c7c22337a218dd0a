// File: auth_service.h
// AuthService: login, session check and logout. Sessions live in the store; only a hash of the
// random session token is stored. Failed logins are throttled so that nobody can aim a lockout at
// someone else's account (issue 7.2):
// - per account and client address: refused (429) after max_failures_per_account_address;
// - per client address across accounts: refused after max_failures_per_ip (brute force);
// - per account across every address: slowed down, never refused (login_delay), so the owner
//   with the right password from an address that has not been failing still gets in.
// The check and the record of an attempt are one step (a transaction under a lock on the address),
// so parallel attempts cannot overshoot a limit. Every login and logout is written to the audit
// log; refused attempts are counted there (audit_tally.h), not logged one by one. Time is passed in.
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
#include <optional>
#include <string>
#include <vector>

namespace sterk {

struct AuthSettings {
    UnixTime session_lifetime = 12 * 60 * 60;
    UnixTime throttle_window = 15 * 60;
    int max_failures_per_account_address = 5;
    int max_failures_per_ip = 30;
    // From slow_down_after failures on an account (any addresses) within the window, every attempt
    // on it waits slow_down_step per failure beyond that, up to max_slow_down seconds.
    int slow_down_after = 5;
    UnixTime slow_down_step = 1;
    UnixTime max_slow_down = 10;
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

    // login_delay: seconds the answer to a login for this e-mail address should be held back
    // (0 unless the account has been failing from anywhere). The server waits without a thread.
    Result<UnixTime> login_delay(std::string const& email, UnixTime now);

    // authenticate: the session for a cookie token; Unauthenticated when unknown or expired.
    Result<SessionInfo> authenticate(std::string const& session_token, UnixTime now);

    // logout: removes the session and writes the audit entry.
    Status logout(SessionInfo const& session, std::string const& ip, UnixTime now);

    // prune: removes expired sessions and failed-login rows older than any window still counting
    // them, and writes the summaries of closed audit tallies. The server calls it periodically;
    // failed logins also prune as they write.
    Status prune(UnixTime now);

private:
    UnixTime attempt_cutoff(UnixTime now) const;
    // reserve_attempt: the atomic check-and-record; the refusal, or the ids of the rows recorded.
    Result<std::vector<Id>> reserve_attempt(std::string const& email, std::string const& ip, UnixTime now,
                                            std::optional<Error>& refusal);
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
std::string throttle_key_for_account_address(std::string const& normalized_email, std::string const& ip);
// throttle_key_prefix_for_account: every account-and-address key of one account (cleared when its
// password is reset).
std::string throttle_key_prefix_for_account(std::string const& normalized_email);

// slow_down: the delay for an account with `failures` recent failures under `settings`.
UnixTime slow_down(int failures, AuthSettings const& settings);

}  // namespace sterk
