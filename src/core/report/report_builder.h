// File: report_builder.h
// build_report: the report (B7's Part A and Part B) from the facts the registries and the
// trajectory give, the typed Part A fields and the findings. The overall table and the counts in
// the conclusions are computed from the verdicts (B8), never typed. report_changes: per norm what
// differs between two versions (concept against final).
#pragma once

#include "core/norms/framework.h"
#include "core/report/findings.h"
#include "core/report/report_document.h"

#include <string>
#include <vector>

namespace sterk {

// ReportFacts: Part A's lines that come from elsewhere, already as text (empty: not known).
struct ReportFacts {
    std::string member_name, member_address, member_lidnummer, member_contact, member_phone, member_email,
        member_website;
    std::string fte_staff, fte_interns, fte_volunteers;
    std::string ci_name, ci_street, ci_postcode_town, ci_website, ci_phone;
    std::string audit_kind;  // "(her)certificering", "intercollegiale toetsing", "combitoets ..."
    std::string previous_expiry;
    std::string team_leader, assessors;
    std::string scope;
    std::string plans_closed_on;
};

struct ReportContent {
    ReportFacts facts;
    std::vector<PartAValue> part_a;  // as saved (any order; missing fields are empty)
    std::vector<Finding> findings;  // as saved (any order)
    std::vector<RubricDocuments> documents;
};

// counts_line: "42 voldoet, 7 deels (verbeterpunt), 0 voldoet niet, 0 niet van toepassing (van de
// 49 normen)": B7's "Conclusies dit onderzoek".
std::string counts_line(OverallTable const& table);

ReportDocument build_report(NormFramework const& framework, ReportContent const& content, ReportStage stage,
                            int version, std::string const& dated);

struct NormChange {
    std::string norm;
    std::optional<Verdict> verdict_before, verdict_after;
    std::string findings_before, findings_after;
};

// report_changes: the norms whose verdict or findings text differ, in Part B's order.
std::vector<NormChange> report_changes(ReportDocument const& before, ReportDocument const& after);

}  // namespace sterk
