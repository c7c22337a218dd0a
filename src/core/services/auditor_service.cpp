#include "core/services/auditor_service.h"

#include "core/services/account_rules.h"
#include "core/text.h"

namespace sterk {

namespace {

Error not_found()
{
    return Error::not_found("Deze auditor bestaat niet of is niet zichtbaar voor u.");
}

Error denied(std::string message, std::string field = {})
{
    return Error{ErrorCode::PermissionDenied, std::move(message), std::move(field)};
}

// one_error: every problem in one message, the first one's field named.
Error one_error(Errors const& errors)
{
    std::vector<std::string> messages;
    for (auto const& e : errors) {
        messages.push_back(e.message);
    }
    return Error::invalid(errors.front().field, join(messages, " "));
}

}  // namespace

Result<bool> AuditorService::may_see(Principal const& caller, Auditor const& auditor)
{
    switch (caller.role) {
    case Role::Secretariat: return true;
    case Role::Member: return auditor.role == AuditorRole::Peer && caller.organisation_id == auditor.organisation_id;
    case Role::Auditor: return auditor.user_id && *auditor.user_id == caller.user_id;
    case Role::Committee: return false;
    case Role::CiAdmin:
        if (auditor.role != AuditorRole::Peer) {
            return caller.organisation_id == auditor.organisation_id;
        }
        // A peer auditor: when it is on the team of one of this CI's trajectories.
        for (auto const& t : TRY(m_store.trajectories().list())) {
            if (caller.organisation_id != t.ci_id) {
                continue;
            }
            auto const team = TRY(TrajectoryService::planned_team(m_codec, TRY(m_store.trajectories().events(t.id))));
            for (auto const& member : team) {
                if (member.auditor_id == auditor.id) {
                    return true;
                }
            }
        }
        return false;
    }
    return false;
}

Status AuditorService::may_manage(Principal const& caller, Auditor const& auditor)
{
    switch (caller.role) {
    case Role::Secretariat: return ok_status();
    case Role::CiAdmin:
        if (auditor.role == AuditorRole::Peer) {
            return denied("Een branchetoetser wordt voorgedragen door een lidorganisatie; het secretariaat beheert branchetoetsers.",
                          "role");
        }
        if (caller.organisation_id != auditor.organisation_id) {
            return denied("U beheert alleen de auditoren van uw eigen CI.", "organisation_id");
        }
        return ok_status();
    case Role::Member:
        if (auditor.role != AuditorRole::Peer) {
            return denied("Een lid draagt alleen branchetoetsers voor.", "role");
        }
        if (caller.organisation_id != auditor.organisation_id) {
            return denied("U draagt alleen branchetoetsers van uw eigen organisatie voor.", "organisation_id");
        }
        return ok_status();
    case Role::Auditor:
    case Role::Committee: return denied("U beheert geen auditoren.");
    }
    return denied("U beheert geen auditoren.");
}

Result<std::vector<Auditor>> AuditorService::list(Principal const& caller)
{
    std::vector<Auditor> out;
    for (auto& auditor : TRY(m_store.auditors().list())) {
        if (TRY(may_see(caller, auditor))) {
            out.push_back(std::move(auditor));
        }
    }
    return out;
}

Result<Auditor> AuditorService::get(Principal const& caller, Id id)
{
    auto const found = TRY(m_store.auditors().find(id));
    if (!found || !TRY(may_see(caller, *found))) {
        return not_found();
    }
    return *found;
}

Result<Auditor> AuditorService::save(Principal const& caller, Actor const& actor, std::optional<Id> id, Auditor input,
                                     Date today, UnixTime now)
{
    input.email = normalize_email(input.email);
    std::optional<Auditor> stored;
    if (id) {
        stored = TRY(get(caller, *id));
        TRY(may_manage(caller, *stored));
        input.id = *id;
    }
    TRY(may_manage(caller, input));
    // A member puts its peer auditors forward; whether their declaration was received is for the
    // secretariat (or the leading CI) to record.
    if (caller.role == Role::Member) {
        auto const received = stored ? stored->declaration_received_on : std::nullopt;
        auto const document = stored ? stored->declaration_document_id : std::nullopt;
        if (input.declaration_received_on != received || input.declaration_document_id != document) {
            return denied("De ontvangst van de verklaring (B9) legt het secretariaat vast, niet het lid.",
                          "declaration_received_on");
        }
    }
    auto const kind_of = [&](Id organisation) -> std::optional<OrganisationKind> {
        auto const found = m_store.organisations().find(organisation);
        if (!found || !found.value()) {
            return std::nullopt;
        }
        return found.value()->kind;
    };
    if (auto const errors = validate_auditor(input, kind_of, today); !errors.empty()) {
        return one_error(errors);
    }
    // A declaration document: one this caller's organisation uploaded (the secretariat: any).
    if (input.declaration_document_id &&
        input.declaration_document_id != (stored ? stored->declaration_document_id : std::nullopt)) {
        auto const document = TRY(m_store.documents().find(*input.declaration_document_id));
        if (!document || (caller.role != Role::Secretariat && caller.organisation_id != document->owner_id)) {
            return Error::invalid("declaration_document_id",
                                  "Dit document bestaat niet of is niet door uw organisatie geüpload.");
        }
    }
    if (input.user_id) {
        auto const user = TRY(m_store.users().find(*input.user_id));
        if (!user || user->role != Role::Auditor || user->organisation_id != input.organisation_id) {
            return Error::invalid("user_id", "Kies een account met de rol auditor van dezelfde organisatie.");
        }
    } else if (auto const user = TRY(m_store.users().find_by_email(input.email));
               user && user->role == Role::Auditor && user->organisation_id == input.organisation_id) {
        input.user_id = user->id;
    }

    Id saved = 0;
    TRY(m_store.transaction([&]() -> Status {
        if (id) {
            TRY(m_store.auditors().update(input));
            saved = *id;
        } else {
            saved = TRY(m_store.auditors().create(input));
        }
        auto entry = audit_entry(now, id ? "auditor.update" : "auditor.create", actor.email, actor.ip, actor.user_id,
                                 input.name + " (" + auditor_role_dutch(input.role) + ")");
        entry.subject = "auditor:" + std::to_string(saved);
        TRY(m_store.audit_log().append(entry));
        return ok_status();
    }));
    auto const found = TRY(m_store.auditors().find(saved));
    if (!found) {
        return Error::internal("auditor " + std::to_string(saved) + " is na het opslaan niet te vinden");
    }
    return *found;
}

Result<std::vector<Organisation>> AuditorService::tie_organisations()
{
    std::vector<Organisation> out;
    for (auto const& o : TRY(m_store.organisations().list())) {
        if (o.kind == OrganisationKind::Member) {
            out.push_back(o);
        }
    }
    return out;
}

}  // namespace sterk
