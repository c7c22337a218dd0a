#include "adapters/storage/sql_trajectory_repository.h"

namespace sterk {

namespace {

constexpr char const* COLUMNS =
    "id, member_id, ci_id, kind, variant, framework_version, previous_certificate_number,"
    " previous_certificate_expires, scope, created_at";

template <typename Query>
void bind(Query& query, TrajectoryRecord& t)
{
    query, soci::into(t.id), soci::into(t.member_id), soci::into(t.ci_id), soci::into(t.kind), soci::into(t.variant),
        soci::into(t.framework_version), soci::into(t.previous_certificate_number),
        soci::into(t.previous_certificate_expires), soci::into(t.scope), soci::into(t.created_at);
}

}  // namespace

Result<Id> SqlTrajectoryRepository::create(TrajectoryRecord const& t)
{
    return m_db.run("traject opslaan", [&](soci::session& sql) -> Result<Id> {
        Id id = 0;
        sql << "INSERT INTO trajectories (member_id, ci_id, kind, variant, framework_version,"
               " previous_certificate_number, previous_certificate_expires, scope, created_at)"
               " VALUES (:member, :ci, :kind, :variant, :framework, :number, :expires, :scope, :at) RETURNING id",
            soci::use(t.member_id), soci::use(t.ci_id), soci::use(t.kind), soci::use(t.variant),
            soci::use(t.framework_version), soci::use(t.previous_certificate_number),
            soci::use(t.previous_certificate_expires), soci::use(t.scope), soci::use(t.created_at), soci::into(id);
        return id;
    });
}

Result<std::optional<TrajectoryRecord>> SqlTrajectoryRepository::find(Id id)
{
    return m_db.run("traject zoeken", [&](soci::session& sql) -> Result<std::optional<TrajectoryRecord>> {
        TrajectoryRecord t;
        auto query = (sql.prepare << "SELECT " + std::string(COLUMNS) + " FROM trajectories WHERE id = :id", soci::use(id));
        bind(query, t);
        soci::statement statement(query);
        if (!statement.execute(true)) {
            return std::optional<TrajectoryRecord>{};
        }
        return std::optional<TrajectoryRecord>{t};
    });
}

Result<std::vector<TrajectoryRecord>> SqlTrajectoryRepository::list()
{
    return m_db.run("trajecten opvragen", [&](soci::session& sql) -> Result<std::vector<TrajectoryRecord>> {
        TrajectoryRecord t;
        auto query = (sql.prepare << "SELECT " + std::string(COLUMNS) + " FROM trajectories ORDER BY id DESC");
        bind(query, t);
        soci::statement statement(query);
        std::vector<TrajectoryRecord> out;
        statement.execute();
        while (statement.fetch()) {
            out.push_back(t);
        }
        return out;
    });
}

Result<std::vector<StoredEvent>> SqlTrajectoryRepository::events(Id trajectory_id)
{
    return m_db.run("gebeurtenissen opvragen", [&](soci::session& sql) -> Result<std::vector<StoredEvent>> {
        StoredEvent e;
        Id recorded_by = 0;
        soci::indicator recorded_by_null = soci::i_ok;
        soci::statement statement =
            (sql.prepare << "SELECT trajectory_id, seq, occurred_on, event_key, payload, recorded_by, recorded_at"
                            " FROM trajectory_events WHERE trajectory_id = :id ORDER BY seq",
             soci::use(trajectory_id), soci::into(e.trajectory_id), soci::into(e.seq), soci::into(e.on),
             soci::into(e.key), soci::into(e.payload), soci::into(recorded_by, recorded_by_null),
             soci::into(e.recorded_at));
        std::vector<StoredEvent> out;
        statement.execute();
        while (statement.fetch()) {
            e.recorded_by = recorded_by_null == soci::i_null ? std::nullopt : std::optional<Id>(recorded_by);
            out.push_back(e);
        }
        return out;
    });
}

Result<std::map<Id, int>> SqlTrajectoryRepository::last_seqs()
{
    return m_db.run("gebeurtenissen tellen", [&](soci::session& sql) -> Result<std::map<Id, int>> {
        Id id = 0;
        int seq = 0;
        soci::statement statement = (sql.prepare << "SELECT trajectory_id, MAX(seq) FROM trajectory_events"
                                                    " GROUP BY trajectory_id",
                                     soci::into(id), soci::into(seq));
        std::map<Id, int> out;
        statement.execute();
        while (statement.fetch()) {
            out[id] = seq;
        }
        return out;
    });
}

Status SqlTrajectoryRepository::append(StoredEvent const& e)
{
    Error const taken = Error::precondition("er is intussen een andere gebeurtenis vastgelegd; laad het traject opnieuw");
    return m_db.run(
        "gebeurtenis vastleggen",
        [&](soci::session& sql) -> Status {
            Id recorded_by = e.recorded_by.value_or(0);
            soci::indicator recorded_by_null = e.recorded_by ? soci::i_ok : soci::i_null;
            sql << "INSERT INTO trajectory_events (trajectory_id, seq, occurred_on, event_key, payload, recorded_by,"
                   " recorded_at) VALUES (:t, :seq, :on, :key, :payload, :by, :at)",
                soci::use(e.trajectory_id), soci::use(e.seq), soci::use(e.on), soci::use(e.key), soci::use(e.payload),
                soci::use(recorded_by, recorded_by_null), soci::use(e.recorded_at);
            return ok_status();
        },
        taken);
}

}  // namespace sterk
