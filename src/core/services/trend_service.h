// File: trend_service.h
// TrendService: the branch's trend analysis (issue 12 §1-2, §4). As a trajectory's event effect
// it keeps the trajectory's TrendFact and the counters in step with its log, in the event's
// transaction: the fact appears with findings_final and changes as later deadlines are met. The
// committee and the secretariat read the anonymised TrendView (groups of fewer than 5 members
// suppressed; CIs named to the secretariat only); a member reads its own calibration (its
// self-evaluation against the audit), the branch's agreement per norm beside it.
//
// Example:
//   trajectories.add_effects(&trends);
//   auto view = TRY(trends.view(caller, {"*", "*"}));
#pragma once

#include "core/services/report_service.h"
#include "core/services/trajectory_service.h"
#include "core/trends/trend_view.h"

#include <functional>

namespace sterk {

// MemberCalibration: one of the member's audits, per norm its own verdict beside the audit's,
// and how often the branch's self-evaluations agree on that norm (none while suppressed).
struct CalibrationNorm {
    std::string code;
    std::string text;
    std::optional<Verdict> self;
    std::optional<Verdict> audit;
    std::optional<CalibrationTrend> branch;
};
struct MemberCalibration {
    Id trajectory_id = 0;
    int year = 0;
    std::vector<CalibrationNorm> norms;
    long agree = 0;
    long compared = 0;
};

// TrendCheck: the stored facts and counters against a recount from the trajectories' logs.
struct TrendCheck {
    int trajectories = 0;
    int facts = 0;
    std::vector<std::string> differences;  // Dutch, empty when all agree
};

class TrendService final : public EventEffects {
public:
    // `framework_version` names the norms the view lists; `variants` the audit variants one may select.
    TrendService(Store& store, TrajectoryService& trajectories, ReportCodec const& codec, FrameworkLookup frameworks,
                 std::string framework_version, std::vector<std::string> variants);

    Status prepare(StoredTrajectory const& trajectory, RawEvent& raw) override;
    Status apply(StoredTrajectory const& trajectory, RawEvent const& raw, Actor const& actor, UnixTime now) override;

    // view: the committee's and the secretariat's (PermissionDenied otherwise). InvalidArgument
    // naming "variant" or "band" for one that does not exist.
    Result<TrendView> view(Principal const& caller, TrendSelection const& selection);
    // calibration: the member's own audits, newest first (a member; the secretariat for any
    // member); PermissionDenied for the others.
    Result<std::vector<MemberCalibration>> calibration(Principal const& caller, Id member_id);

    // fact_of: the trajectory's fact recomputed from its log and reports (none before final findings).
    Result<std::optional<TrendFact>> fact_of(StoredTrajectory const& trajectory);
    // rebuild: every fact recomputed and every counter recounted (after a bulk load, the demo data).
    Result<int> rebuild(Date today, std::function<void(int, int)> const& progress = {});
    // check: the stored facts and counters against a recount; nothing is written.
    Result<TrendCheck> check(Date today);

private:
    Result<std::vector<TrendFact>> recount(Date today, std::function<void(int, int)> const& progress, int& trajectories);
    NormFramework const& framework() const;

    Store& m_store;
    TrajectoryService& m_trajectories;
    ReportCodec const& m_codec;
    FrameworkLookup m_frameworks;
    std::string m_version;
    std::vector<std::string> m_variants;
};

}  // namespace sterk
