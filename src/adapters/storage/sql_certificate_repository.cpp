#include "adapters/storage/sql_certificate_repository.h"

// GCC 12 reports a false -Wmaybe-uninitialized in Database::run's optional<Error> once run() is
// inlined into these readers (the optional is disengaged); nothing here reads it.
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"

namespace sterk {

namespace {

constexpr char const* COLUMNS =
    "SELECT id, number, year, sequence, member_id, member_name, town, kvk, lidnummer, scope, issued_on, valid_from,"
    " valid_through, expires, trajectory_id, status, status_on, reason, supersedes, superseded_by,"
    " renewal_accepted_on, renewal_positive_on, renewal_ended_on, search FROM certificates ";

std::optional<Date> optional_date(std::string const& text)
{
    if (text.empty()) {
        return std::nullopt;
    }
    auto parsed = Date::parse(text, "date");
    return parsed ? std::optional<Date>{*parsed} : std::nullopt;
}

std::string date_text(std::optional<Date> const& date)
{
    return date ? date->iso() : std::string{};
}

// CertificateRow: the columns as SOCI reads them.
struct CertificateRow {
    Certificate c;
    std::string issued, valid_from, valid_through, expires, status, status_on, accepted, positive, ended, search;
    Id trajectory_id = 0;
    soci::indicator trajectory_indicator = soci::i_ok;

    template <typename Query>
    void bind(Query& query)
    {
        query, soci::into(c.id), soci::into(c.number), soci::into(c.year), soci::into(c.sequence),
            soci::into(c.member_id), soci::into(c.member_name), soci::into(c.town), soci::into(c.kvk),
            soci::into(c.lidnummer), soci::into(c.scope), soci::into(issued), soci::into(valid_from),
            soci::into(valid_through), soci::into(expires), soci::into(trajectory_id, trajectory_indicator),
            soci::into(status), soci::into(status_on), soci::into(c.reason), soci::into(c.supersedes),
            soci::into(c.superseded_by), soci::into(accepted), soci::into(positive), soci::into(ended),
            soci::into(search);
    }

