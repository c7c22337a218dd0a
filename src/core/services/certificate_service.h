// File: certificate_service.h
// CertificateService: certificates as the parties and the public see them (issue 11; LIFECYCLE.md
// §2 "check" and "certificate", §3). As a trajectory's event effect it refuses receipt_confirmed
// while the Part A check is incomplete, numbers and stores the certificate of certificate_issued in
// the event's transaction (superseding the one it renews), and keeps the renewal's dates on the
// certificate a re-certification renews (so the register knows it is suspended, not lapsed). The
// secretariat reissues (a correction: new number, supersedes) and withdraws (with a public reason).
// The public register and the verification read the certificates table only.
//
// Example:
//   trajectories.add_effects(&certificates);
//   auto entries = TRY(certificates.register_entries({"welzijn", "", ""}, today));
#pragma once

#include "core/certificate/certificate.h"
#include "core/certificate/certificate_change.h"
#include "core/certificate/part_a_check.h"
#include "core/certificate/register_import.h"
#include "core/certificate/verification.h"
#include "core/services/report_service.h"
#include "core/services/trajectory_service.h"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace sterk {

// CertificateSigner: ed25519 over the signed payload (an adapter: libsodium).
class CertificateSigner {
public:
    virtual ~CertificateSigner() = default;
    virtual SigningKeyPair new_key_pair() = 0;
    // sign: base64url (no padding) of the detached signature; InvalidArgument for a broken key.
    virtual Result<std::string> sign(SigningKeyPair const& key, std::string const& payload) = 0;
    // verify: false for a wrong signature, a broken key or a broken encoding.
    virtual bool verify(std::string const& public_key, std::string const& payload, std::string const& signature) = 0;
};

// CertificateView: a certificate with its status on the day asked and its signed verification URL.
struct CertificateView {
    Certificate certificate;
    LiveStatus live;
    std::string verification_url;
};

struct RegisterQuery {
    std::string q;  // words in name, town, KvK, lidnummer, scope or number
    std::string town;
    std::string scope;
};

// PublicCertificate: the verification page: the certificate and every certificate of its member.
struct PublicCertificate {
    CertificateView certificate;
    std::vector<CertificateView> history;  // the member's, newest first (this one included)
};

// ImportMode: a register import that writes, or one that only checks (a dry run).
enum class ImportMode { Write, CheckOnly };

struct RegisterImportOptions {
    ImportMode mode = ImportMode::Write;
    // on_row_checked: after each row's check against the database (rows done, rows in the file).
    std::function<void(int, int)> on_row_checked;
};

// RegisterImportSummary: what an import did, or (checking only) would do.
struct RegisterImportSummary {
    int rows = 0;
    int members_created = 0;  // lidnummers not yet known: new member organisations
    int members_matched = 0;  // lidnummers of existing members
    int certificates_imported = 0;
    int certificates_present = 0;  // the same number with the same content: skipped (a re-run)
    int certificates_lapsed = 0;  // of those imported, past their expiry today
};

// RegisterImport: the summary, or every problem (with problems nothing was written).
struct RegisterImport {
    RegisterImportSummary summary;
    std::vector<ImportProblem> problems;
    bool written = false;
};

class CertificateService final : public EventEffects {
public:
    CertificateService(Store& store, TrajectoryService& trajectories, ReportCodec const& report_codec,
                       CertificateSigner& signer, ProcedureSettings const& procedure, std::string base_url);

    // set_announcer: who is told of a reissue or withdrawal, in its transaction (none: nobody).
    void set_announcer(CertificateAnnouncer* announcer) { m_announcer = announcer; }

    Status prepare(StoredTrajectory const& trajectory, RawEvent& raw) override;
    Status apply(StoredTrajectory const& trajectory, RawEvent const& raw, Actor const& actor, UnixTime now) override;

