#include "core/services/self_evaluation_service.h"

#include "core/registry/registry.h"
#include "core/rules/verdict.h"

#include <algorithm>
#include <map>

namespace sterk {

namespace {

Error not_found()
{
    return Error::not_found("Deze zelfevaluatie bestaat niet of is niet zichtbaar voor u.");
}

std::string subject_of(Id id)
{
    return "self-evaluation:" + std::to_string(id);
}

AuditEntry entry_for(Actor const& actor, UnixTime now, std::string action, Id id, std::string detail)
{
    auto entry = audit_entry(now, std::move(action), actor.email, actor.ip, actor.user_id, std::move(detail));
    entry.subject = subject_of(id);
    return entry;
}

std::string join(std::vector<std::string> const& items)
{
    std::string out;
    for (auto const& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

}  // namespace

std::vector<RubricProgress> self_evaluation_progress(NormFramework const& framework,
                                                     std::vector<SelfEvaluationAnswer> const& answers)
{
    std::map<std::string, std::string> verdicts;
    for (auto const& a : answers) {
        verdicts[a.norm] = a.verdict;
    }
    std::vector<RubricProgress> out;
    for (auto const& rubric : framework.rubrics) {
        RubricProgress p{rubric.code, rubric.name, 0, 0};
        for (auto const& norm : framework.norms) {
            if (norm.rubric != rubric.code) {
                continue;
            }
            ++p.total;
            auto const found = verdicts.find(norm.code);
            if (found != verdicts.end() && !found->second.empty()) {
                ++p.answered;
            }
        }
        out.push_back(std::move(p));
    }
    return out;
}

SelfEvaluationService::SelfEvaluationService(Store& store, FrameworkFinder frameworks, std::string current_version)
    : m_store(store), m_frameworks(std::move(frameworks)), m_current_version(std::move(current_version))
{
}

Result<bool> SelfEvaluationService::may_see(Principal const& caller, SelfEvaluationRecord const& record)
{
    switch (caller.role) {
    case Role::Secretariat: return true;
    case Role::Member: return caller.organisation_id == record.member_id;
    case Role::CiAdmin:
    case Role::Auditor: {
        if (!caller.organisation_id) {
            return false;
        }
        auto const request = TRY(m_store.self_evaluations().feedback_request(record.id));
        return request && request->ci_id == *caller.organisation_id;
    }
    case Role::Committee: return false;
    }
    return false;
}

Result<std::vector<SelfEvaluationRecord>> SelfEvaluationService::list(Principal const& caller)
{
    if (caller.role == Role::Secretariat) {
        return m_store.self_evaluations().list(std::nullopt);
    }
    if ((caller.role == Role::CiAdmin || caller.role == Role::Auditor) && caller.organisation_id) {
        return m_store.self_evaluations().handed_to(*caller.organisation_id);
    }
    if (caller.role != Role::Member || !caller.organisation_id) {
        return std::vector<SelfEvaluationRecord>{};
    }
    return m_store.self_evaluations().list(caller.organisation_id);
}

Result<NormFramework const*> SelfEvaluationService::framework_of(SelfEvaluationRecord const& record)
{
    auto const* framework = m_frameworks(record.framework_version);
    if (framework == nullptr) {
        return Error::internal("normenkader " + record.framework_version + " van zelfevaluatie " +
                               std::to_string(record.id) + " is niet geladen");
    }
    return framework;
}

Result<SelfEvaluationView> SelfEvaluationService::view_of(SelfEvaluationRecord const& record)
{
    auto const* framework = TRY(framework_of(record));
    std::map<std::string, SelfEvaluationAnswer> saved;
    for (auto& a : TRY(m_store.self_evaluations().answers(record.id))) {
        saved[a.norm] = std::move(a);
    }
    SelfEvaluationView view;
    view.record = record;
    for (auto const& norm : framework->norms) {
        auto const found = saved.find(norm.code);
        if (found != saved.end()) {
            view.answers.push_back(found->second);
        } else {
            view.answers.push_back(SelfEvaluationAnswer{record.id, norm.code, "", "", 0, std::nullopt, 0, {}, false});
        }
    }
    view.progress = self_evaluation_progress(*framework, view.answers);
    for (auto& document : TRY(m_store.self_evaluations().evidence_documents(record.id))) {
        view.documents.emplace(document.id, std::move(document));
    }
    view.feedback_request = TRY(m_store.self_evaluations().feedback_request(record.id));
    if (view.feedback_request) {
        for (auto& f : TRY(m_store.self_evaluations().feedback(record.id))) {
            view.feedback.emplace(f.norm, std::move(f));
        }
    }
    return view;
}

Result<SelfEvaluationRecord> SelfEvaluationService::visible(Principal const& caller, Id id)
{
    auto const record = TRY(m_store.self_evaluations().find(id));
    if (!record || !TRY(may_see(caller, *record))) {
        return not_found();
    }
    return *record;
}

Result<SelfEvaluationRecord> SelfEvaluationService::writable(Principal const& caller, Id id)
{
    auto record = TRY(visible(caller, id));
    if (caller.role != Role::Member) {
        return Error{ErrorCode::PermissionDenied, "Alleen de organisatie zelf vult haar zelfevaluatie in.", {}};
    }
    return record;
}

Result<SelfEvaluationView> SelfEvaluationService::start(Principal const& caller, Actor const& actor, Date today,
                                                        UnixTime now, std::optional<Id> carry_over_from)
{
    if (caller.role != Role::Member || !caller.organisation_id) {
        return Error{ErrorCode::PermissionDenied, "Alleen een lidorganisatie start een zelfevaluatie.", {}};
    }
    auto const* framework = m_frameworks(m_current_version);
    if (framework == nullptr) {
        return Error::internal("het huidige normenkader " + m_current_version + " is niet geladen");
    }
    std::vector<SelfEvaluationAnswer> carried;
    if (carry_over_from) {
        auto const source = TRY(m_store.self_evaluations().find(*carry_over_from));
        if (!source || source->member_id != *caller.organisation_id || source->state != "completed") {
            return Error::invalid("carry_over_from",
                                  "Kies een afgeronde zelfevaluatie van uw eigen organisatie om de antwoorden van over te nemen.");
        }
        for (auto& answer : TRY(m_store.self_evaluations().answers(source->id))) {
            if (framework->find_norm(answer.norm) != nullptr && answer.version > 0) {
                carried.push_back(std::move(answer));
            }
        }
    }
    SelfEvaluationRecord record;
    record.member_id = *caller.organisation_id;
    record.framework_version = m_current_version;
    record.started_on = today.iso();
    record.started_by = actor.user_id;
    record.created_at = now;
    record.carried_from = carry_over_from;
    TRY(m_store.transaction([&]() -> Status {
        record.id = TRY(m_store.self_evaluations().create(record));
        for (auto answer : carried) {
            answer.self_evaluation_id = record.id;
            answer.version = 1;
            answer.to_confirm = true;
            answer.updated_by = actor.user_id;
            answer.updated_at = now;
            TRY(m_store.self_evaluations().save_answer(answer, 0));
        }
        std::string detail = "normenkader " + m_current_version;
        if (carry_over_from) {
            detail += ", " + std::to_string(carried.size()) + " antwoorden overgenomen uit zelfevaluatie " +
                      std::to_string(*carry_over_from) + " (te bevestigen)";
        }
        TRY(m_store.audit_log().append(entry_for(actor, now, "self-evaluation.start", record.id, detail)));
        return ok_status();
    }));
    return view_of(record);
}

Result<SelfEvaluationView> SelfEvaluationService::get(Principal const& caller, Id id)
{
    return view_of(TRY(visible(caller, id)));
}

Result<AnswerSave> SelfEvaluationService::save_answer(Principal const& caller, Actor const& actor, Id id,
                                                      AnswerInput const& input, int version, UnixTime now)
{
    auto const record = TRY(writable(caller, id));
    auto const* framework = TRY(framework_of(record));
    if (framework->find_norm(input.norm) == nullptr) {
        return Error::invalid("norm", "Norm '" + input.norm + "' bestaat niet in normenkader " +
                                          record.framework_version + ".");
    }
    if (!input.verdict.empty() && !parse_verdict(input.verdict)) {
        return Error::invalid("verdict", "Kies als oordeel +, +/-, - of n.v.t. (of laat het leeg).");
    }
    if (input.explanation.size() > SELF_EVALUATION_EXPLANATION_LIMIT) {
        return Error::invalid("explanation", "De toelichting is te lang (hoogstens " +
                                                 std::to_string(SELF_EVALUATION_EXPLANATION_LIMIT) + " tekens).");
    }
    if (version < 0) {
        return Error::invalid("version", "De versie moet 0 of hoger zijn.");
    }
    std::vector<Id> evidence;
    if (input.evidence) {
        for (Id const document_id : *input.evidence) {
            if (std::find(evidence.begin(), evidence.end(), document_id) != evidence.end()) {
                continue;
            }
            auto const document = TRY(m_store.documents().find(document_id));
            if (!document || document->owner_id != record.member_id) {
                return Error::invalid("evidence", "Document " + std::to_string(document_id) +
                                                      " bestaat niet of hoort niet bij uw organisatie.");
            }
            evidence.push_back(document_id);
        }
        if (evidence.size() > SELF_EVALUATION_EVIDENCE_LIMIT) {
            return Error::invalid("evidence", "Voeg hoogstens " + std::to_string(SELF_EVALUATION_EVIDENCE_LIMIT) +
                                                  " bewijsstukken per norm toe.");
        }
    }

    SelfEvaluationAnswer answer{id, input.norm, input.verdict, input.explanation, version + 1, actor.user_id, now, {},
                                false};
    bool stale = false;
    TRY(m_store.transaction([&]() -> Status {
        if (!TRY(m_store.self_evaluations().lock_if_open(id))) {
            return Error::precondition("Deze zelfevaluatie is afgerond; de antwoorden kunnen niet meer worden gewijzigd.");
        }
        if (input.evidence) {
            answer.evidence = evidence;
        } else {
            for (auto const& stored : TRY(m_store.self_evaluations().answers(id))) {
                if (stored.norm == input.norm) {
                    answer.evidence = stored.evidence;
                }
            }
        }
        auto const saved = m_store.self_evaluations().save_answer(answer, version);
        if (!saved) {
            if (saved.error().code == ErrorCode::FailedPrecondition) {
                stale = true;
                return ok_status();  // nothing written; the current answer is read below
            }
            return saved.error();
        }
        TRY(m_store.audit_log().append(entry_for(actor, now, "self-evaluation.answer", id,
                                                 input.norm + " versie " + std::to_string(answer.version) +
                                                     (input.verdict.empty() ? "" : ", oordeel " + input.verdict))));
        return ok_status();
    }));
    auto view = TRY(view_of(record));
    AnswerSave out;
    out.progress = view.progress;
    out.documents = view.documents;
    if (stale) {
        out.outcome = AnswerSave::Outcome::Stale;
        for (auto const& a : view.answers) {
            if (a.norm == input.norm) {
                out.answer = a;
            }
        }
        return out;
    }
    out.answer = answer;
    return out;
}

Result<SelfEvaluationView> SelfEvaluationService::complete(Principal const& caller, Actor const& actor, Id id,
                                                           Date today, UnixTime now)
{
    auto record = TRY(writable(caller, id));
    TRY(m_store.transaction([&]() -> Status {
        if (!TRY(m_store.self_evaluations().lock_if_open(id))) {
            return Error::precondition("Deze zelfevaluatie is al afgerond.");
        }
        auto const view = TRY(view_of(record));
        std::vector<std::string> open;
        std::vector<std::string> to_confirm;
        std::vector<std::string> unexplained;
        for (auto const& a : view.answers) {
            if (a.to_confirm) {
                to_confirm.push_back(a.norm);
            }
            if (a.verdict.empty()) {
                open.push_back(a.norm);
            } else if (a.verdict == "n.v.t." && a.explanation.find_first_not_of(" \t\r\n") == std::string::npos) {
                unexplained.push_back(a.norm);
            }
        }
        if (!open.empty()) {
            return Error::precondition("Afronden kan pas als elke norm een oordeel heeft. Nog open: " + join(open) + ".");
        }
        if (!to_confirm.empty()) {
            return Error::precondition("Bevestig eerst de overgenomen antwoorden. Nog te bevestigen: " + join(to_confirm) +
                                       ".");
        }
        if (!unexplained.empty()) {
            return Error::precondition("Licht elke n.v.t. toe voordat u afrondt. Zonder toelichting: " +
                                       join(unexplained) + ".");
        }
        TRY(m_store.self_evaluations().complete(id, today.iso()));
        TRY(m_store.audit_log().append(entry_for(actor, now, "self-evaluation.complete", id, "afgerond op " + today.iso())));
        return ok_status();
    }));
    return get(caller, id);
}

Result<FeedbackRequest> SelfEvaluationService::request_feedback(Principal const& caller, Actor const& actor, Id id,
                                                                Id ci_id, Date today, UnixTime now)
{
    auto const record = TRY(writable(caller, id));
    if (record.state != "completed") {
        return Error::precondition("Rond de zelfevaluatie eerst af; daarna kunt u er feedback op vragen.");
    }
    auto const ci = TRY(m_store.organisations().find(ci_id));
    if (!ci || ci->kind != OrganisationKind::CertificationBody) {
        return Error::invalid("ci_id", "Kies een certificerende instelling uit de lijst.");
    }
    auto const lapsed = ci_lapsed_conditions(TRY(m_store.registry().find_ci(ci_id)).value_or(CiProfile{}), today);
    if (!lapsed.empty()) {
        return Error{ErrorCode::FailedPrecondition, ci->name + " kan nu niet gekozen worden: " + join(lapsed) + ".",
                     "ci_id"};
    }
    FeedbackRequest request{id, ci_id, today.iso(), actor.user_id, now};
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.self_evaluations().request_feedback(request));
        TRY(m_store.audit_log().append(
            entry_for(actor, now, "self-evaluation.feedback-request", id, "feedback gevraagd aan " + ci->name)));
        return ok_status();
    }));
    return request;
}

