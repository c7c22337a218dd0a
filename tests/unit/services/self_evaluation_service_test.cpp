// SelfEvaluationService on a real SQLite store: who sees and edits which self-evaluation, a stale
// save that returns the stored answer instead of overwriting it, progress per rubric, and
// completion that names the open norms and makes the answers read-only.
#include "adapters/config/data_files.h"
#include "adapters/storage/open_store.h"
#include "core/services/self_evaluation_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

namespace sterk {
namespace {

constexpr UnixTime NOW = 1'780'000'000;

class SelfEvaluationServiceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::random_device random;
        m_dir = std::filesystem::temp_directory_path() / ("sterk-self-evaluation-" + std::to_string(random()));
        std::filesystem::create_directories(m_dir);
        m_store = std::move(open_store("sqlite:" + (m_dir / "s.db").string(), MigrationMode::Migrate).value());
        m_framework = load_builtin_framework("2019").value();
        m_service = std::make_unique<SelfEvaluationService>(
            *m_store, [this](std::string const& v) { return v == m_framework.version ? &m_framework : nullptr; },
            "2019");
        Organisation member;
        member.name = "Stichting WijkKracht";
        m_member = m_store->organisations().create(member).value();
        member.name = "Welzijn Samen";
        m_other = m_store->organisations().create(member).value();
    }

    void TearDown() override
    {
        m_service.reset();
        m_store.reset();
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }

    Principal member() const { return {1, Role::Member, m_member}; }
    Principal other_member() const { return {2, Role::Member, m_other}; }
    Principal secretariat() const { return {3, Role::Secretariat, std::nullopt}; }
    static Actor actor() { return {std::nullopt, "kwaliteit@wijkkracht.example", "127.0.0.1"}; }
    static Date today() { return Date::from_ymd(2026, 6, 1); }

    Result<AnswerSave> save(Id id, std::string norm, std::string verdict, std::string text, int version)
    {
        return m_service->save_answer(member(), actor(), id, {std::move(norm), std::move(verdict), std::move(text), std::nullopt},
                                      version, NOW);
    }

    std::filesystem::path m_dir;
    std::unique_ptr<Store> m_store;
    NormFramework m_framework;
    std::unique_ptr<SelfEvaluationService> m_service;
    Id m_member = 0;
    Id m_other = 0;
};

TEST_F(SelfEvaluationServiceTest, AStaleSaveReturnsTheStoredAnswerAndChangesNothing)
{
    auto const started = m_service->start(member(), actor(), today(), NOW).value();
    Id const id = started.record.id;
    EXPECT_EQ(started.answers.size(), m_framework.norms.size());
    EXPECT_EQ(started.record.started_on, "2026-06-01");

    auto const first = save(id, "VM1", "+", "van Anna", 0).value();
    EXPECT_EQ(first.outcome, AnswerSave::Outcome::Saved);
    EXPECT_EQ(first.answer.version, 1);
    EXPECT_EQ(first.progress[0].answered, 1);

    auto const second = save(id, "VM1", "-", "van Bram", 0).value();
    EXPECT_EQ(second.outcome, AnswerSave::Outcome::Stale);
    EXPECT_EQ(second.answer.explanation, "van Anna");
    EXPECT_EQ(second.answer.version, 1);
    EXPECT_EQ(m_service->get(member(), id).value().answers[0].explanation, "van Anna");
}

TEST_F(SelfEvaluationServiceTest, OnlyTheMemberEditsAndOthersDoNotFindIt)
{
    Id const id = m_service->start(member(), actor(), today(), NOW).value().record.id;
    EXPECT_EQ(m_service->get(other_member(), id).error().code, ErrorCode::NotFound);
    EXPECT_EQ(m_service->save_answer(other_member(), actor(), id, {"VM1", "+", "", std::nullopt}, 0, NOW).error().code,
              ErrorCode::NotFound);
    EXPECT_TRUE(m_service->get(secretariat(), id).ok());
    EXPECT_EQ(m_service->save_answer(secretariat(), actor(), id, {"VM1", "+", "", std::nullopt}, 0, NOW).error().code,
              ErrorCode::PermissionDenied);
    EXPECT_EQ(m_service->start(secretariat(), actor(), today(), NOW).error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(m_service->list(other_member()).value().size(), 0u);
    EXPECT_EQ(m_service->list(secretariat()).value().size(), 1u);
    EXPECT_EQ(m_service->start(member(), actor(), today(), NOW).error().code, ErrorCode::FailedPrecondition);
}

TEST_F(SelfEvaluationServiceTest, BadInputNamesTheField)
{
    Id const id = m_service->start(member(), actor(), today(), NOW).value().record.id;
    EXPECT_EQ(save(id, "XX9", "+", "", 0).error().field, "norm");
    EXPECT_EQ(save(id, "VM1", "ja", "", 0).error().field, "verdict");
    EXPECT_EQ(save(id, "VM1", "+", std::string(SELF_EVALUATION_EXPLANATION_LIMIT + 1, 'x'), 0).error().field,
              "explanation");
    EXPECT_TRUE(save(id, "VM1", "", "nog geen oordeel", 0).ok()) << "an empty verdict is a draft";
}

TEST_F(SelfEvaluationServiceTest, CompletionNamesTheOpenNormsThenFreezesTheAnswers)
{
    Id const id = m_service->start(member(), actor(), today(), NOW).value().record.id;
    ASSERT_TRUE(save(id, "VM1", "+", "", 0).ok());
    auto const early = m_service->complete(member(), actor(), id, today(), NOW);
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(early.error().code, ErrorCode::FailedPrecondition);
    EXPECT_NE(early.error().message.find("VM2"), std::string::npos);
    EXPECT_EQ(early.error().message.find("VM1,"), std::string::npos);

    for (auto const& norm : m_framework.norms) {
        if (norm.code != "VM1") {
            ASSERT_TRUE(save(id, norm.code, norm.code == "OB13" ? "n.v.t." : "+", "", 0).ok());
        }
    }
    auto const unexplained = m_service->complete(member(), actor(), id, today(), NOW);
    ASSERT_FALSE(unexplained.ok());
    EXPECT_NE(unexplained.error().message.find("OB13"), std::string::npos);
    ASSERT_TRUE(save(id, "OB13", "n.v.t.", "Geen burgerinitiatieven in ons werkgebied.", 1).ok());

    auto const done = m_service->complete(member(), actor(), id, Date::from_ymd(2026, 6, 2), NOW);
    ASSERT_TRUE(done.ok()) << done.error().message;
    EXPECT_EQ(done->record.state, "completed");
    EXPECT_EQ(done->record.completed_on, "2026-06-02");
    for (auto const& p : done->progress) {
        EXPECT_EQ(p.answered, p.total) << p.rubric;
    }
    EXPECT_EQ(save(id, "VM1", "-", "te laat", 1).error().code, ErrorCode::FailedPrecondition);
    EXPECT_EQ(m_service->complete(member(), actor(), id, today(), NOW).error().code, ErrorCode::FailedPrecondition);
    EXPECT_TRUE(m_service->start(member(), actor(), today(), NOW).ok());
    EXPECT_EQ(m_store->audit_log().query(AuditQuery{"self-evaluation.complete", {}, {}, {}, {}, 10}).value().size(), 1u);
}

}  // namespace
}  // namespace sterk
