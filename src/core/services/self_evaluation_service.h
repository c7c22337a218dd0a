// File: self_evaluation_service.h
// SelfEvaluationService: a member's self-evaluation (DOMAIN.md "Self-evaluation"): started on the
// current framework version, one answer per norm (own verdict and explanation) saved with a
// version (LIFECYCLE.md §1: a stale save is refused and the current answer returned), progress per
// rubric, and completion once every norm has a verdict; after that the answers are read-only.
// The member sees and edits its own; the secretariat reads any; nobody else sees one (NotFound).
// Every write goes to the audit log in the same transaction.
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
#include <string>
#include <vector>

namespace sterk {

// SELF_EVALUATION_EXPLANATION_LIMIT: the longest explanation accepted, in bytes.
constexpr std::size_t SELF_EVALUATION_EXPLANATION_LIMIT = 20000;

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
};

// AnswerInput: what a save sends.
struct AnswerInput {
    std::string norm;
    std::string verdict;  // "+", "+/-", "-", "n.v.t." or empty
    std::string explanation;
};

// AnswerSave: Saved with the stored answer (its new version), or Stale with the answer as it is
// now stored, when the save was made over an older version.
struct AnswerSave {
    enum class Outcome { Saved, Stale };
    Outcome outcome = Outcome::Saved;
    SelfEvaluationAnswer answer;
    std::vector<RubricProgress> progress;
};

using FrameworkFinder = std::function<NormFramework const*(std::string const& version)>;

class SelfEvaluationService {
public:
    // `current_version`: the framework version a new self-evaluation is started on.
    SelfEvaluationService(Store& store, FrameworkFinder frameworks, std::string current_version);

    // may_see: the member its own, the secretariat any.
    static bool may_see(Principal const& caller, SelfEvaluationRecord const& record);

    // list: the caller's organisation's (all for the secretariat), newest first.
    Result<std::vector<SelfEvaluationRecord>> list(Principal const& caller);
    // start: a new self-evaluation for the caller's member organisation on `today`;
    // FailedPrecondition while another one is open; PermissionDenied for a non-member.
    Result<SelfEvaluationView> start(Principal const& caller, Actor const& actor, Date today, UnixTime now);
    // get: NotFound when unknown or not the caller's (no existence leak).
    Result<SelfEvaluationView> get(Principal const& caller, Id id);
    // save_answer: NotFound as get (and for a reader that may not write); InvalidArgument naming
    // `norm`, `verdict` or `explanation`; FailedPrecondition once completed.
    Result<AnswerSave> save_answer(Principal const& caller, Actor const& actor, Id id, AnswerInput const& input,
                                   int version, UnixTime now);
    // complete: FailedPrecondition naming the norms without a verdict (or an n.v.t. without an
    // explanation), or when already completed.
    Result<SelfEvaluationView> complete(Principal const& caller, Actor const& actor, Id id, Date today, UnixTime now);

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
