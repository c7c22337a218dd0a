#include "adapters/storage/sql_plan_repository.h"

namespace sterk {

Status SqlPlanRepository::add_round(PlanRoundRecord const& r)
{
    return m_db.run(
        "ronde van het verbeterplan opslaan",
        [&](soci::session& sql) -> Status {
            sql << "INSERT INTO plan_rounds (trajectory_id, round, submitted_on, assessed_on, outcome, content, created_at)"
                   " VALUES (:t, :round, :submitted, :assessed, :outcome, :content, :at)",
                soci::use(r.trajectory_id), soci::use(r.round), soci::use(r.submitted_on), soci::use(r.assessed_on),
                soci::use(r.outcome), soci::use(r.content), soci::use(r.created_at);
            return ok_status();
        },
        Error::precondition("Deze ronde van het verbeterplan is al ingediend."));
}

Result<std::vector<PlanRoundRecord>> SqlPlanRepository::rounds(Id trajectory_id)
{
    return m_db.run("verbeterplan opvragen", [&](soci::session& sql) -> Result<std::vector<PlanRoundRecord>> {
        PlanRoundRecord r;
        soci::statement statement =
            (sql.prepare << "SELECT trajectory_id, round, submitted_on, assessed_on, outcome, content, created_at"
                            " FROM plan_rounds WHERE trajectory_id = :id ORDER BY round",
             soci::use(trajectory_id), soci::into(r.trajectory_id), soci::into(r.round), soci::into(r.submitted_on),
             soci::into(r.assessed_on), soci::into(r.outcome), soci::into(r.content), soci::into(r.created_at));
        std::vector<PlanRoundRecord> out;
        statement.execute();
        while (statement.fetch()) {
            out.push_back(r);
        }
        return out;
    });
}

Status SqlPlanRepository::assess_round(PlanRoundRecord const& r)
{
    return m_db.run("beoordeling van het verbeterplan opslaan", [&](soci::session& sql) -> Status {
        soci::statement statement =
            (sql.prepare << "UPDATE plan_rounds SET assessed_on = :assessed, outcome = :outcome, content = :content"
                            " WHERE trajectory_id = :t AND round = :round AND outcome = ''",
             soci::use(r.assessed_on), soci::use(r.outcome), soci::use(r.content), soci::use(r.trajectory_id),
             soci::use(r.round));
        statement.execute(true);
        if (statement.get_affected_rows() != 1) {
            return Error::precondition("Deze ronde van het verbeterplan is al beoordeeld.");
        }
        return ok_status();
    });
}

}  // namespace sterk
