#include "adapters/storage/sql_calendar_feed_repository.h"

namespace sterk {

Result<std::optional<CalendarFeedRecord>> SqlCalendarFeedRepository::of_user(Id user_id)
{
    return m_db.run("agenda-abonnement opvragen", [&](soci::session& sql) -> Result<std::optional<CalendarFeedRecord>> {
        CalendarFeedRecord r;
        sql << "SELECT user_id, token_hash, created_at FROM calendar_feeds WHERE user_id = :id", soci::use(user_id),
            soci::into(r.user_id), soci::into(r.token_hash), soci::into(r.created_at);
        return sql.got_data() ? std::optional<CalendarFeedRecord>(r) : std::nullopt;
    });
}

Result<std::optional<CalendarFeedRecord>> SqlCalendarFeedRepository::by_token_hash(std::string const& token_hash)
{
    return m_db.run("agenda-abonnement opvragen", [&](soci::session& sql) -> Result<std::optional<CalendarFeedRecord>> {
        CalendarFeedRecord r;
        sql << "SELECT user_id, token_hash, created_at FROM calendar_feeds WHERE token_hash = :hash",
            soci::use(token_hash), soci::into(r.user_id), soci::into(r.token_hash), soci::into(r.created_at);
        return sql.got_data() ? std::optional<CalendarFeedRecord>(r) : std::nullopt;
    });
}

Status SqlCalendarFeedRepository::replace(CalendarFeedRecord const& feed)
{
    return m_db.run("agenda-abonnement opslaan", [&](soci::session& sql) -> Status {
        sql << "DELETE FROM calendar_feeds WHERE user_id = :id", soci::use(feed.user_id);
        sql << "INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (:id, :hash, :at)",
            soci::use(feed.user_id), soci::use(feed.token_hash), soci::use(feed.created_at);
        return ok_status();
    });
}

Status SqlCalendarFeedRepository::remove(Id user_id)
{
    return m_db.run("agenda-abonnement stoppen", [&](soci::session& sql) -> Status {
        sql << "DELETE FROM calendar_feeds WHERE user_id = :id", soci::use(user_id);
        return ok_status();
    });
}

}  // namespace sterk
