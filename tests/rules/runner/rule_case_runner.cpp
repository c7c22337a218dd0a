// rule_case_runner DIR: runs every *.case file under DIR against the core rules and prints
// "N passed, N failed". The commands are documented in tests/rules/README.md.
#include "adapters/config/data_files.h"
#include "core/certificate/certificate.h"
#include "core/estimate/estimate.h"
#include "core/evaluation/scope_fte.h"
#include "core/registry/peer_pool.h"
#include "core/rules/advice.h"
#include "core/rules/deadlines.h"
#include "core/text.h"
#include "core/trajectory/trajectory.h"
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
    Result<Lines> audit_scope_command(std::vector<std::string> const& w);
    Result<Lines> date_command(std::vector<std::string> const& w);
    Result<DeadlineKind> deadline_kind(std::string const& key);
    Result<Lines> trajectory_command(std::vector<std::string> const& w);
    Result<Lines> event_command(std::vector<std::string> const& w);
    Result<Lines> trajectory_query(std::vector<std::string> const& w);
    Result<Lines> book_command(std::vector<std::string> const& w);

    std::optional<NormFramework> m_framework;
    std::vector<Certificate> m_book;  // the certificates issued in this case file
    std::map<std::string, std::string> m_verdicts;
    TrajectoryKind m_kind = TrajectoryKind::Initial;
    std::optional<PreviousCertificate> m_previous;
    std::vector<RawEvent> m_events;
};

// `trajectory initial` / `trajectory recertification NUMBER EXPIRES`: a new, empty event log.
Result<Lines> CaseState::trajectory_command(std::vector<std::string> const& w)
{
    auto const kind = parse_trajectory_kind(w.size() > 1 ? w[1] : "");
    if (!kind) {
        return Error::invalid("case", "verwacht: trajectory initial | trajectory recertification NUMMER VERVALDATUM");
    }
    m_kind = *kind;
    m_previous.reset();
    m_events.clear();
    if (w.size() == 4) {
        m_previous = PreviousCertificate{w[2], TRY(Date::parse(w[3], "expires"))};
    }
    return Lines{};
}

// `event DATE KEY [field=value ...]`: appends a raw event; findings_final and additional_audit_held
// carry the verdicts set so far. The core checks it when the log is queried.
Result<Lines> CaseState::event_command(std::vector<std::string> const& w)
{
    if (w.size() < 3) {
        return Error::invalid("case", "verwacht: event DATUM GEBEURTENIS [veld=waarde ...]");
    }
    RawEvent raw{w[1], w[2], {}, std::nullopt};
    for (auto const& [key, value] : key_values(w, 3)) {
        raw.fields[key] = value;
    }
    if (w[2] == "findings_final" || w[2] == "additional_audit_held") {
        raw.verdicts = m_verdicts;
    }
    m_events.push_back(std::move(raw));
    return Lines{};
}

