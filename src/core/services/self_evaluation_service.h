// File: self_evaluation_service.h
// SelfEvaluationService: a member's self-evaluation (DOMAIN.md "Self-evaluation"): started on the
// current framework version, one answer per norm (own verdict, explanation and evidence: uploaded
// documents of the member) saved with a version (LIFECYCLE.md §1: a stale save is refused and the
// current answer returned), progress per rubric, and completion once every norm has a verdict;
// after that the answers are read-only. A new one may carry over a completed one's answers, each
// marked "te bevestigen" until the member saves it; completion waits for all of them. A completed
// one may be handed to an eligible CI for (paid) feedback, which its ci-admin and auditors give per
// norm, versioned like the answers.
// The member sees and edits its own; the secretariat reads any; the CI it was handed to reads it
// and writes feedback; nobody else sees one (NotFound). Every write goes to the audit log in the
// same transaction.
//
// Example:
//   auto saved = TRY(service.save_answer(principal, actor, id, {"VM1", "+", "Zie jaarverslag."}, 0, now));
//   if (saved.outcome == AnswerSave::Outcome::Stale) { /* saved.answer is the current one */ }
#pragma once

#include "core/auth/policy.h"
#include "core/calendar/date.h"
#include "core/norms/framework.h"
#include "core/ports/store.h"
#include "core/services/user_service.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sterk {

// SELF_EVALUATION_EXPLANATION_LIMIT: the longest explanation (and CI feedback text) accepted, in bytes.
constexpr std::size_t SELF_EVALUATION_EXPLANATION_LIMIT = 20000;

// SELF_EVALUATION_EVIDENCE_LIMIT: the most documents cited for one norm. The handbook names a few
// kinds of evidence per norm (B4); twenty leaves room without turning a norm into a file store.
constexpr std::size_t SELF_EVALUATION_EVIDENCE_LIMIT = 20;

struct RubricProgress {
    std::string rubric;  // "VM"
    std::string name;  // "Vakmanschap"
    int answered = 0;  // norms with a verdict
    int total = 0;
};

// SelfEvaluationView: the record, one answer per norm of its framework (in framework order; a
// norm never saved has version 0 and no verdict) and the progress per rubric.
struct SelfEvaluationView {
    SelfEvaluationRecord record;
    std::vector<SelfEvaluationAnswer> answers;
    std::vector<RubricProgress> progress;
    std::map<Id, DocumentRecord> documents;  // every document cited as evidence, by id
    std::optional<FeedbackRequest> feedback_request;
    std::map<std::string, NormFeedback> feedback;  // the CI's feedback by norm (saved ones only)
};

// AnswerInput: what a save sends.
struct AnswerInput {
    std::string norm;
    std::string verdict;  // "+", "+/-", "-", "n.v.t." or empty
    std::string explanation;
    std::optional<std::vector<Id>> evidence;  // none: keep the evidence as stored
};

// AnswerSave: Saved with the stored answer (its new version), or Stale with the answer as it is
// now stored, when the save was made over an older version.
struct AnswerSave {
    enum class Outcome { Saved, Stale };
    Outcome outcome = Outcome::Saved;
    SelfEvaluationAnswer answer;
    std::vector<RubricProgress> progress;
    std::map<Id, DocumentRecord> documents;  // the answer's evidence documents
};

// FeedbackSave: as AnswerSave, for the CI's feedback on one norm.
struct FeedbackSave {
    AnswerSave::Outcome outcome = AnswerSave::Outcome::Saved;
    NormFeedback feedback;
};

using FrameworkFinder = std::function<NormFramework const*(std::string const& version)>;

class SelfEvaluationService {
public:
    // `current_version`: the framework version a new self-evaluation is started on.
    SelfEvaluationService(Store& store, FrameworkFinder frameworks, std::string current_version);

    // may_see: the member its own, the secretariat any, a CI's ci-admin and auditors those handed
    // to their CI for feedback.
    Result<bool> may_see(Principal const& caller, SelfEvaluationRecord const& record);

    // list: the caller's organisation's (all for the secretariat; for a CI those handed to it),
    // newest first.
    Result<std::vector<SelfEvaluationRecord>> list(Principal const& caller);
    // start: a new self-evaluation for the caller's member organisation on `today`;
    // FailedPrecondition while another one is open; PermissionDenied for a non-member.
    // `carry_over_from`: a completed self-evaluation of the same member whose answers (verdict,
    // explanation, evidence) are copied in, each marked to_confirm; InvalidArgument naming
    // `carry_over_from` otherwise. Norms the current framework no longer has are left out.
    Result<SelfEvaluationView> start(Principal const& caller, Actor const& actor, Date today, UnixTime now,
                                     std::optional<Id> carry_over_from = std::nullopt);
    // get: NotFound when unknown or not the caller's (no existence leak).
    Result<SelfEvaluationView> get(Principal const& caller, Id id);
    // save_answer: NotFound as get (and for a reader that may not write); InvalidArgument naming
    // `norm`, `verdict`, `explanation` or `evidence` (a document that is not the member's, or too
    // many); FailedPrecondition once completed. A save clears the answer's to_confirm.
    Result<AnswerSave> save_answer(Principal const& caller, Actor const& actor, Id id, AnswerInput const& input,
                                   int version, UnixTime now);
    // complete: FailedPrecondition naming the norms without a verdict, those still to be confirmed
    // (carried over), or an n.v.t. without an explanation; or when already completed.
    Result<SelfEvaluationView> complete(Principal const& caller, Actor const& actor, Id id, Date today, UnixTime now);

    // request_feedback: the member hands its COMPLETED self-evaluation to the CI `ci_id` (feedback
    // is on what the member stands by; an open one would change under the CI's eyes).
    // FailedPrecondition while open or when already requested; FailedPrecondition naming `ci_id`
    // when the CI cannot be chosen today (its lapsed conditions), InvalidArgument `ci_id` when it
    // is not a CI.
    Result<FeedbackRequest> request_feedback(Principal const& caller, Actor const& actor, Id id, Id ci_id, Date today,
                                             UnixTime now);
    // save_feedback: the CI's ci-admin or an auditor of it writes feedback on one norm over its
    // version (Stale as save_answer). NotFound for anyone who may not see it; PermissionDenied for
    // a reader who is not that CI; InvalidArgument naming `norm`, `text` or `version`.
    Result<FeedbackSave> save_feedback(Principal const& caller, Actor const& actor, Id id, std::string const& norm,
                                       std::string const& text, int version, UnixTime now);

private:
    Result<SelfEvaluationRecord> visible(Principal const& caller, Id id);
    Result<SelfEvaluationRecord> writable(Principal const& caller, Id id);
    Result<NormFramework const*> framework_of(SelfEvaluationRecord const& record);
    Result<SelfEvaluationView> view_of(SelfEvaluationRecord const& record);

    Store& m_store;
    FrameworkFinder m_frameworks;
    std::string m_current_version;
};

// self_evaluation_progress: per rubric of `framework`, how many of its norms have a verdict.
std::vector<RubricProgress> self_evaluation_progress(NormFramework const& framework,
                                                     std::vector<SelfEvaluationAnswer> const& answers);

}  // namespace sterk
