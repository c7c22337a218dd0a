// ViewCache: see view_cache.h.
#include "core/services/view_cache.h"

namespace sterk {

// Everything a view depends on besides the framework (pinned per record): what log_of reads of
// the record, the log's length and the day.
std::string ViewCache::stamp_of(TrajectoryRecord const& record, int last_seq, Date today)
{
    return record.framework_version + '|' + record.kind + '|' + record.previous_certificate_number + '|' +
           record.previous_certificate_expires + '|' + std::to_string(last_seq) + '|' + today.iso();
}

std::optional<TrajectoryView> ViewCache::find(TrajectoryRecord const& record, int last_seq, Date today) const
{
    std::lock_guard const lock(m_mutex);
    auto const found = m_entries.find(record.id);
    if (found == m_entries.end() || found->second.stamp != stamp_of(record, last_seq, today)) {
        return std::nullopt;
    }
    return found->second.view;
}

void ViewCache::store(TrajectoryRecord const& record, int last_seq, Date today, TrajectoryView view)
{
    std::lock_guard const lock(m_mutex);
    if (m_entries.size() >= m_capacity && !m_entries.count(record.id)) {
        m_entries.clear();  // simpler than LRU; a full replay of everything is the worst case
    }
    m_entries[record.id] = Entry{stamp_of(record, last_seq, today), std::move(view)};
}

std::size_t ViewCache::size() const
{
    std::lock_guard const lock(m_mutex);
    return m_entries.size();
}

}  // namespace sterk
