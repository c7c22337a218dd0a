// File: user_service.h
// UserService: adding accounts (CLI `user add`, demo seed) and the directory reads behind the
// API (users, organisations, audit log). Who may call what is decided by the role policy before;
// these functions validate input and talk to the store.
#pragma once

#include "core/ports/store.h"
#include "core/services/password_hasher.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sterk {

struct NewUser {
    std::string email;
    std::string name;
    Role role = Role::Member;
    std::optional<Id> organisation_id;
    std::string password;
};

// Actor: who does a write, for the audit log ("cli" for the command line).
struct Actor {
    std::optional<Id> user_id;
    std::string email;
    std::string ip;
};

constexpr int AUDIT_LOG_DEFAULT_LIMIT = 100;
constexpr int AUDIT_LOG_MAX_LIMIT = 500;

// AuditLogFilter: one page request as the API receives it (text, validated by audit_log_page).
struct AuditLogFilter {
    int limit = AUDIT_LOG_DEFAULT_LIMIT;
    std::optional<std::string> cursor;  // next_cursor of the previous page
    std::optional<std::string> action;  // exact, e.g. "login-failed"
    std::optional<std::string> actor;  // e-mail address, any case
    std::optional<std::string> from;  // YYYY-MM-DD (UTC), inclusive
    std::optional<std::string> to;  // YYYY-MM-DD (UTC), inclusive
};

struct AuditLogPage {
    std::vector<AuditEntry> entries;  // newest first
    std::optional<std::string> next_cursor;  // none on the last page
};

// audit_cursor / parse_audit_cursor: the opaque cursor "AT.ID" of the last entry on a page.
std::string audit_cursor(AuditEntry const& entry);
std::optional<std::pair<UnixTime, Id>> parse_audit_cursor(std::string const& cursor);

class UserService {
public:
    UserService(Store& store, PasswordHasher& hasher);

    // add_user: InvalidArgument naming the field (email, password, organisation_id, role);
    // AlreadyExists (field "email") when the address is taken. Slow (hashes).
    Result<User> add_user(NewUser const& input, Actor const& actor, UnixTime now);
    // add_user_with_hash: as add_user, with a password that is already hashed (demo seed).
    Result<User> add_user_with_hash(NewUser const& input, std::string const& password_hash, Actor const& actor,
                                    UnixTime now);

    Result<std::vector<User>> list_users();
    Result<std::vector<Organisation>> list_organisations();
    // organisation: NotFound when unknown.
    Result<Organisation> organisation(Id id);
    // organisation_of: the user's organisation, or none.
    Result<std::optional<Organisation>> organisation_of(User const& user);
    // audit_log: newest first; InvalidArgument (field "limit") outside 1..AUDIT_LOG_MAX_LIMIT.
    Result<std::vector<AuditEntry>> audit_log(int limit);
    // audit_log_page: one page of the whole log, filtered; InvalidArgument naming the parameter
    // (limit, cursor, from, to).
    Result<AuditLogPage> audit_log_page(AuditLogFilter const& filter);

private:
    Status validate(NewUser const& input);

    Store& m_store;
    PasswordHasher& m_hasher;
};

}  // namespace sterk
