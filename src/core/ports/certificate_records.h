// File: certificate_records.h
// CertificateRepository: the issued certificates (table `certificates`) and the register's key
// pair (LIFECYCLE.md §3). A certificate row is written once at issue; afterwards only its status
// (withdrawn, superseded, and what the daily job records) and its renewal's dates change. The
// register reads this table directly: no trajectory is replayed to answer a search.
#pragma once

#include "core/certificate/certificate.h"
#include "core/result.h"

#include <optional>
#include <string>
#include <vector>

namespace sterk {

// SigningKeyPair: the register's ed25519 key pair, base64 (standard alphabet) of the raw keys.
struct SigningKeyPair {
    std::string public_key;
    std::string secret_key;
};

class CertificateRepository {
public:
    virtual ~CertificateRepository() = default;
    // sequences_in_year: every sequence used in `year`, whatever became of the certificate.
    virtual Result<std::vector<int>> sequences_in_year(int year) = 0;
    // create: FailedPrecondition (field "number") when the number is taken (two issues at once:
    // the second is refused and may be tried again). The new id.
    virtual Result<Id> create(Certificate const& certificate, std::string const& folded_search, UnixTime now) = 0;
    virtual Result<std::optional<Certificate>> find(std::string const& number) = 0;
    // of_trajectory: the certificate issued from one trajectory, if any.
    virtual Result<std::optional<Certificate>> of_trajectory(Id trajectory_id) = 0;
    // of_member: every certificate of one member, newest first.
    virtual Result<std::vector<Certificate>> of_member(Id member_id) = 0;
    // listed: those whose recorded status is valid or suspended (the register's candidates; the
    // live status on a date decides), by member name.
    virtual Result<std::vector<std::pair<Certificate, std::string>>> listed() = 0;
    // set_status: status, its date, reason and superseded_by of an existing certificate, only
    // while its recorded status is `expected` (FailedPrecondition otherwise).
    virtual Status set_status(Certificate const& certificate, CertificateStatus expected) = 0;
    // set_renewal: the renewal dates of the certificate numbered `number` (no-op when unknown).
    virtual Status set_renewal(std::string const& number, Renewal const& renewal) = 0;
    // signing_key: the stored key pair, or none yet.
    virtual Result<std::optional<SigningKeyPair>> signing_key() = 0;
    // store_signing_key: keeps `pair` unless one is stored already; the one stored afterwards
    // (two servers starting at once agree on one key).
    virtual Result<SigningKeyPair> store_signing_key(SigningKeyPair const& pair, UnixTime now) = 0;
};

}  // namespace sterk
