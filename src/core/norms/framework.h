// File: framework.h
// NormFramework: one version of the normenkader (norms, rubrics, branchecode, terminology, the
// groups that count for scope FTE, and the version's procedure settings). It is data: loaded from
// a framework file by an adapter and checked here by validate_framework(). Audits pin the version
// they were made under, so a new version never changes an older audit.
#pragma once

#include "core/calendar/date.h"
#include "core/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sterk {

// Where a value came from in its data file, so that errors can name file, line and field.
struct SourcePos {
    std::string file;
    int line = 0;
};

struct Rubric {
    std::string code;  // "VM", "DV", "OB"
    int number = 0;
    std::string name;
    std::string description;
    int norm_count = 0;
    SourcePos pos;
};

enum class Applicability { Always, WhereRelevant };

struct Norm {
    std::string code;  // "VM1"
    std::string rubric;
    int number = 0;
    std::string text;
    Applicability applicability = Applicability::Always;
    std::string guidance;  // B3 "kan blijken uit"
    std::vector<std::string> questions;  // B4 example questions for auditors
    std::vector<std::string> evidence;  // B4 examples of evidence
    SourcePos pos;
};

struct BranchecodeGroup {
    std::string name;
    std::vector<std::string> values;
};

struct Term {
    std::string term;
    std::string definition;
};

// ScopeGroup: a group of people whose FTE does or does not count for the scope (B2, §2.5).
struct ScopeGroup {
    std::string key;
    std::string label;
    bool counts = false;
    std::string explanation;
};

// The deadlines the core knows how to compute; their periods and sources come from the file.
enum class DeadlineKind {
    ConceptReport,
    FactualCorrections,
    FinalReport,
    ImprovementPlan,
    PlanAssessment,
    PlanRevision,
    RevisionAssessment,
    FinalReportWithPlans,
    PartAToSecretariat,
    SecretariatCheck,
    PartAReturn,
    PartACompletion,
    CertificateIssue,
    OverThresholdPlans,
    AdditionalAudit,
    NextSteps,
};

struct DeadlineRule {
    DeadlineKind kind = DeadlineKind::ConceptReport;
    std::string key;  // "concept_report"
    std::string after;  // the event it counts from: "last_audit_day"
    std::string after_initial;  // in an initial trajectory, when it counts from another event
    Period period;
    bool agreed = false;  // the due date is agreed between the parties and recorded with the event
    std::string actor;  // "ci", "member", "secretariat"
    std::string label;  // Dutch: what is due
    std::string source;  // handbook place, e.g. "B6 §7"
};

// EventRule: one kind of event in a trajectory's log (LIFECYCLE.md §2): who records it, what it
// is called, and what the party must do while it is the next step.
struct EventRule {
    std::string key;  // "concept_sent"
    std::string actor;  // "member", "ci", "secretariat"
    std::string label;  // Dutch, past tense: "Conceptrapport verstuurd"
    std::string todo;  // Dutch, what is to be done: "Conceptrapport versturen"
};

// ProcedureSettings: the version's procedure, all from the framework file (no defaults here, so
// the file stays the only place these facts live).
struct ProcedureSettings {
    int max_not_met = 0;
    int max_partly = 0;
    Period certificate_validity;
    Period suspension_max;
    Period expiry_notice;
    std::vector<Period> reminders_before_expiry;
    Period postponement_after_self_evaluation;
    std::vector<DeadlineRule> deadlines;
    std::vector<EventRule> events;

    DeadlineRule const& deadline(DeadlineKind kind) const;
    EventRule const* event(std::string const& key) const;
};

struct NormFramework {
    std::string version;  // "2019"
    std::string title;
    std::string published;
    std::string copyright;
    std::vector<Rubric> rubrics;
    std::vector<Norm> norms;  // in framework order
    std::string branchecode_adopted;
    std::vector<BranchecodeGroup> branchecode;
    std::vector<Term> terminology;
    std::vector<ScopeGroup> scope_groups;
    ProcedureSettings procedure;

    Norm const* find_norm(std::string const& code) const;
    ScopeGroup const* find_scope_group(std::string const& key) const;
};

// The deadline keys, in the order a framework file lists them, with their kinds and events.
struct DeadlineSpec {
    DeadlineKind kind;
    char const* key;
    char const* after;
};
std::vector<DeadlineSpec> const& deadline_specs();

// validate_framework: checks a parsed framework for the facts the rules rely on: every rubric's
// norms numbered 1..norm_count, codes "<rubric><number>", no duplicates, known rubrics, every
// deadline key once, thresholds >= 0. All problems are returned, each naming file, line and field.
Errors validate_framework(NormFramework const& framework);

}  // namespace sterk
