// File: sodium_crypto.h
// The crypto ports on libsodium: argon2id password hashing (crypto_pwhash_str at the interactive
// limits, about 135 ms and 64 MiB per hash) and random tokens (randombytes) stored as SHA-256.
#pragma once

#include "core/ports/content_inspection.h"
#include "core/result.h"
#include "core/services/password_hasher.h"
#include "core/services/token_generator.h"

#include <string>
#include <string_view>

namespace sterk {

// init_sodium: must succeed once before any other call; Internal when libsodium cannot start.
Status init_sodium();

class SodiumPasswordHasher final : public PasswordHasher {
public:
    Result<std::string> hash(std::string const& password) override;
    bool verify(std::string const& encoded, std::string const& password) override;
};

class SodiumTokenGenerator final : public TokenGenerator {
public:
    std::string new_token() override;
    std::string hash_token(std::string const& token) override;
    std::string new_password() override;
};

// SodiumContentDigest: SHA-256 of uploaded documents.
class SodiumContentDigest final : public ContentDigest {
public:
    std::string sha256_hex(std::string_view content) override;
};

// constant_time_equal: compares secrets without leaking where they differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace sterk