Result<FeedbackSave> SelfEvaluationService::save_feedback(Principal const& caller, Actor const& actor, Id id,
                                                          std::string const& norm, std::string const& text, int version,
                                                          UnixTime now)
{
    auto const record = TRY(visible(caller, id));
    if (caller.role != Role::CiAdmin && caller.role != Role::Auditor) {
        return Error{ErrorCode::PermissionDenied, "Alleen de certificerende instelling geeft feedback.", {}};
    }
    auto const* framework = TRY(framework_of(record));
    if (framework->find_norm(norm) == nullptr) {
        return Error::invalid("norm", "Norm '" + norm + "' bestaat niet in normenkader " + record.framework_version + ".");
    }
    if (text.size() > SELF_EVALUATION_EXPLANATION_LIMIT) {
        return Error::invalid("text", "De feedback is te lang (hoogstens " +
                                          std::to_string(SELF_EVALUATION_EXPLANATION_LIMIT) + " tekens).");
    }
    if (version < 0) {
        return Error::invalid("version", "De versie moet 0 of hoger zijn.");
    }
    NormFeedback feedback{id, norm, text, version + 1, actor.user_id, now};
    bool stale = false;
    TRY(m_store.transaction([&]() -> Status {
        auto const saved = m_store.self_evaluations().save_feedback(feedback, version);
        if (!saved) {
            if (saved.error().code == ErrorCode::FailedPrecondition) {
                stale = true;
                return ok_status();
            }
            return saved.error();
        }
        TRY(m_store.audit_log().append(entry_for(actor, now, "self-evaluation.feedback", id,
                                                 norm + " versie " + std::to_string(feedback.version))));
        return ok_status();
    }));
    FeedbackSave out;
    if (!stale) {
        out.feedback = feedback;
        return out;
    }
    out.outcome = AnswerSave::Outcome::Stale;
    out.feedback = NormFeedback{id, norm, "", 0, std::nullopt, 0};
    for (auto const& f : TRY(m_store.self_evaluations().feedback(id))) {
        if (f.norm == norm) {
            out.feedback = f;
        }
    }
    return out;
}

}  // namespace sterk
