// File: records.h
// Plain records that cross the storage ports. Times are Unix seconds (UTC), passed in from the
// edge; the core never reads a clock.
#pragma once

#include "core/auth/role.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sterk {

using Id = std::int64_t;
using UnixTime = std::int64_t;

enum class OrganisationKind { Member, CertificationBody, Secretariat };
std::string organisation_kind_key(OrganisationKind kind);  // "member", "ci", "secretariat"
std::optional<OrganisationKind> parse_organisation_kind(std::string const& key);

// Organisation: a member organisation (lidnummer), a certification body (CI) or the secretariat.
struct Organisation {
    Id id = 0;
    OrganisationKind kind = OrganisationKind::Member;
    std::string name;
    std::string lidnummer;  // members only
    std::string city;
    std::string email;
    std::string website;
};

struct User {
    Id id = 0;
    std::string email;  // unique, stored lower-case
    std::string name;
    Role role = Role::Member;
    std::optional<Id> organisation_id;
    std::string password_hash;  // argon2id encoded string
    bool active = true;
    UnixTime created_at = 0;
    std::string language = "nl";  // of its e-mails and notifications: "nl", "en"
};

// UserStatus: what the secretariat sees. Invited: active, but no password chosen yet (the
// invitation link sets it); deactivated: cannot log in, whatever its password.
enum class UserStatus { Active, Invited, Deactivated };
UserStatus user_status(User const& user);
std::string user_status_key(UserStatus status);  // "active", "invited", "deactivated"

// Session: server-side, so several instances can share them. Only a hash of the token is stored.
struct Session {
    std::string token_hash;
    Id user_id = 0;
    std::string csrf_token;
    UnixTime created_at = 0;
    UnixTime expires_at = 0;
};

// ResetPurpose: why a one-time link was made. An invitation lets a new account choose its first
// password (and lives longer); a reset replaces a forgotten one. Both are used up the same way.
enum class ResetPurpose { Reset, Invitation };
std::string reset_purpose_key(ResetPurpose purpose);  // "reset", "invitation"
std::optional<ResetPurpose> parse_reset_purpose(std::string const& key);

struct PasswordReset {
    std::string token_hash;
    Id user_id = 0;
    UnixTime expires_at = 0;
    std::optional<UnixTime> used_at;
    ResetPurpose purpose = ResetPurpose::Reset;
};

// AuditEntry: append-only record of a login, a write or a read of a confidential record.
struct AuditEntry {
    Id id = 0;
    UnixTime at = 0;
    std::optional<Id> user_id;
    std::string actor_email;  // as known at the time, also for failed logins
    std::string action;  // "login", "login-failed", "logout", "user.create", "report.read", ...
    std::string subject;  // what it concerns, e.g. "user:12"
    std::string detail;
    std::string ip;
};

// audit_entry: the one way services fill an AuditEntry. With a user_id, subject is "user:ID"
// (set subject afterwards when the entry concerns someone else).
AuditEntry audit_entry(UnixTime at, std::string action, std::string actor_email, std::string ip,
                       std::optional<Id> user_id = std::nullopt, std::string detail = {});

}  // namespace sterk
