#include "core/services/registry_service.h"

#include "core/text.h"

namespace sterk {

namespace {

// one_error: every problem in one message, the first one's field named.
Error one_error(Errors const& errors)
{
    std::vector<std::string> messages;
    for (auto const& e : errors) {
        messages.push_back(e.message);
    }
    return Error::invalid(errors.front().field, join(messages, " "));
}

Result<Organisation> organisation_of_kind(Store& store, Id id, OrganisationKind kind, std::string const& what)
{
    auto const found = TRY(store.organisations().find(id));
    if (!found || found->kind != kind) {
        return Error::not_found(what + " " + std::to_string(id) + " bestaat niet.");
    }
    return *found;
}

// persist: creates the organisation (no id) or updates it, saves its profile and writes the audit
// entry ("<what>.create" / "<what>.update"), all in one transaction. The organisation's id.
template <typename SaveProfile>
Result<Id> persist(Store& store, std::optional<Id> id, Organisation organisation, Actor const& actor, UnixTime now,
                   std::string const& what, SaveProfile save_profile)
{
    Id saved = 0;
    TRY(store.transaction([&]() -> Status {
        if (id) {
            organisation.id = *id;
            TRY(store.organisations().update(organisation));
            saved = *id;
        } else {
            saved = TRY(store.organisations().create(organisation));
        }
        TRY(save_profile(saved));
        auto entry = audit_entry(now, what + (id ? ".update" : ".create"), actor.email, actor.ip, actor.user_id,
                                 organisation.name);
        entry.subject = "organisation:" + std::to_string(saved);
        TRY(store.audit_log().append(entry));
        return ok_status();
    }));
    return saved;
}

}  // namespace

Result<MemberEntry> RegistryService::member(Id id, Date on)
{
    auto const organisation = TRY(organisation_of_kind(m_store, id, OrganisationKind::Member, "Lid"));
    MemberProfile profile = TRY(m_store.registry().find_member(id)).value_or(MemberProfile{});
    profile.organisation_id = id;
    return MemberEntry{organisation, profile, membership_active(profile, on)};
}

Result<std::vector<MemberEntry>> RegistryService::members(Date on)
{
    std::vector<MemberEntry> out;
    for (auto const& o : TRY(m_store.organisations().list())) {
        if (o.kind == OrganisationKind::Member) {
            out.push_back(TRY(member(o.id, on)));
        }
    }
    return out;
}

Result<MemberEntry> RegistryService::save_member(std::optional<Id> id, Organisation organisation,
                                                 MemberProfile profile, Actor const& actor, Date on, UnixTime now)
{
    organisation.kind = OrganisationKind::Member;
    if (auto const errors = validate_member(organisation, profile); !errors.empty()) {
        return one_error(errors);
    }
    if (id) {
        TRY(organisation_of_kind(m_store, *id, OrganisationKind::Member, "Lid"));
    }
    Id const saved = TRY(persist(m_store, id, organisation, actor, now, "member",
                                 [&](Id organisation_id) {
                                     profile.organisation_id = organisation_id;
                                     return m_store.registry().save_member(profile);
                                 }));
    return member(saved, on);
}

Result<CiEntry> RegistryService::ci(Id id, Date on)
{
    auto const organisation = TRY(organisation_of_kind(m_store, id, OrganisationKind::CertificationBody, "CI"));
    CiProfile profile = TRY(m_store.registry().find_ci(id)).value_or(CiProfile{});
    profile.organisation_id = id;
    return CiEntry{organisation, profile, ci_lapsed_conditions(profile, on)};
}

Result<std::vector<CiEntry>> RegistryService::cis(Date on)
{
    std::vector<CiEntry> out;
    for (auto const& o : TRY(m_store.organisations().list())) {
        if (o.kind == OrganisationKind::CertificationBody) {
            out.push_back(TRY(ci(o.id, on)));
        }
    }
    return out;
}

Result<CiEntry> RegistryService::save_ci(std::optional<Id> id, Organisation organisation, CiProfile profile,
                                         Actor const& actor, Date on, UnixTime now)
{
    organisation.kind = OrganisationKind::CertificationBody;
    organisation.lidnummer.clear();
    if (auto const errors = validate_ci(organisation, profile); !errors.empty()) {
        return one_error(errors);
    }
    if (id) {
        TRY(organisation_of_kind(m_store, *id, OrganisationKind::CertificationBody, "CI"));
    }
    Id const saved = TRY(persist(m_store, id, organisation, actor, now, "ci", [&](Id organisation_id) {
        profile.organisation_id = organisation_id;
        return m_store.registry().save_ci(profile);
    }));
    return ci(saved, on);
}

}  // namespace sterk
