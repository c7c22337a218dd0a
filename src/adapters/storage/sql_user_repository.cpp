#include "adapters/storage/sql_user_repository.h"

#include "core/ascii.h"

namespace sterk {

namespace {

constexpr char const* COLUMNS = "id, email, name, role, organisation_id, password_hash, active, created_at, language";

// UserRow: the columns as SOCI reads them; role is text, active an integer, organisation NULLable.
struct UserRow {
    User user;
    std::string role;
    Id organisation_id = 0;
    soci::indicator organisation_indicator = soci::i_ok;
    int active = 1;

    template <typename Query>
    void bind(Query& query)
    {
        query, soci::into(user.id), soci::into(user.email), soci::into(user.name), soci::into(role),
            soci::into(organisation_id, organisation_indicator), soci::into(user.password_hash),
            soci::into(active), soci::into(user.created_at), soci::into(user.language);
    }

    Result<User> to_user() const
    {
        auto parsed = parse_role(role);
        if (!parsed) {
            return Error::internal("onbekende rol in de database: " + role);
        }
        User out = user;
        out.role = *parsed;
        if (organisation_indicator == soci::i_ok) {
            out.organisation_id = organisation_id;
        }
        out.active = active != 0;
        return out;
    }
};

Error duplicate_email()
{
    return Error{ErrorCode::AlreadyExists, "er is al een gebruiker met dit e-mailadres", "email"};
}

// find_user: the one user matching `condition`, which has one parameter bound to `value`.
template <typename Value>
Result<std::optional<User>> find_user(Database& db, std::string_view what, std::string const& condition,
                                      Value const& value)
{
    return db.run(what, [&](soci::session& sql) -> Result<std::optional<User>> {
        UserRow row;
        auto query = (sql.prepare << "SELECT " + std::string(COLUMNS) + " FROM users WHERE " + condition,
                      soci::use(value));
        row.bind(query);
        soci::statement statement(query);
        if (!statement.execute(true)) {
            return std::optional<User>{};
        }
        return std::optional<User>{TRY(row.to_user())};
    });
}

}  // namespace

Result<Id> SqlUserRepository::create(User const& user)
{
    return m_db.run(
        "gebruiker opslaan",
        [&](soci::session& sql) -> Result<Id> {
            std::string const email = ascii_lower(user.email);
            std::string const role = role_key(user.role);
            Id const organisation_id = user.organisation_id.value_or(0);
            soci::indicator organisation_indicator = user.organisation_id ? soci::i_ok : soci::i_null;
            int const active = user.active ? 1 : 0;
            Id id = 0;
            std::string const language = user.language.empty() ? std::string{"nl"} : user.language;
            sql << "INSERT INTO users (email, name, role, organisation_id, password_hash, active, created_at, language)"
                   " VALUES (:email, :name, :role, :organisation_id, :password_hash, :active, :created_at, :language)"
                   " RETURNING id",
                soci::use(email), soci::use(user.name), soci::use(role),
                soci::use(organisation_id, organisation_indicator), soci::use(user.password_hash),
                soci::use(active), soci::use(user.created_at), soci::use(language), soci::into(id);
            return id;
        },
        duplicate_email());
}

Result<std::optional<User>> SqlUserRepository::find(Id id)
{
    return find_user(m_db, "gebruiker zoeken", "id = :id", id);
}

Result<std::optional<User>> SqlUserRepository::find_by_email(std::string const& email)
{
    return find_user(m_db, "gebruiker zoeken op e-mailadres", "email = :email", ascii_lower(email));
}

Result<std::vector<User>> SqlUserRepository::list()
{
    return m_db.run("gebruikers opvragen", [&](soci::session& sql) -> Result<std::vector<User>> {
        UserRow row;
        auto query = (sql.prepare << "SELECT " + std::string(COLUMNS) + " FROM users ORDER BY id");
        row.bind(query);
        soci::statement statement(query);
        std::vector<User> users;
        statement.execute();
        while (statement.fetch()) {
            users.push_back(TRY(row.to_user()));
        }
        return users;
    });
}

Status SqlUserRepository::set_password_hash(Id id, std::string const& password_hash)
{
    return m_db.run("wachtwoord opslaan", [&](soci::session& sql) -> Status {
        soci::statement statement = (sql.prepare << "UPDATE users SET password_hash = :hash WHERE id = :id",
                                     soci::use(password_hash), soci::use(id));
        statement.execute(true);
        if (statement.get_affected_rows() == 0) {
            return Error::not_found("gebruiker " + std::to_string(id) + " bestaat niet");
        }
        return ok_status();
    });
}

Status SqlUserRepository::set_role(Id id, Role role, std::optional<Id> organisation_id)
{
    return m_db.run("rol opslaan", [&](soci::session& sql) -> Status {
        std::string const key = role_key(role);
        Id const organisation = organisation_id.value_or(0);
        soci::indicator organisation_indicator = organisation_id ? soci::i_ok : soci::i_null;
        soci::statement statement =
            (sql.prepare << "UPDATE users SET role = :role, organisation_id = :organisation_id WHERE id = :id",
             soci::use(key), soci::use(organisation, organisation_indicator), soci::use(id));
        statement.execute(true);
        if (statement.get_affected_rows() == 0) {
            return Error::not_found("gebruiker " + std::to_string(id) + " bestaat niet");
        }
        return ok_status();
    });
}

Status SqlUserRepository::set_active(Id id, bool active)
{
    return m_db.run("gebruiker (de)activeren", [&](soci::session& sql) -> Status {
        int const value = active ? 1 : 0;
        soci::statement statement =
            (sql.prepare << "UPDATE users SET active = :active WHERE id = :id", soci::use(value), soci::use(id));
        statement.execute(true);
        if (statement.get_affected_rows() == 0) {
            return Error::not_found("gebruiker " + std::to_string(id) + " bestaat niet");
        }
        return ok_status();
    });
}

Status SqlUserRepository::set_language(Id id, std::string const& language)
{
    return m_db.run("taal opslaan", [&](soci::session& sql) -> Status {
        soci::statement statement = (sql.prepare << "UPDATE users SET language = :language WHERE id = :id",
                                     soci::use(language), soci::use(id));
        statement.execute(true);
        if (statement.get_affected_rows() == 0) {
            return Error::not_found("gebruiker " + std::to_string(id) + " bestaat niet");
        }
        return ok_status();
    });
}

}  // namespace sterk
