// File: verdict.h
// Verdict: an auditor's judgement of one norm (B7): "+" voldoet, "+/-" deels / verbeterpunt,
// "-" voldoet niet, "n.v.t." niet van toepassing. A norm without a verdict is "niet beoordeeld".
#pragma once

#include "core/norms/framework.h"
#include "core/result.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace sterk {

enum class Verdict { Met, Partly, NotMet, NotApplicable };

std::optional<Verdict> parse_verdict(std::string_view symbol);
std::string verdict_symbol(Verdict v);  // "+", "+/-", "-", "n.v.t."

// VerdictMap: norm code -> verdict, for the norms that have one.
using VerdictMap = std::map<std::string, Verdict>;

enum class Completeness { RequireEveryNorm, AllowUnassessed };

// parse_verdicts: checks raw (code -> symbol) pairs against a framework. Every unknown code,
// unknown verdict and (with RequireEveryNorm) every missing norm is reported, not just the first.
Result<VerdictMap> parse_verdicts(NormFramework const& framework, std::map<std::string, std::string> const& raw,
                                  Completeness completeness);

}  // namespace sterk
