// File: document_records.h
// The stored form of an uploaded document (issue 8: evidence for self-evaluation answers, auditors'
// signed declarations). The content lives in the database itself, beside its metadata, so one
// database backup holds every document; it is read only when someone downloads it.
#pragma once

#include "core/ports/records.h"

#include <cstdint>
#include <optional>
#include <string>

namespace sterk {

// DocumentRecord: everything but the bytes. `owner_id` is the organisation the document belongs
// to (the uploader's); `media_type` is what the content was found to be, never what the browser said.
struct DocumentRecord {
    Id id = 0;
    Id owner_id = 0;
    std::string filename;  // as shown and offered on download, without any directory part
    std::string media_type;  // "application/pdf"
    std::int64_t size = 0;  // bytes
    std::string sha256;  // lower-case hex of the content
    std::optional<Id> uploaded_by;
    UnixTime uploaded_at = 0;
};

}  // namespace sterk
