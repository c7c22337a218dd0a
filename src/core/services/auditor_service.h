// File: auditor_service.h
// AuditorService: the auditors registry as each party sees and changes it (LIFECYCLE.md §5, issue
// "The road to an audit", items 1 and 5).
// - secretariat: every auditor; records the receipt of every declaration (B6 §2: the signed B9
//   declaration goes to the secretariat).
// - ci-admin: its own CI's team leaders and assessors (creates and edits them, with their
//   declarations); it also reads the peer auditors on the team of one of its trajectories.
// - member: puts forward its own peer auditors (branchetoetsers) and edits them, but does not
//   record their declaration: the secretariat or the leading CI does.
// - auditor: reads its own record (the auditor whose account it is).
// A record the caller may not see is NotFound (no existence leak); one it sees but may not change
// is PermissionDenied. Every write is audited in the same transaction.
#pragma once

#include "core/auth/policy.h"
#include "core/ports/store.h"
#include "core/registry/auditor.h"
#include "core/services/trajectory_service.h"
#include "core/services/user_service.h"

#include <optional>
#include <vector>

namespace sterk {

class AuditorService {
public:
    AuditorService(Store& store, EventPayloadCodec const& codec) : m_store(store), m_codec(codec) {}

    // list: the auditors the caller may see, by name.
    Result<std::vector<Auditor>> list(Principal const& caller);
    // get: NotFound when unknown or not visible to the caller.
    Result<Auditor> get(Principal const& caller, Id id);
    // save: creates (no id) or replaces an auditor with its ties. InvalidArgument naming the first
    // invalid field (the message lists every error); PermissionDenied for a role or organisation
    // the caller may not manage, or a member changing a declaration. Without `user_id` the
    // auditor is linked to the login with its e-mail address when that login is an auditor of
    // the same organisation. A declaration document must be one the caller's organisation
    // uploaded (InvalidArgument "declaration_document_id"), the secretariat's any.
    Result<Auditor> save(Principal const& caller, Actor const& actor, std::optional<Id> id, Auditor input, Date today,
                         UnixTime now);
    // tie_organisations: the member organisations an auditor can declare a tie with.
    Result<std::vector<Organisation>> tie_organisations();

private:
    Result<bool> may_see(Principal const& caller, Auditor const& auditor);
    Status may_manage(Principal const& caller, Auditor const& auditor);

    Store& m_store;
    EventPayloadCodec const& m_codec;
};

}  // namespace sterk
