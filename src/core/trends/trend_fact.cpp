#include "core/trends/trend_fact.h"

#include <algorithm>
#include <charconv>

namespace sterk {

namespace {

struct Band {
    double upper;  // scope FTE up to and including
    char const* label;
};
Band const BANDS[] = {{20, "tot 20 fte"}, {50, "20-50 fte"}, {100, "50-100 fte"}};
char const* const LAST_BAND = "100+ fte";

std::vector<std::string> split(std::string const& text, char separator)
{
    std::vector<std::string> parts;
    size_t start = 0;
    while (start < text.size()) {
        size_t const end = std::min(text.find(separator, start), text.size());
        parts.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

Result<long> number(std::string const& text)
{
    long value = 0;
    auto const* end = text.data() + text.size();
    auto const [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end) {
        return Error::invalid("trend_fact", "'" + text + "' is geen getal");
    }
    return value;
}

void encode_verdicts(std::string& out, char const* tag, VerdictMap const& verdicts)
{
    for (auto const& [norm, verdict] : verdicts) {
        out += std::string(tag) + ' ' + norm + ' ' + std::string(verdict_symbol(verdict)) + '\n';
    }
}

}  // namespace

std::string size_band(double scope_fte)
{
    for (auto const& band : BANDS) {
        if (scope_fte <= band.upper) {
            return band.label;
        }
    }
    return LAST_BAND;
}

std::vector<std::string> size_bands()
{
    std::vector<std::string> out;
    for (auto const& band : BANDS) {
        out.emplace_back(band.label);
    }
    out.emplace_back(LAST_BAND);
    return out;
}

std::set<std::string> named_norms(NormFramework const& framework, std::string const& text)
{
    // Fold to upper-case letters and digits, every other run a space, then drop a space between
    // letters and a number, so "vm 5", "VM-5" and "VM5" all read "VM5"; match whole words only
    // (so "VM5" does not count inside "VM50").
    auto const letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    auto const digit = [](char c) { return c >= '0' && c <= '9'; };
    std::string folded;
    for (char c : text) {
        if (letter(c) || digit(c)) {
            bool const number_after_letters = digit(c) && folded.size() >= 2 && folded.back() == ' ' &&
                                              letter(folded[folded.size() - 2]);
            if (number_after_letters) {
                folded.pop_back();
            }
            folded += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        } else if (!folded.empty() && folded.back() != ' ') {
            folded += ' ';
        }
    }
    std::set<std::string> words;
    for (auto const& word : split(folded, ' ')) {
        words.insert(word);
    }
    std::set<std::string> found;
    for (auto const& norm : framework.norms) {
        std::string code = norm.code;
        for (char& c : code) {
            c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        }
        if (words.count(code)) {
            found.insert(norm.code);
        }
    }
    return found;
}

std::optional<TrendFact> trend_fact(NormFramework const& framework, TrendInputs const& inputs)
{
    if (!inputs.view.final_verdicts || !inputs.final_on) {
        return std::nullopt;
    }
    TrendFact fact;
    fact.trajectory_id = inputs.record.id;
    fact.member_id = inputs.record.member_id;
    fact.ci_id = inputs.record.ci_id;
    fact.year = inputs.final_on->year();
    fact.variant = inputs.record.variant;
    fact.band = size_band(inputs.scope_fte);
    fact.verdicts = *inputs.view.final_verdicts;
    fact.self_verdicts = inputs.self_verdicts;
    for (auto const& point : inputs.strong_points) {
        for (auto const& code : named_norms(framework, point)) {
            fact.strong_norms.insert(code);
        }
    }
    for (auto const& point : inputs.improvement_points) {
        for (auto const& code : named_norms(framework, point)) {
            fact.improvement_norms.insert(code);
        }
    }
    for (auto const& deadline : inputs.view.deadlines) {
        if (!deadline.met_on || deadline.closed) {
            continue;
        }
        fact.steps.push_back({deadline.rule.key, deadline.rule.actor,
                              deadline.met_on->days_since_epoch() - deadline.from.days_since_epoch(),
                              deadline.due.days_since_epoch() - deadline.from.days_since_epoch()});
    }
    return fact;
}

// The text: a header line "fact TRAJECTORY MEMBER CI YEAR VARIANT" then "band ...", one line per
// verdict ("v VM1 +"), self-evaluation verdict ("s VM1 +/-"), strong ("p VM1") and improvement
// ("i VM1") norm, and step ("t deadline party taken allowed"). Variant, band and keys have no
// spaces except the band, which is alone on its line.
std::string encode_trend_fact(TrendFact const& fact)
{
    std::string out = "fact " + std::to_string(fact.trajectory_id) + ' ' + std::to_string(fact.member_id) + ' ' +
                      std::to_string(fact.ci_id) + ' ' + std::to_string(fact.year) + ' ' + fact.variant + '\n';
    out += "band " + fact.band + '\n';
    encode_verdicts(out, "v", fact.verdicts);
    encode_verdicts(out, "s", fact.self_verdicts);
    for (auto const& code : fact.strong_norms) {
        out += "p " + code + '\n';
    }
    for (auto const& code : fact.improvement_norms) {
        out += "i " + code + '\n';
    }
    for (auto const& step : fact.steps) {
        out += "t " + step.deadline + ' ' + step.party + ' ' + std::to_string(step.days_taken) + ' ' +
               std::to_string(step.days_allowed) + '\n';
    }
    return out;
}

Result<TrendFact> decode_trend_fact(std::string const& text)
{
    TrendFact fact;
    bool header = false;
    for (auto const& line : split(text, '\n')) {
        if (line.empty()) {
            continue;
        }
        if (line.rfind("band ", 0) == 0) {
            fact.band = line.substr(5);
            continue;
        }
        auto const parts = split(line, ' ');
        auto const tag = parts.front();
        auto const verdict_of = [&](size_t at) -> Result<Verdict> {
            // "n.v.t." and "+/-" have no spaces; the symbol is the rest of the line.
            auto const v = parse_verdict(parts.at(at));
            if (!v) {
                return Error::invalid("trend_fact", "onbekend oordeel '" + parts.at(at) + "'");
            }
            return *v;
        };
        if (tag == "fact" && parts.size() == 6) {
            fact.trajectory_id = TRY(number(parts[1]));
            fact.member_id = TRY(number(parts[2]));
            fact.ci_id = TRY(number(parts[3]));
            fact.year = static_cast<int>(TRY(number(parts[4])));
            fact.variant = parts[5];
            header = true;
        } else if ((tag == "v" || tag == "s") && parts.size() == 3) {
            (tag == "v" ? fact.verdicts : fact.self_verdicts)[parts[1]] = TRY(verdict_of(2));
        } else if ((tag == "p" || tag == "i") && parts.size() == 2) {
            (tag == "p" ? fact.strong_norms : fact.improvement_norms).insert(parts[1]);
        } else if (tag == "t" && parts.size() == 5) {
            fact.steps.push_back({parts[1], parts[2], static_cast<int>(TRY(number(parts[3]))),
                                  static_cast<int>(TRY(number(parts[4])))});
        } else {
            return Error::invalid("trend_fact", "onleesbare regel '" + line + "'");
        }
    }
    if (!header) {
        return Error::invalid("trend_fact", "de regel 'fact' ontbreekt");
    }
    return fact;
}

}  // namespace sterk
