// File: demo_report.h
// seed_demo_report: Buurtwerk Noord's audit by CI Toetsbureau gets its whole report, through the
// same services the web app uses: the team's findings per norm (the handbook's B8 example:
// VM5, VM7, DV5, DV6, DV8, OB10 and OB16 "+/-", the rest "+"), sources and documents, Part A,
// the concept, one remark of the member that the CI accepted, and the final version; then the
// member's improvement plan for the seven +/- norms, submitted and waiting for the CI.
#pragma once

#include "core/services/plan_service.h"
#include "core/services/report_service.h"

namespace sterk {

Status seed_demo_report(Store& store, TrajectoryService& trajectories, ReportService& reports, PlanService& plans,
                        UnixTime now);

// seed_demo_additional_audit: Welzijnswerk De Brug (scenario c): five norms not met in the final
// report, its plans approved, and the additional audit planned twelve days from now, for the
// team to record the addendum.
Status seed_demo_additional_audit(Store& store, TrajectoryService& trajectories, ReportService& reports,
                                  PlanService& plans, UnixTime now);

}  // namespace sterk
