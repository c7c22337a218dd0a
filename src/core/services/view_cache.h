// File: view_cache.h
// ViewCache: trajectory views already evaluated, so the lists that look at every trajectory (the
// home page's open actions, the secretariat's overview, the calendar feed) replay only the logs
// that changed. A view is a pure function of the record, the log and the day (LIFECYCLE.md §1);
// events are never edited or deleted, so the log's last seq stands for the log. The cache is
// checked against the database's seqs on every use, so several servers on one database agree.
// Thread-safe; bounded (cleared when it would hold more than `capacity` views).
#pragma once

#include "core/calendar/date.h"
#include "core/ports/trajectory_records.h"
#include "core/trajectory/trajectory.h"

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace sterk {

class ViewCache {
public:
    explicit ViewCache(std::size_t capacity = 20'000) : m_capacity(capacity) {}

    // find: the view of this record with this many events on `today`, when it was stored.
    std::optional<TrajectoryView> find(TrajectoryRecord const& record, int last_seq, Date today) const;
    void store(TrajectoryRecord const& record, int last_seq, Date today, TrajectoryView view);
    std::size_t size() const;

private:
    struct Entry {
        std::string stamp;
        TrajectoryView view;
    };
    static std::string stamp_of(TrajectoryRecord const& record, int last_seq, Date today);

    std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::unordered_map<Id, Entry> m_entries;
};

}  // namespace sterk
