// File: scope_fte.h
// The scope FTE (§2.4, §2.5, B2 terminology): the average yearly FTE of the groups that count
// (professionals employed or hired, business-critical interns and volunteers, and the staff that
// manage and support them). Which groups count is framework data; each line says why.
#pragma once

#include "core/norms/framework.h"
#include "core/result.h"

#include <map>
#include <string>
#include <vector>

namespace sterk {

struct ScopeLine {
    std::string key;
    std::string label;
    double fte = 0;
    bool counts = false;
    std::string explanation;
};

struct ScopeFte {
    double total = 0;  // sum of the lines that count
    std::vector<ScopeLine> lines;  // every group of the framework, in framework order
};

// AuditScope: what the certificate will cover (LIFECYCLE.md §1): the whole organisation, or the
// named werksoorten (each named once, in the member's order).
struct AuditScope {
    bool whole = true;
    std::vector<std::string> werksoorten;
};

// audit_scope: the whole organisation, or at least one named werksoort; blank names are dropped and
// repeats kept once. InvalidArgument (field "scope") when neither is given.
Result<AuditScope> audit_scope(bool whole, std::vector<std::string> const& werksoorten);

// compute_scope_fte: `fte_per_group` maps a scope group key to its FTE (absent = 0). Unknown
// keys and negative or non-finite values are refused naming the group; a total of 0 is refused.
Result<ScopeFte> compute_scope_fte(NormFramework const& framework, std::map<std::string, double> const& fte_per_group);

}  // namespace sterk
