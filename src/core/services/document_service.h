// File: document_service.h
// DocumentService: uploading and reading documents (evidence, declarations). An upload belongs to
// the uploader's organisation; its type is judged by its content (ContentSniffer), never by the
// name or the browser's word, and checked against document_rules.h. Who reads a document: users of
// the owner organisation and the secretariat; plus the CI's ci-admin and auditors for a document cited
// in a self-evaluation handed to that CI for feedback. Anyone else gets NotFound, as for a document that
// does not exist. Every upload is in the audit log, in the same transaction.
//
// Example:
//   auto stored = TRY(documents.upload(principal, actor, "Jaarverslag.pdf", bytes, now));
//   auto file = TRY(documents.download(principal, stored.id));  // file.record, file.content
#pragma once

#include "core/auth/policy.h"
#include "core/ports/content_inspection.h"
#include "core/ports/store.h"
#include "core/services/user_service.h"

#include <string>

namespace sterk {

struct DocumentDownload {
    DocumentRecord record;
    std::string content;
};

class DocumentService {
public:
    DocumentService(Store& store, ContentSniffer& sniffer, ContentDigest& digest);

    // upload: InvalidArgument naming `filename` or `file` (document_rules.h); PermissionDenied for
    // a caller without an organisation.
    Result<DocumentRecord> upload(Principal const& caller, Actor const& actor, std::string const& filename,
                                  std::string const& content, UnixTime now);
    // meta / download: NotFound when unknown or not readable by the caller.
    Result<DocumentRecord> meta(Principal const& caller, Id id);
    Result<DocumentDownload> download(Principal const& caller, Id id);

private:
    Result<bool> may_read(Principal const& caller, DocumentRecord const& record);

    Store& m_store;
    ContentSniffer& m_sniffer;
    ContentDigest& m_digest;
};

}  // namespace sterk
