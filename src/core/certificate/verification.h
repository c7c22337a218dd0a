// File: verification.h
// The verification URL a certificate's QR code carries (LIFECYCLE.md §3): the register page of the
// certificate, with the signed facts and the ed25519 signature in its query, so that the QR code
// can be checked offline against the register's public key:
//   {base}/register/SSW-2026-0001?member=…&scope=…&from=2026-03-15&through=2028-03-14&expires=2028-03-15&sig=…
// Values are percent-encoded UTF-8; the signature is base64url without padding.
#pragma once

#include "core/certificate/certificate.h"
#include "core/result.h"

#include <string>
#include <string_view>

namespace sterk {

struct SignedCertificate {
    VerificationData data;
    std::string signature;  // base64url, no padding
};

// verification_url: base without a trailing slash (one is dropped).
std::string verification_url(std::string_view base, SignedCertificate const& signed_certificate);
// parse_verification: a URL as verification_url writes it (any base), or its query alone; the
// number from the path. InvalidArgument (field "payload") naming what is missing.
Result<SignedCertificate> parse_verification(std::string_view text);

std::string percent_encode(std::string_view text);
// percent_decode: '+' is a space; InvalidArgument for a broken escape.
Result<std::string> percent_decode(std::string_view text);

}  // namespace sterk
