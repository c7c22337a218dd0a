// Who may audit whom: the auditors registry's rules and the team check at planning (B5 A7, B6 §2,
// B9, §2.2 ad 3). Every refusal names the auditor.
#include "core/registry/audit_team.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sterk {
namespace {

constexpr Id CI = 10;
constexpr Id OTHER_CI = 11;
constexpr Id MEMBER = 20;  // audited
constexpr Id PEER_MEMBER = 21;
constexpr Id THIRD_MEMBER = 22;

Date d(int y, int m, int day)
{
    return Date::from_ymd(y, m, day);
}

std::string name_of(Id id)
{
    switch (id) {
    case CI: return "CI Toetsbureau";
    case OTHER_CI: return "Andere CI";
    case MEMBER: return "Welzijn Samen";
    case PEER_MEMBER: return "Stichting WijkKracht";
    case THIRD_MEMBER: return "Buurtwerk Oost";
    default: return "?";
    }
}

Auditor auditor(Id id, std::string name, AuditorRole role, Id organisation)
{
    Auditor a;
    a.id = id;
    a.name = std::move(name);
    a.email = "a" + std::to_string(id) + "@example.org";
    a.role = role;
    a.organisation_id = organisation;
    a.declaration_received_on = d(2026, 1, 5);
    return a;
}

AuditTarget target(std::string variant = "ci")
{
    return AuditTarget{CI, MEMBER, std::move(variant), d(2026, 3, 9), d(2026, 3, 10)};
}

std::vector<Auditor> registry()
{
    return {auditor(1, "Tessa Leider", AuditorRole::TeamLeader, CI),
            auditor(2, "Bram Beoordelaar", AuditorRole::Assessor, CI),
            auditor(3, "Piet Peer", AuditorRole::Peer, PEER_MEMBER),
            auditor(4, "Olga Ander", AuditorRole::TeamLeader, OTHER_CI),
            auditor(5, "Eva Eigen", AuditorRole::Peer, MEMBER),
            auditor(6, "Kees Derde", AuditorRole::Peer, THIRD_MEMBER)};
}

std::vector<std::string> check(std::vector<TeamMember> const& team, std::vector<Auditor> const& auditors = registry(),
                               AuditTarget const& t = target())
{
    return check_audit_team(team, auditors, t, name_of);
}

bool mentions(std::vector<std::string> const& problems, std::string const& text)
{
    return std::any_of(problems.begin(), problems.end(),
                       [&](auto const& p) { return p.find(text) != std::string::npos; });
}

TEST(AuditTeam, ACiTeamWithOneTeamLeaderAndItsAssessorMayAudit)
{
    EXPECT_TRUE(check({{1, "team_leader"}, {2, "assessor"}}).empty());
    EXPECT_TRUE(check({{1, "team_leader"}}).empty());
    // A team leader may serve as an assessor under another team leader.
    auto auditors = registry();
    auditors.push_back(auditor(7, "Lies Tweede", AuditorRole::TeamLeader, CI));
    EXPECT_TRUE(check({{1, "team_leader"}, {7, "assessor"}}, auditors).empty());
}

TEST(AuditTeam, ExactlyOneTeamLeader)
{
    EXPECT_EQ(check({}), std::vector<std::string>{"Het toetsteam heeft een teamleider van CI Toetsbureau nodig."});
    EXPECT_EQ(check({{2, "assessor"}}),
              std::vector<std::string>{"Het toetsteam heeft een teamleider van CI Toetsbureau nodig."});
    auto auditors = registry();
    auditors.push_back(auditor(7, "Lies Tweede", AuditorRole::TeamLeader, CI));
    EXPECT_EQ(check({{1, "team_leader"}, {7, "team_leader"}}, auditors),
              std::vector<std::string>{"Het toetsteam heeft precies één teamleider; nu zijn dat er 2: Tessa Leider, Lies Tweede."});
    // An assessor cannot lead.
    EXPECT_TRUE(mentions(check({{2, "team_leader"}}), "Bram Beoordelaar is beoordelaar en kan geen teamleider zijn."));
}

TEST(AuditTeam, AnAuditorWithoutADeclarationBeforeDayOneIsRefusedByName)
{
    std::string const refused =
        "Voor Bram Beoordelaar is geen ondertekende gedragscode en geheimhoudingsverklaring (B9) ontvangen vóór de eerste toetsdag.";
    auto auditors = registry();
    auditors[1].declaration_received_on.reset();
    EXPECT_EQ(check({{1, "team_leader"}, {2, "assessor"}}, auditors), std::vector<std::string>{refused});
    // Received on day 1 itself is too late (B6 §2: "voor de 1e auditdag"); the day before will do.
    auditors[1].declaration_received_on = d(2026, 3, 9);
    EXPECT_EQ(check({{1, "team_leader"}, {2, "assessor"}}, auditors), std::vector<std::string>{refused});
    auditors[1].declaration_received_on = d(2026, 3, 8);
    EXPECT_TRUE(check({{1, "team_leader"}, {2, "assessor"}}, auditors).empty());
}

TEST(AuditTeam, AnAuditorTiedToTheAuditedMemberIsRefusedNamingTheTie)
{
    auto auditors = registry();
    auditors[1].ties.push_back({MEMBER, TieKind::Advises, d(2025, 1, 1), std::nullopt});
    EXPECT_EQ(check({{1, "team_leader"}, {2, "assessor"}}, auditors),
              std::vector<std::string>{"Bram Beoordelaar adviseert Welzijn Samen en mag deze organisatie niet toetsen."});
    auditors[1].ties[0].kind = TieKind::WorksFor;
    EXPECT_EQ(check({{1, "team_leader"}, {2, "assessor"}}, auditors),
              std::vector<std::string>{"Bram Beoordelaar werkt voor Welzijn Samen en mag deze organisatie niet toetsen."});
    auditors[1].ties[0].kind = TieKind::MemberOf;
    EXPECT_EQ(check({{1, "team_leader"}, {2, "assessor"}}, auditors),
              std::vector<std::string>{"Bram Beoordelaar is lid van Welzijn Samen en mag deze organisatie niet toetsen."});
}

TEST(AuditTeam, ATieCountsWhenItRunsOnAnAuditDay)
{
    auto auditors = registry();
    // Ended the day before day 1: no longer tied.
    auditors[1].ties.push_back({MEMBER, TieKind::WorksFor, d(2020, 1, 1), d(2026, 3, 8)});
    EXPECT_TRUE(check({{1, "team_leader"}, {2, "assessor"}}, auditors).empty());
    // Ends on day 1, or starts on the last audit day: tied.
    auditors[1].ties[0].until = d(2026, 3, 9);
    EXPECT_FALSE(check({{1, "team_leader"}, {2, "assessor"}}, auditors).empty());
    auditors[1].ties[0] = {MEMBER, TieKind::Advises, d(2026, 3, 10), std::nullopt};
    EXPECT_FALSE(check({{1, "team_leader"}, {2, "assessor"}}, auditors).empty());
    // A tie with another organisation does not matter here.
    auditors[1].ties[0] = {PEER_MEMBER, TieKind::WorksFor, d(2020, 1, 1), std::nullopt};
    EXPECT_TRUE(check({{1, "team_leader"}, {2, "assessor"}}, auditors).empty());
}

TEST(AuditTeam, AnAuditorOfAnotherCiOrAnInactiveOneIsRefused)
{
    auto const other = check({{4, "team_leader"}});
    EXPECT_EQ(other, std::vector<std::string>{"Olga Ander is auditor van Andere CI, niet van CI Toetsbureau die deze toetsing uitvoert."});
    auto auditors = registry();
    auditors[1].active = false;
    EXPECT_EQ(check({{1, "team_leader"}, {2, "assessor"}}, auditors),
              std::vector<std::string>{"Bram Beoordelaar is niet (meer) actief als auditor."});
}

TEST(AuditTeam, PeerAuditorsJoinOnlyThePeerVariantAndNeverAuditTheirOwnMember)
{
    // Variant peer: the CI's team leader and at least one peer auditor of another member.
    EXPECT_TRUE(check({{1, "team_leader"}, {3, "peer"}, {6, "peer"}}, registry(), target("peer")).empty());
    EXPECT_EQ(check({{1, "team_leader"}, {2, "assessor"}}, registry(), target("peer")),
              std::vector<std::string>{"Bij intercollegiale toetsing (variant peer) toetst minstens één branchetoetser "
                                       "van een ander lid mee: zet er een in het team."});
    // Its own member: an implicit tie.
    EXPECT_EQ(check({{1, "team_leader"}, {3, "peer"}, {5, "peer"}}, registry(), target("peer")),
              std::vector<std::string>{"Eva Eigen is lid van Welzijn Samen en mag deze organisatie niet toetsen."});
    // Not in a CI audit; and a peer auditor cannot lead or be put in as an assessor.
    EXPECT_TRUE(mentions(check({{1, "team_leader"}, {3, "peer"}}), "Piet Peer is branchetoetser; branchetoetsers toetsen "
                                                                    "alleen mee bij intercollegiale toetsing (variant peer)."));
    EXPECT_TRUE(mentions(check({{3, "team_leader"}}, registry(), target("peer")),
                         "Piet Peer is branchetoetser en kan geen teamleider zijn."));
    EXPECT_TRUE(mentions(check({{1, "team_leader"}, {3, "assessor"}, {6, "peer"}}, registry(), target("peer")),
                         "Piet Peer is branchetoetser: zet deze auditor als branchetoetser in het team"));
    EXPECT_TRUE(mentions(check({{1, "team_leader"}, {2, "peer"}, {6, "peer"}}, registry(), target("peer")),
                         "Bram Beoordelaar is beoordelaar en geen branchetoetser."));
}

TEST(AuditTeam, EveryProblemIsReportedAtOnceAndUnknownOrRepeatedAuditorsAreNamed)
{
    auto auditors = registry();
    auditors[1].declaration_received_on.reset();
    auditors[1].ties.push_back({MEMBER, TieKind::WorksFor, d(2025, 1, 1), std::nullopt});
    auto const problems = check({{2, "assessor"}, {2, "assessor"}, {99, "assessor"}}, auditors);
    EXPECT_EQ(problems.size(), 5u) << problems.size();
    EXPECT_TRUE(mentions(problems, "teamleider van CI Toetsbureau nodig"));
    EXPECT_TRUE(mentions(problems, "Voor Bram Beoordelaar is geen ondertekende"));
    EXPECT_TRUE(mentions(problems, "Bram Beoordelaar werkt voor Welzijn Samen"));
    EXPECT_TRUE(mentions(problems, "Bram Beoordelaar staat meer dan eens in het team."));
    EXPECT_TRUE(mentions(problems, "Auditor 99 staat niet in het auditorenregister."));
}

TEST(Auditor, ValidationNamesEveryFieldAndTheOrganisationMustFitTheRole)
{
    auto const kind_of = [](Id id) -> std::optional<OrganisationKind> {
        if (id == CI) {
            return OrganisationKind::CertificationBody;
        }
        if (id == MEMBER || id == PEER_MEMBER) {
            return OrganisationKind::Member;
        }
        return std::nullopt;
    };
    Auditor a = auditor(0, "", AuditorRole::Peer, CI);
    a.email = "geen-adres";
    a.declaration_received_on = d(2026, 6, 2);
    a.ties.push_back({OTHER_CI, TieKind::WorksFor, d(2026, 1, 1), std::nullopt});
    a.ties.push_back({MEMBER, TieKind::Advises, d(2026, 1, 1), d(2025, 12, 31)});
    std::vector<std::string> fields;
    for (auto const& e : validate_auditor(a, kind_of, d(2026, 6, 1))) {
        fields.push_back(e.field);
    }
    EXPECT_EQ(fields, (std::vector<std::string>{"name", "email", "organisation_id", "declaration_received_on",
                                                 "ties[0].organisation_id", "ties[1].until"}));
    Auditor ok = auditor(0, "Tessa Leider", AuditorRole::TeamLeader, CI);
    EXPECT_TRUE(validate_auditor(ok, kind_of, d(2026, 6, 1)).empty());
    ok.role = AuditorRole::Peer;
    EXPECT_EQ(validate_auditor(ok, kind_of, d(2026, 6, 1)).front().message,
              "Een branchetoetser hoort bij een lidorganisatie: kies het lid dat de branchetoetser voordraagt.");
}

TEST(Auditor, KeysRoundTrip)
{
    for (auto role : {AuditorRole::TeamLeader, AuditorRole::Assessor, AuditorRole::Peer}) {
        EXPECT_EQ(parse_auditor_role(auditor_role_key(role)), role);
    }
    for (auto kind : {TieKind::WorksFor, TieKind::Advises, TieKind::MemberOf}) {
        EXPECT_EQ(parse_tie_kind(tie_kind_key(kind)), kind);
    }
    EXPECT_FALSE(parse_auditor_role("lead").has_value());
    EXPECT_FALSE(parse_tie_kind("friend").has_value());
}

}  // namespace
}  // namespace sterk
