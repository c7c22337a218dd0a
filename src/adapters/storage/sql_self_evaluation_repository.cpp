#include "adapters/storage/sql_self_evaluation_repository.h"

#include <map>

namespace sterk {

namespace {

constexpr char const* COLUMNS =
    "id, member_id, framework_version, state, started_on, completed_on, started_by, created_at, carried_from";

// Row: the typed targets of one SELECT of COLUMNS.
struct Row {
    SelfEvaluationRecord record;
    Id started_by = 0;
    soci::indicator started_by_null = soci::i_ok;
    Id carried_from = 0;
    soci::indicator carried_from_null = soci::i_ok;

    template <typename Query>
    void bind(Query& query)
    {
        query, soci::into(record.id), soci::into(record.member_id), soci::into(record.framework_version),
            soci::into(record.state), soci::into(record.started_on), soci::into(record.completed_on),
            soci::into(started_by, started_by_null), soci::into(record.created_at),
            soci::into(carried_from, carried_from_null);
    }

    SelfEvaluationRecord value() const
    {
        SelfEvaluationRecord out = record;
        out.started_by = started_by_null == soci::i_null ? std::nullopt : std::optional<Id>(started_by);
        out.carried_from = carried_from_null == soci::i_null ? std::nullopt : std::optional<Id>(carried_from);
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
            Id carried_from = r.carried_from.value_or(0);
            soci::indicator carried_from_null = r.carried_from ? soci::i_ok : soci::i_null;
            sql << "INSERT INTO self_evaluations (member_id, framework_version, state, started_on, completed_on,"
                   " started_by, created_at, carried_from)"
                   " VALUES (:member, :framework, :state, :started, :completed, :by, :at, :carried) RETURNING id",
                soci::use(r.member_id), soci::use(r.framework_version), soci::use(r.state), soci::use(r.started_on),
                soci::use(r.completed_on), soci::use(started_by, started_by_null), soci::use(r.created_at),
                soci::use(carried_from, carried_from_null), soci::into(id);
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
        int to_confirm = 0;
        soci::statement statement =
            (sql.prepare << "SELECT self_evaluation_id, norm, verdict, explanation, version, updated_by, updated_at,"
                            " to_confirm FROM self_evaluation_answers WHERE self_evaluation_id = :id ORDER BY norm",
             soci::use(self_evaluation_id), soci::into(a.self_evaluation_id), soci::into(a.norm), soci::into(a.verdict),
             soci::into(a.explanation), soci::into(a.version), soci::into(updated_by, updated_by_null),
             soci::into(a.updated_at), soci::into(to_confirm));
        std::vector<SelfEvaluationAnswer> out;
        std::map<std::string, std::size_t> index;
        statement.execute();
        while (statement.fetch()) {
            a.updated_by = updated_by_null == soci::i_null ? std::nullopt : std::optional<Id>(updated_by);
            a.to_confirm = to_confirm != 0;
            index[a.norm] = out.size();
            out.push_back(a);
        }
        std::string norm;
        Id document_id = 0;
        soci::statement evidence =
            (sql.prepare << "SELECT norm, document_id FROM self_evaluation_evidence WHERE self_evaluation_id = :id"
                            " ORDER BY norm, position",
             soci::use(self_evaluation_id), soci::into(norm), soci::into(document_id));
        evidence.execute();
        while (evidence.fetch()) {
            auto const found = index.find(norm);
            if (found != index.end()) {
                out[found->second].evidence.push_back(document_id);
            }
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
            int const to_confirm = a.to_confirm ? 1 : 0;
            if (expected_version == 0) {
                sql << "INSERT INTO self_evaluation_answers (self_evaluation_id, norm, verdict, explanation, version,"
                       " updated_by, updated_at, to_confirm)"
                       " VALUES (:id, :norm, :verdict, :explanation, :version, :by, :at, :confirm)",
                    soci::use(a.self_evaluation_id), soci::use(a.norm), soci::use(a.verdict), soci::use(a.explanation),
                    soci::use(version), soci::use(updated_by, updated_by_null), soci::use(a.updated_at),
                    soci::use(to_confirm);
            } else {
                soci::statement statement =
                    (sql.prepare << "UPDATE self_evaluation_answers SET verdict = :verdict, explanation = :explanation,"
                                    " version = :version, updated_by = :by, updated_at = :at, to_confirm = :confirm"
                                    " WHERE self_evaluation_id = :id AND norm = :norm AND version = :expected",
                     soci::use(a.verdict), soci::use(a.explanation), soci::use(version),
                     soci::use(updated_by, updated_by_null), soci::use(a.updated_at), soci::use(to_confirm),
                     soci::use(a.self_evaluation_id), soci::use(a.norm), soci::use(expected_version));
                statement.execute(true);
                if (statement.get_affected_rows() != 1) {
                    return stale_answer();
                }
                sql << "DELETE FROM self_evaluation_evidence WHERE self_evaluation_id = :id AND norm = :norm",
                    soci::use(a.self_evaluation_id), soci::use(a.norm);
            }
            for (std::size_t i = 0; i < a.evidence.size(); ++i) {
                int const position = static_cast<int>(i);
                sql << "INSERT INTO self_evaluation_evidence (self_evaluation_id, norm, position, document_id)"
                       " VALUES (:id, :norm, :position, :document)",
                    soci::use(a.self_evaluation_id), soci::use(a.norm), soci::use(position), soci::use(a.evidence[i]);
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

Result<std::vector<DocumentRecord>> SqlSelfEvaluationRepository::evidence_documents(Id self_evaluation_id)
{
    return m_db.run("bewijsstukken opvragen", [&](soci::session& sql) -> Result<std::vector<DocumentRecord>> {
        DocumentRecord d;
        long long size = 0;
        Id uploaded_by = 0;
        soci::indicator uploaded_by_null = soci::i_ok;
        soci::statement statement =
            (sql.prepare << "SELECT id, owner_id, filename, media_type, size, sha256, uploaded_by, uploaded_at"
                            " FROM documents WHERE id IN (SELECT document_id FROM self_evaluation_evidence"
                            " WHERE self_evaluation_id = :id) ORDER BY id",
             soci::use(self_evaluation_id), soci::into(d.id), soci::into(d.owner_id), soci::into(d.filename),
             soci::into(d.media_type), soci::into(size), soci::into(d.sha256), soci::into(uploaded_by, uploaded_by_null),
             soci::into(d.uploaded_at));
        std::vector<DocumentRecord> out;
        statement.execute();
        while (statement.fetch()) {
            d.size = size;
            d.uploaded_by = uploaded_by_null == soci::i_null ? std::nullopt : std::optional<Id>(uploaded_by);
            out.push_back(d);
        }
        return out;
    });
}

Status SqlSelfEvaluationRepository::request_feedback(FeedbackRequest const& r)
{
    return m_db.run(
        "feedbackverzoek opslaan",
        [&](soci::session& sql) -> Status {
            Id requested_by = r.requested_by.value_or(0);
            soci::indicator requested_by_null = r.requested_by ? soci::i_ok : soci::i_null;
            sql << "INSERT INTO self_evaluation_feedback_requests (self_evaluation_id, ci_id, requested_on,"
                   " requested_by, created_at) VALUES (:id, :ci, :on, :by, :at)",
                soci::use(r.self_evaluation_id), soci::use(r.ci_id), soci::use(r.requested_on),
                soci::use(requested_by, requested_by_null), soci::use(r.created_at);
            return ok_status();
        },
        Error::precondition("Voor deze zelfevaluatie is al feedback gevraagd."));
}

Result<std::optional<FeedbackRequest>> SqlSelfEvaluationRepository::feedback_request(Id self_evaluation_id)
{
    return m_db.run("feedbackverzoek zoeken", [&](soci::session& sql) -> Result<std::optional<FeedbackRequest>> {
        FeedbackRequest r;
        Id requested_by = 0;
        soci::indicator requested_by_null = soci::i_ok;
        sql << "SELECT self_evaluation_id, ci_id, requested_on, requested_by, created_at"
               " FROM self_evaluation_feedback_requests WHERE self_evaluation_id = :id",
            soci::use(self_evaluation_id), soci::into(r.self_evaluation_id), soci::into(r.ci_id),
            soci::into(r.requested_on), soci::into(requested_by, requested_by_null), soci::into(r.created_at);
        if (!sql.got_data()) {
            return std::optional<FeedbackRequest>{};
        }
        r.requested_by = requested_by_null == soci::i_null ? std::nullopt : std::optional<Id>(requested_by);
        return std::optional<FeedbackRequest>{r};
    });
}

Result<std::vector<SelfEvaluationRecord>> SqlSelfEvaluationRepository::handed_to(Id ci_id)
{
    return m_db.run("zelfevaluaties voor feedback opvragen", [&](soci::session& sql) -> Result<std::vector<SelfEvaluationRecord>> {
        Row row;
        auto query = (sql.prepare << "SELECT " + std::string(COLUMNS) +
                                         " FROM self_evaluations WHERE id IN (SELECT self_evaluation_id"
                                         " FROM self_evaluation_feedback_requests WHERE ci_id = :ci) ORDER BY id DESC",
                      soci::use(ci_id));
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

Result<std::vector<NormFeedback>> SqlSelfEvaluationRepository::feedback(Id self_evaluation_id)
{
    return m_db.run("feedback opvragen", [&](soci::session& sql) -> Result<std::vector<NormFeedback>> {
        NormFeedback f;
        Id updated_by = 0;
        soci::indicator updated_by_null = soci::i_ok;
        soci::statement statement =
            (sql.prepare << "SELECT self_evaluation_id, norm, text, version, updated_by, updated_at"
                            " FROM self_evaluation_feedback WHERE self_evaluation_id = :id ORDER BY norm",
             soci::use(self_evaluation_id), soci::into(f.self_evaluation_id), soci::into(f.norm), soci::into(f.text),
             soci::into(f.version), soci::into(updated_by, updated_by_null), soci::into(f.updated_at));
        std::vector<NormFeedback> out;
        statement.execute();
        while (statement.fetch()) {
            f.updated_by = updated_by_null == soci::i_null ? std::nullopt : std::optional<Id>(updated_by);
            out.push_back(f);
        }
        return out;
    });
}

Status SqlSelfEvaluationRepository::save_feedback(NormFeedback const& f, int expected_version)
{
    return m_db.run(
        "feedback opslaan",
        [&](soci::session& sql) -> Status {
            Id updated_by = f.updated_by.value_or(0);
            soci::indicator updated_by_null = f.updated_by ? soci::i_ok : soci::i_null;
            int const version = expected_version + 1;
            if (expected_version == 0) {
                sql << "INSERT INTO self_evaluation_feedback (self_evaluation_id, norm, text, version, updated_by,"
                       " updated_at) VALUES (:id, :norm, :text, :version, :by, :at)",
                    soci::use(f.self_evaluation_id), soci::use(f.norm), soci::use(f.text), soci::use(version),
                    soci::use(updated_by, updated_by_null), soci::use(f.updated_at);
                return ok_status();
            }
            soci::statement statement =
                (sql.prepare << "UPDATE self_evaluation_feedback SET text = :text, version = :version, updated_by = :by,"
                                " updated_at = :at WHERE self_evaluation_id = :id AND norm = :norm AND version = :expected",
                 soci::use(f.text), soci::use(version), soci::use(updated_by, updated_by_null), soci::use(f.updated_at),
                 soci::use(f.self_evaluation_id), soci::use(f.norm), soci::use(expected_version));
            statement.execute(true);
            if (statement.get_affected_rows() != 1) {
                return stale_answer();
            }
            return ok_status();
        },
        stale_answer());
}

Result<bool> SqlSelfEvaluationRepository::document_shared_with(Id document_id, Id ci_id)
{
    return m_db.run("gedeeld document zoeken", [&](soci::session& sql) -> Result<bool> {
        int count = 0;
        sql << "SELECT COUNT(*) FROM self_evaluation_evidence e JOIN self_evaluation_feedback_requests r"
               " ON r.self_evaluation_id = e.self_evaluation_id WHERE e.document_id = :document AND r.ci_id = :ci",
            soci::use(document_id), soci::use(ci_id), soci::into(count);
        return count > 0;
    });
}

}  // namespace sterk
