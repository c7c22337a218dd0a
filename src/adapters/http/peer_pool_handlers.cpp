// Peer pools (variant `peer`): the caller's list, one pool with its members and the proposed
// visits, forming and editing one, and the member organisations that can be chosen. Who may see
// or change which pool, and the pool rule itself, are PeerPoolService's; these only decode and
// encode.
#include "adapters/http/call_support.h"
#include "adapters/http/handlers.h"
#include "adapters/http/json_body.h"

namespace sterk::http {

namespace {

Error not_found()
{
    return Error::not_found("Deze pool bestaat niet of is niet zichtbaar voor u.");
}

nlohmann::ordered_json organisation_ref(Organisation const& o)
{
    return {{"id", o.id}, {"name", o.name}};
}

nlohmann::ordered_json pool_json(PeerPoolView const& view)
{
    auto const name_of = [&](Id id) {
        for (auto const& m : view.members) {
            if (m.id == id) {
                return organisation_ref(m);
            }
        }
        return nlohmann::ordered_json{{"id", id}, {"name", ""}};
    };
    nlohmann::ordered_json members = nlohmann::ordered_json::array();
    for (auto const& m : view.members) {
        members.push_back({{"id", m.id}, {"name", m.name}, {"lidnummer", m.lidnummer}, {"town", m.city}});
    }
    nlohmann::ordered_json visits = nlohmann::ordered_json::array();
    for (auto const& v : view.visits) {
        nlohmann::ordered_json auditors = nlohmann::ordered_json::array();
        for (Id a : v.auditors) {
            auditors.push_back(name_of(a));
        }
        visits.push_back({{"audited", name_of(v.audited)}, {"auditors", auditors}, {"led_by", organisation_ref(view.ci)}});
    }
    return {{"id", view.pool.id},
            {"name", view.pool.name},
            {"ci", organisation_ref(view.ci)},
            {"state", peer_pool_state_key(view.pool.state)},
            {"members", members},
            {"visits", visits}};
}

Result<PeerPoolInput> pool_input(Call const& call)
{
    auto const body = TRY(JsonBody::parse(call.request.body, {"name", "ci_id", "members", "state"}));
    PeerPoolInput input;
    input.name = TRY(body.optional_string("name")).value_or("");
    input.ci_id = TRY(body.nullable_id("ci_id")).value_or(0);
    for (auto id : TRY(body.id_list("members"))) {
        input.members.push_back(id);
    }
    if (auto const state = TRY(body.optional_string("state"))) {
        input.state = parse_peer_pool_state(*state);
        if (!input.state) {
            return Error::invalid("state", "Kies als status open of closed.");
        }
    }
    return input;
}

}  // namespace

Result<Response> get_peer_pools(AppServices& app, Call const& call)
{
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (auto const& view : TRY(app.peer_pools.list(call.session->principal()))) {
        list.push_back(pool_json(view));
    }
    return Response::json_in_order(200, nlohmann::ordered_json{{"peer_pools", std::move(list)}});
}

Result<Response> post_peer_pool(AppServices& app, Call const& call)
{
    auto const input = TRY(pool_input(call));
    auto const view = TRY(app.peer_pools.create(call.session->principal(), actor_of(call), input,
                                                local_date(call.now), call.now));
    return Response::json_in_order(201, pool_json(view));
}

Result<Response> get_peer_pool(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    return Response::json_in_order(200, pool_json(TRY(app.peer_pools.get(call.session->principal(), id))));
}

Result<Response> put_peer_pool(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const input = TRY(pool_input(call));
    auto const view = TRY(app.peer_pools.update(call.session->principal(), actor_of(call), id, input,
                                                local_date(call.now), call.now));
    return Response::json_in_order(200, pool_json(view));
}

Result<Response> get_peer_pool_candidates(AppServices& app, Call const& call)
{
    nlohmann::ordered_json members = nlohmann::ordered_json::array();
    for (auto const& c : TRY(app.peer_pools.candidates(call.session->principal(), local_date(call.now)))) {
        nlohmann::ordered_json item{{"id", c.member.id},
                                    {"name", c.member.name},
                                    {"lidnummer", c.member.lidnummer},
                                    {"town", c.member.city},
                                    {"active", c.active}};
        item["inactive_reason"] = c.active ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.inactive_reason);
        if (c.open_pool) {
            item["open_pool"] = c.open_pool->pool_id == 0
                                    ? nlohmann::ordered_json{{"id", nullptr}, {"name", nullptr}}
                                    : nlohmann::ordered_json{{"id", c.open_pool->pool_id}, {"name", c.open_pool->pool_name}};
        } else {
            item["open_pool"] = nullptr;
        }
        members.push_back(std::move(item));
    }
    return Response::json_in_order(200, nlohmann::ordered_json{{"members", std::move(members)}});
}

}  // namespace sterk::http