    Result<Certificate> value() const
    {
        Certificate out = c;
        out.issued = TRY(Date::parse(issued, "issued_on"));
        out.valid_from = TRY(Date::parse(valid_from, "valid_from"));
        out.valid_through = TRY(Date::parse(valid_through, "valid_through"));
        out.expires = TRY(Date::parse(expires, "expires"));
        out.trajectory_id = trajectory_indicator == soci::i_ok ? std::optional<Id>{trajectory_id} : std::nullopt;
        out.status = parse_certificate_status(status).value_or(CertificateStatus::Valid);
        out.status_on = optional_date(status_on);
        out.renewal = Renewal{optional_date(accepted), optional_date(positive), optional_date(ended)};
        return out;
    }
};

template <typename... Params>
Result<std::vector<std::pair<Certificate, std::string>>> select_rows(Database& db, std::string_view what,
                                                                     std::string const& where, Params const&... params)
{
    return db.run(what, [&](soci::session& sql) -> Result<std::vector<std::pair<Certificate, std::string>>> {
        CertificateRow row;
        auto query = (sql.prepare << std::string{COLUMNS} + where);
        if constexpr (sizeof...(params) > 0) {
            (query, ..., soci::use(params));
        }
        row.bind(query);
        soci::statement statement(query);
        std::vector<std::pair<Certificate, std::string>> out;
        statement.execute();
        while (statement.fetch()) {
            out.emplace_back(TRY(row.value()), row.search);
        }
        return out;
    });
}

}  // namespace

Result<std::vector<int>> SqlCertificateRepository::sequences_in_year(int year)
{
    return m_db.run("certificaatnummers opvragen", [&](soci::session& sql) -> Result<std::vector<int>> {
        int sequence = 0;
        soci::statement st = (sql.prepare << "SELECT sequence FROM certificates WHERE year = :y", soci::use(year),
                              soci::into(sequence));
        st.execute();
        std::vector<int> out;
        while (st.fetch()) {
            out.push_back(sequence);
        }
        return out;
    });
}

Result<Id> SqlCertificateRepository::create(Certificate const& c, std::string const& folded_search, UnixTime now)
{
    auto created = m_db.run(
        "certificaat opslaan",
        [&](soci::session& sql) -> Result<Id> {
            Id const trajectory_id = c.trajectory_id.value_or(0);
            soci::indicator trajectory_indicator = c.trajectory_id ? soci::i_ok : soci::i_null;
            std::string const issued = c.issued.iso(), from = c.valid_from.iso(), through = c.valid_through.iso(),
                              expires = c.expires.iso(), status = certificate_status_key(c.status),
                              status_on = date_text(c.status_on), accepted = date_text(c.renewal.accepted_on),
                              positive = date_text(c.renewal.positive_on), ended = date_text(c.renewal.ended_on);
            Id id = 0;
            sql << "INSERT INTO certificates (number, year, sequence, member_id, member_name, town, kvk, lidnummer,"
                   " scope, issued_on, valid_from, valid_through, expires, trajectory_id, status, status_on, reason,"
                   " supersedes, superseded_by, renewal_accepted_on, renewal_positive_on, renewal_ended_on, search,"
                   " created_at) VALUES (:number, :year, :sequence, :member, :name, :town, :kvk, :lid, :scope,"
                   " :issued, :from, :through, :expires, :trajectory, :status, :status_on, :reason, :supersedes,"
                   " :superseded_by, :accepted, :positive, :ended, :search, :at) RETURNING id",
                soci::use(c.number), soci::use(c.year), soci::use(c.sequence), soci::use(c.member_id),
                soci::use(c.member_name), soci::use(c.town), soci::use(c.kvk), soci::use(c.lidnummer),
                soci::use(c.scope), soci::use(issued), soci::use(from), soci::use(through), soci::use(expires),
                soci::use(trajectory_id, trajectory_indicator), soci::use(status), soci::use(status_on),
                soci::use(c.reason), soci::use(c.supersedes), soci::use(c.superseded_by), soci::use(accepted),
                soci::use(positive), soci::use(ended), soci::use(folded_search), soci::use(now), soci::into(id);
            return id;
        },
        Error::precondition("Certificaatnummer " + c.number +
                            " is net aan een ander certificaat gegeven; probeer het opnieuw."));
    if (!created && created.error().code == ErrorCode::FailedPrecondition) {
        auto error = created.error();
        error.field = "number";
        return error;
    }
    return created;
}

Result<std::optional<Certificate>> SqlCertificateRepository::find(std::string const& number)
{
    auto rows = TRY(select_rows(m_db, "certificaat zoeken", "WHERE number = :n", number));
    if (rows.empty()) {
        return std::optional<Certificate>{};
    }
    return std::optional<Certificate>{std::move(rows.front().first)};
}

Result<std::optional<Certificate>> SqlCertificateRepository::of_trajectory(Id trajectory_id)
{
    auto rows = TRY(select_rows(m_db, "certificaat van een traject zoeken",
                                "WHERE trajectory_id = :t ORDER BY id DESC", trajectory_id));
    if (rows.empty()) {
        return std::optional<Certificate>{};
    }
    return std::optional<Certificate>{std::move(rows.front().first)};
}

Result<std::vector<Certificate>> SqlCertificateRepository::of_member(Id member_id)
{
    auto rows = TRY(select_rows(m_db, "certificaten van een lid opvragen", "WHERE member_id = :m ORDER BY id DESC",
                                member_id));
    std::vector<Certificate> out;
    for (auto& row : rows) {
        out.push_back(std::move(row.first));
    }
    return out;
}

Result<std::vector<std::pair<Certificate, std::string>>> SqlCertificateRepository::listed()
{
    return select_rows(m_db, "register opvragen",
                       "WHERE status IN ('valid', 'suspended') ORDER BY member_name, number");
}

Status SqlCertificateRepository::set_status(Certificate const& c, CertificateStatus expected)
{
    return m_db.run("status van een certificaat opslaan", [&](soci::session& sql) -> Status {
        std::string const status = certificate_status_key(c.status), on = date_text(c.status_on),
                          was = certificate_status_key(expected);
        soci::statement st = (sql.prepare << "UPDATE certificates SET status = :status, status_on = :on,"
                                             " reason = :reason, superseded_by = :by WHERE number = :n AND status = :was",
                              soci::use(status), soci::use(on), soci::use(c.reason), soci::use(c.superseded_by),
                              soci::use(c.number), soci::use(was));
        st.execute(true);
        if (st.get_affected_rows() != 1) {
            return Error::precondition("Certificaat " + c.number + " is intussen veranderd; laad het opnieuw.");
        }
        return ok_status();
    });
}

Status SqlCertificateRepository::set_renewal(std::string const& number, Renewal const& r)
{
    return m_db.run("hercertificering bij een certificaat opslaan", [&](soci::session& sql) -> Status {
        std::string const accepted = date_text(r.accepted_on), positive = date_text(r.positive_on),
                          ended = date_text(r.ended_on);
        sql << "UPDATE certificates SET renewal_accepted_on = :a, renewal_positive_on = :p, renewal_ended_on = :e"
               " WHERE number = :n",
            soci::use(accepted), soci::use(positive), soci::use(ended), soci::use(number);
        return ok_status();
    });
}

Result<std::optional<SigningKeyPair>> SqlCertificateRepository::signing_key()
{
    return m_db.run("sleutel van het register lezen", [&](soci::session& sql) -> Result<std::optional<SigningKeyPair>> {
        SigningKeyPair pair;
        sql << "SELECT public_key, secret_key FROM signing_keys WHERE id = 1", soci::into(pair.public_key),
            soci::into(pair.secret_key);
        if (!sql.got_data()) {
            return std::optional<SigningKeyPair>{};
        }
        return std::optional<SigningKeyPair>{pair};
    });
}

Result<SigningKeyPair> SqlCertificateRepository::store_signing_key(SigningKeyPair const& pair, UnixTime now)
{
    // A key stored first by another server wins: the insert is refused and the stored one is read.
    auto const inserted = m_db.run(
        "sleutel van het register opslaan",
        [&](soci::session& sql) -> Status {
            sql << "INSERT INTO signing_keys (id, public_key, secret_key, created_at) VALUES (1, :p, :s, :at)",
                soci::use(pair.public_key), soci::use(pair.secret_key), soci::use(now);
            return ok_status();
        },
        Error::precondition("er is al een sleutel"));
    if (!inserted && inserted.error().code != ErrorCode::FailedPrecondition) {
        return inserted.error();
    }
    auto stored = TRY(signing_key());
    if (!stored) {
        return Error::internal("de sleutel van het register is niet opgeslagen");
    }
    return *stored;
}

}  // namespace sterk
