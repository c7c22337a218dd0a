// The verification URL (verification.h).
#include "core/certificate/verification.h"

#include <map>

namespace sterk {

std::string percent_encode(std::string_view text)
{
    static char const* const hex = "0123456789ABCDEF";
    std::string out;
    for (char ch : text) {
        auto const c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0x0F];
        }
    }
    return out;
}

Result<std::string> percent_decode(std::string_view text)
{
    auto const value = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out += ' ';
        } else if (text[i] == '%') {
            if (i + 2 >= text.size()) {
                return Error::invalid("payload", "Een %-teken in de gescande code wordt niet door twee hexadecimale tekens gevolgd.");
            }
            int const hi = value(text[i + 1]), lo = value(text[i + 2]);
            if (hi < 0 || lo < 0) {
                return Error::invalid("payload", "Een %-teken in de gescande code wordt niet door twee hexadecimale tekens gevolgd.");
            }
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string verification_url(std::string_view base, SignedCertificate const& s)
{
    while (!base.empty() && base.back() == '/') {
        base.remove_suffix(1);
    }
    auto const& d = s.data;
    return std::string{base} + "/register/" + percent_encode(d.number) + "?member=" + percent_encode(d.member) +
           "&scope=" + percent_encode(d.scope) + "&from=" + d.valid_from + "&through=" + d.valid_through +
           "&expires=" + d.expires + "&sig=" + s.signature;
}

Result<SignedCertificate> parse_verification(std::string_view text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
        text.remove_suffix(1);
    }
    auto const question = text.find('?');
    if (question == std::string_view::npos) {
        return Error::invalid("payload", "De gescande code heeft geen gegevens na het vraagteken (?member=…&sig=…).");
    }
    std::string_view const path = text.substr(0, question);
    std::string_view query = text.substr(question + 1);
    if (auto const hash = query.find('#'); hash != std::string_view::npos) {
        query = query.substr(0, hash);
    }
    std::map<std::string, std::string> fields;
    while (!query.empty()) {
        auto const amp = query.find('&');
        auto const pair = query.substr(0, amp);
        auto const eq = pair.find('=');
        if (eq != std::string_view::npos) {
            fields[std::string{pair.substr(0, eq)}] = TRY(percent_decode(pair.substr(eq + 1)));
        }
        if (amp == std::string_view::npos) {
            break;
        }
        query = query.substr(amp + 1);
    }
    SignedCertificate s;
    auto const slash = path.rfind("/register/");
    if (slash != std::string_view::npos) {
        s.data.number = TRY(percent_decode(path.substr(slash + 10)));
    } else if (auto n = fields.find("number"); n != fields.end()) {
        s.data.number = n->second;
    }
    auto const take = [&](char const* key, std::string& into) -> Status {
        auto const found = fields.find(key);
        if (found == fields.end()) {
            return Error::invalid("payload", std::string{"De gescande code mist het gegeven '"} + key + "'.");
        }
        into = found->second;
        return ok_status();
    };
    if (s.data.number.empty()) {
        return Error::invalid("payload", "De gescande code noemt geen certificaatnummer (…/register/SSW-JJJJ-NNNN).");
    }
    TRY(take("member", s.data.member));
    TRY(take("scope", s.data.scope));
    TRY(take("from", s.data.valid_from));
    TRY(take("through", s.data.valid_through));
    TRY(take("expires", s.data.expires));
    TRY(take("sig", s.signature));
    return s;
}

}  // namespace sterk
