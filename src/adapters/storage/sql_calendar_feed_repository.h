// File: sql_calendar_feed_repository.h
// SqlCalendarFeedRepository: CalendarFeedRepository on `calendar_feeds` (one row per user).
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlCalendarFeedRepository final : public CalendarFeedRepository {
public:
    explicit SqlCalendarFeedRepository(Database& db) : m_db(db) {}

    Result<std::optional<CalendarFeedRecord>> of_user(Id user_id) override;
    Result<std::optional<CalendarFeedRecord>> by_token_hash(std::string const& token_hash) override;
    Status replace(CalendarFeedRecord const& feed) override;
    Status remove(Id user_id) override;

private:
    Database& m_db;
};

}  // namespace sterk
