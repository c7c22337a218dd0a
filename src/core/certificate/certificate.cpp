// Certificate rules (certificate.h): numbering, reissue, withdrawal, the live status on a date,
// the signed payload and the register's folded search text.
#include "core/certificate/certificate.h"

#include "core/rules/deadlines.h"

#include <algorithm>

namespace sterk {

std::string certificate_status_key(CertificateStatus status)
{
    switch (status) {
    case CertificateStatus::Valid: return "valid";
    case CertificateStatus::Suspended: return "suspended";
    case CertificateStatus::Lapsed: return "lapsed";
    case CertificateStatus::Withdrawn: return "withdrawn";
    case CertificateStatus::Superseded: return "superseded";
    }
    return "valid";
}

std::string certificate_status_dutch(CertificateStatus status)
{
    switch (status) {
    case CertificateStatus::Valid: return "geldig";
    case CertificateStatus::Suspended: return "geschorst";
    case CertificateStatus::Lapsed: return "vervallen";
    case CertificateStatus::Withdrawn: return "ingetrokken";
    case CertificateStatus::Superseded: return "vervangen";
    }
    return "geldig";
}

std::optional<CertificateStatus> parse_certificate_status(std::string_view key)
{
    for (auto s : {CertificateStatus::Valid, CertificateStatus::Suspended, CertificateStatus::Lapsed,
                   CertificateStatus::Withdrawn, CertificateStatus::Superseded}) {
        if (certificate_status_key(s) == key) {
            return s;
        }
    }
    return std::nullopt;
}

std::string certificate_number(int year, int sequence)
{
    auto const padded = [](int value) {
        auto text = std::to_string(value);
        return text.size() < 4 ? std::string(4 - text.size(), '0') + text : text;
    };
    return "SSW-" + padded(year) + "-" + padded(sequence);
}

Result<CertificateNumber> parse_certificate_number(std::string_view text)
{
    auto const bad = [&] {
        return Error::invalid("number", "Een certificaatnummer heeft de vorm SSW-JJJJ-NNNN, bijvoorbeeld SSW-2026-0001.");
    };
    if (text.size() < 13 || text.substr(0, 4) != "SSW-" || text[8] != '-') {
        return bad();
    }
    auto const digits = [](std::string_view s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    auto const year = text.substr(4, 4);
    auto const sequence = text.substr(9);
    if (!digits(year) || !digits(sequence) || sequence.size() > 9) {
        return bad();
    }
    CertificateNumber n{std::stoi(std::string{year}), std::stoi(std::string{sequence})};
    if (n.sequence < 1 || n.year < 1000) {
        return bad();
    }
    return n;
}

int next_certificate_sequence(std::vector<int> const& used_in_year)
{
    int highest = 0;
    for (int s : used_in_year) {
        highest = std::max(highest, s);
    }
    return highest + 1;
}

namespace {

// normalise_line: what is printed and signed: line breaks and runs of white space one space, no
// white space at either end.
std::string normalise_line(std::string_view text)
{
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += c;
    }
    return out;
}

Status check_printed(std::string const& member_name, std::string const& scope)
{
    if (normalise_line(member_name).empty()) {
        return Error::invalid("member_name", "Vul de naam van het lid in zoals die op het certificaat komt.");
    }
    if (normalise_line(scope).empty()) {
        return Error::invalid("scope", "Vul de scope in zoals die op het certificaat komt.");
    }
    return ok_status();
}

Status check_ended(Certificate const& c)
{
    if (c.status == CertificateStatus::Withdrawn) {
        return Error::precondition("Certificaat " + c.number + " is ingetrokken" +
                                   (c.status_on ? " op " + c.status_on->iso() : std::string{}) + ".");
    }
    if (c.status == CertificateStatus::Superseded) {
        return Error::precondition("Certificaat " + c.number + " is al vervangen door " +
                                   (c.superseded_by.empty() ? std::string{"een ander"} : c.superseded_by) + ".");
    }
    return ok_status();
}

}  // namespace

Result<Certificate> issue_certificate(CertificateDraft const& draft, Date issued, CertificateTerm const& term,
                                      int sequence)
{
    TRY(check_printed(draft.member_name, draft.scope));
    Certificate c;
    c.year = issued.year();
    c.sequence = sequence;
    c.number = certificate_number(c.year, sequence);
    c.member_id = draft.member_id;
    c.member_name = normalise_line(draft.member_name);
    c.town = normalise_line(draft.town);
    c.kvk = normalise_line(draft.kvk);
    c.lidnummer = normalise_line(draft.lidnummer);
    c.scope = normalise_line(draft.scope);
    c.issued = issued;
    c.valid_from = term.starts;
    c.valid_through = term.valid_through;
    c.expires = term.expires;
    c.trajectory_id = draft.trajectory_id;
    return c;
}

Result<Reissue> reissue_certificate(Certificate const& old, Correction const& correction, Date on, int sequence)
{
    TRY(check_ended(old));
    if (normalise_line(correction.reason).empty()) {
        return Error::invalid("reason", "Zeg wat er aan het certificaat verbeterd wordt (de reden van heruitgifte).");
    }
    Certificate next = old;
    next.id = 0;
    next.year = on.year();
    next.sequence = sequence;
    next.number = certificate_number(next.year, sequence);
    next.issued = on;
    next.status = CertificateStatus::Valid;
    next.status_on.reset();
    next.reason = normalise_line(correction.reason);
    next.supersedes = old.number;
    next.superseded_by.clear();
    if (correction.member_name) {
        next.member_name = normalise_line(*correction.member_name);
    }
    if (correction.scope) {
        next.scope = normalise_line(*correction.scope);
    }
    next.valid_from = correction.valid_from.value_or(old.valid_from);
    next.valid_through = correction.valid_through.value_or(old.valid_through);
    next.expires = correction.expires.value_or(old.expires);
    TRY(check_printed(next.member_name, next.scope));
    if (next.valid_through < next.valid_from) {
        return Error::invalid("valid_through", "'Geldig tot en met' ligt vóór 'geldig vanaf'.");
    }
    if (next.expires <= next.valid_through) {
        return Error::invalid("expires", "De vervaldatum ligt na 'geldig tot en met'.");
    }
    if (next.member_name == old.member_name && next.scope == old.scope && next.valid_from == old.valid_from &&
        next.valid_through == old.valid_through && next.expires == old.expires) {
        return Error::invalid("correction",
                              "De heruitgifte verandert niets aan het certificaat: verbeter de naam, de scope of een datum.");
    }
    Certificate superseded = old;
    superseded.status = CertificateStatus::Superseded;
    superseded.status_on = on;
    superseded.superseded_by = next.number;
    return Reissue{next, superseded};
}

Result<Certificate> withdraw_certificate(Certificate const& certificate, Date on, std::string const& reason)
{
    if (normalise_line(reason).empty()) {
        return Error::invalid("reason", "Een intrekking heeft een openbare reden; die staat in het register.");
    }
    TRY(check_ended(certificate));
    Certificate c = certificate;
    c.status = CertificateStatus::Withdrawn;
    c.status_on = on;
    c.reason = normalise_line(reason);
    return c;
}

LiveStatus live_status(ProcedureSettings const& procedure, Certificate const& c, Date today)
{
    if (c.status == CertificateStatus::Withdrawn || c.status == CertificateStatus::Superseded) {
        return {c.status, c.status_on.value_or(c.issued), std::nullopt};
    }
    if (today < c.expires) {
        return {CertificateStatus::Valid, c.valid_from, std::nullopt};
    }
    auto const& r = c.renewal;
    bool const runs = r.accepted_on && *r.accepted_on < c.expires;
    if (!runs) {
        return {CertificateStatus::Lapsed, c.expires, std::nullopt};
    }
    auto const window = suspension_window(procedure, c.expires);
    bool const ended = r.ended_on && *r.ended_on <= today;
    if (!ended && (today <= window.through || (r.positive_on && *r.positive_on <= window.through))) {
        return {CertificateStatus::Suspended, c.expires, window.through};
    }
    Date lapse = window.through.add_days(1);
    if (r.ended_on && *r.ended_on < lapse) {
        lapse = std::max(*r.ended_on, c.expires);
    }
    return {CertificateStatus::Lapsed, lapse, std::nullopt};
}

bool in_register(CertificateStatus status)
{
    return status == CertificateStatus::Valid || status == CertificateStatus::Suspended;
}

VerificationData verification_data(Certificate const& c)
{
    return {c.number,
            normalise_line(c.member_name),
            normalise_line(c.scope),
            c.valid_from.iso(),
            c.valid_through.iso(),
            c.expires.iso()};
}

std::string signed_payload(VerificationData const& d)
{
    return "sterklabel-certificaat-v1\n"
           "nummer: " +
           normalise_line(d.number) + "\nlid: " + normalise_line(d.member) + "\nscope: " + normalise_line(d.scope) +
           "\ngeldig vanaf: " + d.valid_from + "\ngeldig tot en met: " + d.valid_through +
           "\nverloopt: " + d.expires + "\n";
}

std::string signed_payload(Certificate const& certificate)
{
    return signed_payload(verification_data(certificate));
}

namespace {

// fold_code_point: the ASCII letters a Latin letter with diacritics stands for ("" when the code
// point is not one of them).
char const* fold_code_point(char32_t cp)
{
    if (cp >= 0xC0 && cp <= 0xC5) return "a";
    if (cp == 0xC6) return "ae";
    if (cp == 0xC7) return "c";
    if (cp >= 0xC8 && cp <= 0xCB) return "e";
    if (cp >= 0xCC && cp <= 0xCF) return "i";
    if (cp == 0xD0) return "d";
    if (cp == 0xD1) return "n";
    if ((cp >= 0xD2 && cp <= 0xD6) || cp == 0xD8) return "o";
    if (cp >= 0xD9 && cp <= 0xDC) return "u";
    if (cp == 0xDD) return "y";
    if (cp == 0xDE) return "th";
    if (cp == 0xDF) return "ss";
    if (cp >= 0xE0 && cp <= 0xE5) return "a";
    if (cp == 0xE6) return "ae";
    if (cp == 0xE7) return "c";
    if (cp >= 0xE8 && cp <= 0xEB) return "e";
    if (cp >= 0xEC && cp <= 0xEF) return "i";
    if (cp == 0xF0) return "d";
    if (cp == 0xF1) return "n";
    if ((cp >= 0xF2 && cp <= 0xF6) || cp == 0xF8) return "o";
    if (cp >= 0xF9 && cp <= 0xFC) return "u";
    if (cp == 0xFD || cp == 0xFF) return "y";
    if (cp == 0xFE) return "th";
    if (cp >= 0x100 && cp <= 0x17F) {
        // Latin Extended-A, in pairs (upper, lower) of one base letter.
        static char const* const base[] = {
            "a", "a", "a", "c", "c", "c", "c", "d", "d", "e", "e", "e", "e", "e", "g", "g", "g", "g", "h", "h",
            "i", "i", "i", "i", "i", "ij", "j", "k",
        };
        unsigned const pair = (cp - 0x100) / 2;
        if (pair < sizeof base / sizeof base[0]) {
            return base[pair];
        }
        if (cp == 0x138) return "k";  // ĸ
        if (cp >= 0x139 && cp <= 0x142) return "l";
        if (cp >= 0x143 && cp <= 0x14B) return "n";
        if (cp >= 0x14C && cp <= 0x151) return "o";
        if (cp == 0x152 || cp == 0x153) return "oe";
        if (cp >= 0x154 && cp <= 0x159) return "r";
        if (cp >= 0x15A && cp <= 0x161) return "s";
        if (cp >= 0x162 && cp <= 0x167) return "t";
        if (cp >= 0x168 && cp <= 0x173) return "u";
        if (cp == 0x174 || cp == 0x175) return "w";
        if (cp >= 0x176 && cp <= 0x178) return "y";
        if (cp >= 0x179 && cp <= 0x17E) return "z";
        if (cp == 0x17F) return "s";
    }
    return "";
}

}  // namespace

std::string fold_for_search(std::string_view text)
{
    std::string out;
    bool space = false;
    auto const put = [&](std::string_view s) {
        if (space && !out.empty()) {
            out += ' ';
        }
        space = false;
        out += s;
    };
    for (size_t i = 0; i < text.size();) {
        auto const c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                put(std::string(1, static_cast<char>(c)));
            } else if (c >= 'A' && c <= 'Z') {
                put(std::string(1, static_cast<char>(c - 'A' + 'a')));
            } else if (c == '\'' || c == 0) {
                // 's-Hertogenbosch and Kwaliteits'label: an apostrophe joins, it does not split
            } else {
                space = true;
            }
            continue;
        }
        int length = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
        if (i + static_cast<size_t>(length) > text.size() || length == 1) {
            ++i;
            space = true;
            continue;
        }
        char32_t cp = c & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
        for (int k = 1; k < length; ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        }
        auto const folded = fold_code_point(cp);
        if (*folded != '\0') {
            put(folded);
        } else if (cp == 0x2019) {
            // a typographic apostrophe, as the ASCII one
        } else {
            space = true;
        }
        i += static_cast<size_t>(length);
    }
    return out;
}

std::string search_text(Certificate const& c)
{
    return fold_for_search(c.member_name + " | " + c.town + " | " + c.kvk + " | " + c.lidnummer + " | " + c.scope +
                           " | " + c.number);
}

bool matches_search(std::string_view folded_text, std::string_view query)
{
    auto const words = fold_for_search(query);
    size_t start = 0;
    while (start < words.size()) {
        auto end = words.find(' ', start);
        if (end == std::string::npos) {
            end = words.size();
        }
        if (folded_text.find(std::string_view{words}.substr(start, end - start)) == std::string_view::npos) {
            return false;
        }
        start = end + 1;
    }
    return true;
}

}  // namespace sterk