    // part_a_check: NotFound as TrajectoryService::get; PermissionDenied for anyone but the
    // secretariat and the trajectory's CI.
    Result<PartACheck> part_a_check(Principal const& caller, Id trajectory_id, Date today);
    // certificate: for its member, the CI of its trajectory, the secretariat and the committee;
    // NotFound for anyone else and for an unknown number.
    Result<CertificateView> certificate(Principal const& caller, std::string const& number, Date today, UnixTime now);
    // reissue / withdraw: the secretariat's (PermissionDenied otherwise); NotFound for an unknown
    // number; the core's refusals (certificate.h). Audited certificate.reissue / certificate.withdraw.
    Result<CertificateView> reissue(Principal const& caller, Actor const& actor, std::string const& number,
                                    Correction const& correction, Date today, UnixTime now);
    Result<CertificateView> withdraw(Principal const& caller, Actor const& actor, std::string const& number,
                                     std::string const& reason, Date today, UnixTime now);

    // import_register: the secretariat's (PermissionDenied otherwise) load of the register kept
    // before this system (register_import.h): the file is checked as a whole, its readable rows
    // also against the database (a member matched on lidnummer, which must be one member's; a number already stored
    // must hold the same certificate, then it is skipped, and no other certificate may have its
    // sequence), and only when nothing is wrong are the new members and the certificates written,
    // in one transaction with the audit entry register.import. The certificates have no
    // trajectory; live_status and the daily job treat them like any other.
    Result<RegisterImport> import_register(Principal const& caller, Actor const& actor, std::string const& csv,
                                           Date today, UnixTime now, RegisterImportOptions const& options = {});

    // register_entries: the certificates valid or suspended on `today` that match the query, by
    // member name (no login). The table's listed rows are kept in memory for REGISTER_CACHE_SECONDS
    // after `now` (a write through this service drops them at once; another server's write shows
    // within those seconds), so a burst of searches reads the database once.
    Result<std::vector<CertificateView>> register_entries(RegisterQuery const& query, Date today, UnixTime now);
    static constexpr UnixTime REGISTER_CACHE_SECONDS = 2;
    // register_rows_token: the identity of the listed rows a search reads now; it expires when they
    // are read again (after REGISTER_CACHE_SECONDS, or at once after a write through this service),
    // so an adapter may keep its rendering of an answer for exactly as long (held as a weak_ptr).
    Result<std::shared_ptr<void const>> register_rows_token(UnixTime now);
    // public_certificate: NotFound for an unknown number (no login).
    Result<PublicCertificate> public_certificate(std::string const& number, Date today, UnixTime now);
    // public_key: the register's ed25519 public key (base64), created once.
    Result<std::string> public_key(UnixTime now);
    // verify: whether `scanned` (a verification URL or its query) carries a valid signature by
    // `public_key`; the facts it states. InvalidArgument when it cannot be read.
    Result<SignedCertificate> read_scanned(std::string const& scanned) const;
    bool verify(std::string const& public_key, SignedCertificate const& scanned) const;

private:
    Result<SigningKeyPair> key(UnixTime now);
    Result<CertificateView> view_of(Certificate const& certificate, Date today, UnixTime now);
    Status issue(StoredTrajectory const& trajectory, RawEvent const& raw, Actor const& actor, UnixTime now);
    Status track_renewal(StoredTrajectory const& trajectory);
    Result<PartACheck> check_of(StoredTrajectory const& trajectory);
    Result<int> next_sequence(int year);

    using ListedRows = std::vector<std::pair<Certificate, std::string>>;
    Result<std::shared_ptr<ListedRows const>> listed(UnixTime now);
    void forget_listed();

    Store& m_store;
    std::mutex m_cache_mutex;
    std::shared_ptr<ListedRows const> m_listed;
    UnixTime m_listed_at = 0;
    TrajectoryService& m_trajectories;
    ReportCodec const& m_report_codec;
    CertificateSigner& m_signer;
    ProcedureSettings m_procedure;
    std::string m_base_url;
    CertificateAnnouncer* m_announcer = nullptr;
};

}  // namespace sterk
