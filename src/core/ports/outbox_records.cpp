#include "core/ports/outbox_records.h"

namespace sterk {

std::string outbox_status_key(OutboxStatus status)
{
    switch (status) {
    case OutboxStatus::Pending: return "pending";
    case OutboxStatus::Sent: return "sent";
    case OutboxStatus::Failed: return "failed";
    }
    return "pending";
}

std::optional<OutboxStatus> parse_outbox_status(std::string const& key)
{
    for (auto status : {OutboxStatus::Pending, OutboxStatus::Sent, OutboxStatus::Failed}) {
        if (outbox_status_key(status) == key) {
            return status;
        }
    }
    return std::nullopt;
}

}  // namespace sterk
