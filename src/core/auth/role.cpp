#include "core/auth/role.h"

#include <array>
#include <utility>

namespace sterk {

namespace {

constexpr std::array<std::pair<Role, char const*>, 5> ROLE_KEYS{{
    {Role::Member, "member"},
    {Role::CiAdmin, "ci-admin"},
    {Role::Auditor, "auditor"},
    {Role::Secretariat, "secretariat"},
    {Role::Committee, "committee"},
}};

}  // namespace

std::string role_key(Role role)
{
    for (auto const& [r, key] : ROLE_KEYS) {
        if (r == role) {
            return key;
        }
    }
    return {};
}

std::optional<Role> parse_role(std::string_view key)
{
    for (auto const& [r, k] : ROLE_KEYS) {
        if (key == k) {
            return r;
        }
    }
    return std::nullopt;
}

std::string role_dutch(Role role)
{
    switch (role) {
    case Role::Member: return "lid";
    case Role::CiAdmin: return "CI-beheerder";
    case Role::Auditor: return "toetser";
    case Role::Secretariat: return "secretariaat";
    case Role::Committee: return "beheercommissie";
    }
    return {};
}

}  // namespace sterk
