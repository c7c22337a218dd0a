#include "core/services/account_rules.h"

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
    std::string result{email.substr(begin, end - begin)};
    for (char& c : result) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return result;
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
    bool has_space = false;
    for (char c : email) {
        if (static_cast<unsigned char>(c) <= ' ') {
            has_space = true;
        }
    }
    if (!has_one_at || !has_local || !has_domain_dot || has_space || email.size() > 254) {
        return Error::invalid(field, "Dit is geen geldig e-mailadres.");
    }
    return ok_status();
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
        return Error::invalid(field, "Het wachtwoord moet minstens 10 tekens lang zijn.");
    }
    if (password.size() > MAX_PASSWORD_BYTES) {
        return Error::invalid(field, "Het wachtwoord is te lang (maximaal 1024 tekens).");
    }
    return ok_status();
}

}  // namespace sterk
