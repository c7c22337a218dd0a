#include "adapters/storage/sql_organisation_repository.h"

namespace sterk {

namespace {

constexpr char const* COLUMNS = "id, kind, name, lidnummer, city, email, website";

// OrganisationRow: the columns as SOCI reads them; kind is text in the database.
struct OrganisationRow {
    Organisation organisation;
    std::string kind;

    template <typename Query>
    void bind(Query& query)
    {
        query, soci::into(organisation.id), soci::into(kind), soci::into(organisation.name),
            soci::into(organisation.lidnummer), soci::into(organisation.city), soci::into(organisation.email),
            soci::into(organisation.website);
    }

    Result<Organisation> to_organisation() const
    {
        auto parsed = parse_organisation_kind(kind);
        if (!parsed) {
            return Error::internal("onbekend soort organisatie in de database: " + kind);
        }
        Organisation out = organisation;
        out.kind = *parsed;
        return out;
    }
};

}  // namespace

Result<Id> SqlOrganisationRepository::create(Organisation const& organisation)
{
    return m_db.run("organisatie opslaan", [&](soci::session& sql) -> Result<Id> {
        std::string const kind = organisation_kind_key(organisation.kind);
        Id id = 0;
        sql << "INSERT INTO organisations (kind, name, lidnummer, city, email, website)"
               " VALUES (:kind, :name, :lidnummer, :city, :email, :website) RETURNING id",
            soci::use(kind), soci::use(organisation.name), soci::use(organisation.lidnummer),
            soci::use(organisation.city), soci::use(organisation.email), soci::use(organisation.website),
            soci::into(id);
        return id;
    });
}

Status SqlOrganisationRepository::update(Organisation const& organisation)
{
    return m_db.run("organisatie bijwerken", [&](soci::session& sql) -> Status {
        sql << "UPDATE organisations SET name = :name, lidnummer = :lidnummer, city = :city, email = :email,"
               " website = :website WHERE id = :id",
            soci::use(organisation.name), soci::use(organisation.lidnummer), soci::use(organisation.city),
            soci::use(organisation.email), soci::use(organisation.website), soci::use(organisation.id);
        return ok_status();
    });
}

Result<std::optional<Organisation>> SqlOrganisationRepository::find(Id id)
{
    return m_db.run("organisatie zoeken", [&](soci::session& sql) -> Result<std::optional<Organisation>> {
        OrganisationRow row;
        auto query = (sql.prepare << "SELECT " + std::string(COLUMNS) + " FROM organisations WHERE id = :id",
                      soci::use(id));
        row.bind(query);
        soci::statement statement(query);
        if (!statement.execute(true)) {
            return std::optional<Organisation>{};
        }
        return std::optional<Organisation>{TRY(row.to_organisation())};
    });
}

Result<std::vector<Organisation>> SqlOrganisationRepository::list()
{
    return m_db.run("organisaties opvragen", [&](soci::session& sql) -> Result<std::vector<Organisation>> {
        OrganisationRow row;
        auto query = (sql.prepare << "SELECT " + std::string(COLUMNS) + " FROM organisations ORDER BY id");
        row.bind(query);
        soci::statement statement(query);
        std::vector<Organisation> organisations;
        statement.execute();
        while (statement.fetch()) {
            organisations.push_back(TRY(row.to_organisation()));
        }
        return organisations;
    });
}

}  // namespace sterk
