// build_report and report_changes: see report_builder.h.
#include "core/report/report_builder.h"

#include "core/text.h"

#include <map>

namespace sterk {

std::string counts_line(OverallTable const& table)
{
    auto const& t = table.totals;
    std::string line = std::to_string(t.met) + " voldoet, " + std::to_string(t.partly) + " deels (verbeterpunt), " +
                       std::to_string(t.not_met) + " voldoet niet, " + std::to_string(t.not_applicable) +
                       " niet van toepassing";
    if (t.not_assessed > 0) {
        line += ", " + std::to_string(t.not_assessed) + " nog niet beoordeeld";
    }
    return line + " (van de " + std::to_string(table.norm_count) + " normen)";
}

ReportDocument build_report(NormFramework const& framework, ReportContent const& content, ReportStage stage,
                            int version, std::string const& dated)
{
    auto const findings = all_findings(framework, content.findings);
    std::map<std::string, PartAValue> typed;
    for (auto const& value : content.part_a) {
        typed[value.key] = value;
    }
    auto const text_of = [&](std::string const& key) {
        auto const found = typed.find(key);
        return found == typed.end() ? std::string{} : found->second.text;
    };
    auto const items_of = [&](std::string const& key) {
        auto const found = typed.find(key);
        return found == typed.end() ? std::vector<std::string>{} : found->second.items;
    };
    auto const& f = content.facts;

    ReportDocument report;
    report.member_name = f.member_name;
    report.ci_name = f.ci_name;
    report.stage = stage;
    report.version = version;
    report.dated = dated;
    report.overall = overall_table(framework, verdicts_of(findings));

    report.part_a.push_back({"Het onderzoek is uitgevoerd bij",
                             {{"member_name", "Klantnaam", f.member_name},
                              {"member_address", "Adres", f.member_address},
                              {"member_lidnummer", "Lidnummer SWN", f.member_lidnummer},
                              {"member_contact", "Contactpersoon", f.member_contact},
                              {"member_phone", "Telefoon", f.member_phone},
                              {"member_email", "Email", f.member_email},
                              {"member_website", "Website", f.member_website},
                              {"fte_staff", "Inzet medewerkers (vast en tijdelijk) in fte", f.fte_staff},
                              {"fte_interns", "Inzet stagiaires in fte", f.fte_interns},
                              {"fte_volunteers", "Inzet bedrijfskritische vrijwilligers in fte", f.fte_volunteers}}});
    report.part_a.push_back({"Het onderzoek is uitgevoerd door",
                             {{"ci_name", "Naam Certificerende instelling", f.ci_name},
                              {"ci_street", "Straat, huisnummer", f.ci_street},
                              {"ci_postcode_town", "Postcode, plaatsnaam", f.ci_postcode_town},
                              {"ci_website", "URL website", f.ci_website},
                              {"ci_phone", "Telefoonnummer", f.ci_phone}}});

    auto const fields = part_a_fields(framework);
    auto const typed_line = [&](std::string const& key) {
        for (auto const& spec : fields) {
            if (spec.key == key) {
                return ReportLine{key, spec.label, text_of(key)};
            }
        }
        return ReportLine{key, key, text_of(key)};
    };
    report.part_a.push_back({"Kerngegevens uitvoering onderzoek",
                             {{"audit_kind", "Soort onderzoek", f.audit_kind},
                              {"previous_expiry", "Expiratiedatum laatste certificaat", f.previous_expiry},
                              typed_line("spoken_with"),
                              typed_line("execution"),
                              {"plans_closed_on", "Plannen van aanpak rond op", f.plans_closed_on},
                              typed_line("report"),
                              {"team_leader", "Teamleider", f.team_leader},
                              {"assessors", "Beoordelaar(s)", f.assessors},
                              typed_line("report_read_by"),
                              typed_line("hours_on_site")}});
    report.part_a.push_back({"Kerngegevens certificaat en onderzoek vervolg",
                             {{"scope", "Scope certificaat", f.scope}, typed_line("sketch"), typed_line("developments"),
                              typed_line("course"), typed_line("follow_up")}});

    ReportSection conclusions{"Conclusies", {{"counts", "Conclusies dit onderzoek", counts_line(report.overall)}}};
    for (auto const& rubric : framework.rubrics) {
        conclusions.lines.push_back(typed_line("conclusion_" + rubric.code));
    }
    conclusions.lines.push_back(typed_line("plans"));
    report.part_a.push_back(std::move(conclusions));
    report.strong_points = items_of("strong_points");
    report.improvement_points = items_of("improvement_points");
    report.part_a.push_back({"Advies", {typed_line("advice"), typed_line("next_audit"), typed_line("signature")}});

    std::map<std::string, Finding const*> by_norm;
    for (auto const& finding : findings) {
        by_norm[finding.norm_code] = &finding;
    }
    std::map<std::string, RubricDocuments const*> documents;
    for (auto const& d : content.documents) {
        documents[d.rubric_code] = &d;
    }
    for (auto const& rubric : framework.rubrics) {
        ReportRubric out{rubric.code, rubric.name, {}, {}};
        for (auto const& norm : framework.norms) {
            if (norm.rubric != rubric.code) {
                continue;
            }
            auto const* finding = by_norm.at(norm.code);
            out.norms.push_back({norm.code, norm.number, norm.text, finding->verdict, finding->reason, finding->text});
        }
        if (auto const found = documents.find(rubric.code); found != documents.end()) {
            for (auto const& document : found->second->documents) {
                out.documents.push_back(document.title);
            }
        }
        report.part_b.push_back(std::move(out));
    }
    return report;
}

std::vector<NormChange> report_changes(ReportDocument const& before, ReportDocument const& after)
{
    std::map<std::string, ReportNorm const*> old;
    for (auto const& rubric : before.part_b) {
        for (auto const& norm : rubric.norms) {
            old[norm.code] = &norm;
        }
    }
    std::vector<NormChange> changes;
    for (auto const& rubric : after.part_b) {
        for (auto const& norm : rubric.norms) {
            auto const found = old.find(norm.code);
            ReportNorm const empty{};
            auto const& was = found == old.end() ? empty : *found->second;
            if (was.verdict != norm.verdict || was.findings != norm.findings) {
                changes.push_back({norm.code, was.verdict, norm.verdict, was.findings, norm.findings});
            }
        }
    }
    return changes;
}

}  // namespace sterk
