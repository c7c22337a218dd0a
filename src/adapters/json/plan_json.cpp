// The improvement plan's JSON: see plan_json.h.
#include "adapters/json/plan_json.h"

namespace sterk {

namespace {

using json = nlohmann::json;
using ordered = nlohmann::ordered_json;

json item_fields(PlanItem const& item)
{
    return json{{"cause", item.cause},
                {"actions", item.actions},
                {"who", item.who},
                {"by_when", item.by_when ? json(item.by_when->iso()) : json(nullptr)}};
}

Result<PlanItem> item_from(std::string const& norm, json const& j)
{
    if (!j.is_object()) {
        return Error::internal("opgeslagen plan van " + norm + " is geen JSON-object");
    }
    PlanItem item;
    item.norm = norm;
    item.cause = j.value("cause", "");
    item.actions = j.value("actions", "");
    item.who = j.value("who", "");
    if (auto found = j.find("by_when"); found != j.end() && found->is_string()) {
        item.by_when = TRY(Date::parse(found->get<std::string>(), "by_when"));
    }
    return item;
}

ordered approved_json(std::optional<bool> approved)
{
    return approved ? ordered(*approved) : ordered(nullptr);
}

}  // namespace

std::string JsonPlanCodec::encode_item(PlanItem const& item) const
{
    return item_fields(item).dump();
}

Result<PlanItem> JsonPlanCodec::decode_item(std::string const& norm, std::string const& text) const
{
    auto const j = json::parse(text, nullptr, false);
    if (j.is_discarded()) {
        return Error::internal("opgeslagen plan van " + norm + " is geen JSON");
    }
    return item_from(norm, j);
}

std::string JsonPlanCodec::encode_round(std::vector<PlanRoundItem> const& items) const
{
    json list = json::array();
    for (auto const& i : items) {
        auto j = item_fields(i.item);
        j["norm"] = i.item.norm;
        j["approved"] = i.approved ? json(*i.approved) : json(nullptr);
        j["remark"] = i.remark;
        list.push_back(std::move(j));
    }
    return list.dump();
}

Result<std::vector<PlanRoundItem>> JsonPlanCodec::decode_round(std::string const& text) const
{
    auto const list = json::parse(text, nullptr, false);
    if (!list.is_array()) {
        return Error::internal("opgeslagen ronde van het verbeterplan is geen JSON-lijst");
    }
    std::vector<PlanRoundItem> out;
    for (auto const& j : list) {
        PlanRoundItem i;
        i.item = TRY(item_from(j.value("norm", ""), j));
        if (auto found = j.find("approved"); found != j.end() && found->is_boolean()) {
            i.approved = found->get<bool>();
        }
        i.remark = j.value("remark", "");
        out.push_back(std::move(i));
    }
    return out;
}

ordered plan_assessment_to_json(PlanAssessmentView const& a)
{
    return ordered{{"approved", approved_json(a.assessment.approved)},
                   {"remark", a.assessment.remark},
                   {"version", a.version},
                   {"updated_by", a.updated_by},
                   {"updated_at", a.updated_at}};
}

ordered plan_item_to_json(PlanItemView const& v)
{
    return ordered{{"norm", v.item.norm},
                   {"verdict", v.verdict},
                   {"version", v.version},
                   {"cause", v.item.cause},
                   {"actions", v.item.actions},
                   {"who", v.item.who},
                   {"by_when", v.item.by_when ? ordered(v.item.by_when->iso()) : ordered(nullptr)},
                   {"complete", v.complete},
                   {"updated_by", v.updated_by},
                   {"updated_at", v.updated_at},
                   {"assessment", plan_assessment_to_json(v.assessment)}};
}

ordered plan_to_json(PlanView const& plan)
{
    ordered items = ordered::array();
    for (auto const& i : plan.items) {
        items.push_back(plan_item_to_json(i));
    }
    ordered rounds = ordered::array();
    for (auto const& r : plan.rounds) {
        ordered round_items = ordered::array();
        for (auto const& i : r.items) {
            round_items.push_back(ordered{{"norm", i.item.norm},
                                          {"cause", i.item.cause},
                                          {"actions", i.item.actions},
                                          {"who", i.item.who},
                                          {"by_when", i.item.by_when ? ordered(i.item.by_when->iso()) : ordered(nullptr)},
                                          {"approved", approved_json(i.approved)},
                                          {"remark", i.remark}});
        }
        rounds.push_back(ordered{{"round", r.round},
                                 {"submitted_on", r.submitted_on},
                                 {"assessed_on", r.assessed_on.empty() ? ordered(nullptr) : ordered(r.assessed_on)},
                                 {"outcome", r.outcome.empty() ? ordered(nullptr) : ordered(r.outcome)},
                                 {"items", std::move(round_items)}});
    }
    return ordered{{"stage", plan_stage_key(plan.stage)},
                   {"round", plan.round},
                   {"editable", plan.editable},
                   {"assessable", plan.assessable},
                   {"norms", plan.norms},
                   {"items", std::move(items)},
                   {"missing", plan.missing},
                   {"rounds", std::move(rounds)},
                   {"due", plan.due ? ordered(plan.due->iso()) : ordered(nullptr)}};
}

}  // namespace sterk
