// File: sql_report_repository.h
// SqlReportRepository: ReportRepository on `report_entries` (the team's versioned findings,
// documents per rubric and Part A fields, one row per kind and key), `report_versions` (frozen
// concept and final), `report_remarks` and `part_b_requests`.
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlReportRepository final : public ReportRepository {
public:
    explicit SqlReportRepository(Database& db) : m_db(db) {}

    Status lock(Id trajectory_id) override;
    Result<std::vector<ReportEntry>> entries(Id trajectory_id) override;
    Status save_entry(ReportEntry const& entry, int expected_version) override;
    Status add_version(ReportVersionRecord const& version) override;
    Result<std::vector<ReportVersionRecord>> versions(Id trajectory_id) override;
    Result<Id> add_remark(RemarkRecord const& remark) override;
    Result<std::vector<RemarkRecord>> remarks(Id trajectory_id) override;
    Status update_remark(RemarkRecord const& remark, std::string const& expected_status) override;
    Status delete_draft(Id trajectory_id, Id remark_id) override;
    Result<Id> add_part_b_request(PartBRequestRecord const& request) override;
    Result<std::vector<PartBRequestRecord>> part_b_requests(Id trajectory_id) override;

private:
    Database& m_db;
};

}  // namespace sterk
