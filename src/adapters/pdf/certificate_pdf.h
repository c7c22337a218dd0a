// File: certificate_pdf.h
// The certificate as a PDF (issue 11 §2), drawn in-process with cairo and pango: one A4 page with
// the label's heading, the number, the member, the scope, the dates and a QR code (libqrencode)
// that encodes the signed verification URL (core/certificate/verification.h). DejaVu Sans is
// embedded; the PDF's date is the certificate's issue date, so one certificate gives the same bytes.
//
// Example:
//   auto pdf = TRY(render_certificate_pdf(view.certificate, view.verification_url));
#pragma once

#include "core/certificate/certificate.h"
#include "core/result.h"

#include <string>

namespace sterk {

// render_certificate_pdf: Internal when the QR code or cairo fails.
Result<std::string> render_certificate_pdf(Certificate const& certificate, std::string const& verification_url);

}  // namespace sterk
