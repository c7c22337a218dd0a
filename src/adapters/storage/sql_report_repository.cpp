#include "adapters/storage/sql_report_repository.h"

namespace sterk {

namespace {

Error stale_entry()
{
    return Error::precondition(
        "Dit is intussen door iemand anders opgeslagen; bekijk de huidige tekst voordat u opnieuw opslaat.");
}

std::optional<Id> nullable(Id value, soci::indicator indicator)
{
    return indicator == soci::i_null ? std::nullopt : std::optional<Id>(value);
}

}  // namespace

Status SqlReportRepository::lock(Id trajectory_id)
{
    return m_db.run("rapport vergrendelen", [&](soci::session& sql) -> Status {
        // A no-op UPDATE takes the trajectory row's write lock (PostgreSQL) or the write lock (SQLite).
        sql << "UPDATE trajectories SET created_at = created_at WHERE id = :id", soci::use(trajectory_id);
        return ok_status();
    });
}

Result<std::vector<ReportEntry>> SqlReportRepository::entries(Id trajectory_id)
{
    return m_db.run("rapport opvragen", [&](soci::session& sql) -> Result<std::vector<ReportEntry>> {
        ReportEntry e;
        Id updated_by = 0;
        soci::indicator updated_by_null = soci::i_ok;
        soci::statement statement =
            (sql.prepare << "SELECT trajectory_id, kind, entry_key, version, verdict, reason, body, extra, updated_by,"
                            " updated_at FROM report_entries WHERE trajectory_id = :id ORDER BY kind, entry_key",
             soci::use(trajectory_id), soci::into(e.trajectory_id), soci::into(e.kind), soci::into(e.key),
             soci::into(e.version), soci::into(e.verdict), soci::into(e.reason), soci::into(e.text), soci::into(e.extra),
             soci::into(updated_by, updated_by_null), soci::into(e.updated_at));
        std::vector<ReportEntry> out;
        statement.execute();
        while (statement.fetch()) {
            e.updated_by = nullable(updated_by, updated_by_null);
            out.push_back(e);
        }
        return out;
    });
}

Status SqlReportRepository::save_entry(ReportEntry const& e, int expected_version)
{
    return m_db.run(
        "rapport opslaan",
        [&](soci::session& sql) -> Status {
            Id updated_by = e.updated_by.value_or(0);
            soci::indicator updated_by_null = e.updated_by ? soci::i_ok : soci::i_null;
            int const version = expected_version + 1;
            if (expected_version == 0) {
                sql << "INSERT INTO report_entries (trajectory_id, kind, entry_key, version, verdict, reason, body, extra,"
                       " updated_by, updated_at) VALUES (:t, :kind, :key, :version, :verdict, :reason, :body, :extra,"
                       " :by, :at)",
                    soci::use(e.trajectory_id), soci::use(e.kind), soci::use(e.key), soci::use(version),
                    soci::use(e.verdict), soci::use(e.reason), soci::use(e.text), soci::use(e.extra),
                    soci::use(updated_by, updated_by_null), soci::use(e.updated_at);
                return ok_status();
            }
            soci::statement statement =
                (sql.prepare << "UPDATE report_entries SET version = :version, verdict = :verdict, reason = :reason,"
                                " body = :body, extra = :extra, updated_by = :by, updated_at = :at"
                                " WHERE trajectory_id = :t AND kind = :kind AND entry_key = :key AND version = :expected",
                 soci::use(version), soci::use(e.verdict), soci::use(e.reason), soci::use(e.text), soci::use(e.extra),
                 soci::use(updated_by, updated_by_null), soci::use(e.updated_at), soci::use(e.trajectory_id),
                 soci::use(e.kind), soci::use(e.key), soci::use(expected_version));
            statement.execute(true);
            if (statement.get_affected_rows() != 1) {
                return stale_entry();
            }
            return ok_status();
        },
        stale_entry());
}

Status SqlReportRepository::add_version(ReportVersionRecord const& v)
{
    return m_db.run(
        "rapportversie opslaan",
        [&](soci::session& sql) -> Status {
            sql << "INSERT INTO report_versions (trajectory_id, version, stage, dated, content, created_at)"
                   " VALUES (:t, :version, :stage, :dated, :content, :at)",
                soci::use(v.trajectory_id), soci::use(v.version), soci::use(v.stage), soci::use(v.dated),
                soci::use(v.content), soci::use(v.created_at);
            return ok_status();
        },
        Error::precondition("Deze rapportversie bestaat al."));
}

Result<std::vector<ReportVersionRecord>> SqlReportRepository::versions(Id trajectory_id)
{
    return m_db.run("rapportversies opvragen", [&](soci::session& sql) -> Result<std::vector<ReportVersionRecord>> {
        ReportVersionRecord v;
        soci::statement statement =
            (sql.prepare << "SELECT trajectory_id, version, stage, dated, content, created_at FROM report_versions"
                            " WHERE trajectory_id = :id ORDER BY version",
             soci::use(trajectory_id), soci::into(v.trajectory_id), soci::into(v.version), soci::into(v.stage),
             soci::into(v.dated), soci::into(v.content), soci::into(v.created_at));
        std::vector<ReportVersionRecord> out;
        statement.execute();
        while (statement.fetch()) {
            out.push_back(v);
        }
        return out;
    });
}

Result<Id> SqlReportRepository::add_remark(RemarkRecord const& r)
{
    return m_db.run("opmerking opslaan", [&](soci::session& sql) -> Result<Id> {
        Id id = 0;
        Id by = r.created_by.value_or(0);
        soci::indicator by_null = r.created_by ? soci::i_ok : soci::i_null;
        sql << "INSERT INTO report_remarks (trajectory_id, target, text, status, response, created_on, created_by,"
               " decided_on) VALUES (:t, :target, :text, :status, :response, :on, :by, :decided) RETURNING id",
            soci::use(r.trajectory_id), soci::use(r.target), soci::use(r.text), soci::use(r.status),
            soci::use(r.response), soci::use(r.created_on), soci::use(by, by_null), soci::use(r.decided_on),
            soci::into(id);
        return id;
    });
}

Result<std::vector<RemarkRecord>> SqlReportRepository::remarks(Id trajectory_id)
{
    return m_db.run("opmerkingen opvragen", [&](soci::session& sql) -> Result<std::vector<RemarkRecord>> {
        RemarkRecord r;
        Id created_by = 0;
        Id decided_by = 0;
        soci::indicator created_null = soci::i_ok;
        soci::indicator decided_null = soci::i_ok;
        soci::statement statement =
            (sql.prepare << "SELECT id, trajectory_id, target, text, status, response, created_on, created_by,"
                            " decided_on, decided_by FROM report_remarks WHERE trajectory_id = :t ORDER BY id",
             soci::use(trajectory_id), soci::into(r.id), soci::into(r.trajectory_id), soci::into(r.target),
             soci::into(r.text), soci::into(r.status), soci::into(r.response), soci::into(r.created_on),
             soci::into(created_by, created_null), soci::into(r.decided_on), soci::into(decided_by, decided_null));
        std::vector<RemarkRecord> out;
        statement.execute();
        while (statement.fetch()) {
            r.created_by = nullable(created_by, created_null);
            r.decided_by = nullable(decided_by, decided_null);
            out.push_back(r);
        }
        return out;
    });
}

Status SqlReportRepository::update_remark(RemarkRecord const& r, std::string const& expected_status)
{
    return m_db.run("opmerking bijwerken", [&](soci::session& sql) -> Status {
        Id by = r.decided_by.value_or(0);
        soci::indicator by_null = r.decided_by ? soci::i_ok : soci::i_null;
        soci::statement statement =
            (sql.prepare << "UPDATE report_remarks SET status = :status, response = :response, decided_on = :on,"
                            " decided_by = :by WHERE id = :id AND trajectory_id = :t AND status = :expected",
             soci::use(r.status), soci::use(r.response), soci::use(r.decided_on), soci::use(by, by_null),
             soci::use(r.id), soci::use(r.trajectory_id), soci::use(expected_status));
        statement.execute(true);
        if (statement.get_affected_rows() != 1) {
            return Error::precondition("Over deze opmerking is intussen al beslist.");
        }
        return ok_status();
    });
}

Status SqlReportRepository::delete_draft(Id trajectory_id, Id remark_id)
{
    return m_db.run("opmerking verwijderen", [&](soci::session& sql) -> Status {
        soci::statement statement =
            (sql.prepare << "DELETE FROM report_remarks WHERE id = :id AND trajectory_id = :t AND status = 'draft'",
             soci::use(remark_id), soci::use(trajectory_id));
        statement.execute(true);
        if (statement.get_affected_rows() != 1) {
            return Error::precondition("Alleen een opmerking die nog niet is ingediend kan weg.");
        }
        return ok_status();
    });
}

Result<Id> SqlReportRepository::add_part_b_request(PartBRequestRecord const& r)
{
    return m_db.run("verzoek deel B opslaan", [&](soci::session& sql) -> Result<Id> {
        Id id = 0;
        Id by = r.requested_by.value_or(0);
        soci::indicator by_null = r.requested_by ? soci::i_ok : soci::i_null;
        sql << "INSERT INTO part_b_requests (trajectory_id, reason, requested_by, requested_on, created_at)"
               " VALUES (:t, :reason, :by, :on, :at) RETURNING id",
            soci::use(r.trajectory_id), soci::use(r.reason), soci::use(by, by_null), soci::use(r.requested_on),
            soci::use(r.created_at), soci::into(id);
        return id;
    });
}

Result<std::vector<PartBRequestRecord>> SqlReportRepository::part_b_requests(Id trajectory_id)
{
    return m_db.run("verzoeken deel B opvragen", [&](soci::session& sql) -> Result<std::vector<PartBRequestRecord>> {
        PartBRequestRecord r;
        Id by = 0;
        soci::indicator by_null = soci::i_ok;
        soci::statement statement =
            (sql.prepare << "SELECT id, trajectory_id, reason, requested_by, requested_on, created_at"
                            " FROM part_b_requests WHERE trajectory_id = :t ORDER BY id",
             soci::use(trajectory_id), soci::into(r.id), soci::into(r.trajectory_id), soci::into(r.reason),
             soci::into(by, by_null), soci::into(r.requested_on), soci::into(r.created_at));
        std::vector<PartBRequestRecord> out;
        statement.execute();
        while (statement.fetch()) {
            r.requested_by = nullable(by, by_null);
            out.push_back(r);
        }
        return out;
    });
}

}  // namespace sterk
