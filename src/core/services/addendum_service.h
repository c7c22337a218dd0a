// File: addendum_service.h
// AddendumService: the additional audit's report as the parties see and change it (scenario c;
// core/report/addendum.h). Once additional_audit_planned is recorded the CI's team reassesses each
// `-` and `+/-` norm of the final report (verdict, findings, sources; saved over its version) and
// writes Part A's additional passage. additional_audit_held is refused while a reassessed norm
// lacks a verdict or the passage is empty, takes its verdicts from the addendum, and freezes it.
// Who reads: the CI's team and administrators, the member once the audit was held; the
// secretariat reads the passage in Part A and the addendum on Part B as it reads Part B; the
// committee never. Every read of the addendum's findings is in the audit log.
#pragma once

#include "core/report/addendum.h"
#include "core/services/report_service.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

struct AddendumNormView {
    std::string norm_code;
    Verdict verdict_before = Verdict::Partly;  // the final report's
    FindingView finding;  // the reassessment (version 0: not yet saved)
};

struct AddendumPassageView {
    std::string text;
    int version = 0;
    std::string updated_by;
    UnixTime updated_at = 0;
};

struct AddendumView {
    std::string planned_for;  // YYYY-MM-DD (additional_audit_planned)
    std::string held_on;  // YYYY-MM-DD once held, else empty
    bool editable = false;
    std::vector<AddendumNormView> norms;  // the reassessed norms, framework order
    AddendumPassageView passage;
    OverallTable overall;  // the final verdicts with the reassessed ones as they stand
    std::vector<std::string> missing;  // missing_for_addendum
};

class AddendumService final : public EventEffects {
public:
    AddendumService(Store& store, TrajectoryService& trajectories, ReportCodec const& codec);

    // view: NotFound for the committee and whoever cannot see the trajectory; FailedPrecondition
    // before additional_audit_planned; PermissionDenied for the member before the audit was held
    // and for the secretariat (it reads the addendum in the report).
    Result<AddendumView> view(Principal const& caller, Actor const& actor, Id id, Date today, UnixTime now,
                              bool audited = true);
    // save_finding / save_passage: the CI's team while the additional audit is planned and not yet
    // held; a stale version is FailedPrecondition with field "version".
    Result<FindingView> save_finding(Principal const& caller, Actor const& actor, Id id, Finding const& input,
                                     int expected_version, Date today, UnixTime now);
    Result<AddendumPassageView> save_passage(Principal const& caller, Actor const& actor, Id id, std::string const& text,
                                             int expected_version, Date today, UnixTime now);
    // for_report: the addendum as the final report prints it, once held (nullopt before).
    Result<std::optional<ReportAddendum>> for_report(Principal const& caller, Id id, Date today);

    Status prepare(StoredTrajectory const& trajectory, RawEvent& raw) override;
    Status apply(StoredTrajectory const& trajectory, RawEvent const& raw, Actor const& actor, UnixTime now) override;

private:
    struct Access;
    Result<Access> access(Principal const& caller, Id id, Date today);
    Result<AddendumContent> content(StoredTrajectory const& trajectory, std::vector<ReportEntry>* entries = nullptr);

    Store& m_store;
    TrajectoryService& m_trajectories;
    ReportCodec const& m_codec;
};

}  // namespace sterk
