// File: registry_service.h
// RegistryService: the secretariat's registries of members and CIs (issue "The road to an
// audit", item 1). An entry is the organisation with its profile and, on the given date, whether
// the member's membership is active or which of the CI's conditions have lapsed. Writes are
// validated as a whole (every field error at once) and audited in the same transaction.
#pragma once

#include "core/ports/store.h"
#include "core/registry/registry.h"
#include "core/services/user_service.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

struct MemberEntry {
    Organisation organisation;
    MemberProfile profile;
    Status active = ok_status();  // membership_active on the date asked
};

struct CiEntry {
    Organisation organisation;
    CiProfile profile;
    std::vector<std::string> lapsed;  // empty: the CI can be chosen
};

class RegistryService {
public:
    explicit RegistryService(Store& store) : m_store(store) {}

    Result<std::vector<MemberEntry>> members(Date on);
    // member: NotFound unless `id` is a member organisation.
    Result<MemberEntry> member(Id id, Date on);
    // save_member: creates the organisation when `id` is empty; InvalidArgument with every field
    // error (the first one's field named) otherwise.
    Result<MemberEntry> save_member(std::optional<Id> id, Organisation organisation, MemberProfile profile,
                                    Actor const& actor, Date on, UnixTime now);

    Result<std::vector<CiEntry>> cis(Date on);
    Result<CiEntry> ci(Id id, Date on);
    Result<CiEntry> save_ci(std::optional<Id> id, Organisation organisation, CiProfile profile, Actor const& actor,
                            Date on, UnixTime now);

private:
    Store& m_store;
};

}  // namespace sterk
