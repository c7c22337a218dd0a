// File: report_document.h
// The audit report as one value (B7's format, B8's example): Part A "Samenvatting uitkomst
// toetsing" and Part B "Bevindingen", assembled from the registries, the trajectory and the stored
// findings by build_report (report.h). Every reader (the report page's JSON, the PDF, a stored
// version) takes this value, so the concept printed today is the concept that was sent.
#pragma once

#include "core/rules/advice.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

// FindingSource: what a finding rests on. An interview is recorded by function and department,
// never by name (B7 "functie- en afdelingsnamen"); a document by its title, and the uploaded
// document's id when it is in the documents store.
enum class SourceKind { Interview, Document };
struct FindingSource {
    SourceKind kind = SourceKind::Interview;
    std::string function;  // interview
    std::string department;  // interview (optional)
    std::string title;  // document
    std::optional<long long> document_id;  // document (optional)
};

// Finding: the team's findings on one norm. No verdict = not (yet) assessed; n.v.t. needs a reason.
struct Finding {
    std::string norm_code;
    std::optional<Verdict> verdict;
    std::string reason;  // why n.v.t.
    std::string text;
    std::vector<FindingSource> sources;
    int version = 0;  // 0: never saved
};

// The documents inspected for one rubric (B7 "per rubriek de geraadpleegde documenten").
struct RubricDocuments {
    std::string rubric_code;
    std::vector<FindingSource> documents;  // kind Document
    int version = 0;
};

// One labelled line of Part A, in the B7 order; `value` is empty when not filled in.
struct ReportLine {
    std::string key;
    std::string label;  // Dutch, as in B7
    std::string value;
};

// A titled block of Part A (B7's headings: "Het onderzoek is uitgevoerd bij", ...).
struct ReportSection {
    std::string title;
    std::vector<ReportLine> lines;
};

struct ReportNorm {
    std::string code;  // "VM5"
    int number = 0;
    std::string text;  // the norm as in the framework
    std::optional<Verdict> verdict;
    std::string reason;
    std::string findings;
};

struct ReportRubric {
    std::string code;
    std::string name;
    std::vector<ReportNorm> norms;
    std::vector<std::string> documents;  // titles, as listed
};

enum class ReportStage { Draft, Concept, Final };
std::string report_stage_key(ReportStage stage);  // "draft", "concept", "final"
std::string report_stage_dutch(ReportStage stage);  // "werkversie", "concept", "definitief"

struct ReportDocument {
    std::string member_name;
    std::string ci_name;
    ReportStage stage = ReportStage::Draft;
    int version = 0;  // 0: the working state, not a stored version
    std::string dated;  // ISO date of the version (concept_sent / findings_final), empty for a draft
    std::vector<ReportSection> part_a;  // every B7 field, in order, the computed ones included
    std::vector<std::string> strong_points;  // up to 4 shown in B7; all kept
    std::vector<std::string> improvement_points;
    OverallTable overall;  // computed from the verdicts (B8), never typed
    std::vector<ReportRubric> part_b;
};

}  // namespace sterk
