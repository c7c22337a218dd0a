#include "adapters/storage/sql_registry_repository.h"

namespace sterk {

namespace {

std::string date_text(std::optional<Date> const& d)
{
    return d ? d->iso() : std::string{};
}

Result<std::optional<Date>> date_of(std::string const& text)
{
    if (text.empty()) {
        return std::optional<Date>{};
    }
    return std::optional<Date>{TRY(Date::parse(text, "date"))};
}

}  // namespace

Status SqlRegistryRepository::save_member(MemberProfile const& p)
{
    return m_db.run("lidgegevens opslaan", [&](soci::session& sql) -> Status {
        std::string const from = date_text(p.member_from);
        std::string const until = date_text(p.member_until);
        sql << "DELETE FROM member_profiles WHERE organisation_id = :id", soci::use(p.organisation_id);
        sql << "INSERT INTO member_profiles (organisation_id, kvk, address, postcode, contact_person, phone,"
               " member_from, member_until) VALUES (:id, :kvk, :address, :postcode, :contact, :phone, :from, :until)",
            soci::use(p.organisation_id), soci::use(p.kvk), soci::use(p.address), soci::use(p.postcode),
            soci::use(p.contact_person), soci::use(p.phone), soci::use(from), soci::use(until);
        return ok_status();
    });
}

Result<std::optional<MemberProfile>> SqlRegistryRepository::find_member(Id organisation_id)
{
    return m_db.run("lidgegevens zoeken", [&](soci::session& sql) -> Result<std::optional<MemberProfile>> {
        MemberProfile p;
        std::string from;
        std::string until;
        soci::statement statement =
            (sql.prepare << "SELECT organisation_id, kvk, address, postcode, contact_person, phone, member_from,"
                            " member_until FROM member_profiles WHERE organisation_id = :id",
             soci::use(organisation_id), soci::into(p.organisation_id), soci::into(p.kvk), soci::into(p.address),
             soci::into(p.postcode), soci::into(p.contact_person), soci::into(p.phone), soci::into(from),
             soci::into(until));
        if (!statement.execute(true)) {
            return std::optional<MemberProfile>{};
        }
        p.member_from = TRY(date_of(from));
        p.member_until = TRY(date_of(until));
        return std::optional<MemberProfile>{p};
    });
}

Status SqlRegistryRepository::save_ci(CiProfile const& p)
{
    return m_db.run("CI-gegevens opslaan", [&](soci::session& sql) -> Status {
        std::string const iso = date_text(p.iso17021_ea38_until);
        std::string const hkz = date_text(p.hkz_welzijn_until);
        std::string const insured = date_text(p.insured_until);
        int const complaints = p.complaints_procedure ? 1 : 0;
        int const contract = p.framework_contract ? 1 : 0;
        sql << "DELETE FROM ci_profiles WHERE organisation_id = :id", soci::use(p.organisation_id);
        sql << "INSERT INTO ci_profiles (organisation_id, kvk, address, postcode, phone, iso17021_ea38_until,"
               " hkz_welzijn_until, insured_until, complaints_procedure, framework_contract, tariff_code)"
               " VALUES (:id, :kvk, :address, :postcode, :phone, :iso, :hkz, :insured, :complaints, :contract, :tariff)",
            soci::use(p.organisation_id), soci::use(p.kvk), soci::use(p.address), soci::use(p.postcode),
            soci::use(p.phone), soci::use(iso), soci::use(hkz), soci::use(insured), soci::use(complaints),
            soci::use(contract), soci::use(p.tariff_code);
        return ok_status();
    });
}

Result<std::optional<CiProfile>> SqlRegistryRepository::find_ci(Id organisation_id)
{
    return m_db.run("CI-gegevens zoeken", [&](soci::session& sql) -> Result<std::optional<CiProfile>> {
        CiProfile p;
        std::string iso;
        std::string hkz;
        std::string insured;
        int complaints = 0;
        int contract = 0;
        soci::statement statement =
            (sql.prepare << "SELECT organisation_id, kvk, address, postcode, phone, iso17021_ea38_until,"
                            " hkz_welzijn_until, insured_until, complaints_procedure, framework_contract, tariff_code"
                            " FROM ci_profiles WHERE organisation_id = :id",
             soci::use(organisation_id), soci::into(p.organisation_id), soci::into(p.kvk), soci::into(p.address),
             soci::into(p.postcode), soci::into(p.phone), soci::into(iso), soci::into(hkz), soci::into(insured),
             soci::into(complaints), soci::into(contract), soci::into(p.tariff_code));
        if (!statement.execute(true)) {
            return std::optional<CiProfile>{};
        }
        p.iso17021_ea38_until = TRY(date_of(iso));
        p.hkz_welzijn_until = TRY(date_of(hkz));
        p.insured_until = TRY(date_of(insured));
        p.complaints_procedure = complaints != 0;
        p.framework_contract = contract != 0;
        return std::optional<CiProfile>{p};
    });
}

}  // namespace sterk
