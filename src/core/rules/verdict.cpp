#include "core/rules/verdict.h"

#include "core/text.h"

namespace sterk {

std::optional<Verdict> parse_verdict(std::string_view symbol)
{
    if (symbol == "+") {
        return Verdict::Met;
    }
    if (symbol == "+/-") {
        return Verdict::Partly;
    }
    if (symbol == "-") {
        return Verdict::NotMet;
    }
    if (symbol == "n.v.t.") {
        return Verdict::NotApplicable;
    }
    return std::nullopt;
}

std::string verdict_symbol(Verdict v)
{
    switch (v) {
    case Verdict::Met: return "+";
    case Verdict::Partly: return "+/-";
    case Verdict::NotMet: return "-";
    case Verdict::NotApplicable: return "n.v.t.";
    }
    return {};
}

Result<VerdictMap> parse_verdicts(NormFramework const& framework, std::map<std::string, std::string> const& raw,
                                  Completeness completeness)
{
    std::vector<std::string> unknown_codes;
    std::vector<std::string> bad_verdicts;
    std::vector<std::string> missing;
    VerdictMap verdicts;
    for (auto const& [code, symbol] : raw) {
        if (framework.find_norm(code) == nullptr) {
            unknown_codes.push_back(code);
            continue;
        }
        auto const verdict = parse_verdict(symbol);
        if (!verdict) {
            bad_verdicts.push_back(code + " ('" + symbol + "')");
            continue;
        }
        verdicts[code] = *verdict;
    }
    if (completeness == Completeness::RequireEveryNorm) {
        for (auto const& norm : framework.norms) {
            if (raw.count(norm.code) == 0) {
                missing.push_back(norm.code);
            }
        }
    }
    if (unknown_codes.empty() && bad_verdicts.empty() && missing.empty()) {
        return verdicts;
    }
    std::string message;
    std::string field;
    if (!unknown_codes.empty()) {
        message += "onbekende normcode: " + join(unknown_codes) + " (normenkader " + framework.version + "). ";
        field = "verdicts." + unknown_codes.front();
    }
    if (!bad_verdicts.empty()) {
        message += "onbekend oordeel bij " + join(bad_verdicts) + "; kies +, +/-, - of n.v.t.. ";
        field = field.empty() ? "verdicts." + bad_verdicts.front().substr(0, bad_verdicts.front().find(' ')) : field;
    }
    if (!missing.empty()) {
        message += "geen oordeel voor " + join(missing) + ". ";
        field = field.empty() ? "verdicts." + missing.front() : field;
    }
    message.pop_back();
    return Error::invalid(field, message);
}

}  // namespace sterk
