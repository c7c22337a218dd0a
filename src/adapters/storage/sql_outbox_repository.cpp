#include "adapters/storage/sql_outbox_repository.h"

namespace sterk {

namespace {

constexpr char const* COLUMNS = "id, user_id, recipient, language, kind, trajectory_id, subject, body, link, status,"
                                " attempts, next_attempt_at, first_failed_at, last_error, created_at, sent_at";

// OutboxRow: the columns as SOCI reads them (NULLable ones with their indicators).
struct OutboxRow {
    OutboxMessage message;
    Id user_id = 0;
    soci::indicator user_indicator = soci::i_ok;
    Id trajectory_id = 0;
    soci::indicator trajectory_indicator = soci::i_ok;
    std::string status;
    UnixTime next_attempt_at = 0;
    soci::indicator next_indicator = soci::i_ok;
    UnixTime first_failed_at = 0;
    soci::indicator first_failed_indicator = soci::i_ok;
    UnixTime sent_at = 0;
    soci::indicator sent_indicator = soci::i_ok;

    template <typename Query>
    void bind(Query& query)
    {
        query, soci::into(message.id), soci::into(user_id, user_indicator), soci::into(message.recipient),
            soci::into(message.language), soci::into(message.kind), soci::into(trajectory_id, trajectory_indicator),
            soci::into(message.subject), soci::into(message.body), soci::into(message.link), soci::into(status),
            soci::into(message.attempts), soci::into(next_attempt_at, next_indicator),
            soci::into(first_failed_at, first_failed_indicator), soci::into(message.last_error),
            soci::into(message.created_at), soci::into(sent_at, sent_indicator);
    }

