// Self-evaluations: the caller's list, starting one (optionally carrying over a completed one's
// answers), one with its answers, evidence, progress and the CI's feedback, saving one answer over
// the version it was edited from (409 with the current answer when stale), completing it, handing
// it to a CI for feedback (with the CIs' fees), and the CI's feedback per norm. Who may see or
// change which one is SelfEvaluationService's rule; these only decode and encode.
#include "adapters/http/call_support.h"
#include "adapters/http/document_json.h"
#include "adapters/http/handlers.h"
#include "adapters/http/json_body.h"
#include "adapters/http/versioned_save.h"

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

nlohmann::json evidence_json(std::vector<Id> const& ids, std::map<Id, DocumentRecord> const& documents)
{
    nlohmann::json out = nlohmann::json::array();
    for (Id const id : ids) {
        auto const found = documents.find(id);
        if (found == documents.end()) {
            continue;
        }
        auto const& d = found->second;
        out.push_back({{"id", d.id}, {"filename", d.filename}, {"media_type", d.media_type}, {"size", d.size}});
    }
    return out;
}

nlohmann::json answer_json(SelfEvaluationAnswer const& a, std::map<Id, DocumentRecord> const& documents)
{
    return {{"norm", a.norm},
            {"verdict", a.verdict},
            {"explanation", a.explanation},
            {"version", a.version},
            {"to_confirm", a.to_confirm},
            {"evidence", evidence_json(a.evidence, documents)}};
}

nlohmann::json feedback_json(NormFeedback const& f)
{
    return {{"norm", f.norm}, {"text", f.text}, {"version", f.version}};
}

nlohmann::json organisation_ref(AppServices& app, Id id)
{
    auto const organisation = app.users.organisation(id);
    return {{"id", id}, {"name", organisation ? organisation->name : std::string{}}};
}

nlohmann::json feedback_request_json(AppServices& app, FeedbackRequest const& r)
{
    return {{"ci", organisation_ref(app, r.ci_id)}, {"requested_on", r.requested_on}};
}

nlohmann::json record_json(AppServices& app, SelfEvaluationRecord const& r)
{
    return {{"id", r.id},
            {"member", organisation_ref(app, r.member_id)},
            {"framework", r.framework_version},
            {"state", r.state},
            {"started_on", r.started_on},
            {"completed_on", r.completed_on.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.completed_on)},
            {"carried_from", r.carried_from ? nlohmann::json(*r.carried_from) : nlohmann::json(nullptr)}};
}

nlohmann::json view_json(AppServices& app, SelfEvaluationView const& view)
{
    auto out = record_json(app, view.record);
    out["progress"] = progress_json(view.progress);
    out["feedback_request"] =
        view.feedback_request ? feedback_request_json(app, *view.feedback_request) : nlohmann::json(nullptr);
    nlohmann::json answers = nlohmann::json::array();
    for (auto const& a : view.answers) {
        auto item = answer_json(a, view.documents);
        auto const feedback = view.feedback.find(a.norm);
        item["feedback"] = feedback == view.feedback.end() ? nlohmann::json(nullptr) : feedback_json(feedback->second);
        answers.push_back(std::move(item));
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
        auto const view = TRY(app.self_evaluations.get(principal, record.id));
        auto item = record_json(app, record);
        item["progress"] = progress_json(view.progress);
        item["feedback_request"] =
            view.feedback_request ? feedback_request_json(app, *view.feedback_request) : nlohmann::json(nullptr);
        list.push_back(std::move(item));
    }
    return Response::json(200, nlohmann::json{{"self_evaluations", std::move(list)}});
}

