#include "adapters/logging/json_log_formatter.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace sterk {
namespace {

TEST(JsonLogLine, RequestLineBecomesFieldsWithNumbers)
{
    auto const line = nlohmann::json::parse(json_log_line(
        "2026-12-02T04:00:00.123Z", "info",
        "request method=GET path=/api/v1/register status=200 ms=1.5 user=- ip=127.0.0.1"));
    EXPECT_EQ(line["time"], "2026-12-02T04:00:00.123Z");
    EXPECT_EQ(line["level"], "info");
    EXPECT_EQ(line["event"], "request");
    EXPECT_EQ(line["method"], "GET");
    EXPECT_EQ(line["path"], "/api/v1/register");
    EXPECT_EQ(line["status"], 200);
    EXPECT_DOUBLE_EQ(line["ms"].get<double>(), 1.5);
    EXPECT_EQ(line["user"], "-");
    EXPECT_EQ(line["ip"], "127.0.0.1");
    EXPECT_FALSE(line.contains("msg"));
}

TEST(JsonLogLine, ProseStaysOneMessageEvenWithEqualsSigns)
{
    auto const line = nlohmann::json::parse(
        json_log_line("t", "warn", "termijnbewaking: 3 trajecten, a=b maar niet alles is sleutel=waarde"));
    EXPECT_EQ(line["msg"], "termijnbewaking: 3 trajecten, a=b maar niet alles is sleutel=waarde");
    EXPECT_FALSE(line.contains("event"));
}

TEST(JsonLogLine, LineBreaksAndQuotesAreEscapedIntoOneLine)
{
    std::string const text = json_log_line("t", "error", "fout bij POST /x: \"kapot\"\nnep-regel level=info");
    EXPECT_EQ(text.find('\n'), std::string::npos);
    EXPECT_EQ(nlohmann::json::parse(text)["msg"], "fout bij POST /x: \"kapot\"\nnep-regel level=info");
}

TEST(JsonLogLine, InvalidUtf8IsReplacedNotLost)
{
    auto const line = nlohmann::json::parse(json_log_line("t", "info", std::string{"bestand \xff\xfe.pdf"}));
    EXPECT_NE(line["msg"].get<std::string>().find("bestand"), std::string::npos);
}

}  // namespace
}  // namespace sterk
