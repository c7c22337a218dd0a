#include "demo_report.h"

#include "adapters/demo/example_report.h"

#include <map>

namespace sterk {

namespace {

// Who the team spoke with, per rubric (functions and departments, never names: B7).
std::map<std::string, std::vector<FindingSource>> const SOURCES = {
    {"VM",
     {{SourceKind::Interview, "sociaal werker", "Team Wijk Noord", "", std::nullopt},
      {SourceKind::Interview, "jongerenwerker", "Jeugd en Jongeren", "", std::nullopt},
      {SourceKind::Document, "", "", "Scholingsplan 2026", std::nullopt}}},
    {"DV",
     {{SourceKind::Interview, "maatschappelijk werker", "Algemeen Maatschappelijk Werk", "", std::nullopt},
      {SourceKind::Interview, "bewoner en vrijwilliger", "Wijkcentrum De Hoogte", "", std::nullopt},
      {SourceKind::Document, "", "", "Tien ingeziene cliëntdossiers", std::nullopt}}},
    {"OB",
     {{SourceKind::Interview, "bestuurder", "Directie", "", std::nullopt},
      {SourceKind::Interview, "kwaliteitsmedewerker", "Staf", "", std::nullopt},
      {SourceKind::Document, "", "", "Jaarplan en kwartaalrapportages 2026", std::nullopt}}},
};

std::map<std::string, std::vector<std::string>> const DOCUMENTS = {
    {"VM", {"Competentieprofielen sociaal werker en jongerenwerker", "Scholingsplan 2026", "Verslagen intervisie"}},
    {"DV", {"Werkplan Wijk Noord 2026", "Tien cliëntdossiers (steekproef)", "Klachtenregeling en -registratie"}},
    {"OB", {"Jaarverslag 2025", "Meerjarenbeleidsplan 2025-2028", "RI&E met plan van aanpak", "Privacyreglement"}},
};

// B8's Part A lines under the keys of Part A's typed fields (core/report/findings.h).
std::map<std::string, std::string> const PART_A_KEYS = {
    {"spoken_with", "spoken_with"}, {"execution", "execution"},   {"report", "report"},
    {"hours_on_site", "hours_on_site"}, {"sketch", "sketch"},      {"developments", "developments"},
    {"course", "course"},           {"previous_follow_up", "follow_up"}, {"conclusion_vm", "conclusion_VM"},
    {"conclusion_dv", "conclusion_DV"}, {"conclusion_ob", "conclusion_OB"}, {"plans_submitted", "plans"},
    {"advice", "advice"},           {"next_audit", "next_audit"},   {"signature", "signature"},
};

Result<std::pair<Principal, Actor>> as(Store& store, std::string const& email)
{
    auto const user = TRY(store.users().find_by_email(email));
    if (!user) {
        return Error::precondition("demo-gebruiker " + email + " ontbreekt");
    }
    return std::pair{Principal{user->id, user->role, user->organisation_id}, Actor{user->id, user->email, ""}};
}

struct DemoPlanItem {
    char const* norm;
    char const* cause;
    char const* actions;
};

DemoPlanItem const DEMO_PLAN[] = {
    {"VM5", "Het werkplan wordt niet met alle teams besproken.", "Elk team bespreekt het werkplan in het eerste teamoverleg van het kwartaal."},
    {"VM7", "Competenties zijn vastgelegd, maar niet in elk jaargesprek gebruikt.", "Het competentieprofiel wordt vast onderdeel van elk jaargesprek."},
    {"DV5", "Doelen in de dossiers zijn niet altijd meetbaar geformuleerd.", "Training doelen formuleren voor alle teams; steekproef na drie maanden."},
    {"DV6", "De overstap naar het nieuwe dossierformat is nog niet afgerond.", "De dossiers van vóór januari worden bij het eerstvolgende contact overgezet."},
    {"DV8", "Evaluaties met bewoners worden niet vastgelegd.", "Een kort evaluatieformulier na elk traject, besproken in het teamoverleg."},
    {"OB10", "Klachten worden per team behandeld, zonder overzicht.", "Eén klachtenregistratie met een halfjaarlijkse analyse voor het MT."},
    {"OB16", "De privacyinstructie is niet bij alle nieuwe medewerkers bekend.", "De privacyinstructie wordt deel van de introductie van elke nieuwe medewerker."},
};

// De Brug (scenario c): five norms on which the team found the organisation does not meet them,
// beyond B6's limit of four; the rest are met.
struct DemoShortfall {
    char const* norm;
    char const* finding;
    char const* cause;
    char const* actions;
};

DemoShortfall const DE_BRUG_SHORTFALLS[] = {
    {"VM2", "Er is geen actueel scholingsplan; scholing wordt per medewerker op verzoek toegekend.",
     "Het scholingsbudget is nooit aan een plan gekoppeld.", "Een scholingsplan per team, jaarlijks vastgesteld in het MT."},
    {"VM5", "Het werkplan is niet met de teams besproken en bij de meeste medewerkers onbekend.",
     "Het werkplan wordt door de staf geschreven zonder de teams.", "Elk team stelt zijn deel van het werkplan mee op."},
    {"DV5", "In geen van de tien ingeziene dossiers zijn doelen met de bewoner vastgelegd.",
     "Het dossierformat heeft geen plek voor doelen.", "Nieuw dossierformat met doelen en evaluatiemomenten."},
    {"DV8", "Trajecten worden niet met bewoners geëvalueerd.", "Evaluatie is geen vast onderdeel van de werkwijze.",
     "Een evaluatiegesprek bij de afsluiting van elk traject, vastgelegd in het dossier."},
    {"OB10", "Klachten worden niet geregistreerd; de klachtenregeling is niet gepubliceerd.",
     "De klachtenregeling is bij de fusie in 2024 blijven liggen.", "Klachtenregeling publiceren en één registratie invoeren."},
};

}  // namespace

Status seed_demo_additional_audit(Store& store, TrajectoryService& trajectories, ReportService& reports,
                                  PlanService& plans, UnixTime now)
{
    Date const today = Date::from_unix_seconds(now);
    auto const [leader, leader_actor] = TRY(as(store, "teamleider@ci-toets.example"));
    auto const [office, office_actor] = TRY(as(store, "beheer@ci-toets.example"));
    auto const [member, member_actor] = TRY(as(store, "kwaliteit@debrug.example"));
    std::optional<Id> id;
    for (auto const& t : TRY(trajectories.list(member))) {
        id = t.id;
    }
    if (!id) {
        return Error::precondition("het demotraject van De Brug ontbreekt");
    }
    auto const shortfall = [](std::string const& code) -> DemoShortfall const* {
        for (auto const& s : DE_BRUG_SHORTFALLS) {
            if (code == s.norm) {
                return &s;
            }
        }
        return nullptr;
    };
    for (auto const& rubric : example_report().part_b) {
        for (auto const& norm : rubric.norms) {
            auto const* missing = shortfall(norm.code);
            Finding finding{norm.code, missing ? Verdict::NotMet : Verdict::Met, "",
                            missing ? missing->finding : "Het team zag dit in de gesprekken en de stukken terug.",
                            SOURCES.at(rubric.code), 0};
            TRY(reports.save_finding(leader, leader_actor, *id, finding, 0, today, now));
        }
    }
    TRY(reports.save_part_a(leader, leader_actor, *id,
                            {"course", "De toetsing verliep volgens planning; alle gevraagde stukken waren beschikbaar.", {}, 0},
                            0, today, now));
    auto const record = [&](Principal const& who, Actor const& actor, int days_ago, char const* key,
                            std::map<std::string, std::string> fields = {}) -> Status {
        RawEvent raw{today.add_days(-days_ago).iso(), key, std::move(fields), std::nullopt};
        TRY(trajectories.record_event(who, actor, *id, raw, today, now));
        return ok_status();
    };
    TRY(record(leader, leader_actor, 150, "concept_sent"));
    TRY(record(office, office_actor, 134, "findings_final"));
    // The member chose the additional audit: plans within 4 weeks, approved by the CI, and the
    // audit agreed for twelve days from now.
    for (auto const& s : DE_BRUG_SHORTFALLS) {
        TRY(plans.save_item(member, member_actor, *id, PlanItem{s.norm, s.cause, s.actions, "teamleider", today.add_days(-20)},
                            0, today, now));
    }
    TRY(record(member, member_actor, 112, "plan_submitted"));
    for (auto const& s : DE_BRUG_SHORTFALLS) {
        TRY(plans.save_assessment(office, office_actor, *id, PlanAssessment{s.norm, true, ""}, 0, today, now));
    }
    TRY(record(office, office_actor, 105, "plan_approved"));
    TRY(record(office, office_actor, 100, "additional_audit_planned", {{"date", today.add_days(12).iso()}}));
    return ok_status();
}

Status seed_demo_report(Store& store, TrajectoryService& trajectories, ReportService& reports, PlanService& plans,
                        UnixTime now)
{
    Date const today = Date::from_unix_seconds(now);
    auto const [leader, leader_actor] = TRY(as(store, "teamleider@ci-toets.example"));
    auto const [office, office_actor] = TRY(as(store, "beheer@ci-toets.example"));
    auto const [member, member_actor] = TRY(as(store, "kwaliteit@buurtwerk.example"));
    std::optional<Id> id;
    for (auto const& t : TRY(trajectories.list(member))) {
        id = t.id;
    }
    if (!id) {
        return Error::precondition("het demotraject van Buurtwerk Noord ontbreekt");
    }
    auto const example = example_report();
    for (auto const& rubric : example.part_b) {
        for (auto const& norm : rubric.norms) {
            Finding finding{norm.code, norm.verdict, norm.reason, norm.findings, SOURCES.at(rubric.code), 0};
            TRY(reports.save_finding(leader, leader_actor, *id, finding, 0, today, now));
        }
        RubricDocuments documents{rubric.code, {}, 0};
        for (auto const& title : DOCUMENTS.at(rubric.code)) {
            documents.documents.push_back({SourceKind::Document, "", "", title, std::nullopt});
        }
        TRY(reports.save_documents(leader, leader_actor, *id, documents, 0, today, now));
    }
    for (auto const& section : example.part_a) {
        for (auto const& line : section.lines) {
            auto const key = PART_A_KEYS.find(line.key);
            if (key != PART_A_KEYS.end()) {
                TRY(reports.save_part_a(leader, leader_actor, *id, {key->second, line.value, {}, 0}, 0, today, now));
            }
        }
    }
    TRY(reports.save_part_a(leader, leader_actor, *id, {"report_read_by", "Kwaliteitsmedewerker Buurtwerk Noord", {}, 0},
                            0, today, now));
    TRY(reports.save_part_a(leader, leader_actor, *id, {"strong_points", "", example.strong_points, 0}, 0, today, now));
    TRY(reports.save_part_a(leader, leader_actor, *id, {"improvement_points", "", example.improvement_points, 0}, 0,
                            today, now));

    auto const record = [&](Principal const& who, Actor const& actor, int days_ago, char const* key) -> Status {
        RawEvent raw{today.add_days(-days_ago).iso(), key, {}, std::nullopt};
        TRY(trajectories.record_event(who, actor, *id, raw, today, now));
        return ok_status();
    };
    TRY(record(leader, leader_actor, 92, "concept_sent"));
    auto const remark = TRY(reports.add_remark(
        member, member_actor, *id, "DV6",
        "De dagbesteding werkt sinds januari met het nieuwe dossierformat; drie van de vier genoemde dossiers zijn "
        "van vóór die overstap.",
        today, now));
    TRY(record(member, member_actor, 86, "corrections_received"));
    auto const findings = TRY(reports.findings(office, office_actor, *id, today, now, false));
    for (auto const& f : findings.findings) {
        if (f.finding.norm_code != "DV6") {
            continue;
        }
        RemarkDecisionInput accept;
        accept.accepted = true;
        accept.reason = "Overgenomen: de steekproef is aangevuld met dossiers van na de overstap.";
        Finding changed = f.finding;
        changed.text += " Na de feitelijke correctie van de organisatie: de dossiers van na de overstap naar het "
                        "nieuwe format (januari) zijn wel volledig; het verbeterpunt geldt de overgang.";
        accept.finding = changed;
        accept.finding_version = f.finding.version;
        TRY(reports.decide_remark(office, office_actor, *id, remark.remark.id, accept, today, now));
    }
    TRY(record(office, office_actor, 80, "findings_final"));

    // The member's plan for the seven +/- norms, submitted on time (4 weeks after the final
    // report); the CI's assessment is still to come.
    for (auto const& [norm, cause, actions] : DEMO_PLAN) {
        PlanItem item{norm, cause, actions, "kwaliteitsmedewerker", today.add_days(90)};
        TRY(plans.save_item(member, member_actor, *id, item, 0, today, now));
    }
    TRY(record(member, member_actor, 55, "plan_submitted"));
    return ok_status();
}

}  // namespace sterk
