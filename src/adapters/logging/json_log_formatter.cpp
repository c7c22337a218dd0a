#include "adapters/logging/json_log_formatter.h"

#include <fmt/chrono.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <optional>
#include <vector>

namespace sterk {

namespace {

bool is_key(std::string_view key)
{
    if (key.empty()) {
        return false;
    }
    for (char const c : key) {
        if (!((c >= 'a' && c <= 'z') || c == '_')) {
            return false;
        }
    }
    return true;
}

nlohmann::json value_of(std::string_view text)
{
    double number = 0;
    auto const [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error == std::errc{} && end == text.data() + text.size() && !text.empty()) {
        return number;
    }
    return std::string{text};
}

// structured: {"event": first word, key: value...} when the message is exactly that shape.
std::optional<nlohmann::json> structured(std::string_view message)
{
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start <= message.size()) {
        auto const space = message.find(' ', start);
        words.push_back(message.substr(start, space == std::string_view::npos ? std::string_view::npos : space - start));
        if (space == std::string_view::npos) {
            break;
        }
        start = space + 1;
    }
    if (words.size() < 2 || !is_key(words.front())) {
        return std::nullopt;
    }
    nlohmann::json fields{{"event", std::string{words.front()}}};
    for (std::size_t i = 1; i < words.size(); ++i) {
        auto const equals = words[i].find('=');
        if (equals == std::string_view::npos || !is_key(words[i].substr(0, equals))) {
            return std::nullopt;
        }
        fields[std::string{words[i].substr(0, equals)}] = value_of(words[i].substr(equals + 1));
    }
    return fields;
}

}  // namespace

std::string json_log_line(std::string_view time, std::string_view level, std::string_view message)
{
    nlohmann::json line{{"time", std::string{time}}, {"level", std::string{level}}};
    if (auto fields = structured(message)) {
        line.update(*fields);
    } else {
        line["msg"] = std::string{message};
    }
    // Invalid UTF-8 (a client's bytes in a message) is replaced, never a reason to lose the line.
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void JsonLogFormatter::format(spdlog::details::log_msg const& msg, spdlog::memory_buf_t& dest)
{
    auto const millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count() % 1000;
    std::string const time =
        fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", fmt::gmtime(std::chrono::system_clock::to_time_t(msg.time)), millis);
    auto const level = spdlog::level::to_string_view(msg.level);
    std::string const line = json_log_line(time, std::string_view{level.data(), level.size()},
                                           std::string_view{msg.payload.data(), msg.payload.size()});
    dest.append(line.data(), line.data() + line.size());
    dest.push_back('\n');
}

std::unique_ptr<spdlog::formatter> JsonLogFormatter::clone() const
{
    return std::make_unique<JsonLogFormatter>();
}

}  // namespace sterk
