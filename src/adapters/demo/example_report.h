// File: example_report.h
// The handbook's Bijlage 8 example as a ReportDocument, for the PDF tests and the PDF benchmark:
// Part A with B8's facts in B7's order, Part B with the real norm texts of the 2019 framework and
// a Dutch findings text of about 120 words per norm, verdicts as in B8 (VM5, VM7, DV5, DV6, DV8,
// OB10 and OB16 "+/-", the rest "+"), and the overall table computed from those verdicts.
#pragma once

#include "core/norms/framework.h"
#include "core/report/report_document.h"

namespace sterk {

// REQUIRES the built-in 2019 framework (it is compiled in, so this cannot fail in practice).
ReportDocument example_report();

// The verdicts of B8's example, by norm code.
VerdictMap example_verdicts(NormFramework const& framework);

}  // namespace sterk
