// File: document_json.h
// A document's metadata as the API shows it ({id, filename, media_type, size, sha256,
// uploaded_at}), also inside a self-evaluation's evidence lists, and the Content-Disposition of a
// download.
#pragma once

#include "core/ports/document_records.h"

#include <nlohmann/json.hpp>

#include <string>

namespace sterk::http {

nlohmann::ordered_json document_json(DocumentRecord const& document);

// content_disposition_attachment: `attachment; filename="Jaarverslag_2025.pdf";
// filename*=UTF-8''Jaarverslag%E2%80%932025.pdf` (RFC 6266 / 8187): a quoted ASCII fallback with
// no quote or backslash in it, and the exact name percent-encoded.
std::string content_disposition_attachment(std::string const& filename);

}  // namespace sterk::http
