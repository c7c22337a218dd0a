// File: account_rules.h
// The rules for account input: e-mail addresses (trimmed, lower-case) and new passwords.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace sterk {

constexpr std::size_t MIN_PASSWORD_CHARACTERS = 10;
constexpr std::size_t MAX_PASSWORD_BYTES = 1024;

// normalize_email: trims spaces and lower-cases ASCII letters.
std::string normalize_email(std::string_view email);

// INVALID_EMAIL_MESSAGE: the message for an address that is not of the form a@b.c (the web app
// shows the same words before it asks the server).
constexpr char const* INVALID_EMAIL_MESSAGE = "Vul een geldig e-mailadres in.";

// validate_email: InvalidArgument on `field` unless the (normalized) address looks like a@b.c.
Status validate_email(std::string const& email, std::string const& field);

// validate_new_password: at least MIN_PASSWORD_CHARACTERS characters (Unicode code points), at most
// MAX_PASSWORD_BYTES bytes.
Status validate_new_password(std::string const& password, std::string const& field);

// dutch_duration: 15 * 60 → "15 minuten", 60 → "1 minuut", 3600 → "1 uur", 7200 → "2 uur",
// 7 * 86400 → "7 dagen" (whole days from two days on, else whole hours as hours, else whole
// minutes, rounded up), for messages built from settings.
std::string dutch_duration(long long seconds);

// utf8_length: the number of code points in valid or invalid UTF-8 (continuation bytes skipped).
std::size_t utf8_length(std::string_view text);

}  // namespace sterk
