#include "adapters/storage/sql_session_repository.h"

namespace sterk {

Status SqlSessionRepository::create(Session const& session)
{
    return m_db.run("sessie opslaan", [&](soci::session& sql) -> Status {
        sql << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)"
               " VALUES (:token_hash, :user_id, :csrf_token, :created_at, :expires_at)",
            soci::use(session.token_hash), soci::use(session.user_id), soci::use(session.csrf_token),
            soci::use(session.created_at), soci::use(session.expires_at);
        return ok_status();
    });
}

Result<std::optional<Session>> SqlSessionRepository::find(std::string const& token_hash)
{
    return m_db.run("sessie zoeken", [&](soci::session& sql) -> Result<std::optional<Session>> {
        Session session;
        sql << "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions"
               " WHERE token_hash = :token_hash",
            soci::use(token_hash), soci::into(session.token_hash), soci::into(session.user_id),
            soci::into(session.csrf_token), soci::into(session.created_at), soci::into(session.expires_at);
        if (!sql.got_data()) {
            return std::optional<Session>{};
        }
        return std::optional<Session>{session};
    });
}

Status SqlSessionRepository::remove(std::string const& token_hash)
{
    return m_db.run("sessie verwijderen", [&](soci::session& sql) -> Status {
        sql << "DELETE FROM sessions WHERE token_hash = :token_hash", soci::use(token_hash);
        return ok_status();
    });
}

Status SqlSessionRepository::remove_for_user(Id user_id)
{
    return m_db.run("sessies van gebruiker verwijderen", [&](soci::session& sql) -> Status {
        sql << "DELETE FROM sessions WHERE user_id = :user_id", soci::use(user_id);
        return ok_status();
    });
}

Status SqlSessionRepository::remove_expired(UnixTime now)
{
    return m_db.run("verlopen sessies verwijderen", [&](soci::session& sql) -> Status {
        sql << "DELETE FROM sessions WHERE expires_at <= :now", soci::use(now);
        return ok_status();
    });
}

}  // namespace sterk
