#include "adapters/config/data_files.h"
#include "core/rules/advice.h"

#include <gtest/gtest.h>

namespace sterk {

namespace {

std::map<std::string, std::string> all(NormFramework const& fw, std::string const& symbol)
{
    std::map<std::string, std::string> raw;
    for (auto const& norm : fw.norms) {
        raw[norm.code] = symbol;
    }
    return raw;
}

}  // namespace

TEST(Advice, EveryOffendingItemIsNamedAtOnce)
{
    auto const fw = *load_builtin_framework("2019");
    auto raw = all(fw, "+");
    raw.erase("OB23");
    raw.erase("DV4");
    raw["XX9"] = "+";
    raw["VM3"] = "++";
    auto const verdicts = parse_verdicts(fw, raw, Completeness::RequireEveryNorm);
    ASSERT_FALSE(verdicts.ok());
    auto const& message = verdicts.error().message;
    EXPECT_NE(message.find("onbekende normcode: XX9"), std::string::npos) << message;
    EXPECT_NE(message.find("VM3 ('++')"), std::string::npos) << message;
    EXPECT_NE(message.find("geen oordeel voor DV4, OB23"), std::string::npos) << message;
}

TEST(Advice, PlanNormsFollowFrameworkOrderNotInputOrder)
{
    auto const fw = *load_builtin_framework("2019");
    auto raw = all(fw, "+");
    raw["OB16"] = "+/-";
    raw["VM5"] = "-";
    raw["DV1"] = "+/-";
    auto const a = advise(fw, *parse_verdicts(fw, raw, Completeness::RequireEveryNorm));
    EXPECT_EQ(a.plan_norms, (std::vector<std::string>{"VM5", "DV1", "OB16"}));
    EXPECT_EQ(a.scenario, Scenario::PlanRequired);
}

TEST(Advice, AdviceNeedsEveryNormAssessed)
{
    auto const fw = *load_builtin_framework("2019");
    auto raw = all(fw, "+");
    raw.erase("VM2");
    auto const verdicts = *parse_verdicts(fw, raw, Completeness::AllowUnassessed);
    auto const status = can_advise(fw, verdicts);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::FailedPrecondition);
    EXPECT_NE(status.error().message.find("VM2"), std::string::npos);
    EXPECT_EQ(overall_table(fw, verdicts).totals.not_assessed, 1);
}

}  // namespace sterk
