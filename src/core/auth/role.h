// File: role.h
// Role: what a user is in the label's process (DOMAIN.md "Actors and roles").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sterk {

enum class Role { Member, CiAdmin, Auditor, Secretariat, Committee };

std::string role_key(Role role);  // "member", "ci-admin", "auditor", "secretariat", "committee"
std::optional<Role> parse_role(std::string_view key);
std::string role_dutch(Role role);  // "lid", "CI-beheerder", "toetser", "secretariaat", "beheercommissie"

}  // namespace sterk
