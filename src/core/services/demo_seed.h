// File: demo_seed.h
// seed_demo: the demo organisations and the eight demo logins of the platform contract, added
// only when the database has no users yet. Each password is random unless one is given
// (tests pass STERK_DEMO_PASSWORD). The caller prints the logins once.
#pragma once

#include "core/ports/store.h"
#include "core/services/password_hasher.h"
#include "core/services/token_generator.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

struct DemoLogin {
    std::string email;
    Role role = Role::Member;
    std::string password;
};

// seed_demo: the logins added, or an empty list when there were users already.
Result<std::vector<DemoLogin>> seed_demo(Store& store, PasswordHasher& hasher, TokenGenerator& tokens,
                                         std::optional<std::string> const& fixed_password, UnixTime now);

}  // namespace sterk
