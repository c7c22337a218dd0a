// File: user_service.h
// UserService: adding accounts (CLI `user add`, demo seed), the secretariat's user management
// (invite, change role, deactivate and reactivate, send a new link; each audited) and the
// directory reads behind the API (users, organisations, audit log). Who may call what is decided
// by the role policy before; these functions validate input, keep the rules and talk to the store.
#pragma once

#include "core/ports/store.h"
#include "core/services/password_hasher.h"
#include "core/services/password_reset_service.h"

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

// Invitation: a new account without a password; the invitation link lets its owner choose one.
struct Invitation {
    std::string email;
    std::string name;
    Role role = Role::Member;
    std::optional<Id> organisation_id;
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
    // With `links`, the service can also invite and send new links (the serve command).
    UserService(Store& store, PasswordHasher& hasher, PasswordResetService& links);

    // add_user: InvalidArgument naming the field (email, password, organisation_id, role);
    // AlreadyExists (field "email") when the address is taken. Slow (hashes).
    Result<User> add_user(NewUser const& input, Actor const& actor, UnixTime now);
    // add_user_with_hash: as add_user, with a password that is already hashed (demo seed).
    Result<User> add_user_with_hash(NewUser const& input, std::string const& password_hash, Actor const& actor,
                                    UnixTime now);

    // invite: creates the account without a password and mails an invitation link. The same
    // InvalidArgument / AlreadyExists as add_user.
    Result<User> invite(Invitation const& input, Actor const& actor, UnixTime now);
    // change_role: the role together with the organisation that fits it (InvalidArgument naming
    // role or organisation_id). NotFound for an unknown user; FailedPrecondition for one's own
    // account (the secretariat could lock itself out).
    Result<User> change_role(Id user_id, Role role, std::optional<Id> organisation_id, Actor const& actor,
                             UnixTime now);
    // deactivate: the user can no longer log in; its sessions and open links end. FailedPrecondition
    // for one's own account or an account that is already deactivated.
    Result<User> deactivate(Id user_id, Actor const& actor, UnixTime now);
    // activate: undoes deactivate (FailedPrecondition when the account is active).
    Result<User> activate(Id user_id, Actor const& actor, UnixTime now);
    // send_link: an invitation again (no password yet) or a reset link (password set).
    // FailedPrecondition for a deactivated account.
    Result<User> send_link(Id user_id, Actor const& actor, UnixTime now);

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
    Result<User> existing(Id user_id);
    Status audit(UnixTime now, std::string action, Actor const& actor, User const& subject, std::string detail);

    Store& m_store;
    PasswordHasher& m_hasher;
    PasswordResetService* m_links = nullptr;
};

}  // namespace sterk
