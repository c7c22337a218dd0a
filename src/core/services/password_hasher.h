// File: password_hasher.h
// PasswordHasher: the port for slow password hashing (argon2id in src/adapters/crypto).
// Hashing is deliberately slow and memory-hungry: callers run it off the I/O threads.
#pragma once

#include "core/result.h"

#include <string>

namespace sterk {

class PasswordHasher {
public:
    virtual ~PasswordHasher() = default;
    // hash: an encoded string that carries its own salt and parameters.
    virtual Result<std::string> hash(std::string const& password) = 0;
    // verify: true when `password` matches `encoded`; false for a mismatch or a malformed hash.
    virtual bool verify(std::string const& encoded, std::string const& password) = 0;
};

}  // namespace sterk
