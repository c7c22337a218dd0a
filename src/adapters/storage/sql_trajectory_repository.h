// File: sql_trajectory_repository.h
// SqlTrajectoryRepository: TrajectoryRepository on `trajectories` and `trajectory_events`. The
// event table's primary key (trajectory_id, seq) makes two concurrent appends after the same
// read collide, and its triggers refuse UPDATE and DELETE: the log is append-only.
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlTrajectoryRepository final : public TrajectoryRepository {
public:
    explicit SqlTrajectoryRepository(Database& db) : m_db(db) {}

    Result<Id> create(TrajectoryRecord const& trajectory) override;
    Result<std::optional<TrajectoryRecord>> find(Id id) override;
    Result<std::vector<TrajectoryRecord>> list() override;
    Result<std::vector<StoredEvent>> events(Id trajectory_id) override;
    Result<std::map<Id, int>> last_seqs() override;
    Status append(StoredEvent const& event) override;

private:
    Database& m_db;
};

}  // namespace sterk
