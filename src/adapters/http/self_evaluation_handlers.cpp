// Self-evaluations: the caller's list, starting one, one with its answers and progress, saving one
// answer over the version it was edited from (409 with the current answer when stale), and
// completing it. Who may see or change which one is SelfEvaluationService's rule; these only
// decode and encode.
#include "adapters/http/call_support.h"
#include "adapters/http/handlers.h"
#include "adapters/http/json_body.h"


namespace sterk::http {

namespace {

Error not_found()
{
    return Error::not_found("Deze zelfevaluatie bestaat niet of is niet zichtbaar voor u.");
}


nlohmann::json progress_json(std::vector<RubricProgress> const& progress)
{
    nlohmann::json out = nlohmann::json::array();
    for (auto const& p : progress) {
        out.push_back({{"rubric", p.rubric}, {"name", p.name}, {"answered", p.answered}, {"total", p.total}});
    }
    return out;
}

nlohmann::json answer_json(SelfEvaluationAnswer const& a)
{
    return {{"norm", a.norm}, {"verdict", a.verdict}, {"explanation", a.explanation}, {"version", a.version}};
}

nlohmann::json record_json(AppServices& app, SelfEvaluationRecord const& r)
{
    auto const member = app.users.organisation(r.member_id);
    return {{"id", r.id},
            {"member", {{"id", r.member_id}, {"name", member ? member->name : std::string{}}}},
            {"framework", r.framework_version},
            {"state", r.state},
            {"started_on", r.started_on},
            {"completed_on", r.completed_on.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.completed_on)}};
}

nlohmann::json view_json(AppServices& app, SelfEvaluationView const& view)
{
    auto out = record_json(app, view.record);
    out["progress"] = progress_json(view.progress);
    nlohmann::json answers = nlohmann::json::array();
    for (auto const& a : view.answers) {
        answers.push_back(answer_json(a));
    }
    out["answers"] = std::move(answers);
    return out;
}

}  // namespace

Result<Response> get_self_evaluations(AppServices& app, Call const& call)
{
    auto const principal = call.session->principal();
    nlohmann::json list = nlohmann::json::array();
    for (auto const& record : TRY(app.self_evaluations.list(principal))) {
        auto item = record_json(app, record);
        item["progress"] = progress_json(TRY(app.self_evaluations.get(principal, record.id)).progress);
        list.push_back(std::move(item));
    }
    return Response::json(200, nlohmann::json{{"self_evaluations", std::move(list)}});
}

Result<Response> post_self_evaluation(AppServices& app, Call const& call)
{
    if (!call.request.body.empty()) {
        TRY(JsonBody::parse(call.request.body, {}));
    }
    auto const view =
        TRY(app.self_evaluations.start(call.session->principal(), actor_of(call), local_date(call.now), call.now));
    return Response::json(201, view_json(app, view));
}

Result<Response> get_self_evaluation(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    return Response::json(200, view_json(app, TRY(app.self_evaluations.get(call.session->principal(), id))));
}

Result<Response> put_self_evaluation_answer(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const norm = call.params.find("norm");
    auto const body = TRY(JsonBody::parse(call.request.body, {"verdict", "explanation", "version"}));
    AnswerInput input;
    input.norm = norm == call.params.end() ? "" : norm->second;
    input.verdict = TRY(body.optional_string("verdict")).value_or("");
    input.explanation = TRY(body.optional_string("explanation")).value_or("");
    auto const version = TRY(body.required_count("version"));
    if (version > 1'000'000'000) {
        return Error::invalid("version", "Deze versie bestaat niet.");
    }
    auto const saved = TRY(app.self_evaluations.save_answer(call.session->principal(), actor_of(call), id, input,
                                                            static_cast<int>(version), call.now));
    if (saved.outcome == AnswerSave::Outcome::Stale) {
        return Response::json(409, {{"code", "failed_precondition"},
                                    {"message", "Iemand anders heeft dit antwoord intussen opgeslagen (versie " +
                                                    std::to_string(saved.answer.version) +
                                                    "). Kies welke tekst u wilt houden en sla opnieuw op."},
                                    {"field", "version"},
                                    {"current", answer_json(saved.answer)}});
    }
    auto out = answer_json(saved.answer);
    out["progress"] = progress_json(saved.progress);
    return Response::json(200, out);
}

Result<Response> post_self_evaluation_complete(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    if (!call.request.body.empty()) {
        TRY(JsonBody::parse(call.request.body, {}));
    }
    auto const view = TRY(app.self_evaluations.complete(call.session->principal(), actor_of(call), id,
                                                        local_date(call.now), call.now));
    return Response::json(200, view_json(app, view));
}

}  // namespace sterk::http
