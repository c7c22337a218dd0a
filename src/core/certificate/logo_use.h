// File: logo_use.h
// LogoUse: whether a member may use the label's logo today, by its certificate's live status
// (handbook Stap 6 and B6 §17: while the certificate is valid, within its scope; from the expiry
// of a suspended or lapsed one, and from a withdrawal, no longer). The logo carries the year of
// certification, as the window sticker of the certification package does.
//
// Example:
//   auto logo = TRY(logo_for(view.certificate, view.live));
//   draw(logo.year);
#pragma once

#include "core/certificate/certificate.h"
#include "core/result.h"

#include <string>

namespace sterk {

struct LabelLogo {
    std::string number;  // the certificate it belongs to
    int year = 0;  // of certification: the first day of validity
    std::string caption;  // "Kwaliteitslabel Sterk Sociaal Werk, gecertificeerd 2026"
};

// logo_for: the logo of a valid certificate. FailedPrecondition otherwise, in Dutch, naming the
// status and the day since which the logo may no longer be used (a superseded one names its
// successor, whose logo the member downloads instead).
Result<LabelLogo> logo_for(Certificate const& certificate, LiveStatus const& live);

}  // namespace sterk
