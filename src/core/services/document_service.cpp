#include "core/services/document_service.h"

#include "core/documents/document_rules.h"

namespace sterk {

namespace {

Error not_found()
{
    return Error::not_found("Dit document bestaat niet of is niet zichtbaar voor u.");
}

}  // namespace

DocumentService::DocumentService(Store& store, ContentSniffer& sniffer, ContentDigest& digest)
    : m_store(store), m_sniffer(sniffer), m_digest(digest)
{
}

Result<DocumentRecord> DocumentService::upload(Principal const& caller, Actor const& actor, std::string const& filename,
                                               std::string const& content, UnixTime now)
{
    if (!caller.organisation_id) {
        return Error{ErrorCode::PermissionDenied, "Alleen wie bij een organisatie hoort, kan documenten uploaden.", {}};
    }
    auto const sniffed = content.empty() ? std::string{} : TRY(m_sniffer.media_type(content));
    auto const accepted = TRY(accept_upload({filename, content.size(), sniffed}));

    DocumentRecord record;
    record.owner_id = *caller.organisation_id;
    record.filename = accepted.filename;
    record.media_type = accepted.media_type;
    record.size = static_cast<std::int64_t>(content.size());
    record.sha256 = m_digest.sha256_hex(content);
    record.uploaded_by = actor.user_id;
    record.uploaded_at = now;
    TRY(m_store.transaction([&]() -> Status {
        record.id = TRY(m_store.documents().create(record, content));
        auto entry = audit_entry(now, "document.upload", actor.email, actor.ip, actor.user_id,
                                 record.filename + " (" + record.media_type + ", " + std::to_string(record.size) +
                                     " bytes, sha256 " + record.sha256 + ")");
        entry.subject = "document:" + std::to_string(record.id);
        TRY(m_store.audit_log().append(entry));
        return ok_status();
    }));
    return record;
}

Result<bool> DocumentService::may_read(Principal const& caller, DocumentRecord const& record)
{
    if (caller.role == Role::Secretariat) {
        return true;
    }
    if (caller.organisation_id && *caller.organisation_id == record.owner_id && caller.role != Role::Committee) {
        return true;
    }
    if ((caller.role == Role::CiAdmin || caller.role == Role::Auditor) && caller.organisation_id) {
        return m_store.self_evaluations().document_shared_with(record.id, *caller.organisation_id);
    }
    return false;
}

Result<DocumentRecord> DocumentService::meta(Principal const& caller, Id id)
{
    auto const record = TRY(m_store.documents().find(id));
    if (!record || !TRY(may_read(caller, *record))) {
        return not_found();
    }
    return *record;
}

Result<DocumentDownload> DocumentService::download(Principal const& caller, Id id)
{
    auto record = TRY(meta(caller, id));
    auto content = TRY(m_store.documents().content(id));
    if (!content) {
        return not_found();
    }
    return DocumentDownload{std::move(record), std::move(*content)};
}

}  // namespace sterk
