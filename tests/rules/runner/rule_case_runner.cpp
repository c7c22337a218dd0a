// rule_case_runner DIR: runs every *.case file under DIR against the core rules and prints
// "N passed, N failed". The commands are documented in tests/rules/README.md.
#include "adapters/config/data_files.h"
#include "core/estimate/estimate.h"
#include "core/evaluation/scope_fte.h"
#include "core/rules/advice.h"
#include "core/rules/deadlines.h"
#include "core/text.h"
#include "runner/case_file.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace sterk::rules_test {

namespace {

using Lines = std::vector<std::string>;

std::vector<std::string> words(std::string const& s)
{
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string w; in >> w;) {
        out.push_back(w);
    }
    return out;
}

std::map<std::string, std::string> key_values(std::vector<std::string> const& w, size_t from)
{
    std::map<std::string, std::string> kv;
    for (size_t i = from; i < w.size(); ++i) {
        auto const eq = w[i].find('=');
        kv[w[i].substr(0, eq)] = eq == std::string::npos ? "" : w[i].substr(eq + 1);
    }
    return kv;
}

std::string number(double value)
{
    std::ostringstream out;
    out.precision(10);
    out << value;
    return out.str();
}

std::string numbers(std::vector<int> const& list)
{
    std::vector<std::string> s;
    for (int n : list) {
        s.push_back(std::to_string(n));
    }
    return s.empty() ? "-" : join(s, ",");
}

class CaseState {
public:
    Result<Lines> run(std::string const& command);

private:
    Result<NormFramework const*> framework();
    Result<Lines> set_verdicts(std::vector<std::string> const& w);
    Result<Advice> current_advice(VerdictMap& verdicts);
    Result<Lines> estimate_command(std::vector<std::string> const& w);
    Result<Lines> scope_command(std::vector<std::string> const& w);
    Result<Lines> date_command(std::vector<std::string> const& w);
    Result<DeadlineKind> deadline_kind(std::string const& key);

    std::optional<NormFramework> m_framework;
    std::map<std::string, std::string> m_verdicts;
};

Result<NormFramework const*> CaseState::framework()
{
    if (!m_framework) {
        m_framework = TRY(load_builtin_framework("2019"));
    }
    return &*m_framework;
}

Result<DeadlineKind> CaseState::deadline_kind(std::string const& key)
{
    for (auto const& spec : deadline_specs()) {
        if (key == spec.key) {
            return spec.kind;
        }
    }
    return Error::invalid("deadline", "onbekende termijn '" + key + "'");
}

Result<Lines> CaseState::set_verdicts(std::vector<std::string> const& w)
{
    auto const* fw = TRY(framework());
    if (w.size() != 3) {
        return Error::invalid("case", "verwacht: verdicts all|CODE..CODE OORDEEL");
    }
    if (w[1] == "all") {
        for (auto const& norm : fw->norms) {
            m_verdicts[norm.code] = w[2];
        }
        return Lines{};
    }
    auto const dots = w[1].find("..");
    if (dots == std::string::npos) {
        return Error::invalid("case", "verwacht een bereik CODE..CODE");
    }
    auto const* first = fw->find_norm(w[1].substr(0, dots));
    auto const* last = fw->find_norm(w[1].substr(dots + 2));
    if (first == nullptr || last == nullptr || first->rubric != last->rubric) {
        return Error::invalid("case", "onbekend bereik " + w[1]);
    }
    for (int n = first->number; n <= last->number; ++n) {
        m_verdicts[first->rubric + std::to_string(n)] = w[2];
    }
    return Lines{};
}

Result<Advice> CaseState::current_advice(VerdictMap& verdicts)
{
    auto const* fw = TRY(framework());
    verdicts = TRY(parse_verdicts(*fw, m_verdicts, Completeness::RequireEveryNorm));
    return advise(*fw, verdicts);
}

Result<Lines> CaseState::estimate_command(std::vector<std::string> const& w)
{
    auto const tariffs = TRY(load_builtin_tariffs());
    auto kv = key_values(w, 1);
    EstimateRequest request;
    request.fte = TRY(parse_fte(kv["fte"], "fte"));
    request.variant = kv["variant"];
    if (!kv["ci"].empty()) {
        request.ci = kv["ci"];
    }
    request.on = TRY(Date::parse(kv.count("on") ? kv["on"] : "2026-01-01", "on"));
    request.km = kv["km"].empty() ? 0 : TRY(parse_distance(kv["km"], "km"));
    auto const e = TRY(estimate(tariffs, request));
    auto const cents = [](std::optional<long> c) {
        return c ? std::to_string(*c / 100) + "." + (*c % 100 < 10 ? "0" : "") + std::to_string(*c % 100)
                 : std::string("-");
    };
    Lines out{"band=" + e.band.value_or("-") + " days=" + (e.day_tenths ? format_tenths(*e.day_tenths) : "-") +
              " on_top_of=" + (e.on_top_of.empty() ? "-" : e.on_top_of) + " cost=" + cents(e.cost_cents)};
    if (e.day_rate_cents) {
        out.push_back("day_rate=" + cents(e.day_rate_cents) + " travel=" + cents(e.travel_cents));
    }
    if (!e.note.empty()) {
        out.push_back("note: " + e.note);
    }
    return out;
}

