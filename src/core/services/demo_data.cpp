// Fictitious audits for demos and benchmarks: see demo_data.h.
#include "core/services/demo_data.h"

#include <array>
#include <string>

namespace sterk {

namespace {

// A small deterministic generator (SplitMix64): the same seed gives the same data everywhere.
class Random {
public:
    explicit Random(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    double unit() { return static_cast<double>(next() >> 11) / static_cast<double>(1ULL << 53); }

private:
    std::uint64_t m_state;
};

constexpr std::array TOWNS{"Amersfoort", "Arnhem", "Breda", "Deventer", "Eindhoven", "Groningen", "Haarlem",
                           "Leeuwarden", "Maastricht", "Nijmegen", "Tilburg", "Utrecht", "Zwolle", "Delft"};
constexpr std::array VARIANTS{"ci", "ci", "ci", "peer", "combi-iso-hkz", "combi-nvvk"};

// Verdicts for one audit: a member's quality decides how often a norm is only partly met or not met.
std::map<std::string, std::string> verdicts(NormFramework const& framework, Random& random)
{
    double const partly = 0.02 + 0.16 * random.unit() * random.unit();
    double const not_met = partly / 5;
    std::map<std::string, std::string> out;
    for (auto const& norm : framework.norms) {
        double const r = random.unit();
        out[norm.code] = r < not_met ? "-" : r < not_met + partly ? "+/-" : r < not_met + partly + 0.015 ? "n.v.t." : "+";
    }
    return out;
}

RawEvent event(Date on, char const* key, std::map<std::string, std::string> fields = {})
{
    return RawEvent{on.iso(), key, std::move(fields), std::nullopt};
}

// route: the events of one audit that starts on `start`, as far as `today` allows.
std::vector<RawEvent> route(NormFramework const& framework, Date start, Date today, Random& random)
{
    std::vector<RawEvent> log;
    auto d = start;
    auto at = [&](int days) { d = d.add_days(days); return d; };
    log.push_back(event(at(0), "self_evaluation_completed"));
    log.push_back(event(at(14 + random.below(30)), "audit_requested"));
    log.push_back(event(at(1 + random.below(7)), "audit_accepted"));
    log.push_back(event(at(1 + random.below(5)), "membership_confirmed"));
    Date const first = d.add_days(30 + random.below(40));
    log.push_back(event(at(2), "audit_planned", {{"first_day", first.iso()}, {"last_day", first.add_days(1).iso()}}));
    d = first.add_days(1);
    log.push_back(event(d, "last_audit_day"));
    log.push_back(event(at(5 + random.below(10)), "concept_sent"));
    log.push_back(event(at(15 + random.below(5)), "findings_final"));
    log.back().verdicts = verdicts(framework, random);
    auto const parsed = parse_verdicts(framework, *log.back().verdicts, Completeness::RequireEveryNorm);
    if (!parsed) {
        return log;
    }
    auto const advice = advise(framework, parsed.value());
    auto certify = [&]() {
        log.push_back(event(at(1 + random.below(5)), "part_a_received"));
        log.push_back(event(at(3 + random.below(10)), "receipt_confirmed"));
        log.push_back(event(at(1 + random.below(10)), "certificate_issued"));
    };
    switch (advice.scenario) {
    case Scenario::AllMet:
        log.push_back(event(at(1 + random.below(5)), "positive_advice"));
        certify();
        break;
    case Scenario::PlanRequired:
        log.push_back(event(at(10 + random.below(18)), "plan_submitted"));
        if (random.below(4) == 0) {
            log.push_back(event(at(5 + random.below(9)), "plan_rejected"));
            log.push_back(event(at(5 + random.below(9)), "revision_submitted"));
        }
        log.push_back(event(at(5 + random.below(9)), "plan_approved"));
        log.push_back(event(at(1 + random.below(3)), "positive_advice"));
        log.push_back(event(at(1 + random.below(6)), "final_report_with_plans_sent"));
        certify();
        break;
    case Scenario::OverThreshold:
        log.push_back(event(at(5 + random.below(20)), "additional_audit_declined"));
        log.push_back(event(at(1 + random.below(5)), "negative_advice", {{"reason", "Boven de grenzen; aanvullende toetsing afgezien."}}));
        break;
    }
    // Only what has happened by today.
    while (!log.empty() && log.back().on > today.iso()) {  // ISO dates sort as text
        log.pop_back();
    }
    return log;
}

}  // namespace

Result<DemoDataSummary> generate_demo_audits(Store& store, EventPayloadCodec const& codec, NormFramework const& framework,
                                             int count, std::uint64_t seed, UnixTime now,
                                             std::function<void(int, int)> const& progress)
{
    Random random(seed);
    Date const today = Date::from_unix_seconds(now);
    std::vector<Id> cis;
    for (auto const& o : TRY(store.organisations().list())) {
        if (o.kind == OrganisationKind::CertificationBody) {
            cis.push_back(o.id);
        }
    }
    DemoDataSummary summary;
    int constexpr BATCH = 100;
    for (int done = 0; done < count;) {
        int const batch = std::min(BATCH, count - done);
        TRY(store.transaction([&]() -> Status {
            if (cis.empty()) {
                Organisation ci{0, OrganisationKind::CertificationBody, "Fictief Certificatiebureau", "", "Utrecht",
                                "info@fictief-certificatiebureau.example", ""};
                cis.push_back(TRY(store.organisations().create(ci)));
            }
            for (int i = 0; i < batch; ++i) {
                int const n = done + i + 1;
                std::string number = std::to_string(n);
                number.insert(0, number.size() < 4 ? 4 - number.size() : 0, '0');
                Organisation member{0, OrganisationKind::Member, std::string("Fictieve welzijnsorganisatie ") + number,
                                    std::string("FICT-") + std::to_string(n), TOWNS[random.below(TOWNS.size())],
                                    std::string("kwaliteit@fictief-") + std::to_string(n) + ".example", ""};
                Id const member_id = TRY(store.organisations().create(member));
                Date const start = today.add_days(-(20 + random.below(4 * 365)));
                auto raw = route(framework, start, today, random);
                // Keep the longest beginning of the log the rules accept (they are the judge, not this file).
                TrajectoryLog log{TrajectoryKind::Initial, std::nullopt, {}};
                std::size_t accepted = 0;
                for (; accepted < raw.size(); ++accepted) {
                    auto parsed = parse_event(framework, raw[accepted], accepted);
                    if (!parsed) {
                        break;
                    }
                    log.events.push_back(parsed.value());
                    if (!evaluate_trajectory(framework, log, today)) {
                        log.events.pop_back();
                        break;
                    }
                }
                raw.resize(accepted);
                // Sizes from a small neighbourhood team to a large city-wide organisation, so every
                // FTE band of the trend analysis has members.
                int const professionals = 6 + random.below(30) + (random.below(3) == 0 ? random.below(150) : 0);
                std::string const scope = R"({"whole":true,"werksoorten":[],"fte":{"professionals_employed":)" +
                                          std::to_string(professionals) + "}}";
                TrajectoryRecord record{0, member_id, cis[random.below(static_cast<int>(cis.size()))], "initial",
                                        VARIANTS[random.below(VARIANTS.size())], framework.version, "", "",
                                        scope, now};
                Id const id = TRY(store.trajectories().create(record));
                for (std::size_t e = 0; e < raw.size(); ++e) {
                    TRY(store.trajectories().append(
                        {id, static_cast<int>(e) + 1, raw[e].on, raw[e].key, codec.encode(raw[e]), std::nullopt, now}));
                }
                auto const view = TRY(evaluate_trajectory(framework, log, today));
                summary.audits += 1;
                summary.events += static_cast<int>(raw.size());
                summary.certified += view.state == TrajectoryState::Certified ? 1 : 0;
                summary.negative += view.state == TrajectoryState::Negative ? 1 : 0;
                summary.running += view.state != TrajectoryState::Certified && view.state != TrajectoryState::Negative ? 1 : 0;
            }
            return ok_status();
        }));
        done += batch;
        if (progress) {
            progress(done, count);
        }
    }
    return summary;
}

}  // namespace sterk