// `route DATE`, `deadlines DATE`, `actions DATE`, `certificate_dates DATE`, `previous DATE`, `previous_check DATE`,
// `notes DATE`, `plan DATE`: the log seen on DATE.
Result<Lines> CaseState::trajectory_query(std::vector<std::string> const& w)
{
    auto const* fw = TRY(framework());
    bool const one_deadline = w[0] == "deadline_status";
    if (w.size() != (one_deadline ? 3u : 2u)) {
        return Error::invalid("case", "verwacht: " + w[0] + (one_deadline ? " TERMIJN" : "") + " DATUM");
    }
    Date const today = TRY(Date::parse(w.back(), "date"));
    TrajectoryLog log{m_kind, m_previous, {}};
    for (size_t i = 0; i < m_events.size(); ++i) {
        log.events.push_back(TRY(parse_event(*fw, m_events[i], i)));
    }
    auto const view = TRY(evaluate_trajectory(*fw, log, today));
    auto const show = [](Date d) { return d.iso() + " " + dutch_weekday(d.weekday()); };
    Lines out;
    if (w[0] == "route") {
        out.push_back("state " + state_key(view.state));
        out.push_back("scenario " + (view.scenario ? scenario_key(*view.scenario) : std::string("-")));
        out.push_back(std::string("advice ") +
                      (view.advice ? (*view.advice == AdviceOutcome::Positive ? "positive" : "negative") : "-"));
    } else if (w[0] == "deadlines") {
        for (auto const& d : view.deadlines) {
            out.push_back(d.rule.key + " " + d.rule.actor + " after=" + d.after + " due=" + show(d.due) + " " +
                          deadline_state_key(d.state) + (d.met_on ? " " + d.met_on->iso() : ""));
        }
    } else if (one_deadline) {
        // The latest instance of the deadline (a Part A checked twice has two).
        for (auto const& d : view.deadlines) {
            if (d.rule.key == w[1]) {
                out = Lines{deadline_state_key(d.state) + " due=" + d.due.iso() + (d.met_on ? " on=" + d.met_on->iso() : "")};
            }
        }
        if (out.empty()) {
            out.push_back("not started");
        }
    } else if (w[0] == "actions") {
        for (auto const& a : view.actions) {
            out.push_back(a.actor + " " + a.key + (a.due ? " " + a.due->iso() : "") +
                          (a.status == DeadlineStatus::Open ? "" : " " + deadline_status_key(a.status)));
        }
    } else if (w[0] == "certificate_dates") {
        out.push_back(view.certificate ? "valid_from=" + view.certificate->valid_from.iso() +
                                             " valid_through=" + view.certificate->valid_through.iso() +
                                             " expires=" + view.certificate->expires.iso()
                                       : "-");
    } else if (w[0] == "plan") {
        out.push_back("stage " + plan_stage_key(view.plan) + " rounds " + std::to_string(view.plan_rounds));
        out.push_back("norms " + (view.findings && !view.findings->plan_norms.empty() ? join(view.findings->plan_norms)
                                                                                     : std::string("-")));
    } else if (w[0] == "previous_check") {
        if (!view.previous_check) {
            return Lines{"-"};
        }
        auto const& c = *view.previous_check;
        out.push_back("number=" + c.number + " expires=" + c.expires.iso() + " checked_on=" + c.checked_on.iso() +
                      (c.differs ? " differs" : ""));
    } else if (w[0] == "previous") {
        if (!view.previous_certificate) {
            return Lines{"-"};
        }
        auto const& p = *view.previous_certificate;
        std::string line = previous_status_key(p.status);
        if (p.suspended_through) {
            line += " through=" + p.suspended_through->iso();
        }
        if (p.lapsed_on) {
            line += " on=" + p.lapsed_on->iso();
        }
        out.push_back(line);
    } else {
        out = view.notes;
    }
    return out;
}

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
    if (!kv["km"].empty()) {
        request.km = TRY(parse_distance(kv["km"], "km"));
    }
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
    if (!e.travel_cents && e.travel_note.rfind("plus ", 0) == 0) {
        out.push_back("travel_note: " + e.travel_note);
    }
    return out;
}

