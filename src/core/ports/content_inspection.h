// File: content_inspection.h
// The ports that look inside an uploaded file's bytes: what it is (ContentSniffer, libmagic in
// src/adapters/content) and its SHA-256 (ContentDigest, libsodium in src/adapters/crypto). The core
// decides with the answers; it never opens a file or links a library itself.
#pragma once

#include "core/result.h"

#include <string>
#include <string_view>

namespace sterk {

// ContentSniffer: the media type of some bytes, judged by their content alone ("application/pdf",
// "image/png", "application/zip", "text/plain", "application/x-executable", ...).
class ContentSniffer {
public:
    virtual ~ContentSniffer() = default;
    // media_type: Internal when the content cannot be examined at all.
    virtual Result<std::string> media_type(std::string_view content) = 0;
};

// ContentDigest: the SHA-256 of some bytes, as lower-case hex (64 characters).
class ContentDigest {
public:
    virtual ~ContentDigest() = default;
    virtual std::string sha256_hex(std::string_view content) = 0;
};

}  // namespace sterk