    Result<OutboxMessage> to_message() const
    {
        OutboxMessage out = message;
        auto const parsed = parse_outbox_status(status);
        if (!parsed) {
            return Error::internal("onbekende status in de outbox: " + status);
        }
        out.status = *parsed;
        out.user_id = user_indicator == soci::i_ok ? std::optional<Id>{user_id} : std::nullopt;
        out.trajectory_id = trajectory_indicator == soci::i_ok ? std::optional<Id>{trajectory_id} : std::nullopt;
        out.next_attempt_at = next_indicator == soci::i_ok ? std::optional<UnixTime>{next_attempt_at} : std::nullopt;
        out.first_failed_at =
            first_failed_indicator == soci::i_ok ? std::optional<UnixTime>{first_failed_at} : std::nullopt;
        out.sent_at = sent_indicator == soci::i_ok ? std::optional<UnixTime>{sent_at} : std::nullopt;
        return out;
    }
};

// select_rows: the rows of "SELECT COLUMNS FROM outbox <tail>", `tail` with the parameters `values`.
template <typename... Values>
Result<std::vector<OutboxMessage>> select_rows(Database& db, std::string_view what, std::string const& tail,
                                               Values const&... values)
{
    return db.run(what, [&](soci::session& sql) -> Result<std::vector<OutboxMessage>> {
        OutboxRow row;
        auto query = (sql.prepare << "SELECT " + std::string(COLUMNS) + " FROM outbox " + tail);
        (query, ..., soci::use(values));
        row.bind(query);
        soci::statement statement(query);
        std::vector<OutboxMessage> out;
        statement.execute();
        while (statement.fetch()) {
            out.push_back(TRY(row.to_message()));
        }
        return out;
    });
}

Error not_held(Id id)
{
    return Error::precondition("outboxbericht " + std::to_string(id) + " wordt niet (meer) door deze verzender vastgehouden");
}

}  // namespace

Result<Id> SqlOutboxRepository::add(OutboxMessage const& message)
{
    return m_db.run("outboxbericht opslaan", [&](soci::session& sql) -> Result<Id> {
        Id const user_id = message.user_id.value_or(0);
        soci::indicator user_indicator = message.user_id ? soci::i_ok : soci::i_null;
        Id const trajectory_id = message.trajectory_id.value_or(0);
        soci::indicator trajectory_indicator = message.trajectory_id ? soci::i_ok : soci::i_null;
        UnixTime const next = message.next_attempt_at.value_or(message.created_at);
        std::string const status = outbox_status_key(OutboxStatus::Pending);
        Id id = 0;
        sql << "INSERT INTO outbox (user_id, recipient, language, kind, trajectory_id, subject, body, link, status,"
               " attempts, next_attempt_at, last_error, created_at)"
               " VALUES (:user_id, :recipient, :language, :kind, :trajectory_id, :subject, :body, :link, :status,"
               " 0, :next_attempt_at, '', :created_at) RETURNING id",
            soci::use(user_id, user_indicator), soci::use(message.recipient), soci::use(message.language),
            soci::use(message.kind), soci::use(trajectory_id, trajectory_indicator), soci::use(message.subject),
            soci::use(message.body), soci::use(message.link), soci::use(status), soci::use(next),
            soci::use(message.created_at), soci::into(id);
        return id;
    });
}

Result<std::optional<OutboxMessage>> SqlOutboxRepository::find(Id id)
{
    auto rows = TRY(select_rows(m_db, "outboxbericht zoeken", "WHERE id = :id", id));
    if (rows.empty()) {
        return std::optional<OutboxMessage>{};
    }
    return std::optional<OutboxMessage>{std::move(rows.front())};
}

Result<std::vector<OutboxMessage>> SqlOutboxRepository::claim_due(UnixTime now, std::string const& owner,
                                                                  UnixTime lease_until, int limit)
{
    std::vector<Id> claimed;
    // A lost race costs one more round; bounded so a storm of competitors cannot keep us here.
    for (int round = 0; round < limit * 4 && static_cast<int>(claimed.size()) < limit; ++round) {
        auto const candidate = TRY(m_db.run("outbox: volgend bericht zoeken", [&](soci::session& sql) -> Result<std::optional<Id>> {
            Id id = 0;
            sql << "SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= :now"
                   " AND (lease_until IS NULL OR lease_until < :now2) ORDER BY id LIMIT 1",
                soci::use(now), soci::use(now), soci::into(id);
            return sql.got_data() ? std::optional<Id>{id} : std::nullopt;
        }));
        if (!candidate) {
            break;
        }
        bool const got = TRY(m_db.run("outbox: bericht vasthouden", [&](soci::session& sql) -> Result<bool> {
            soci::statement statement =
                (sql.prepare << "UPDATE outbox SET lease_owner = :owner, lease_until = :until"
                                " WHERE id = :id AND status = 'pending' AND next_attempt_at <= :now"
                                " AND (lease_until IS NULL OR lease_until < :now2)",
                 soci::use(owner), soci::use(lease_until), soci::use(*candidate), soci::use(now), soci::use(now));
            statement.execute(true);
            return statement.get_affected_rows() == 1;
        }));
        if (got) {
            claimed.push_back(*candidate);
        }
    }
    std::vector<OutboxMessage> out;
    for (Id id : claimed) {
        if (auto found = TRY(find(id))) {
            out.push_back(std::move(*found));
        }
    }
    return out;
}

Status SqlOutboxRepository::mark_sent(Id id, std::string const& owner, UnixTime at, std::string const& note)
{
    return m_db.run("outboxbericht verstuurd", [&](soci::session& sql) -> Status {
        soci::statement statement =
            (sql.prepare << "UPDATE outbox SET status = 'sent', sent_at = :at, last_error = :note,"
                            " lease_owner = NULL, lease_until = NULL WHERE id = :id AND lease_owner = :owner",
             soci::use(at), soci::use(note), soci::use(id), soci::use(owner));
        statement.execute(true);
        return statement.get_affected_rows() == 1 ? ok_status() : Status{not_held(id)};
    });
}

Status SqlOutboxRepository::mark_attempt_failed(Id id, std::string const& owner, UnixTime at, std::string const& error,
                                                std::optional<UnixTime> next_attempt_at)
{
    return m_db.run("outbox: mislukte poging", [&](soci::session& sql) -> Status {
        std::string const status = next_attempt_at ? "pending" : "failed";
        UnixTime const next = next_attempt_at.value_or(0);
        soci::indicator next_indicator = next_attempt_at ? soci::i_ok : soci::i_null;
        soci::statement statement =
            (sql.prepare << "UPDATE outbox SET status = :status, attempts = attempts + 1, last_error = :error,"
                            " first_failed_at = COALESCE(first_failed_at, :at), next_attempt_at = :next,"
                            " lease_owner = NULL, lease_until = NULL WHERE id = :id AND lease_owner = :owner",
             soci::use(status), soci::use(error), soci::use(at), soci::use(next, next_indicator), soci::use(id),
             soci::use(owner));
        statement.execute(true);
        return statement.get_affected_rows() == 1 ? ok_status() : Status{not_held(id)};
    });
}

Status SqlOutboxRepository::retry(Id id, UnixTime now)
{
    auto const found = TRY(find(id));
    if (!found) {
        return Error::not_found("Dit bericht bestaat niet.");
    }
    return m_db.run("outboxbericht opnieuw versturen", [&](soci::session& sql) -> Status {
        soci::statement statement =
            (sql.prepare << "UPDATE outbox SET status = 'pending', attempts = 0, first_failed_at = NULL,"
                            " next_attempt_at = :now, lease_owner = NULL, lease_until = NULL"
                            " WHERE id = :id AND status = 'failed'",
             soci::use(now), soci::use(id));
        statement.execute(true);
        if (statement.get_affected_rows() == 0) {
            return Error{ErrorCode::FailedPrecondition, "Alleen een mislukt bericht kan opnieuw verstuurd worden.",
                         "status"};
        }
        return ok_status();
    });
}

Result<std::vector<OutboxMessage>> SqlOutboxRepository::list(std::optional<OutboxStatus> status, int limit)
{
    if (status) {
        std::string const key = outbox_status_key(*status);
        return select_rows(m_db, "outbox opvragen", "WHERE status = :status ORDER BY id DESC LIMIT :limit", key, limit);
    }
    return select_rows(m_db, "outbox opvragen", "ORDER BY id DESC LIMIT :limit", limit);
}

Result<OutboxCounts> SqlOutboxRepository::counts()
{
    return m_db.run("outbox tellen", [&](soci::session& sql) -> Result<OutboxCounts> {
        OutboxCounts counts;
        std::string status;
        int count = 0;
        soci::statement statement =
            (sql.prepare << "SELECT status, COUNT(*) FROM outbox GROUP BY status", soci::into(status), soci::into(count));
        statement.execute();
        while (statement.fetch()) {
            if (status == "pending") {
                counts.pending = count;
            } else if (status == "sent") {
                counts.sent = count;
            } else if (status == "failed") {
                counts.failed = count;
            }
        }
        return counts;
    });
}

Result<std::vector<OutboxMessage>> SqlOutboxRepository::for_user(Id user_id, int limit)
{
    return select_rows(m_db, "meldingen opvragen", "WHERE user_id = :user_id ORDER BY id DESC LIMIT :limit", user_id,
                       limit);
}

Result<std::set<std::string>> SqlLifecycleRepository::applied_keys()
{
    return m_db.run("toegepaste termijneffecten lezen", [&](soci::session& sql) -> Result<std::set<std::string>> {
        std::set<std::string> keys;
        std::string key;
        soci::statement statement = (sql.prepare << "SELECT effect_key FROM lifecycle_applied", soci::into(key));
        statement.execute();
        while (statement.fetch()) {
            keys.insert(key);
        }
        return keys;
    });
}

Result<bool> SqlLifecycleRepository::mark_applied(std::string const& key, UnixTime at)
{
    return m_db.run("termijneffect vastleggen", [&](soci::session& sql) -> Result<bool> {
        soci::statement statement =
            (sql.prepare << "INSERT INTO lifecycle_applied (effect_key, applied_at) VALUES (:key, :at)"
                            " ON CONFLICT (effect_key) DO NOTHING",
             soci::use(key), soci::use(at));
        statement.execute(true);
        return statement.get_affected_rows() == 1;
    });
}

}  // namespace sterk