// `audit_scope whole` / `audit_scope NAME, NAME, ...`: what the certificate will cover.
Result<Lines> CaseState::audit_scope_command(std::vector<std::string> const& w)
{
    std::string rest;
    for (std::size_t i = 1; i < w.size(); ++i) {
        rest += (i > 1 ? " " : "") + w[i];
    }
    std::vector<std::string> names;
    std::size_t start = 0;
    while (start <= rest.size()) {
        auto const comma = rest.find(',', start);
        names.push_back(rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (comma == std::string::npos) {
            break;
        }
        start = comma + 1;
    }
    auto const scope = TRY(audit_scope(rest == "whole", rest == "whole" ? std::vector<std::string>{} : names));
    if (scope.whole) {
        return Lines{"whole"};
    }
    Lines out;
    for (auto const& name : scope.werksoorten) {
        out.push_back("werksoort " + name);
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

// `peer_visits A B C ...`: the pool's members by name, in its order; each visit as
// "AUDITED <- AUDITOR AUDITOR". A pool the rule refuses is the first field error.
Result<Lines> peer_visits_command(std::vector<std::string> const& w)
{
    std::vector<std::string> const names(w.begin() + 1, w.end());
    std::map<std::string, Id> ids;
    PeerPool pool;
    pool.name = "pool";
    pool.ci_id = 1;
    for (auto const& name : names) {
        pool.members.push_back(ids.emplace(name, static_cast<Id>(ids.size() + 1)).first->second);
    }
    if (auto const errors = validate_peer_pool(pool); !errors.empty()) {
        return errors.front();
    }
    auto const name_of = [&](Id id) {
        for (auto const& [name, value] : ids) {
            if (value == id) {
                return name;
            }
        }
        return std::string("?");
    };
    Lines out;
    for (auto const& visit : propose_peer_visits(pool.members)) {
        std::vector<std::string> auditors;
        for (Id a : visit.auditors) {
            auditors.push_back(name_of(a));
        }
        out.push_back(name_of(visit.audited) + " <- " + join(auditors, " "));
    }
    return out;
}

// The certificate book (core/certificate/certificate.h): `issue DATE NAME [renews NUMBER]`,
// `reissue NUMBER DATE [name=X] [scope=X] [from=D] [through=D] [expires=D] [reason=TEXT...]`,
// `withdraw NUMBER DATE [reason=TEXT...]`, `renewal NUMBER [accepted=D] [positive=D] [ended=D]`,
// `live NUMBER DATE`, `number TEXT`, `fold TEXT...`, `book` (every certificate with its status).
Result<Lines> CaseState::book_command(std::vector<std::string> const& w)
{
    auto const* fw = TRY(framework());
    auto const& p = fw->procedure;
    auto const arg = [&](size_t i) -> std::string { return i < w.size() ? w[i] : std::string{}; };
    auto const find = [&](std::string const& number) -> Result<Certificate*> {
        for (auto& c : m_book) {
            if (c.number == number) {
                return &c;
            }
        }
        return Error::invalid("case", "onbekend certificaat " + number);
    };
    auto const used = [&](int year) {
        std::vector<int> out;
        for (auto const& c : m_book) {
            if (c.year == year) {
                out.push_back(c.sequence);
            }
        }
        return out;
    };
    // options: key=value words from `from`; reason= takes the rest of the line.
    auto const options = [&](size_t from) {
        std::map<std::string, std::string> out;
        for (size_t i = from; i < w.size(); ++i) {
            auto const eq = w[i].find('=');
            if (eq == std::string::npos) {
                continue;
            }
            auto const key = w[i].substr(0, eq);
            if (key == "reason") {
                std::vector<std::string> rest{w[i].substr(eq + 1)};
                rest.insert(rest.end(), w.begin() + static_cast<long>(i) + 1, w.end());
                out[key] = join(rest, " ");
                break;
            }
            out[key] = w[i].substr(eq + 1);
        }
        return out;
    };
    auto const show = [](Certificate const& c) {
        return c.number + " " + c.member_name + " starts=" + c.valid_from.iso() + " valid_through=" +
               c.valid_through.iso() + " expires=" + c.expires.iso() +
               (c.supersedes.empty() ? std::string{} : " supersedes=" + c.supersedes);
    };
    std::string const& verb = w[0];
    if (verb == "number") {
        auto const n = TRY(parse_certificate_number(arg(1)));
        return Lines{"year=" + std::to_string(n.year) + " sequence=" + std::to_string(n.sequence)};
    }
    if (verb == "fold") {
        return Lines{fold_for_search(join(std::vector<std::string>(w.begin() + 1, w.end()), " "))};
    }
    if (verb == "issue") {
        auto const on = TRY(Date::parse(arg(1), "date"));
        std::optional<Date> previous_expiry;
        std::string renews;
        if (arg(3) == "renews") {
            auto* old = TRY(find(arg(4)));
            previous_expiry = old->expires;
            renews = old->number;
        }
        auto const term = certificate_term(p, on, previous_expiry);
        auto c = TRY(issue_certificate({1, arg(2), "", "", "", "Werksoorten: jongerenwerk", std::nullopt}, on, term,
                                       next_certificate_sequence(used(on.year()))));
        c.supersedes = renews;
        if (!renews.empty()) {
            auto* old = TRY(find(renews));
            old->status = CertificateStatus::Superseded;
            old->status_on = on;
            old->superseded_by = c.number;
        }
        m_book.push_back(c);
        return Lines{show(c)};
    }
    if (verb == "reissue") {
        auto* old = TRY(find(arg(1)));
        auto const on = TRY(Date::parse(arg(2), "date"));
        auto const o = options(3);
        Correction correction;
        if (o.count("name")) correction.member_name = o.at("name");
        if (o.count("scope")) correction.scope = o.at("scope");
        if (o.count("from")) correction.valid_from = TRY(Date::parse(o.at("from"), "from"));
        if (o.count("through")) correction.valid_through = TRY(Date::parse(o.at("through"), "through"));
        if (o.count("expires")) correction.expires = TRY(Date::parse(o.at("expires"), "expires"));
        correction.reason = o.count("reason") ? o.at("reason") : "";
        auto const made = TRY(reissue_certificate(*old, correction, on, next_certificate_sequence(used(on.year()))));
        *old = made.superseded;
        Lines out{show(made.replacement), old->number + " superseded on " + old->status_on->iso() + " by " +
                                              old->superseded_by};
        m_book.push_back(made.replacement);  // (invalidates `old`)
        return out;
    }
    if (verb == "withdraw") {
        auto* old = TRY(find(arg(1)));
        auto const o = options(3);
        *old = TRY(withdraw_certificate(*old, TRY(Date::parse(arg(2), "date")), o.count("reason") ? o.at("reason") : ""));
        return Lines{old->number + " withdrawn on " + old->status_on->iso() + ": " + old->reason};
    }
    if (verb == "renewal") {
        auto* c = TRY(find(arg(1)));
        auto const o = options(2);
        auto const date = [&](char const* key) -> Result<std::optional<Date>> {
            if (!o.count(key)) {
                return std::optional<Date>{};
            }
            return std::optional<Date>{TRY(Date::parse(o.at(key), key))};
        };
        c->renewal = Renewal{TRY(date("accepted")), TRY(date("positive")), TRY(date("ended"))};
        return Lines{};
    }
    if (verb == "live") {
        auto* c = TRY(find(arg(1)));
        auto const live = live_status(p, *c, TRY(Date::parse(arg(2), "date")));
        return Lines{certificate_status_key(live.status) + " since=" + live.since.iso() +
                     (live.suspended_through ? " through=" + live.suspended_through->iso() : std::string{}) +
                     (in_register(live.status) ? " listed" : " unlisted")};
    }
    Lines out;
    for (auto const& c : m_book) {
        out.push_back(c.number + " " + certificate_status_key(c.status));
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
        std::optional<Date> agreed;
        if (w.size() > 2) {
            agreed = TRY(date_arg(2));
        }
        std::vector<std::string> dates;
        for (auto const& d : reminder_dates(p, TRY(date_arg(1)), agreed)) {
            dates.push_back(d.iso());
        }
        return dates.empty() ? Lines{} : Lines{join(dates, " ")};
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
    if (verb == "advice_notes") {
        VerdictMap verdicts;
        auto const a = TRY(current_advice(verdicts));
        auto const blocked = positive_advice_blocked(a);
        return Lines{"always_applicable_nvt " + (a.always_applicable_not_applicable.empty()
                                                     ? std::string("-")
                                                     : join(a.always_applicable_not_applicable, " ")),
                     "positive " + (blocked ? std::string("possible") : blocked.error().message)};
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
    if (verb == "trajectory") {
        return trajectory_command(w);
    }
    if (verb == "event") {
        return event_command(w);
    }
    if (verb == "route" || verb == "deadlines" || verb == "deadline_status" || verb == "actions" || verb == "certificate_dates" ||
        verb == "previous" || verb == "previous_check" || verb == "notes" || verb == "plan") {
        return trajectory_query(w);
    }
    if (verb == "scope") {
        return scope_command(w);
    }
    if (verb == "audit_scope") {
        return audit_scope_command(w);
    }
    if (verb == "peer_visits") {
        return peer_visits_command(w);
    }
    if (verb == "issue" || verb == "reissue" || verb == "withdraw" || verb == "renewal" || verb == "live" ||
        verb == "number" || verb == "fold" || verb == "book") {
        return book_command(w);
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