Result<Response> post_self_evaluation(AppServices& app, Call const& call)
{
    std::optional<Id> carry_over_from;
    if (!call.request.body.empty()) {
        auto const body = TRY(JsonBody::parse(call.request.body, {"carry_over_from"}));
        carry_over_from = TRY(body.nullable_id("carry_over_from"));
    }
    auto const view = TRY(app.self_evaluations.start(call.session->principal(), actor_of(call), local_date(call.now),
                                                     call.now, carry_over_from));
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
    auto const body = TRY(JsonBody::parse(call.request.body, {"verdict", "explanation", "version", "evidence"}));
    AnswerInput input;
    input.norm = norm == call.params.end() ? "" : norm->second;
    input.verdict = TRY(body.optional_string("verdict")).value_or("");
    input.explanation = TRY(body.optional_string("explanation")).value_or("");
    input.evidence = TRY(body.optional_id_list("evidence"));
    auto const version = TRY(version_of(body));
    auto const saved =
        TRY(app.self_evaluations.save_answer(call.session->principal(), actor_of(call), id, input, version, call.now));
    if (saved.outcome == AnswerSave::Outcome::Stale) {
        return Response::json(409, {{"code", "failed_precondition"},
                                    {"message", "Iemand anders heeft dit antwoord intussen opgeslagen (versie " +
                                                    std::to_string(saved.answer.version) +
                                                    "). Kies welke tekst u wilt houden en sla opnieuw op."},
                                    {"field", "version"},
                                    {"current", answer_json(saved.answer, saved.documents)}});
    }
    auto out = answer_json(saved.answer, saved.documents);
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

Result<Response> get_self_evaluation_feedback_offers(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    TRY(app.self_evaluations.get(call.session->principal(), id));
    nlohmann::json offers = nlohmann::json::array();
    for (auto const& entry : TRY(app.registry.cis(local_date(call.now)))) {
        if (!entry.lapsed.empty()) {
            continue;
        }
        nlohmann::json offer{{"id", entry.organisation.id}, {"name", entry.organisation.name}, {"fee", nullptr}};
        auto const* body = entry.profile.tariff_code.empty() ? nullptr : app.tariffs.find_body(entry.profile.tariff_code);
        if (body != nullptr && body->feedback_max_cents > 0) {
            offer["fee"] = {{"min_eur", static_cast<double>(body->feedback_min_cents) / 100.0},
                            {"max_eur", static_cast<double>(body->feedback_max_cents) / 100.0},
                            {"terms", body->feedback_terms}};
        }
        offers.push_back(std::move(offer));
    }
    return Response::json(200, {{"offers", offers}});
}

Result<Response> post_self_evaluation_feedback_request(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const body = TRY(JsonBody::parse(call.request.body, {"ci_id"}));
    auto const ci_id = TRY(body.nullable_id("ci_id"));
    if (!ci_id) {
        return Error::invalid("ci_id", "Kies een certificerende instelling uit de lijst.");
    }
    auto const request = TRY(app.self_evaluations.request_feedback(call.session->principal(), actor_of(call), id,
                                                                   *ci_id, local_date(call.now), call.now));
    return Response::json(201, feedback_request_json(app, request));
}

Result<Response> put_self_evaluation_feedback(AppServices& app, Call const& call)
{
    Id const id = TRY(path_id(call, not_found()));
    auto const norm = call.params.find("norm");
    auto const body = TRY(JsonBody::parse(call.request.body, {"text", "version"}));
    auto const text = TRY(body.optional_string("text")).value_or("");
    auto const version = TRY(version_of(body));
    auto const saved = TRY(app.self_evaluations.save_feedback(call.session->principal(), actor_of(call), id,
                                                              norm == call.params.end() ? "" : norm->second, text,
                                                              version, call.now));
    if (saved.outcome == AnswerSave::Outcome::Stale) {
        return Response::json(409, {{"code", "failed_precondition"},
                                    {"message", "Iemand anders heeft deze feedback intussen opgeslagen (versie " +
                                                    std::to_string(saved.feedback.version) +
                                                    "). Kies welke tekst u wilt houden en sla opnieuw op."},
                                    {"field", "version"},
                                    {"current", feedback_json(saved.feedback)}});
    }
    return Response::json(200, feedback_json(saved.feedback));
}

}  // namespace sterk::http