Result<Lines> CaseState::scope_command(std::vector<std::string> const& w)
{
    auto const* fw = TRY(framework());
    std::map<std::string, double> groups;
    for (auto const& [key, value] : key_values(w, 1)) {
        char* end = nullptr;
        double const fte = std::strtod(value.c_str(), &end);
        if (value.empty() || *end != '\0') {
            return Error::invalid("case", "geen getal bij " + key);
        }
        groups[key] = fte;
    }
    auto const scope = TRY(compute_scope_fte(*fw, groups));
    Lines out{"total=" + number(scope.total)};
    for (auto const& line : scope.lines) {
        if (line.fte > 0) {
            out.push_back(line.key + "=" + number(line.fte) + (line.counts ? " telt mee" : " telt niet mee"));
        }
    }
    return out;
}

Result<Lines> CaseState::date_command(std::vector<std::string> const& w)
{
    auto const* fw = TRY(framework());
    auto const& p = fw->procedure;
    auto const date_arg = [&](size_t i) -> Result<Date> {
        if (i >= w.size()) {
            return Error::invalid("case", "datum ontbreekt");
        }
        return Date::parse(w[i], "date");
    };
    auto const show = [](Date d) { return d.iso() + " " + dutch_weekday(d.weekday()); };
    std::string const& what = w[0];
    if (what == "deadline") {
        auto const kind = TRY(deadline_kind(w.size() > 1 ? w[1] : ""));
        auto const d = deadline_for(p, kind, TRY(date_arg(2)));
        return Lines{"due=" + show(d.due) + " after=" + d.rule.after + " period=" + d.rule.period.dutch() +
                     " actor=" + d.rule.actor + " source=" + d.rule.source};
    }
    if (what == "status") {
        auto const kind = TRY(deadline_kind(w.size() > 1 ? w[1] : ""));
        auto const d = deadline_for(p, kind, TRY(date_arg(2)));
        return Lines{deadline_status_key(deadline_status(d, TRY(date_arg(3))))};
    }
    if (what == "certificate") {
        std::optional<Date> previous;
        if (w.size() > 2) {
            previous = TRY(date_arg(2));
        }
        auto const t = certificate_term(p, TRY(date_arg(1)), previous);
        return Lines{"starts=" + t.starts.iso() + " valid_through=" + t.valid_through.iso() +
                     " expires=" + t.expires.iso()};
    }
    if (what == "suspension") {
        auto const s = suspension_window(p, TRY(date_arg(1)));
        return Lines{"from=" + s.from.iso() + " through=" + s.through.iso()};
    }
    if (what == "notice") {
        return Lines{show(expiry_notice_date(p, TRY(date_arg(1))))};
    }
    if (what == "reminders") {
        std::vector<std::string> dates;
        for (auto const& d : reminder_dates(p, TRY(date_arg(1)))) {
            dates.push_back(d.iso());
        }
        return Lines{join(dates, " ")};
    }
    if (what == "postpone") {
        return Lines{show(latest_audit_after_self_evaluation(p, TRY(date_arg(1))))};
    }
    return Error::invalid("case", "onbekende opdracht '" + what + "'");
}

