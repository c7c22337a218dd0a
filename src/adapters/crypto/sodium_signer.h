// File: sodium_signer.h
// SodiumCertificateSigner: the register's ed25519 signatures (libsodium crypto_sign_detached) over
// a certificate's signed payload. Keys are base64 (standard alphabet) of the raw 32-byte public and
// 64-byte secret key; signatures base64url without padding (they travel in a URL).
#pragma once

#include "core/services/certificate_service.h"

namespace sterk {

class SodiumCertificateSigner final : public CertificateSigner {
public:
    SigningKeyPair new_key_pair() override;
    Result<std::string> sign(SigningKeyPair const& key, std::string const& payload) override;
    bool verify(std::string const& public_key, std::string const& payload, std::string const& signature) override;
};

// verify_certificate_signature: the same check without an object (the CLI's verify-certificate).
bool verify_certificate_signature(std::string const& public_key, std::string const& payload,
                                  std::string const& signature);

}  // namespace sterk
