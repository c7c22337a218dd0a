// File: token_generator.h
// TokenGenerator: the port for random secrets (session, CSRF and reset tokens, demo passwords)
// and for the one-way hash under which a token is stored.
#pragma once

#include <string>

namespace sterk {

class TokenGenerator {
public:
    virtual ~TokenGenerator() = default;
    // new_token: at least 256 random bits, URL-safe text.
    virtual std::string new_token() = 0;
    // hash_token: the stored form of a token (hex of a cryptographic hash); deterministic.
    virtual std::string hash_token(std::string const& token) = 0;
    // new_password: a random password a person can type (demo logins).
    virtual std::string new_password() = 0;
};

}  // namespace sterk