Result<Lines> CaseState::run(std::string const& command)
{
    auto const w = words(command);
    if (w.empty()) {
        return Lines{};
    }
    std::string const& verb = w[0];
    if (verb == "framework") {
        m_framework = TRY(load_builtin_framework(w.size() > 1 ? w[1] : ""));
        m_verdicts.clear();
        return Lines{};
    }
    if (verb == "set" && w.size() == 3) {
        auto* fw = const_cast<NormFramework*>(TRY(framework()));
        int const value = std::stoi(w[2]);
        (w[1] == "max_not_met" ? fw->procedure.max_not_met : fw->procedure.max_partly) = value;
        return Lines{};
    }
    if (verb == "verdicts") {
        return set_verdicts(w);
    }
    if (verb == "verdict" && w.size() == 3) {
        m_verdicts[w[1]] = w[2];
        return Lines{};
    }
    if (verb == "unset" && w.size() == 2) {
        m_verdicts.erase(w[1]);
        return Lines{};
    }
    if (verb == "advice" || verb == "scenario") {
        VerdictMap verdicts;
        auto const a = TRY(current_advice(verdicts));
        if (verb == "scenario") {
            return Lines{scenario_key(a.scenario)};
        }
        return Lines{"scenario " + scenario_key(a.scenario),
                     "counts met=" + std::to_string(a.counts.met) + " partly=" + std::to_string(a.counts.partly) +
                         " not_met=" + std::to_string(a.counts.not_met) +
                         " not_applicable=" + std::to_string(a.counts.not_applicable),
                     "plan " + (a.plan_norms.empty() ? std::string("-") : join(a.plan_norms, " "))};
    }
    if (verb == "table" || verb == "can_advise") {
        auto const* fw = TRY(framework());
        auto const verdicts = TRY(parse_verdicts(*fw, m_verdicts, Completeness::AllowUnassessed));
        if (verb == "can_advise") {
            TRY(can_advise(*fw, verdicts));
            return Lines{"ok"};
        }
        auto const table = overall_table(*fw, verdicts);
        Lines out;
        for (auto const& row : table.rows) {
            out.push_back(row.rubric_code + " + " + numbers(row.met) + " | +/- " + numbers(row.partly) + " | - " +
                          numbers(row.not_met) + " | n.v.t. " + numbers(row.not_applicable) + " | open " +
                          numbers(row.not_assessed));
        }
        auto const& t = table.totals;
        auto const of = [&](int n) { return std::to_string(n) + " van de " + std::to_string(table.norm_count); };
        out.push_back("totaal + " + of(t.met) + " | +/- " + of(t.partly) + " | - " + of(t.not_met) + " | n.v.t. " +
                      of(t.not_applicable) + " | open " + of(t.not_assessed));
        return out;
    }
    if (verb == "estimate") {
        return estimate_command(w);
    }
    if (verb == "scope") {
        return scope_command(w);
    }
    if (verb == "add" && w.size() == 4) {
        auto const d = TRY(Date::parse(w[1], "date"));
        int const amount = std::stoi(w[2]);
        std::map<std::string, PeriodUnit> const units{
            {"days", PeriodUnit::Days}, {"weeks", PeriodUnit::Weeks}, {"months", PeriodUnit::Months},
            {"years", PeriodUnit::Years}};
        if (units.count(w[3]) == 0) {
            return Error::invalid("case", "onbekende eenheid " + w[3]);
        }
        auto const result = Period{amount, units.at(w[3])}.after(d);
        return Lines{result.iso() + " " + dutch_weekday(result.weekday())};
    }
    return date_command(w);
}

struct Totals {
    int passed = 0;
    int failed = 0;
};

void run_file(std::filesystem::path const& path, Totals& totals)
{
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string error;
    auto const file = parse_case_file(path.string(), buffer.str(), error);
    if (!error.empty()) {
        std::cout << "FAIL " << path.string() << ": " << error << "\n";
        ++totals.failed;
        return;
    }
    CaseState state;
    for (auto const& record : file.records) {
        std::string command = record.command;
        bool const expect_error = command.rfind("error ", 0) == 0;
        bool const is_query = command.rfind("query ", 0) == 0;
        if (expect_error || is_query) {
            command = command.substr(6);
        }
        auto const result = state.run(command);
        std::string const where = path.filename().string() + ":" + std::to_string(record.line);
        bool ok = true;
        std::string detail;
        if (expect_error && record.expected.empty()) {
            ok = false;
            detail = "een error-record noemt de verwachte fouttekst na '----'";
        } else if (expect_error) {
            std::string const wanted = join(record.expected, "\n");
            ok = !result.ok() && result.error().message.find(wanted) != std::string::npos;
            detail = result.ok() ? "verwachtte een fout, kreeg: " + join(*result, " / ")
                                 : "fout '" + result.error().message + "' bevat niet '" + wanted + "'";
        } else if (!result.ok()) {
            ok = false;
            detail = "onverwachte fout: " + result.error().message;
        } else if (is_query || record.has_expectation) {
            ok = *result == record.expected;
            detail = "verwacht:\n    " + join(record.expected, "\n    ") + "\n  kreeg:\n    " + join(*result, "\n    ");
        }
        bool const is_check = expect_error || is_query || record.has_expectation;
        if (ok && is_check) {
            ++totals.passed;
        } else if (!ok) {
            ++totals.failed;
            std::cout << "FAIL " << where << ": " << record.command << "\n  " << detail << "\n";
        }
    }
}

}  // namespace

}  // namespace sterk::rules_test

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "gebruik: rule_case_runner MAP\n";
        return 2;
    }
    std::vector<std::filesystem::path> files;
    for (auto const& entry : std::filesystem::recursive_directory_iterator(argv[1])) {
        if (entry.path().extension() == ".case") {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    sterk::rules_test::Totals totals;
    for (auto const& file : files) {
        sterk::rules_test::run_file(file, totals);
    }
    std::cout << files.size() << " case files\n";
    std::cout << totals.passed << " passed, " << totals.failed << " failed\n";
    return totals.failed == 0 && totals.passed > 0 ? 0 : 1;
}
