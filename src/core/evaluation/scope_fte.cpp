#include "core/evaluation/scope_fte.h"

#include <algorithm>
#include <cmath>

namespace sterk {

Result<ScopeFte> compute_scope_fte(NormFramework const& framework, std::map<std::string, double> const& fte_per_group)
{
    for (auto const& [key, fte] : fte_per_group) {
        if (framework.find_scope_group(key) == nullptr) {
            return Error::invalid("groups." + key, "onbekende groep '" + key + "' voor de scope");
        }
        if (!std::isfinite(fte) || fte < 0) {
            return Error::invalid("groups." + key, "het aantal fte van '" + key + "' mag niet negatief zijn");
        }
    }
    ScopeFte scope;
    for (auto const& group : framework.scope_groups) {
        auto const found = fte_per_group.find(group.key);
        double const fte = found == fte_per_group.end() ? 0 : found->second;
        scope.lines.push_back(ScopeLine{group.key, group.label, fte, group.counts, group.explanation});
        if (group.counts) {
            scope.total += fte;
        }
    }
    if (!(scope.total > 0)) {
        return Error::invalid("groups", "de scope telt 0 fte: vul minstens één groep in die meetelt");
    }
    return scope;
}

Result<AuditScope> audit_scope(bool whole, std::vector<std::string> const& werksoorten)
{
    if (whole) {
        return AuditScope{true, {}};
    }
    AuditScope scope{false, {}};
    for (auto const& name : werksoorten) {
        auto const first = name.find_first_not_of(" \t");
        if (first == std::string::npos) {
            continue;
        }
        auto const trimmed = name.substr(first, name.find_last_not_of(" \t") - first + 1);
        if (std::find(scope.werksoorten.begin(), scope.werksoorten.end(), trimmed) == scope.werksoorten.end()) {
            scope.werksoorten.push_back(trimmed);
        }
    }
    if (scope.werksoorten.empty()) {
        return Error::invalid("scope", "Kies als scope de hele organisatie, of noem de werksoorten die eronder vallen.");
    }
    return scope;
}

}  // namespace sterk
