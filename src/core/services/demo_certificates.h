// File: demo_certificates.h
// seed_demo_certificates: the demo's Kwaliteitsregister (issue 11 §6): Stichting WijkKracht holds
// a certificate that expires about three months after seeding, Welzijn Samen one that expired three
// weeks ago and is suspended while its audit (accepted before the expiry) runs, and five other
// members, clearly fictitious and without logins, hold valid ones issued over the past two years.
// Dated from the seeding day so the demo never looks stale.
#pragma once

#include "core/norms/framework.h"
#include "core/ports/store.h"

namespace sterk {

Status seed_demo_certificates(Store& store, ProcedureSettings const& procedure, UnixTime now);

}  // namespace sterk
