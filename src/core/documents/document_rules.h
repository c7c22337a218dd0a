// File: document_rules.h
// What may be uploaded as a document: which kinds of file (judged by content), how large, and what
// a file name may look like. Pure: the caller passes the sniffed media type in.
//
// Example:
//   auto accepted = TRY(accept_upload({"Jaarverslag 2025.pdf", content.size(), "application/pdf"}));
//   // accepted.filename, accepted.media_type
#pragma once

#include "core/result.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace sterk {

// DOCUMENT_MAX_BYTES: 10 MB (10 × 1024 × 1024 bytes). Evidence is a policy text, an annual
// report, a scan or a spreadsheet: a PDF of a few dozen scanned pages fits. Every document is kept
// in the database (so a backup holds it) and held in memory while it is uploaded or downloaded;
// a larger limit would make backups and the server's memory grow for little gain. The HTTP server
// takes this as the body limit of the upload route.
constexpr std::size_t DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

// DOCUMENT_FILENAME_MAX_BYTES: the longest file name kept (as most file systems allow).
constexpr std::size_t DOCUMENT_FILENAME_MAX_BYTES = 255;

// UploadCandidate: what arrived. `sniffed_media_type` is the content sniffer's verdict.
struct UploadCandidate {
    std::string filename;
    std::size_t size = 0;
    std::string sniffed_media_type;
};

// AcceptedUpload: the file name as kept (any directory part removed) and the media type stored
// and served (for a zip-based office file: the office type its extension names).
struct AcceptedUpload {
    std::string filename;
    std::string media_type;
};

// accept_upload: InvalidArgument naming `filename` (missing, too long, control characters) or
// `file` (empty, over DOCUMENT_MAX_BYTES, or a type that is not accepted; the message lists the
// accepted ones).
Result<AcceptedUpload> accept_upload(UploadCandidate const& candidate);

// document_too_large: the refusal for a file over DOCUMENT_MAX_BYTES (also what the HTTP server
// answers, with 413, when the body is larger than that).
Error document_too_large();

// accepted_document_types: "PDF, Word (.docx), Excel (.xlsx), OpenDocument-tekst (.odt), PNG, JPEG
// en platte tekst (.txt)" — as the messages and the web page name them.
std::string accepted_document_types();

// format_megabytes: 10485760 → "10 MB" (whole megabytes of 1024 × 1024 bytes, rounded down).
std::string format_megabytes(std::size_t bytes);

}  // namespace sterk
