// File: json_log_formatter.h
// JsonLogFormatter: spdlog lines as one JSON object each (`--log-format json`), for a log
// collector. A message written as `event key=value key=value` (the request log) becomes
// {"event": ..., "key": value, ...}, with numbers as numbers; any other message is {"msg": ...}.
// Every line has "time" (UTC, milliseconds) and "level".
#pragma once

#include <spdlog/formatter.h>

#include <string>
#include <string_view>

namespace sterk {

class JsonLogFormatter final : public spdlog::formatter {
public:
    void format(spdlog::details::log_msg const& msg, spdlog::memory_buf_t& dest) override;
    std::unique_ptr<spdlog::formatter> clone() const override;
};

// json_log_line: the object for one message (without the newline); exposed for the unit test.
std::string json_log_line(std::string_view time, std::string_view level, std::string_view message);

}  // namespace sterk
