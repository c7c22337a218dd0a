#include "core/services/account_rules.h"

#include "core/ascii.h"

namespace sterk {

std::string normalize_email(std::string_view email)
{
    std::size_t begin = 0;
    std::size_t end = email.size();
    while (begin < end && (email[begin] == ' ' || email[begin] == '\t')) {
        ++begin;
    }
    while (end > begin && (email[end - 1] == ' ' || email[end - 1] == '\t')) {
        --end;
    }
    return ascii_lower(email.substr(begin, end - begin));
}

Status validate_email(std::string const& email, std::string const& field)
{
    if (email.empty()) {
        return Error::invalid(field, "Vul een e-mailadres in.");
    }
    auto const at = email.find('@');
    bool const has_one_at = at != std::string::npos && email.find('@', at + 1) == std::string::npos;
    bool const has_local = at != std::string::npos && at > 0;
    bool const has_domain_dot = at != std::string::npos && email.find('.', at + 2) != std::string::npos
                                && email.back() != '.';
    // Spaces, control characters (CR/LF) and the characters that separate or quote addresses in a
    // mail header could turn one address into several recipients or a header of its own.
    constexpr std::string_view FORBIDDEN = "<>,;:\"()[]\\";
    bool has_forbidden = false;
    for (char c : email) {
        auto const u = static_cast<unsigned char>(c);
        if (u <= ' ' || u == 0x7F || FORBIDDEN.find(c) != std::string_view::npos) {
            has_forbidden = true;
        }
    }
    if (has_forbidden) {
        return Error::invalid(field, "Een e-mailadres mag geen spaties, regeleinden of de tekens "
                                     "< > , ; : \" ( ) [ ] \\ bevatten.");
    }
    if (!has_one_at || !has_local || !has_domain_dot || email.size() > 254) {
        return Error::invalid(field, INVALID_EMAIL_MESSAGE);
    }
    return ok_status();
}

std::string dutch_duration(long long seconds)
{
    constexpr long long HOUR = 60 * 60;
    constexpr long long DAY = 24 * HOUR;
    if (seconds >= 2 * DAY && seconds % DAY == 0) {
        return std::to_string(seconds / DAY) + " dagen";
    }
    if (seconds >= HOUR && seconds % HOUR == 0) {
        return std::to_string(seconds / HOUR) + " uur";
    }
    long long const minutes = (seconds + 59) / 60;
    return std::to_string(minutes) + (minutes == 1 ? " minuut" : " minuten");
}

std::size_t utf8_length(std::string_view text)
{
    std::size_t count = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

Status validate_new_password(std::string const& password, std::string const& field)
{
    if (utf8_length(password) < MIN_PASSWORD_CHARACTERS) {
        return Error::invalid(field, "Het wachtwoord moet minstens " + std::to_string(MIN_PASSWORD_CHARACTERS)
                                         + " tekens lang zijn.");
    }
    if (password.size() > MAX_PASSWORD_BYTES) {
        return Error::invalid(field, "Het wachtwoord is te lang (maximaal " + std::to_string(MAX_PASSWORD_BYTES)
                                         + " tekens).");
    }
    return ok_status();
}

}  // namespace sterk
