// File: report_service.h
// ReportService: the audit report as the parties see and change it (issue 9; LIFECYCLE.md §1, §2,
// §5). The team edits findings, documents per rubric and Part A during fieldwork, each over its
// version; concept_sent freezes version 1, the member drafts remarks and submits them with
// corrections_received, the CI decides each (an accepted remark changes the finding or field),
// findings_final freezes the final version with the verdicts taken from the findings.
// Who reads what: the CI's team and administrators and the audited member (from the concept on)
// read everything; the secretariat reads Part A once final, and Part B only after a request with
// a reason; every read of Part B or of the findings is in the audit log; the committee never.
#pragma once

#include "core/report/findings.h"
#include "core/report/report_builder.h"
#include "core/services/trajectory_service.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sterk {

// ReportCodec: the stored text form of sources, list fields and frozen reports (JSON, by an
// adapter), and Part A's lines about the scope from the trajectory's frozen scope.
class ReportCodec {
public:
    virtual ~ReportCodec() = default;
    virtual std::string encode_sources(std::vector<FindingSource> const& sources) const = 0;
    virtual Result<std::vector<FindingSource>> decode_sources(std::string const& text) const = 0;
    virtual std::string encode_items(std::vector<std::string> const& items) const = 0;
    virtual Result<std::vector<std::string>> decode_items(std::string const& text) const = 0;
    virtual std::string encode_report(ReportDocument const& report) const = 0;
    virtual Result<ReportDocument> decode_report(std::string const& text) const = 0;
    // scope_facts: fills scope, fte_staff, fte_interns and fte_volunteers from the frozen scope.
    virtual void scope_facts(std::string const& scope_json, ReportFacts& facts) const = 0;
    // scope_fte_groups: the FTE per group frozen with the scope (empty when it has none).
    virtual std::map<std::string, double> scope_fte_groups(std::string const& scope_json) const = 0;
};

struct FindingView {
    Finding finding;
    std::vector<std::string> flags;
    std::string updated_by;  // name, empty when never saved
    UnixTime updated_at = 0;
};

struct FindingsView {
    ReportStage stage = ReportStage::Draft;
    bool editable = false;
    std::vector<FindingView> findings;  // every norm, framework order
    std::vector<RubricDocuments> documents;  // every rubric, framework order
    OverallTable overall;
    std::vector<std::string> missing_for_concept;
};

struct PartAView {
    ReportStage stage = ReportStage::Draft;
    bool editable = false;
    std::vector<std::pair<PartAFieldSpec, PartAValue>> fields;  // B7 order
};

struct ReportRead {
    ReportDocument report;
    bool part_b = false;  // false: the caller reads Part A only
};

struct ReportVersionsView {
    std::vector<ReportVersionRecord> versions;  // without content
    std::vector<NormChange> changes;  // concept against final, once final
};

struct RemarkView {
    RemarkRecord remark;
    std::string target_label;
};

struct RemarksView {
    std::vector<RemarkView> remarks;
    std::optional<Date> window_until;
};

// RemarkDecisionInput: the CI's decision; accepting a norm remark may carry the changed finding
// (saved over `finding_version`), a Part A remark the field's new value.
struct RemarkDecisionInput {
    bool accepted = false;
    std::string reason;
    std::optional<Finding> finding;
    int finding_version = 0;
    std::optional<PartAValue> value;
};

class ReportService final : public EventEffects {
public:
    ReportService(Store& store, TrajectoryService& trajectories, ReportCodec const& codec);

    // findings: `audited` false for a read that only serves a write's answer (it is not a read by a person).
    Result<FindingsView> findings(Principal const& caller, Actor const& actor, Id id, Date today, UnixTime now,
                                  bool audited = true);
    // save_finding: FailedPrecondition field "version" when stale (read `findings` for the current
    // one), FailedPrecondition when not editable now; InvalidArgument naming the field.
    Result<FindingView> save_finding(Principal const& caller, Actor const& actor, Id id, Finding const& input,
                                     int expected_version, Date today, UnixTime now);
    Result<RubricDocuments> save_documents(Principal const& caller, Actor const& actor, Id id,
                                           RubricDocuments const& input, int expected_version, Date today,
                                           UnixTime now);
    Result<PartAView> part_a(Principal const& caller, Id id, Date today);
    Result<PartAValue> save_part_a(Principal const& caller, Actor const& actor, Id id, PartAValue const& input,
                                   int expected_version, Date today, UnixTime now);
    // report: version 0 (or none before the concept) is the working state; otherwise a stored one.
    Result<ReportRead> report(Principal const& caller, Actor const& actor, Id id, std::optional<int> version,
                              bool wants_part_b, Date today, UnixTime now);
    Result<ReportVersionsView> versions(Principal const& caller, Id id, Date today);
    Result<RemarksView> remarks(Principal const& caller, Id id, Date today);
    Result<RemarkView> add_remark(Principal const& caller, Actor const& actor, Id id, std::string const& target,
                                  std::string const& text, Date today, UnixTime now);
    Status delete_remark(Principal const& caller, Actor const& actor, Id id, Id remark_id, Date today, UnixTime now);
    Result<RemarkView> decide_remark(Principal const& caller, Actor const& actor, Id id, Id remark_id,
                                     RemarkDecisionInput const& input, Date today, UnixTime now);
    Result<std::vector<PartBRequestRecord>> part_b_requests(Principal const& caller, Id id, Date today);
    Result<PartBRequestRecord> request_part_b(Principal const& caller, Actor const& actor, Id id,
                                              std::string const& reason, Date today, UnixTime now);
    std::string user_name(std::optional<Id> id);

    // EventEffects: concept_sent needs complete findings and freezes version 1; corrections_received
    // submits the member's drafts (and needs one); findings_final takes its verdicts from the
    // findings, needs every submitted remark decided, and freezes the final version.
    Status prepare(StoredTrajectory const& trajectory, RawEvent& raw) override;
    Status apply(StoredTrajectory const& trajectory, RawEvent const& raw, Actor const& actor, UnixTime now) override;

private:
    struct Access;
    Result<Access> access(Principal const& caller, Id id, Date today);
    Result<std::vector<Finding>> stored_findings(Id id);
    Result<ReportContent> content(StoredTrajectory const& trajectory);
    Status freeze(StoredTrajectory const& trajectory, ReportStage stage, std::string const& dated, UnixTime now);
    Status audit(Actor const& actor, UnixTime now, std::string action, Id id, std::string detail);
    ReportEntry finding_entry(Id id, Finding const& finding, Actor const& actor, UnixTime now) const;
    ReportEntry part_a_entry(Id id, PartAValue const& value, Actor const& actor, UnixTime now) const;
    // save_over_version: inside a transaction; stale (FailedPrecondition) carries field "version".
    Status save_over_version(ReportEntry const& entry, int expected_version);

    Store& m_store;
    TrajectoryService& m_trajectories;
    ReportCodec const& m_codec;
};

}  // namespace sterk
