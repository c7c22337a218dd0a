#include "adapters/storage/sql_self_evaluation_repository.h"

namespace sterk {

namespace {

constexpr char const* COLUMNS = "id, member_id, framework_version, state, started_on, completed_on, started_by, created_at";

// Row: the typed targets of one SELECT of COLUMNS.
struct Row {
    SelfEvaluationRecord record;
    Id started_by = 0;
    soci::indicator started_by_null = soci::i_ok;

    template <typename Query>
    void bind(Query& query)
    {
        query, soci::into(record.id), soci::into(record.member_id), soci::into(record.framework_version),
            soci::into(record.state), soci::into(record.started_on), soci::into(record.completed_on),
            soci::into(started_by, started_by_null), soci::into(record.created_at);
    }

    SelfEvaluationRecord value() const
    {
        SelfEvaluationRecord out = record;
        out.started_by = started_by_null == soci::i_null ? std::nullopt : std::optional<Id>(started_by);
        return out;
    }
};

Error const& stale_answer()
{
    static Error const error = Error::precondition(
        "Dit antwoord is intussen door iemand anders opgeslagen; bekijk de huidige tekst voordat u opnieuw opslaat.");
    return error;
}

}  // namespace

Result<Id> SqlSelfEvaluationRepository::create(SelfEvaluationRecord const& r)
{
    return m_db.run(
        "zelfevaluatie opslaan",
        [&](soci::session& sql) -> Result<Id> {
            Id id = 0;
            Id started_by = r.started_by.value_or(0);
            soci::indicator started_by_null = r.started_by ? soci::i_ok : soci::i_null;
            sql << "INSERT INTO self_evaluations (member_id, framework_version, state, started_on, completed_on,"
                   " started_by, created_at) VALUES (:member, :framework, :state, :started, :completed, :by, :at)"
                   " RETURNING id",
                soci::use(r.member_id), soci::use(r.framework_version), soci::use(r.state), soci::use(r.started_on),
                soci::use(r.completed_on), soci::use(started_by, started_by_null), soci::use(r.created_at),
                soci::into(id);
            return id;
        },
        Error::precondition("Er loopt al een zelfevaluatie; rond die eerst af."));
}

Result<std::optional<SelfEvaluationRecord>> SqlSelfEvaluationRepository::find(Id id)
{
    return m_db.run("zelfevaluatie zoeken", [&](soci::session& sql) -> Result<std::optional<SelfEvaluationRecord>> {
        Row row;
        auto query = (sql.prepare << "SELECT " + std::string(COLUMNS) + " FROM self_evaluations WHERE id = :id",
                      soci::use(id));
        row.bind(query);
        soci::statement statement(query);
        if (!statement.execute(true)) {
            return std::optional<SelfEvaluationRecord>{};
        }
        return std::optional<SelfEvaluationRecord>{row.value()};
    });
}

Result<std::vector<SelfEvaluationRecord>> SqlSelfEvaluationRepository::list(std::optional<Id> member_id)
{
    return m_db.run("zelfevaluaties opvragen", [&](soci::session& sql) -> Result<std::vector<SelfEvaluationRecord>> {
        Row row;
        Id member = member_id.value_or(0);
        int const all = member_id ? 0 : 1;
        auto query = (sql.prepare << "SELECT " + std::string(COLUMNS) +
                                         " FROM self_evaluations WHERE (:all = 1 OR member_id = :member) ORDER BY id DESC",
                      soci::use(all), soci::use(member));
        row.bind(query);
        soci::statement statement(query);
        std::vector<SelfEvaluationRecord> out;
        statement.execute();
        while (statement.fetch()) {
            out.push_back(row.value());
        }
        return out;
    });
}

Result<std::vector<SelfEvaluationAnswer>> SqlSelfEvaluationRepository::answers(Id self_evaluation_id)
{
    return m_db.run("antwoorden opvragen", [&](soci::session& sql) -> Result<std::vector<SelfEvaluationAnswer>> {
        SelfEvaluationAnswer a;
        Id updated_by = 0;
        soci::indicator updated_by_null = soci::i_ok;
        soci::statement statement =
            (sql.prepare << "SELECT self_evaluation_id, norm, verdict, explanation, version, updated_by, updated_at"
                            " FROM self_evaluation_answers WHERE self_evaluation_id = :id ORDER BY norm",
             soci::use(self_evaluation_id), soci::into(a.self_evaluation_id), soci::into(a.norm), soci::into(a.verdict),
             soci::into(a.explanation), soci::into(a.version), soci::into(updated_by, updated_by_null),
             soci::into(a.updated_at));
        std::vector<SelfEvaluationAnswer> out;
        statement.execute();
        while (statement.fetch()) {
            a.updated_by = updated_by_null == soci::i_null ? std::nullopt : std::optional<Id>(updated_by);
            out.push_back(a);
        }
        return out;
    });
}

Result<bool> SqlSelfEvaluationRepository::lock_if_open(Id id)
{
    return m_db.run("zelfevaluatie vergrendelen", [&](soci::session& sql) -> Result<bool> {
        // A no-op UPDATE: it takes the row's write lock (PostgreSQL) or the write lock (SQLite).
        soci::statement statement =
            (sql.prepare << "UPDATE self_evaluations SET state = state WHERE id = :id AND state = 'open'", soci::use(id));
        statement.execute(true);
        return statement.get_affected_rows() == 1;
    });
}

Status SqlSelfEvaluationRepository::save_answer(SelfEvaluationAnswer const& a, int expected_version)
{
    return m_db.run(
        "antwoord opslaan",
        [&](soci::session& sql) -> Status {
            Id updated_by = a.updated_by.value_or(0);
            soci::indicator updated_by_null = a.updated_by ? soci::i_ok : soci::i_null;
            int const version = expected_version + 1;
            if (expected_version == 0) {
                sql << "INSERT INTO self_evaluation_answers (self_evaluation_id, norm, verdict, explanation, version,"
                       " updated_by, updated_at) VALUES (:id, :norm, :verdict, :explanation, :version, :by, :at)",
                    soci::use(a.self_evaluation_id), soci::use(a.norm), soci::use(a.verdict), soci::use(a.explanation),
                    soci::use(version), soci::use(updated_by, updated_by_null), soci::use(a.updated_at);
                return ok_status();
            }
            soci::statement statement =
                (sql.prepare << "UPDATE self_evaluation_answers SET verdict = :verdict, explanation = :explanation,"
                                " version = :version, updated_by = :by, updated_at = :at"
                                " WHERE self_evaluation_id = :id AND norm = :norm AND version = :expected",
                 soci::use(a.verdict), soci::use(a.explanation), soci::use(version), soci::use(updated_by, updated_by_null),
                 soci::use(a.updated_at), soci::use(a.self_evaluation_id), soci::use(a.norm),
                 soci::use(expected_version));
            statement.execute(true);
            if (statement.get_affected_rows() != 1) {
                return stale_answer();
            }
            return ok_status();
        },
        stale_answer());
}

Status SqlSelfEvaluationRepository::complete(Id id, std::string const& on)
{
    return m_db.run("zelfevaluatie afronden", [&](soci::session& sql) -> Status {
        soci::statement statement =
            (sql.prepare << "UPDATE self_evaluations SET state = 'completed', completed_on = :on"
                            " WHERE id = :id AND state = 'open'",
             soci::use(on), soci::use(id));
        statement.execute(true);
        if (statement.get_affected_rows() != 1) {
            return Error::precondition("Deze zelfevaluatie is al afgerond.");
        }
        return ok_status();
    });
}

}  // namespace sterk
