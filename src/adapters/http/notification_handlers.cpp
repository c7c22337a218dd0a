// The caller's notifications and e-mail language, and the secretariat's outbox (issue 10 §5).
#include "adapters/http/call_support.h"
#include "adapters/http/handlers.h"
#include "adapters/http/json_body.h"

namespace sterk::http {

namespace {

nlohmann::json nullable(std::optional<std::int64_t> value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json outbox_message_json(OutboxMessage const& m)
{
    return {
        {"id", m.id},
        {"recipient", m.recipient},
        {"language", m.language},
        {"subject", m.subject},
        {"kind", m.kind},
        {"trajectory_id", nullable(m.trajectory_id)},
        {"status", outbox_status_key(m.status)},
        {"attempts", m.attempts},
        {"next_attempt_at", m.status == OutboxStatus::Pending ? nullable(m.next_attempt_at) : nlohmann::json(nullptr)},
        {"last_error", m.last_error},
        {"created_at", m.created_at},
        {"sent_at", nullable(m.sent_at)},
    };
}

nlohmann::json notification_json(OutboxMessage const& m)
{
    return {
        {"id", m.id},
        {"kind", m.kind},
        {"subject", m.subject},
        {"body", m.body},
        {"link", m.link},
        {"trajectory_id", nullable(m.trajectory_id)},
        {"created_at", m.created_at},
    };
}

Error outbox_not_found()
{
    return Error::not_found("Dit bericht bestaat niet.");
}

}  // namespace

Result<Response> get_my_language(AppServices& app, Call const& call)
{
    auto const language = TRY(app.notifications.language(call.session->principal()));
    return Response::json(200, {{"language", language}});
}

Result<Response> put_my_language(AppServices& app, Call const& call)
{
    auto const body = TRY(JsonBody::parse(call.request.body, {"language"}));
    auto const wanted = TRY(body.required_string("language"));
    auto const language =
        TRY(app.notifications.set_language(call.session->principal(), actor_of(call), wanted, call.now));
    return Response::json(200, {{"language", language}});
}

Result<Response> get_my_notifications(AppServices& app, Call const& call)
{
    nlohmann::json list = nlohmann::json::array();
    for (auto const& message : TRY(app.notifications.notifications(call.session->principal()))) {
        list.push_back(notification_json(message));
    }
    return Response::json(200, {{"notifications", list}});
}

Result<Response> get_outbox(AppServices& app, Call const& call)
{
    std::optional<OutboxStatus> status;
    if (auto const found = call.request.query.find("status"); found != call.request.query.end()) {
        status = parse_outbox_status(found->second);
        if (!status) {
            return Error::invalid("status", "Kies een status: pending, sent of failed.");
        }
    }
    auto const [messages, counts] = TRY(app.notifications.outbox(call.session->principal(), status));
    nlohmann::json list = nlohmann::json::array();
    for (auto const& message : messages) {
        list.push_back(outbox_message_json(message));
    }
    return Response::json(200, {{"messages", list},
                                {"counts", {{"pending", counts.pending}, {"sent", counts.sent}, {"failed", counts.failed}}}});
}

Result<Response> post_outbox_retry(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, outbox_not_found()));
    auto const message = TRY(app.notifications.retry(call.session->principal(), actor_of(call), id, call.now));
    return Response::json(200, outbox_message_json(message));
}

}  // namespace sterk::http
