// File: sql_certificate_repository.h
// SqlCertificateRepository: CertificateRepository on `certificates` (number unique, and the
// sequence unique per year) and `signing_keys` (one row, id 1).
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlCertificateRepository final : public CertificateRepository {
public:
    explicit SqlCertificateRepository(Database& db) : m_db(db) {}

    Result<std::vector<int>> sequences_in_year(int year) override;
    Result<Id> create(Certificate const& certificate, std::string const& folded_search, UnixTime now) override;
    Result<std::optional<Certificate>> find(std::string const& number) override;
    Result<std::optional<Certificate>> of_trajectory(Id trajectory_id) override;
    Result<std::vector<Certificate>> of_member(Id member_id) override;
    Result<std::vector<std::pair<Certificate, std::string>>> listed() override;
    Status set_status(Certificate const& certificate, CertificateStatus expected) override;
    Status set_renewal(std::string const& number, Renewal const& renewal) override;
    Result<std::optional<SigningKeyPair>> signing_key() override;
    Result<SigningKeyPair> store_signing_key(SigningKeyPair const& pair, UnixTime now) override;

private:
    Database& m_db;
};

}  // namespace sterk
