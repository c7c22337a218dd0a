// File: sql_self_evaluation_repository.h
// SqlSelfEvaluationRepository: SelfEvaluationRepository on `self_evaluations` and
// `self_evaluation_answers`. A partial unique index keeps one open self-evaluation per member; an
// answer is written only over the version it was edited from (the UPDATE names that version, the
// first INSERT collides on the primary key), so a stale save changes nothing.
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlSelfEvaluationRepository final : public SelfEvaluationRepository {
public:
    explicit SqlSelfEvaluationRepository(Database& db) : m_db(db) {}

    Result<Id> create(SelfEvaluationRecord const& record) override;
    Result<std::optional<SelfEvaluationRecord>> find(Id id) override;
    Result<std::vector<SelfEvaluationRecord>> list(std::optional<Id> member_id) override;
    Result<std::vector<SelfEvaluationAnswer>> answers(Id self_evaluation_id) override;
    Result<bool> lock_if_open(Id id) override;
    Status save_answer(SelfEvaluationAnswer const& answer, int expected_version) override;
    Status complete(Id id, std::string const& on) override;
    Result<std::vector<DocumentRecord>> evidence_documents(Id self_evaluation_id) override;
    Status request_feedback(FeedbackRequest const& request) override;
    Result<std::optional<FeedbackRequest>> feedback_request(Id self_evaluation_id) override;
    Result<std::vector<SelfEvaluationRecord>> handed_to(Id ci_id) override;
    Result<std::vector<NormFeedback>> feedback(Id self_evaluation_id) override;
    Status save_feedback(NormFeedback const& feedback, int expected_version) override;
    Result<bool> document_shared_with(Id document_id, Id ci_id) override;

private:
    Database& m_db;
};

}  // namespace sterk
