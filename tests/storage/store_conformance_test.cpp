// The storage conformance suite: the same tests against every backend, so SQLite and PostgreSQL
// behave alike behind the ports. PostgreSQL runs when TEST_PG_URL is set, in a schema of its own
// per test process that each test drops and recreates.
#include "adapters/storage/database_url.h"
#include "adapters/storage/open_store.h"
#include "test_databases.h"

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <ostream>
#include <set>
#include <stdexcept>
#include <thread>

namespace sterk {
namespace {

enum class TestBackend { Sqlite, Postgresql };

std::string backend_name(::testing::TestParamInfo<TestBackend> const& info)
{
    return info.param == TestBackend::Sqlite ? "Sqlite" : "Postgresql";
}

void PrintTo(TestBackend backend, std::ostream* out)
{
    *out << (backend == TestBackend::Sqlite ? "Sqlite" : "Postgresql");
}

std::string pg_schema()
{
    return "sterk_storage_test_" + std::to_string(::getpid());
}

using test::pg_base_url;
using test::raw_session;

// PgSchemaCleanup: drops this process's schema once every test has run.
class PgSchemaCleanup : public ::testing::Environment {
public:
    void TearDown() override
    {
        if (pg_base_url() == nullptr) {
            return;
        }
        auto admin = raw_session(pg_base_url());
        *admin << "SET client_min_messages TO WARNING";
        *admin << "DROP SCHEMA IF EXISTS " + pg_schema() + " CASCADE";
    }
};

[[maybe_unused]] ::testing::Environment* const pg_cleanup = ::testing::AddGlobalTestEnvironment(new PgSchemaCleanup);

User make_user(std::string email, std::optional<Id> organisation_id = std::nullopt)
{
    User user;
    user.email = std::move(email);
    user.name = "Anna de Vries";
    user.role = Role::Member;
    user.organisation_id = organisation_id;
    user.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
    user.active = true;
    user.created_at = 1'700'000'000;
    return user;
}

Organisation make_organisation(std::string name)
{
    Organisation organisation;
    organisation.kind = OrganisationKind::Member;
    organisation.name = std::move(name);
    organisation.lidnummer = "SWN-1001";
    organisation.city = "Utrecht";
    organisation.email = "info@wijkkracht.example";
    organisation.website = "https://wijkkracht.example";
    return organisation;
}

AuditEntry make_entry(UnixTime at, std::string action)
{
    AuditEntry entry;
    entry.at = at;
    entry.actor_email = "secretariaat@sociaalwerk.example";
    entry.action = std::move(action);
    entry.subject = "user:1";
    entry.detail = "detail";
    entry.ip = "127.0.0.1";
    return entry;
}

class StoreConformance : public ::testing::TestWithParam<TestBackend> {
protected:
    void SetUp() override
    {
        if (GetParam() == TestBackend::Postgresql) {
            if (pg_base_url() == nullptr) {
                if (std::getenv("CI") != nullptr) {
                    FAIL() << "CI is set but TEST_PG_URL is not: PostgreSQL must not be skipped in CI";
                }
                GTEST_SKIP() << "TEST_PG_URL is not set; PostgreSQL not tested";
            }
            std::string base = pg_base_url();
            // The schema through search_path; application_name lets a test find its own connections.
            m_url = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + pg_schema()
                + "&application_name=" + pg_schema();
        } else {
            static std::atomic<int> counter = 0;
            m_dir = std::filesystem::temp_directory_path()
                / ("sterk-storage-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
            // A directory that does not exist yet: open_store must create it.
            m_url = "sqlite:" + (m_dir / "data" / "sterk.db").string();
        }
        ASSERT_NO_THROW(wipe());
        auto store = open_store(m_url, MigrationMode::Migrate);
        ASSERT_TRUE(store.ok()) << store.error().message;
        m_store = std::move(store).value();
    }

    void TearDown() override
    {
        m_store.reset();
        if (!m_dir.empty()) {
            std::filesystem::remove_all(m_dir);
        }
    }

    // wipe: an empty database at m_url.
    void wipe()
    {
        if (GetParam() == TestBackend::Sqlite) {
            std::filesystem::remove_all(m_dir);
            return;
        }
        auto admin = raw_session(pg_base_url());
        *admin << "SET client_min_messages TO WARNING";
        *admin << "DROP SCHEMA IF EXISTS " + pg_schema() + " CASCADE";
        *admin << "CREATE SCHEMA " + pg_schema();
    }

    // raw: a second connection, for what the ports do not offer (tampering, checking triggers).
    std::unique_ptr<soci::session> raw() { return raw_session(m_url); }

    void set_schema_version(int version)
    {
        auto sql = raw();
        *sql << "UPDATE schema_version SET version = :version", soci::use(version);
    }

    Store& store() { return *m_store; }

    std::string m_url;
    std::filesystem::path m_dir;
    std::unique_ptr<Store> m_store;
};

// Organisations

TEST_P(StoreConformance, OrganisationCreateFindList)
{
    auto first = store().organisations().create(make_organisation("Stichting WijkKracht"));
    ASSERT_TRUE(first.ok()) << first.error().message;
    Organisation ci = make_organisation("CI Toetsbureau");
    ci.kind = OrganisationKind::CertificationBody;
    ci.lidnummer = "";
    auto second = store().organisations().create(ci);
    ASSERT_TRUE(second.ok()) << second.error().message;
    EXPECT_NE(*first, *second);

    auto found = store().organisations().find(*first);
    ASSERT_TRUE(found.ok()) << found.error().message;
    ASSERT_TRUE(found->has_value());
    Organisation const& organisation = **found;
    EXPECT_EQ(organisation.id, *first);
    EXPECT_EQ(organisation.kind, OrganisationKind::Member);
    EXPECT_EQ(organisation.name, "Stichting WijkKracht");
    EXPECT_EQ(organisation.lidnummer, "SWN-1001");
    EXPECT_EQ(organisation.city, "Utrecht");
    EXPECT_EQ(organisation.email, "info@wijkkracht.example");
    EXPECT_EQ(organisation.website, "https://wijkkracht.example");

    auto all = store().organisations().list();
    ASSERT_TRUE(all.ok()) << all.error().message;
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].id, *first);
    EXPECT_EQ((*all)[1].id, *second);
    EXPECT_EQ((*all)[1].kind, OrganisationKind::CertificationBody);
    EXPECT_EQ((*all)[1].lidnummer, "");
}

TEST_P(StoreConformance, MissingRowsAreNullopt)
{
    auto organisation = store().organisations().find(424242);
    ASSERT_TRUE(organisation.ok()) << organisation.error().message;
    EXPECT_FALSE(organisation->has_value());
    auto user = store().users().find(424242);
    ASSERT_TRUE(user.ok()) << user.error().message;
    EXPECT_FALSE(user->has_value());
    auto by_email = store().users().find_by_email("niemand@example.org");
    ASSERT_TRUE(by_email.ok()) << by_email.error().message;
    EXPECT_FALSE(by_email->has_value());
    auto session = store().sessions().find("no-such-hash");
    ASSERT_TRUE(session.ok()) << session.error().message;
    EXPECT_FALSE(session->has_value());
    auto reset = store().password_resets().find("no-such-hash");
    ASSERT_TRUE(reset.ok()) << reset.error().message;
    EXPECT_FALSE(reset->has_value());
    auto organisations = store().organisations().list();
    ASSERT_TRUE(organisations.ok());
    EXPECT_TRUE(organisations->empty());
    auto users = store().users().list();
    ASSERT_TRUE(users.ok());
    EXPECT_TRUE(users->empty());
}

// Users

TEST_P(StoreConformance, UserCreateFindListUpdate)
{
    Id organisation_id = store().organisations().create(make_organisation("Welzijn Samen")).value();
    User member = make_user("Kwaliteit@SamenWelzijn.Example", organisation_id);
    auto member_id = store().users().create(member);
    ASSERT_TRUE(member_id.ok()) << member_id.error().message;
    User committee = make_user("commissie@sociaalwerk.example");
    committee.role = Role::Committee;
    committee.active = false;
    auto committee_id = store().users().create(committee);
    ASSERT_TRUE(committee_id.ok()) << committee_id.error().message;

    auto found = store().users().find(*member_id);
    ASSERT_TRUE(found.ok()) << found.error().message;
    ASSERT_TRUE(found->has_value());
    User const& user = **found;
    EXPECT_EQ(user.id, *member_id);
    EXPECT_EQ(user.email, "kwaliteit@samenwelzijn.example");  // stored lower-case
    EXPECT_EQ(user.name, "Anna de Vries");
    EXPECT_EQ(user.role, Role::Member);
    EXPECT_EQ(user.organisation_id, organisation_id);
    EXPECT_EQ(user.password_hash, member.password_hash);
    EXPECT_TRUE(user.active);
    EXPECT_EQ(user.created_at, 1'700'000'000);

    auto by_email = store().users().find_by_email("KWALITEIT@samenwelzijn.EXAMPLE");
    ASSERT_TRUE(by_email.ok()) << by_email.error().message;
    ASSERT_TRUE(by_email->has_value());
    EXPECT_EQ((*by_email)->id, *member_id);

    auto all = store().users().list();
    ASSERT_TRUE(all.ok()) << all.error().message;
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[1].id, *committee_id);
    EXPECT_EQ((*all)[1].role, Role::Committee);
    EXPECT_FALSE((*all)[1].organisation_id.has_value());
    EXPECT_FALSE((*all)[1].active);

    ASSERT_TRUE(store().users().set_password_hash(*member_id, "$argon2id$new").ok());
    EXPECT_EQ(store().users().find(*member_id).value()->password_hash, "$argon2id$new");
    EXPECT_EQ(store().users().find(*committee_id).value()->password_hash, committee.password_hash);
}

TEST_P(StoreConformance, UserRoleAndActiveCanBeChanged)
{
    Id const member_org = store().organisations().create(make_organisation("Welzijn Samen")).value();
    Id const anna = store().users().create(make_user("anna@example.org", member_org)).value();
    Id const bert = store().users().create(make_user("bert@example.org", member_org)).value();

    ASSERT_TRUE(store().users().set_role(anna, Role::Committee, std::nullopt).ok());
    User const changed = store().users().find(anna).value().value();
    EXPECT_EQ(changed.role, Role::Committee);
    EXPECT_FALSE(changed.organisation_id.has_value());
    ASSERT_TRUE(store().users().set_role(anna, Role::Member, member_org).ok());
    EXPECT_EQ(store().users().find(anna).value()->organisation_id, member_org);

    ASSERT_TRUE(store().users().set_active(anna, false).ok());
    EXPECT_FALSE(store().users().find(anna).value()->active);
    EXPECT_TRUE(store().users().find(bert).value()->active) << "only the one user changes";
    ASSERT_TRUE(store().users().set_active(anna, true).ok());
    EXPECT_TRUE(store().users().find(anna).value()->active);

    auto missing_role = store().users().set_role(424242, Role::Member, member_org);
    ASSERT_FALSE(missing_role.ok());
    EXPECT_EQ(missing_role.error().code, ErrorCode::NotFound);
    auto missing_active = store().users().set_active(424242, false);
    ASSERT_FALSE(missing_active.ok());
    EXPECT_EQ(missing_active.error().code, ErrorCode::NotFound);
}

TEST_P(StoreConformance, UserWithoutPasswordIsInvited)
{
    User invited = make_user("nieuw@example.org");
    invited.password_hash = "";
    Id const id = store().users().create(invited).value();
    User const found = store().users().find(id).value().value();
    EXPECT_EQ(found.password_hash, "");
    EXPECT_EQ(user_status(found), UserStatus::Invited);
    ASSERT_TRUE(store().users().set_password_hash(id, "$argon2id$x").ok());
    EXPECT_EQ(user_status(store().users().find(id).value().value()), UserStatus::Active);
}

TEST_P(StoreConformance, DuplicateEmailIsAlreadyExistsCaseInsensitively)
{
    ASSERT_TRUE(store().users().create(make_user("beheer@ci-toets.example")).ok());
    auto duplicate = store().users().create(make_user("Beheer@CI-Toets.example"));
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.error().code, ErrorCode::AlreadyExists);
    EXPECT_EQ(duplicate.error().field, "email");
    // The store still works after the refused insert.
    EXPECT_EQ(store().users().list().value().size(), 1u);
}

TEST_P(StoreConformance, SetPasswordHashOfMissingUserIsNotFound)
{
    auto status = store().users().set_password_hash(424242, "$argon2id$x");
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::NotFound);
}

TEST_P(StoreConformance, UserWithUnknownOrganisationIsRefusedByForeignKey)
{
    auto created = store().users().create(make_user("los@example.org", 424242));
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().code, ErrorCode::Internal);
}

// Sessions

TEST_P(StoreConformance, SessionCreateFindRemove)
{
    Id anna = store().users().create(make_user("anna@example.org")).value();
    Id bert = store().users().create(make_user("bert@example.org")).value();
    for (auto [hash, user] : {std::pair{"h1", anna}, std::pair{"h2", anna}, std::pair{"h3", bert}}) {
        Session session{hash, user, std::string("csrf-") + hash, 1000, 2000};
        ASSERT_TRUE(store().sessions().create(session).ok());
    }

    auto found = store().sessions().find("h1");
    ASSERT_TRUE(found.ok()) << found.error().message;
    ASSERT_TRUE(found->has_value());
    EXPECT_EQ((*found)->token_hash, "h1");
    EXPECT_EQ((*found)->user_id, anna);
    EXPECT_EQ((*found)->csrf_token, "csrf-h1");
    EXPECT_EQ((*found)->created_at, 1000);
    EXPECT_EQ((*found)->expires_at, 2000);

    ASSERT_TRUE(store().sessions().remove("h1").ok());
    EXPECT_FALSE(store().sessions().find("h1").value().has_value());
    EXPECT_TRUE(store().sessions().find("h2").value().has_value());

    ASSERT_TRUE(store().sessions().remove_for_user(anna).ok());
    EXPECT_FALSE(store().sessions().find("h2").value().has_value());
    EXPECT_TRUE(store().sessions().find("h3").value().has_value());

    ASSERT_TRUE(store().sessions().remove("never-existed").ok());
}

TEST_P(StoreConformance, SessionRemoveExpired)
{
    Id anna = store().users().create(make_user("anna@example.org")).value();
    ASSERT_TRUE(store().sessions().create(Session{"old", anna, "c1", 100, 500}).ok());
    ASSERT_TRUE(store().sessions().create(Session{"edge", anna, "c2", 100, 1000}).ok());
    ASSERT_TRUE(store().sessions().create(Session{"fresh", anna, "c3", 900, 5000}).ok());

    ASSERT_TRUE(store().sessions().remove_expired(1000).ok());
    EXPECT_FALSE(store().sessions().find("old").value().has_value());
    EXPECT_FALSE(store().sessions().find("edge").value().has_value());
    EXPECT_TRUE(store().sessions().find("fresh").value().has_value());
}

// Login attempts

TEST_P(StoreConformance, LoginAttemptsAreCountedWithinTheWindow)
{
    auto& attempts = store().login_attempts();
    for (UnixTime at : {100, 200, 300, 400}) {
        ASSERT_TRUE(attempts.record_failure("anna@example.org", at).ok());
    }
    ASSERT_TRUE(attempts.record_failure("10.0.0.1", 350).ok());

    EXPECT_EQ(attempts.failures_since("anna@example.org", 0).value(), 4);
    EXPECT_EQ(attempts.failures_since("anna@example.org", 200).value(), 3);
    EXPECT_EQ(attempts.failures_since("anna@example.org", 401).value(), 0);
    EXPECT_EQ(attempts.failures_since("10.0.0.1", 0).value(), 1);
    EXPECT_EQ(attempts.failures_since("bert@example.org", 0).value(), 0);

    ASSERT_TRUE(attempts.clear("anna@example.org").ok());
    EXPECT_EQ(attempts.failures_since("anna@example.org", 0).value(), 0);
    EXPECT_EQ(attempts.failures_since("10.0.0.1", 0).value(), 1);
}

TEST_P(StoreConformance, LoginAttemptsOlderThanACutOffAreRemoved)
{
    auto& attempts = store().login_attempts();
    for (UnixTime at : {100, 200, 300}) {
        ASSERT_TRUE(attempts.record_failure("anna@example.org", at).ok());
        ASSERT_TRUE(attempts.record_failure("10.0.0.1", at).ok());
    }
    ASSERT_TRUE(attempts.remove_older_than(200).ok());
    EXPECT_EQ(attempts.failures_since("anna@example.org", 0).value(), 2);
    EXPECT_EQ(attempts.failures_since("10.0.0.1", 0).value(), 2);
}

TEST_P(StoreConformance, LoginAttemptsRemoveOneAndClearByPrefix)
{
    auto& attempts = store().login_attempts();
    Id const first = attempts.record_failure("pair:anna@example.org|10.0.0.1", 100).value();
    Id const second = attempts.record_failure("pair:anna@example.org|10.0.0.2", 100).value();
    ASSERT_TRUE(attempts.record_failure("pair:anna@example.org|10.0.0.2", 101).ok());
    ASSERT_TRUE(attempts.record_failure("pair:an_a@example.org|10.0.0.1", 100).ok());
    ASSERT_TRUE(attempts.record_failure("email:anna@example.org", 100).ok());
    EXPECT_NE(first, second);

    ASSERT_TRUE(attempts.remove(second).ok());
    EXPECT_EQ(attempts.failures_since("pair:anna@example.org|10.0.0.2", 0).value(), 1);
    // A prefix is literal: '_' and '%' in an address are not wildcards.
    ASSERT_TRUE(attempts.clear_prefix("pair:anna@example.org|").ok());
    EXPECT_EQ(attempts.failures_since("pair:anna@example.org|10.0.0.1", 0).value(), 0);
    EXPECT_EQ(attempts.failures_since("pair:anna@example.org|10.0.0.2", 0).value(), 0);
    EXPECT_EQ(attempts.failures_since("pair:an_a@example.org|10.0.0.1", 0).value(), 1);
    EXPECT_EQ(attempts.failures_since("email:anna@example.org", 0).value(), 1);
}

TEST_P(StoreConformance, LockedCountAndRecordIsAtomicAcrossConnections)
{
    // Two stores are two connections (on PostgreSQL possibly two server processes): a count and
    // the record that depends on it, under lock(), never overshoot the limit.
    auto other = open_store(m_url, MigrationMode::RequireCurrent);
    ASSERT_TRUE(other.ok()) << other.error().message;
    std::atomic<int> recorded = 0;
    auto attempt = [&](Store& target) {
        for (int i = 0; i < 10; ++i) {
            auto status = target.transaction([&]() -> Status {
                TRY(target.login_attempts().lock("ip:10.0.0.9"));
                int const count = TRY(target.login_attempts().failures_since("ip:10.0.0.9", 0));
                if (count >= 5) {
                    return ok_status();
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(2));  // widen the window for a race
                TRY(target.login_attempts().record_failure("ip:10.0.0.9", 100));
                ++recorded;
                return ok_status();
            });
            EXPECT_TRUE(status.ok()) << status.error().message;
        }
    };
    std::thread one(attempt, std::ref(store()));
    std::thread two(attempt, std::ref(**other));
    one.join();
    two.join();
    EXPECT_EQ(recorded.load(), 5);
    EXPECT_EQ(store().login_attempts().failures_since("ip:10.0.0.9", 0).value(), 5);
}

// Password resets

TEST_P(StoreConformance, PasswordResetUsedAndExpired)
{
    Id anna = store().users().create(make_user("anna@example.org")).value();
    ASSERT_TRUE(store().password_resets().create(PasswordReset{"valid", anna, 5000, std::nullopt}).ok());
    ASSERT_TRUE(store().password_resets().create(PasswordReset{"expired", anna, 900, std::nullopt}).ok());

    auto valid = store().password_resets().find("valid");
    ASSERT_TRUE(valid.ok()) << valid.error().message;
    ASSERT_TRUE(valid->has_value());
    EXPECT_EQ((*valid)->user_id, anna);
    EXPECT_EQ((*valid)->expires_at, 5000);
    EXPECT_FALSE((*valid)->used_at.has_value());

    // Expiry is the service's decision; the store returns the time it needs for it.
    auto expired = store().password_resets().find("expired").value();
    ASSERT_TRUE(expired.has_value());
    EXPECT_LT(expired->expires_at, 1000);

    ASSERT_TRUE(store().password_resets().mark_used("valid", 1200).ok());
    auto used = store().password_resets().find("valid").value();
    ASSERT_TRUE(used.has_value());
    EXPECT_EQ(used->used_at, 1200);

    // A used token cannot be used again, so two racing confirmations cannot both succeed.
    auto again = store().password_resets().mark_used("valid", 1300);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(again.error().field, "token");
    EXPECT_EQ(store().password_resets().find("valid").value()->used_at, 1200);

    auto unknown = store().password_resets().mark_used("unknown", 1300);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().field, "token");
}

TEST_P(StoreConformance, PasswordResetKeepsItsPurpose)
{
    Id anna = store().users().create(make_user("anna@example.org")).value();
    ASSERT_TRUE(store().password_resets().create(PasswordReset{"reset", anna, 5000, std::nullopt}).ok());
    PasswordReset invitation{"invite", anna, 9000, std::nullopt, ResetPurpose::Invitation};
    ASSERT_TRUE(store().password_resets().create(invitation).ok());
    EXPECT_EQ(store().password_resets().find("reset").value()->purpose, ResetPurpose::Reset);
    auto found = store().password_resets().find("invite").value();
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->purpose, ResetPurpose::Invitation);
    EXPECT_EQ(found->expires_at, 9000);
}

TEST_P(StoreConformance, PasswordResetInvalidateForUserUsesUpOnlyTheirUnusedResets)
{
    Id anna = store().users().create(make_user("anna@example.org")).value();
    Id bert = store().users().create(make_user("bert@example.org")).value();
    auto& resets = store().password_resets();
    ASSERT_TRUE(resets.create(PasswordReset{"anna-1", anna, 5000, std::nullopt}).ok());
    ASSERT_TRUE(resets.create(PasswordReset{"anna-2", anna, 5000, std::nullopt}).ok());
    ASSERT_TRUE(resets.create(PasswordReset{"anna-old", anna, 5000, 700}).ok());
    ASSERT_TRUE(resets.create(PasswordReset{"bert-1", bert, 5000, std::nullopt}).ok());

    ASSERT_TRUE(resets.invalidate_for_user(anna, 1200).ok());
    EXPECT_EQ(resets.find("anna-1").value()->used_at, 1200);
    EXPECT_EQ(resets.find("anna-2").value()->used_at, 1200);
    EXPECT_EQ(resets.find("anna-old").value()->used_at, 700);
    EXPECT_FALSE(resets.find("bert-1").value()->used_at.has_value());
    EXPECT_FALSE(resets.mark_used("anna-2", 1300).ok());
}

// Audit log

TEST_P(StoreConformance, AuditLogAppendAndRecentNewestFirst)
{
    Id anna = store().users().create(make_user("anna@example.org")).value();
    AuditEntry login = make_entry(1000, "login");
    login.user_id = anna;
    auto first = store().audit_log().append(login);
    ASSERT_TRUE(first.ok()) << first.error().message;
    AuditEntry failed = make_entry(1000, "login-failed");  // same second: insertion order decides
    auto second = store().audit_log().append(failed);
    ASSERT_TRUE(second.ok()) << second.error().message;
    auto third = store().audit_log().append(make_entry(2000, "logout"));
    ASSERT_TRUE(third.ok()) << third.error().message;

    auto recent = store().audit_log().recent(10);
    ASSERT_TRUE(recent.ok()) << recent.error().message;
    ASSERT_EQ(recent->size(), 3u);
    EXPECT_EQ((*recent)[0].id, *third);
    EXPECT_EQ((*recent)[0].action, "logout");
    EXPECT_EQ((*recent)[1].id, *second);
    EXPECT_FALSE((*recent)[1].user_id.has_value());
    EXPECT_EQ((*recent)[2].id, *first);
    EXPECT_EQ((*recent)[2].user_id, anna);
    EXPECT_EQ((*recent)[2].at, 1000);
    EXPECT_EQ((*recent)[2].actor_email, "secretariaat@sociaalwerk.example");
    EXPECT_EQ((*recent)[2].subject, "user:1");
    EXPECT_EQ((*recent)[2].detail, "detail");
    EXPECT_EQ((*recent)[2].ip, "127.0.0.1");

    auto limited = store().audit_log().recent(2);
    ASSERT_TRUE(limited.ok());
    ASSERT_EQ(limited->size(), 2u);
    EXPECT_EQ((*limited)[0].id, *third);
    EXPECT_EQ((*limited)[1].id, *second);

    auto invalid = store().audit_log().recent(0);
    ASSERT_FALSE(invalid.ok());
    EXPECT_EQ(invalid.error().code, ErrorCode::InvalidArgument);
}

TEST_P(StoreConformance, AuditLogQueryFiltersAndPagesNewestFirst)
{
    // 12 entries: times 100..111, actions alternating, two actors.
    for (int i = 0; i < 12; ++i) {
        AuditEntry entry = make_entry(100 + i, i % 2 == 0 ? "login" : "login-failed");
        entry.actor_email = i % 3 == 0 ? "anna@example.org" : "bert@example.org";
        ASSERT_TRUE(store().audit_log().append(entry).ok());
    }
    // Two entries at the same time: the later insertion comes first.
    Id const same_a = store().audit_log().append(make_entry(200, "logout")).value();
    Id const same_b = store().audit_log().append(make_entry(200, "logout")).value();

    AuditQuery all;
    all.limit = 100;
    auto everything = store().audit_log().query(all).value();
    ASSERT_EQ(everything.size(), 14u);
    EXPECT_EQ(everything[0].id, same_b);
    EXPECT_EQ(everything[1].id, same_a);
    EXPECT_EQ(everything[13].at, 100);

    // Pages of 5 by (at, id) cursor visit everything once.
    std::vector<Id> paged;
    AuditQuery page;
    page.limit = 5;
    for (int guard = 0; guard < 10; ++guard) {
        auto entries = store().audit_log().query(page).value();
        for (auto const& entry : entries) {
            paged.push_back(entry.id);
        }
        if (entries.size() < 5) {
            break;
        }
        page.before = std::pair{entries.back().at, entries.back().id};
    }
    ASSERT_EQ(paged.size(), everything.size());
    for (std::size_t i = 0; i < paged.size(); ++i) {
        EXPECT_EQ(paged[i], everything[i].id);
    }
    // The cursor between the two entries at the same time.
    AuditQuery after_b;
    after_b.before = std::pair{UnixTime{200}, same_b};
    after_b.limit = 1;
    EXPECT_EQ(store().audit_log().query(after_b).value().at(0).id, same_a);

    AuditQuery filtered;
    filtered.action = "login-failed";
    filtered.actor_email = "bert@example.org";
    filtered.from = 103;
    filtered.to = 109;
    auto some = store().audit_log().query(filtered).value();
    std::vector<UnixTime> times;
    for (auto const& entry : some) {
        EXPECT_EQ(entry.action, "login-failed");
        EXPECT_EQ(entry.actor_email, "bert@example.org");
        times.push_back(entry.at);
    }
    EXPECT_EQ(times, (std::vector<UnixTime>{107, 105}));  // 103 is anna's; 109 is outside [103, 109)
    AuditQuery none;
    none.action = "bestaat-niet";
    EXPECT_TRUE(store().audit_log().query(none).value().empty());
}

TEST_P(StoreConformance, AuditTalliesCountPerActionAddressAndWindow)
{
    auto& tallies = store().audit_tallies();
    EXPECT_EQ(tallies.bump("login-refused", "10.0.0.1", 900, 901).value(), 1);
    EXPECT_EQ(tallies.bump("login-refused", "10.0.0.1", 900, 905).value(), 2);
    EXPECT_EQ(tallies.bump("login-refused", "10.0.0.1", 900, 950).value(), 3);
    EXPECT_EQ(tallies.bump("login-refused", "10.0.0.2", 900, 960).value(), 1);
    EXPECT_EQ(tallies.bump("password-reset.unknown", "10.0.0.1", 900, 970).value(), 1);
    EXPECT_EQ(tallies.bump("login-refused", "10.0.0.1", 1800, 1801).value(), 1);

    auto closed = tallies.started_before(1800).value();
    ASSERT_EQ(closed.size(), 3u);
    EXPECT_EQ(closed[0].action, "login-refused");
    EXPECT_EQ(closed[0].ip, "10.0.0.1");
    EXPECT_EQ(closed[0].count, 3);
    EXPECT_EQ(closed[0].first_at, 901);
    EXPECT_EQ(closed[0].last_at, 950);
    for (auto const& tally : closed) {
        ASSERT_TRUE(tallies.remove(tally).ok());
    }
    EXPECT_TRUE(tallies.started_before(1800).value().empty());
    auto open = tallies.started_before(10'000).value();
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].window_start, 1800);
}

TEST_P(StoreConformance, AuditLogRefusesUpdateAndDeleteInTheDatabase)
{
    ASSERT_TRUE(store().audit_log().append(make_entry(1000, "login")).ok());
    auto sql = raw();
    EXPECT_THROW(*sql << "UPDATE audit_log SET action = 'tampered'", soci::soci_error);
    EXPECT_THROW(*sql << "DELETE FROM audit_log", soci::soci_error);
    if (GetParam() == TestBackend::Postgresql) {
        EXPECT_THROW(*sql << "TRUNCATE audit_log", soci::soci_error);
    }
    auto recent = store().audit_log().recent(10);
    ASSERT_TRUE(recent.ok());
    ASSERT_EQ(recent->size(), 1u);
    EXPECT_EQ((*recent)[0].action, "login");
}

// Transactions

TEST_P(StoreConformance, TransactionCommits)
{
    Status status = store().transaction([&]() -> Status {
        Id anna = TRY(store().users().create(make_user("anna@example.org")));
        TRY(store().sessions().create(Session{"h1", anna, "c", 1, 2}));
        TRY(store().audit_log().append(make_entry(1, "user.create")));
        return ok_status();
    });
    ASSERT_TRUE(status.ok()) << status.error().message;
    EXPECT_TRUE(store().users().find_by_email("anna@example.org").value().has_value());
    EXPECT_TRUE(store().sessions().find("h1").value().has_value());
    EXPECT_EQ(store().audit_log().recent(10).value().size(), 1u);
}

TEST_P(StoreConformance, TransactionRollsBackWhenWorkReturnsAnError)
{
    Status status = store().transaction([&]() -> Status {
        Id anna = TRY(store().users().create(make_user("anna@example.org")));
        TRY(store().sessions().create(Session{"h1", anna, "c", 1, 2}));
        TRY(store().audit_log().append(make_entry(1, "user.create")));
        TRY(store().login_attempts().record_failure("anna@example.org", 1));
        return Error::precondition("stop");
    });
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().message, "stop");
    EXPECT_FALSE(store().users().find_by_email("anna@example.org").value().has_value());
    EXPECT_TRUE(store().users().list().value().empty());
    EXPECT_FALSE(store().sessions().find("h1").value().has_value());
    EXPECT_TRUE(store().audit_log().recent(10).value().empty());
    EXPECT_EQ(store().login_attempts().failures_since("anna@example.org", 0).value(), 0);
}

TEST_P(StoreConformance, TransactionRollsBackWhenWorkThrows)
{
    EXPECT_THROW(
        {
            (void)store().transaction([&]() -> Status {
                TRY(store().users().create(make_user("anna@example.org")));
                throw std::runtime_error("bug");
            });
        },
        std::runtime_error);
    EXPECT_TRUE(store().users().list().value().empty());
    // The store is usable afterwards.
    EXPECT_TRUE(store().users().create(make_user("anna@example.org")).ok());
}

TEST_P(StoreConformance, TransactionRollsBackWhenAStatementFails)
{
    ASSERT_TRUE(store().users().create(make_user("anna@example.org")).ok());
    Status status = store().transaction([&]() -> Status {
        TRY(store().users().create(make_user("bert@example.org")));
        TRY(store().users().create(make_user("ANNA@example.org")));
        return ok_status();
    });
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::AlreadyExists);
    EXPECT_FALSE(store().users().find_by_email("bert@example.org").value().has_value());
}

TEST_P(StoreConformance, TransactionContinuesAfterAHandledFailure)
{
    ASSERT_TRUE(store().users().create(make_user("anna@example.org")).ok());
    Status status = store().transaction([&]() -> Status {
        auto duplicate = store().users().create(make_user("anna@example.org"));
        if (duplicate.ok() || duplicate.error().code != ErrorCode::AlreadyExists) {
            return Error::internal("expected AlreadyExists");
        }
        // On PostgreSQL a failed statement would abort the transaction without a savepoint.
        TRY(store().users().create(make_user("bert@example.org")));
        return ok_status();
    });
    ASSERT_TRUE(status.ok()) << status.error().message;
    EXPECT_TRUE(store().users().find_by_email("bert@example.org").value().has_value());
}

TEST_P(StoreConformance, NestedTransactionRollsBackOnlyItself)
{
    Status status = store().transaction([&]() -> Status {
        TRY(store().users().create(make_user("anna@example.org")));
        Status inner = store().transaction([&]() -> Status {
            TRY(store().users().create(make_user("bert@example.org")));
            return Error::precondition("inner");
        });
        if (inner.ok()) {
            return Error::internal("inner transaction should fail");
        }
        TRY(store().users().create(make_user("carla@example.org")));
        return ok_status();
    });
    ASSERT_TRUE(status.ok()) << status.error().message;
    EXPECT_TRUE(store().users().find_by_email("anna@example.org").value().has_value());
    EXPECT_FALSE(store().users().find_by_email("bert@example.org").value().has_value());
    EXPECT_TRUE(store().users().find_by_email("carla@example.org").value().has_value());
}

TEST_P(StoreConformance, ConcurrentThreadsShareTheStore)
{
    constexpr int THREADS = 4;
    constexpr int PER_THREAD = 25;
    std::vector<std::thread> threads;
    std::atomic<int> failures = 0;
    for (int t = 0; t < THREADS; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < PER_THREAD; ++i) {
                std::string email = "user" + std::to_string(t) + "-" + std::to_string(i) + "@example.org";
                Status status = store().transaction([&]() -> Status {
                    Id id = TRY(store().users().create(make_user(email)));
                    TRY(store().audit_log().append(make_entry(i, "user.create:" + std::to_string(id))));
                    return ok_status();
                });
                if (!status.ok() || !store().users().find_by_email(email).value().has_value()) {
                    ++failures;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(failures.load(), 0);
    auto users = store().users().list().value();
    EXPECT_EQ(users.size(), static_cast<std::size_t>(THREADS * PER_THREAD));
    std::set<Id> ids;
    for (auto const& user : users) {
        ids.insert(user.id);
    }
    EXPECT_EQ(ids.size(), users.size());
    EXPECT_EQ(store().audit_log().recent(500).value().size(), static_cast<std::size_t>(THREADS * PER_THREAD));
}

TEST_P(StoreConformance, ReconnectsAfterTheConnectionIsLost)
{
    if (GetParam() == TestBackend::Sqlite) {
        GTEST_SKIP() << "SQLite has no server connection to lose";
    }
    ASSERT_TRUE(store().users().create(make_user("anna@example.org")).ok());
    {
        auto admin = raw_session(pg_base_url());
        std::string const name = pg_schema();
        int terminated = 0;
        *admin << "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = :name",
            soci::use(name), soci::into(terminated);
        ASSERT_EQ(terminated, 1);
    }
    // The call that meets the broken connection fails; the next one reconnects.
    (void)store().users().list();
    auto users = store().users().list();
    ASSERT_TRUE(users.ok()) << users.error().message;
    EXPECT_EQ(users->size(), 1u);
}

// Migrations

TEST_P(StoreConformance, FreshDatabaseGetsTheCurrentVersion)
{
    EXPECT_GE(binary_schema_version(), 1);
    auto version = database_schema_version(m_url);
    ASSERT_TRUE(version.ok()) << version.error().message;
    EXPECT_EQ(*version, binary_schema_version());
    if (GetParam() == TestBackend::Sqlite) {
        std::string journal_mode;
        *raw() << "PRAGMA journal_mode", soci::into(journal_mode);
        EXPECT_EQ(journal_mode, "wal");
    }
}

TEST_P(StoreConformance, ReopeningIsANoOp)
{
    Id anna = store().users().create(make_user("anna@example.org")).value();
    m_store.reset();

    auto again = open_store(m_url, MigrationMode::Migrate);
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_TRUE((*again)->users().find(anna).value().has_value());
    again->reset();

    ASSERT_TRUE(migrate_database(m_url).ok());
    auto current = open_store(m_url, MigrationMode::RequireCurrent);
    ASSERT_TRUE(current.ok()) << current.error().message;
    EXPECT_TRUE((*current)->users().find(anna).value().has_value());
    EXPECT_EQ(database_schema_version(m_url).value(), binary_schema_version());
}

// Registries

TEST_P(StoreConformance, MemberAndCiProfilesAreSavedAndReplaced)
{
    auto const member_id = store().organisations().create(make_organisation("Stichting WijkKracht")).value();
    EXPECT_FALSE(store().registry().find_member(member_id).value().has_value());
    MemberProfile member{member_id, "41178322", "Wijkplein 12", "3512 AB", "Anja de Vries", "030 123 45 67",
                         Date::from_ymd(2015, 1, 1), std::nullopt};
    ASSERT_TRUE(store().registry().save_member(member).ok());
    member.member_until = Date::from_ymd(2026, 12, 31);
    member.phone = "030 000 00 00";
    ASSERT_TRUE(store().registry().save_member(member).ok());
    auto const found = store().registry().find_member(member_id).value();
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->kvk, "41178322");
    EXPECT_EQ(found->phone, "030 000 00 00");
    EXPECT_EQ(found->member_from, Date::from_ymd(2015, 1, 1));
    EXPECT_EQ(found->member_until, Date::from_ymd(2026, 12, 31));

    Organisation ci = make_organisation("CI Toetsbureau");
    ci.kind = OrganisationKind::CertificationBody;
    auto const ci_id = store().organisations().create(ci).value();
    CiProfile profile{ci_id, "32145678", "Keurlaan 1", "3811 EF", "033 222 33 44", std::nullopt,
                      Date::from_ymd(2027, 3, 1), Date::from_ymd(2026, 12, 31), true, false, "CIIO"};
    ASSERT_TRUE(store().registry().save_ci(profile).ok());
    auto const saved = store().registry().find_ci(ci_id).value();
    ASSERT_TRUE(saved.has_value());
    EXPECT_FALSE(saved->iso17021_ea38_until.has_value());
    EXPECT_EQ(saved->hkz_welzijn_until, Date::from_ymd(2027, 3, 1));
    EXPECT_TRUE(saved->complaints_procedure);
    EXPECT_FALSE(saved->framework_contract);
    EXPECT_EQ(saved->tariff_code, "CIIO");

    ci.id = ci_id;
    ci.name = "CI Toetsbureau B.V.";
    ASSERT_TRUE(store().organisations().update(ci).ok());
    EXPECT_EQ(store().organisations().find(ci_id).value()->name, "CI Toetsbureau B.V.");
}

// Auditors

TEST_P(StoreConformance, AuditorsAreStoredWithTheirTiesAndUpdatedAsAWhole)
{
    Organisation ci = make_organisation("CI Toetsbureau");
    ci.kind = OrganisationKind::CertificationBody;
    auto const ci_id = store().organisations().create(ci).value();
    auto const member_id = store().organisations().create(make_organisation("Welzijn Samen")).value();
    auto const other_id = store().organisations().create(make_organisation("Stichting WijkKracht")).value();
    Id const user = store().users().create(make_user("tessa@ci-toets.example", ci_id)).value();

    Auditor tessa;
    tessa.name = "Tessa Leider";
    tessa.email = "Tessa@CI-Toets.example";
    tessa.role = AuditorRole::TeamLeader;
    tessa.organisation_id = ci_id;
    tessa.user_id = user;
    tessa.declaration_received_on = Date::from_ymd(2026, 1, 5);
    tessa.declaration_document_id = 42;
    tessa.ties = {{member_id, TieKind::Advises, Date::from_ymd(2024, 1, 1), Date::from_ymd(2025, 6, 30)},
                  {other_id, TieKind::WorksFor, Date::from_ymd(2020, 3, 1), std::nullopt}};
    auto const id = store().auditors().create(tessa);
    ASSERT_TRUE(id.ok()) << id.error().message;
    Auditor bram;
    bram.name = "Bram Beoordelaar";
    bram.email = "bram@ci-toets.example";
    bram.role = AuditorRole::Assessor;
    bram.organisation_id = ci_id;
    bram.active = false;
    auto const bram_id = store().auditors().create(bram).value();

    auto const found = store().auditors().find(*id).value();
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->email, "tessa@ci-toets.example");
    EXPECT_EQ(found->role, AuditorRole::TeamLeader);
    EXPECT_EQ(found->user_id, user);
    EXPECT_TRUE(found->active);
    EXPECT_EQ(found->declaration_received_on, Date::from_ymd(2026, 1, 5));
    EXPECT_EQ(found->declaration_document_id, Id{42});
    ASSERT_EQ(found->ties.size(), 2u);
    EXPECT_EQ(found->ties[0].organisation_id, member_id);
    EXPECT_EQ(found->ties[0].kind, TieKind::Advises);
    EXPECT_EQ(found->ties[0].until, Date::from_ymd(2025, 6, 30));
    EXPECT_EQ(found->ties[1].kind, TieKind::WorksFor);
    EXPECT_FALSE(found->ties[1].until.has_value());

    // By name; nullable columns come back empty.
    auto const list = store().auditors().list().value();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, bram_id);
    EXPECT_FALSE(list[0].active);
    EXPECT_FALSE(list[0].user_id.has_value());
    EXPECT_FALSE(list[0].declaration_received_on.has_value());
    EXPECT_FALSE(list[0].declaration_document_id.has_value());
    EXPECT_TRUE(list[0].ties.empty());
    EXPECT_EQ(list[1].ties.size(), 2u);

    // An update replaces the ties and clears what is no longer there.
    Auditor changed = *found;
    changed.ties = {{member_id, TieKind::MemberOf, Date::from_ymd(2026, 2, 1), std::nullopt}};
    changed.user_id.reset();
    changed.declaration_document_id.reset();
    ASSERT_TRUE(store().auditors().update(changed).ok());
    auto const again = store().auditors().find(*id).value();
    ASSERT_EQ(again->ties.size(), 1u);
    EXPECT_EQ(again->ties[0].kind, TieKind::MemberOf);
    EXPECT_FALSE(again->user_id.has_value());
    EXPECT_FALSE(again->declaration_document_id.has_value());
    EXPECT_EQ(store().auditors().find(bram_id).value()->ties.size(), 0u);

    changed.id = 987654;
    auto const missing = store().auditors().update(changed);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_FALSE(store().auditors().find(987654).value().has_value());
}

// Trajectories

TEST_P(StoreConformance, TrajectoryIsStoredWithItsEventLogInOrder)
{
    Organisation ci = make_organisation("CI Toetsbureau");
    ci.kind = OrganisationKind::CertificationBody;
    auto const member_id = store().organisations().create(make_organisation("Stichting WijkKracht")).value();
    auto const ci_id = store().organisations().create(ci).value();
    TrajectoryRecord record{0, member_id, ci_id, "recertification", "peer", "2019", "SSW-2024-0007", "2026-06-30",
                            R"({"whole_organisation":true})", 1'780'000'000};
    auto const id = store().trajectories().create(record);
    ASSERT_TRUE(id.ok()) << id.error().message;
    auto const found = store().trajectories().find(*id);
    ASSERT_TRUE(found.ok() && found->has_value());
    EXPECT_EQ((*found)->member_id, member_id);
    EXPECT_EQ((*found)->ci_id, ci_id);
    EXPECT_EQ((*found)->variant, "peer");
    EXPECT_EQ((*found)->previous_certificate_expires, "2026-06-30");
    EXPECT_EQ((*found)->scope, R"({"whole_organisation":true})");
    EXPECT_FALSE(store().trajectories().find(*id + 100).value().has_value());

    ASSERT_TRUE(store().trajectories().append({*id, 1, "2026-05-01", "audit_requested", "{}", std::nullopt, 10}).ok());
    ASSERT_TRUE(store()
                    .trajectories()
                    .append({*id, 2, "2026-05-20", "audit_planned",
                             R"({"first_day":"2026-06-08","last_day":"2026-06-09"})", member_id, 20})
                    .ok());
    auto const events = store().trajectories().events(*id);
    ASSERT_TRUE(events.ok()) << events.error().message;
    ASSERT_EQ(events->size(), 2u);
    EXPECT_EQ((*events)[0].key, "audit_requested");
    EXPECT_FALSE((*events)[0].recorded_by.has_value());
    EXPECT_EQ((*events)[1].on, "2026-05-20");
    EXPECT_EQ((*events)[1].payload, R"({"first_day":"2026-06-08","last_day":"2026-06-09"})");
    EXPECT_EQ((*events)[1].recorded_by, member_id);
    EXPECT_EQ(store().trajectories().list().value().size(), 1u);
}

TEST_P(StoreConformance, TrajectoryEventsAreAppendOnlyAndTwoAppendsAfterOneReadCollide)
{
    Organisation ci = make_organisation("CI Toetsbureau");
    ci.kind = OrganisationKind::CertificationBody;
    auto const member_id = store().organisations().create(make_organisation("Stichting WijkKracht")).value();
    auto const ci_id = store().organisations().create(ci).value();
    auto const id =
        store().trajectories().create({0, member_id, ci_id, "initial", "ci", "2019", "", "", "{}", 1}).value();
    ASSERT_TRUE(store().trajectories().append({id, 1, "2026-01-15", "self_evaluation_completed", "{}", {}, 1}).ok());
    // Two parties read the log at seq 1 and both append seq 2: the second is refused, not lost silently.
    ASSERT_TRUE(store().trajectories().append({id, 2, "2026-02-02", "audit_requested", "{}", {}, 2}).ok());
    auto const second = store().trajectories().append({id, 2, "2026-02-02", "trajectory_withdrawn", "{}", {}, 2});
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, ErrorCode::FailedPrecondition);
    EXPECT_EQ(store().trajectories().events(id).value().size(), 2u);

    auto sql = raw();
    EXPECT_ANY_THROW(*sql << "UPDATE trajectory_events SET event_key = 'audit_declined' WHERE seq = 2");
    EXPECT_ANY_THROW(*sql << "DELETE FROM trajectory_events WHERE seq = 2");
    EXPECT_EQ(store().trajectories().events(id).value()[1].key, "audit_requested");
}

TEST_P(StoreConformance, LastSeqsNameEachLogsNewestEventInOneRead)
{
    Organisation ci = make_organisation("CI Toetsbureau");
    ci.kind = OrganisationKind::CertificationBody;
    auto const member_id = store().organisations().create(make_organisation("Stichting WijkKracht")).value();
    auto const ci_id = store().organisations().create(ci).value();
    auto const create = [&] {
        return store().trajectories().create({0, member_id, ci_id, "initial", "ci", "2019", "", "", "{}", 1}).value();
    };
    auto const two = create();
    auto const none = create();
    auto const one = create();
    ASSERT_TRUE(store().trajectories().append({two, 1, "2026-01-15", "self_evaluation_completed", "{}", {}, 1}).ok());
    ASSERT_TRUE(store().trajectories().append({two, 2, "2026-02-02", "audit_requested", "{}", {}, 2}).ok());
    ASSERT_TRUE(store().trajectories().append({one, 1, "2026-01-20", "self_evaluation_completed", "{}", {}, 1}).ok());
    auto const seqs = store().trajectories().last_seqs();
    ASSERT_TRUE(seqs.ok()) << seqs.error().message;
    EXPECT_EQ(*seqs, (std::map<Id, int>{{two, 2}, {one, 1}}));
    EXPECT_EQ(seqs->count(none), 0u);
}

TEST_P(StoreConformance, PlanRoundsAreFrozenOnceAndAssessedOnce)
{
    Organisation ci = make_organisation("CI Toetsbureau");
    ci.kind = OrganisationKind::CertificationBody;
    auto const member_id = store().organisations().create(make_organisation("Buurtwerk Noord")).value();
    auto const ci_id = store().organisations().create(ci).value();
    auto const id =
        store().trajectories().create({0, member_id, ci_id, "initial", "ci", "2019", "", "", "{}", 1}).value();
    ASSERT_TRUE(store().plans().add_round({id, 1, "2026-05-01", "", "", "[1]", 10}).ok());
    auto const again = store().plans().add_round({id, 1, "2026-05-02", "", "", "[2]", 11});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::FailedPrecondition);
    ASSERT_TRUE(store().plans().assess_round({id, 1, "2026-05-01", "2026-05-10", "rejected", "[1,\"r\"]", 10}).ok());
    auto const twice = store().plans().assess_round({id, 1, "2026-05-01", "2026-05-11", "approved", "[3]", 10});
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, ErrorCode::FailedPrecondition);
    ASSERT_TRUE(store().plans().add_round({id, 2, "2026-05-20", "", "", "[4]", 12}).ok());
    auto const rounds = store().plans().rounds(id).value();
    ASSERT_EQ(rounds.size(), 2u);
    EXPECT_EQ(rounds[0].outcome, "rejected");
    EXPECT_EQ(rounds[0].assessed_on, "2026-05-10");
    EXPECT_EQ(rounds[0].content, "[1,\"r\"]");
    EXPECT_EQ(rounds[1].round, 2);
    EXPECT_EQ(rounds[1].outcome, "");
}

TEST_P(StoreConformance, ACalendarFeedIsFoundByItsTokenHashUntilReplacedOrRemoved)
{
    Id const anna = store().users().create(make_user("anna@example.org")).value();
    EXPECT_FALSE(store().calendar_feeds().of_user(anna).value());
    ASSERT_TRUE(store().calendar_feeds().replace({anna, "hash-1", 100}).ok());
    EXPECT_EQ(store().calendar_feeds().by_token_hash("hash-1").value()->user_id, anna);
    ASSERT_TRUE(store().calendar_feeds().replace({anna, "hash-2", 200}).ok());
    EXPECT_FALSE(store().calendar_feeds().by_token_hash("hash-1").value());
    EXPECT_EQ(store().calendar_feeds().of_user(anna).value()->created_at, 200);
    ASSERT_TRUE(store().calendar_feeds().remove(anna).ok());
    EXPECT_FALSE(store().calendar_feeds().by_token_hash("hash-2").value());
}

TEST_P(StoreConformance, SelfEvaluationKeepsOneOpenPerMemberAndSavesAnswersOverTheirVersion)
{
    auto const member_id = store().organisations().create(make_organisation("Stichting WijkKracht")).value();
    auto const other_id = store().organisations().create(make_organisation("Welzijn Samen")).value();
    SelfEvaluationRecord record{0, member_id, "2019", "open", "2026-03-01", "", std::nullopt, 10, std::nullopt};
    auto const id = store().self_evaluations().create(record);
    ASSERT_TRUE(id.ok()) << id.error().message;
    auto const again = store().self_evaluations().create(record);
    ASSERT_FALSE(again.ok()) << "a second open self-evaluation for the same member";
    EXPECT_EQ(again.error().code, ErrorCode::FailedPrecondition);
    ASSERT_TRUE(store().self_evaluations().create({0, other_id, "2019", "open", "2026-03-02", "", {}, 11, {}}).ok());
    EXPECT_EQ(store().self_evaluations().list(member_id).value().size(), 1u);
    EXPECT_EQ(store().self_evaluations().list(std::nullopt).value().size(), 2u);

    // Two writers both edited version 0, then version 1: the second save of each pair is refused.
    ASSERT_TRUE(store().self_evaluations().save_answer({*id, "VM1", "+", "eerste", 0, {}, 20, {}, false}, 0).ok());
    auto const late_insert = store().self_evaluations().save_answer({*id, "VM1", "-", "tweede", 0, {}, 21, {}, false}, 0);
    ASSERT_FALSE(late_insert.ok());
    EXPECT_EQ(late_insert.error().code, ErrorCode::FailedPrecondition);
    ASSERT_TRUE(store().self_evaluations().save_answer({*id, "VM1", "+/-", "derde", 0, {}, 22, {}, false}, 1).ok());
    auto const late_update = store().self_evaluations().save_answer({*id, "VM1", "-", "vierde", 0, {}, 23, {}, false}, 1);
    ASSERT_FALSE(late_update.ok());
    EXPECT_EQ(late_update.error().code, ErrorCode::FailedPrecondition);
    auto const answers = store().self_evaluations().answers(*id).value();
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers[0].verdict, "+/-");
    EXPECT_EQ(answers[0].explanation, "derde");
    EXPECT_EQ(answers[0].version, 2);

    // Completion happens once; after it the row is no longer open.
    ASSERT_TRUE(store().transaction([&]() -> Status {
        EXPECT_TRUE(store().self_evaluations().lock_if_open(*id).value());
        return store().self_evaluations().complete(*id, "2026-04-01");
    }).ok());
    EXPECT_FALSE(store().self_evaluations().lock_if_open(*id).value());
    EXPECT_EQ(store().self_evaluations().complete(*id, "2026-04-02").error().code, ErrorCode::FailedPrecondition);
    auto const found = store().self_evaluations().find(*id).value();
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->state, "completed");
    EXPECT_EQ(found->completed_on, "2026-04-01");
    EXPECT_TRUE(store().self_evaluations().create(record).ok()) << "a new one may start once the old one is completed";
}

TEST_P(StoreConformance, SelfEvaluationEvidenceAndCiFeedbackAreKeptPerNorm)
{
    auto const member_id = store().organisations().create(make_organisation("Stichting WijkKracht")).value();
    auto const ci_id = store().organisations().create(make_organisation("CI Toetsbureau")).value();
    auto const other_ci = store().organisations().create(make_organisation("CI Anders")).value();
    auto const a = store().documents().create({0, member_id, "a.pdf", "application/pdf", 3, std::string(64, 'a'), {}, 1}, "abc");
    auto const b = store().documents().create({0, member_id, "b.png", "image/png", 3, std::string(64, 'b'), {}, 1}, "def");
    ASSERT_TRUE(a.ok() && b.ok());
    auto const first = store().self_evaluations().create({0, member_id, "2019", "open", "2026-03-01", "", {}, 10, {}});
    ASSERT_TRUE(first.ok()) << first.error().message;

    // Evidence is saved with the answer in the given order, and replaced by the next save.
    ASSERT_TRUE(store().self_evaluations().save_answer({*first, "VM1", "+", "x", 0, {}, 20, {*b, *a}, true}, 0).ok());
    auto answers = store().self_evaluations().answers(*first).value();
    ASSERT_EQ(answers.size(), 1u);
    EXPECT_EQ(answers[0].evidence, (std::vector<Id>{*b, *a}));
    EXPECT_TRUE(answers[0].to_confirm);
    ASSERT_TRUE(store().self_evaluations().save_answer({*first, "VM1", "+", "y", 0, {}, 21, {*a}, false}, 1).ok());
    answers = store().self_evaluations().answers(*first).value();
    EXPECT_EQ(answers[0].evidence, (std::vector<Id>{*a}));
    EXPECT_FALSE(answers[0].to_confirm);
    auto const cited = store().self_evaluations().evidence_documents(*first).value();
    ASSERT_EQ(cited.size(), 1u);
    EXPECT_EQ(cited[0].filename, "a.pdf");

    // Handed to one CI, once; that CI sees it and the documents it cites, another CI neither.
    EXPECT_FALSE(store().self_evaluations().feedback_request(*first).value().has_value());
    ASSERT_TRUE(store().self_evaluations().request_feedback({*first, ci_id, "2026-04-02", {}, 30}).ok());
    auto const twice = store().self_evaluations().request_feedback({*first, other_ci, "2026-04-03", {}, 31});
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, ErrorCode::FailedPrecondition);
    EXPECT_EQ(store().self_evaluations().feedback_request(*first).value()->ci_id, ci_id);
    EXPECT_EQ(store().self_evaluations().handed_to(ci_id).value().size(), 1u);
    EXPECT_TRUE(store().self_evaluations().handed_to(other_ci).value().empty());
    EXPECT_TRUE(store().self_evaluations().document_shared_with(*a, ci_id).value());
    EXPECT_FALSE(store().self_evaluations().document_shared_with(*b, ci_id).value()) << "no longer cited";
    EXPECT_FALSE(store().self_evaluations().document_shared_with(*a, other_ci).value());

    // The CI's feedback is versioned like an answer.
    ASSERT_TRUE(store().self_evaluations().save_feedback({*first, "VM1", "Goed", 0, {}, 40}, 0).ok());
    EXPECT_EQ(store().self_evaluations().save_feedback({*first, "VM1", "Later", 0, {}, 41}, 0).error().code,
              ErrorCode::FailedPrecondition);
    ASSERT_TRUE(store().self_evaluations().save_feedback({*first, "VM1", "Beter", 0, {}, 42}, 1).ok());
    EXPECT_EQ(store().self_evaluations().save_feedback({*first, "VM1", "Laat", 0, {}, 43}, 1).error().code,
              ErrorCode::FailedPrecondition);
    auto const feedback = store().self_evaluations().feedback(*first).value();
    ASSERT_EQ(feedback.size(), 1u);
    EXPECT_EQ(feedback[0].text, "Beter");
    EXPECT_EQ(feedback[0].version, 2);
}

TEST_P(StoreConformance, DocumentsKeepTheirBytesExactlyIncludingNulAndOverOneMegabyte)
{
    auto const owner = store().organisations().create(make_organisation("Stichting WijkKracht")).value();
    auto const uploader = store().users().create(make_user("anna@example.org", owner)).value();

    // Every byte value, a NUL at the start and in the middle, and a file over 1 MB.
    std::string small;
    small += '\0';
    for (int i = 0; i < 256; ++i) {
        small += static_cast<char>(i);
    }
    small += std::string("na\0nul", 6);
    std::string large;
    large.reserve(1'500'000);
    for (std::size_t i = 0; i < 1'500'000; ++i) {
        large += static_cast<char>((i * 131 + i / 7) % 256);
    }

    DocumentRecord record{0, owner, "beleid \xE2\x80\x93 2025.pdf", "application/pdf", static_cast<std::int64_t>(small.size()),
                          std::string(64, 'a'), uploader, 1'700'000'000};
    auto const first = store().documents().create(record, small);
    ASSERT_TRUE(first.ok()) << first.error().message;
    record.filename = "groot.bin";
    record.size = static_cast<std::int64_t>(large.size());
    record.uploaded_by = std::nullopt;
    auto const second = store().documents().create(record, large);
    ASSERT_TRUE(second.ok()) << second.error().message;
    EXPECT_NE(*first, *second);

    auto const meta = store().documents().find(*first).value();
    ASSERT_TRUE(meta.has_value());
    EXPECT_EQ(meta->owner_id, owner);
    EXPECT_EQ(meta->filename, "beleid \xE2\x80\x93 2025.pdf");
    EXPECT_EQ(meta->media_type, "application/pdf");
    EXPECT_EQ(meta->size, static_cast<std::int64_t>(small.size()));
    EXPECT_EQ(meta->sha256, std::string(64, 'a'));
    EXPECT_EQ(meta->uploaded_by, std::optional<Id>(uploader));
    EXPECT_EQ(meta->uploaded_at, 1'700'000'000);
    EXPECT_EQ(store().documents().find(*second).value()->uploaded_by, std::nullopt);

    auto const small_back = store().documents().content(*first).value();
    ASSERT_TRUE(small_back.has_value());
    EXPECT_EQ(small_back->size(), small.size());
    EXPECT_TRUE(*small_back == small) << "the bytes came back changed";
    auto const large_back = store().documents().content(*second).value();
    ASSERT_TRUE(large_back.has_value());
    EXPECT_EQ(large_back->size(), large.size());
    EXPECT_TRUE(*large_back == large) << "the bytes came back changed";

    EXPECT_FALSE(store().documents().find(987654).value().has_value());
    EXPECT_FALSE(store().documents().content(987654).value().has_value());

    // The database holds the bytes themselves (a backup has them), as a BLOB / bytea.
    auto sql = raw();
    long long stored_length = 0;
    if (GetParam() == TestBackend::Sqlite) {
        std::string type;
        *sql << "SELECT typeof(content), length(content) FROM documents WHERE id = :id", soci::use(*first),
            soci::into(type), soci::into(stored_length);
        EXPECT_EQ(type, "blob");
    } else {
        *sql << "SELECT octet_length(content) FROM documents WHERE id = :id", soci::use(*first), soci::into(stored_length);
    }
    EXPECT_EQ(stored_length, static_cast<long long>(small.size()));
}

TEST_P(StoreConformance, PeerPoolKeepsItsMembersInOrderAndAMemberInOneOpenPool)
{
    Organisation ci_org = make_organisation("CI Toetsbureau");
    ci_org.kind = OrganisationKind::CertificationBody;
    Id const ci = store().organisations().create(ci_org).value();
    std::vector<Id> m;
    for (auto const* name : {"Stichting WijkKracht", "Welzijn Samen", "Stichting Buurtwerk Oost", "Wijkwerk Noord"}) {
        m.push_back(store().organisations().create(make_organisation(name)).value());
    }
    PeerPool pool;
    pool.name = "Pool Midden";
    pool.ci_id = ci;
    pool.members = {m[2], m[0], m[1]};
    pool.created_at = 10;
    pool.updated_at = 10;
    auto const id = store().peer_pools().create(pool);
    ASSERT_TRUE(id.ok()) << id.error().message;
    auto const found = store().peer_pools().find(*id).value();
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->name, "Pool Midden");
    EXPECT_EQ(found->ci_id, ci);
    EXPECT_EQ(found->members, (std::vector<Id>{m[2], m[0], m[1]})) << "the pool's (ring) order is kept";
    EXPECT_EQ(found->state, PeerPoolState::Open);
    EXPECT_FALSE(store().peer_pools().find(424242).value().has_value());

    // WijkKracht is in Pool Midden, which is open: a second open pool with it is refused, and
    // nothing of that pool is kept.
    PeerPool second = pool;
    second.name = "Pool Noord";
    second.members = {m[3], m[0], m[1]};
    auto const refused = store().peer_pools().create(second);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::FailedPrecondition);
    EXPECT_EQ(refused.error().field, "members");
    EXPECT_EQ(store().peer_pools().list().value().size(), 1u);

    // Editing keeps the id and replaces the members; once closed, its members are free again.
    PeerPool edited = *found;
    edited.members = {m[0], m[1], m[2], m[3]};
    edited.updated_at = 20;
    ASSERT_TRUE(store().peer_pools().update(edited).ok());
    EXPECT_EQ(store().peer_pools().find(*id).value()->members.size(), 4u);
    edited.state = PeerPoolState::Closed;
    ASSERT_TRUE(store().peer_pools().update(edited).ok());
    EXPECT_EQ(store().peer_pools().find(*id).value()->state, PeerPoolState::Closed);
    auto const again = store().peer_pools().create(second);
    ASSERT_TRUE(again.ok()) << again.error().message;
    auto const list = store().peer_pools().list().value();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, *again) << "newest first";
    EXPECT_EQ(list[0].members, second.members);
    EXPECT_EQ(list[1].members.size(), 4u);

    // Reopening the old pool while its members are in the new one is refused.
    edited.state = PeerPoolState::Open;
    auto const reopened = store().peer_pools().update(edited);
    ASSERT_FALSE(reopened.ok());
    EXPECT_EQ(reopened.error().field, "members");
    EXPECT_EQ(store().peer_pools().find(*id).value()->state, PeerPoolState::Closed);
    PeerPool missing = edited;
    missing.id = 424242;
    EXPECT_EQ(store().peer_pools().update(missing).error().code, ErrorCode::NotFound);
}

TEST_P(StoreConformance, NewerDatabaseIsRefused)
{
    m_store.reset();
    int const newer = binary_schema_version() + 1;
    set_schema_version(newer);
    std::string const expected = "database heeft schemaversie " + std::to_string(newer) + ", dit programma kent t/m "
        + std::to_string(binary_schema_version());

    for (auto mode : {MigrationMode::Migrate, MigrationMode::RequireCurrent}) {
        auto opened = open_store(m_url, mode);
        ASSERT_FALSE(opened.ok());
        EXPECT_EQ(opened.error().code, ErrorCode::FailedPrecondition);
        EXPECT_EQ(opened.error().message, expected);
    }
    auto migrated = migrate_database(m_url);
    ASSERT_FALSE(migrated.ok());
    EXPECT_EQ(migrated.error().message, expected);
    EXPECT_EQ(database_schema_version(m_url).value(), newer);
}

// A database made by an older binary (schema version 1: the accounts, before the audit log) is
// migrated forward by `serve`/`migrate`, keeping what it holds. When a step is added after 3, undo
// its objects here too.
TEST_P(StoreConformance, OlderDatabaseIsMigratedForwardKeepingItsData)
{
    Id const anna = store().users().create(make_user("anna@example.org")).value();
    m_store.reset();
    {
        // Back to schema 1: undo every later step (2: the audit log, 3: its tallies and indexes,
        // 4: trajectories, 5: password_resets.purpose, 6: member and CI profiles, 7: self-evaluations,
        // 8: documents, 9: auditors and their ties, 10: peer pools, 11: evidence, to_confirm,
        // carried_from and CI feedback; the columns go with their tables).
        auto sql = raw();
        *sql << "DROP TABLE trend_members";
        *sql << "DROP TABLE trend_counts";
        *sql << "DROP TABLE trend_verdicts";
        *sql << "DROP TABLE trend_facts";
        *sql << "DROP TABLE signing_keys";
        *sql << "DROP TABLE certificates";
        *sql << "DROP TABLE calendar_feeds";
        *sql << "DROP TABLE plan_rounds";
        *sql << "DROP TABLE outbox";
        *sql << "DROP TABLE lifecycle_applied";
        *sql << "ALTER TABLE users DROP COLUMN language";
        *sql << "DROP TABLE report_entries";
        *sql << "DROP TABLE report_versions";
        *sql << "DROP TABLE report_remarks";
        *sql << "DROP TABLE part_b_requests";
        *sql << "DROP TABLE self_evaluation_feedback";
        *sql << "DROP TABLE self_evaluation_feedback_requests";
        *sql << "DROP TABLE self_evaluation_evidence";
        *sql << "DROP TABLE peer_pool_members";
        *sql << "DROP TABLE peer_pools";
        *sql << "DROP TABLE auditor_ties";
        *sql << "DROP TABLE auditors";
        *sql << "DROP TABLE documents";
        *sql << "DROP TABLE self_evaluation_answers";
        *sql << "DROP TABLE self_evaluations";
        *sql << "DROP TABLE member_profiles";
        *sql << "DROP TABLE ci_profiles";
        *sql << "ALTER TABLE password_resets DROP COLUMN purpose";
        *sql << "DROP TABLE audit_tallies";
        if (GetParam() == TestBackend::Sqlite) {
            *sql << "DROP TABLE trajectory_events";
            *sql << "DROP TABLE trajectories";
            *sql << "DROP TABLE audit_log";
        } else {
            *sql << "DROP TABLE trajectory_events CASCADE";
            *sql << "DROP FUNCTION trajectory_events_refuse_change()";
            *sql << "DROP TABLE trajectories CASCADE";
            *sql << "DROP TABLE audit_log CASCADE";
            *sql << "DROP FUNCTION audit_log_refuse_change()";
        }
    }
    set_schema_version(1);
    ASSERT_EQ(database_schema_version(m_url).value(), 1);

    auto reopened = open_store(m_url, MigrationMode::Migrate);
    ASSERT_TRUE(reopened.ok()) << reopened.error().message;
    m_store = std::move(reopened).value();
    EXPECT_EQ(database_schema_version(m_url).value(), binary_schema_version());
    auto found = store().users().find(anna);
    ASSERT_TRUE(found.ok() && found->has_value());
    EXPECT_EQ((*found)->email, "anna@example.org");
    ASSERT_TRUE(store().password_resets().create(PasswordReset{"t", anna, 5000, std::nullopt, ResetPurpose::Invitation}).ok());
    EXPECT_EQ(store().password_resets().find("t").value()->purpose, ResetPurpose::Invitation);
    AuditEntry entry;
    entry.at = 1'700'000'000;
    entry.action = "login";
    entry.actor_email = "anna@example.org";
    ASSERT_TRUE(store().audit_log().append(entry).ok());
    auto sql = raw();
    EXPECT_ANY_THROW(*sql << "DELETE FROM audit_log") << "the migrated audit log is append-only again";
}

TEST_P(StoreConformance, RequireCurrentRefusesAnOlderDatabase)
{
    m_store.reset();
    int const older = binary_schema_version() - 1;
    set_schema_version(older);
    auto opened = open_store(m_url, MigrationMode::RequireCurrent);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::FailedPrecondition);
    EXPECT_EQ(opened.error().message,
              "database heeft schemaversie " + std::to_string(older) + "; draai `sterklabel migrate`");
}

TEST_P(StoreConformance, EmptyDatabaseNeedsMigrateThenOpens)
{
    m_store.reset();
    wipe();
    EXPECT_EQ(database_schema_version(m_url).value(), 0);
    auto refused = open_store(m_url, MigrationMode::RequireCurrent);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().message, "database heeft schemaversie 0; draai `sterklabel migrate`");

    ASSERT_TRUE(migrate_database(m_url).ok());
    EXPECT_EQ(database_schema_version(m_url).value(), binary_schema_version());
    auto opened = open_store(m_url, MigrationMode::RequireCurrent);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    EXPECT_TRUE((*opened)->users().create(make_user("anna@example.org")).ok());
}

OutboxMessage make_outbox_message(std::optional<Id> user_id, std::string subject, UnixTime at)
{
    OutboxMessage message;
    message.user_id = user_id;
    message.recipient = "anna@example.org";
    message.language = "en";
    message.kind = "concept_sent";
    message.subject = std::move(subject);
    message.body = "Beste Anna,\n\nlink: https://sterk.example/trajecten/1\n";
    message.link = "/trajecten/1";
    message.created_at = at;
    message.next_attempt_at = at;
    return message;
}

TEST_P(StoreConformance, OutboxRowIsHeldByOneSenderAtATimeAndRecordsItsOutcome)
{
    Id const anna = store().users().create(make_user("anna@example.org")).value();
    Id const first = store().outbox().add(make_outbox_message(anna, "één", 1000)).value();
    Id const second = store().outbox().add(make_outbox_message(std::nullopt, "two", 1000)).value();

    auto stored = store().outbox().find(first).value();
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->subject, "één");
    EXPECT_EQ(stored->language, "en");
    EXPECT_EQ(stored->status, OutboxStatus::Pending);
    EXPECT_EQ(stored->attempts, 0);
    EXPECT_FALSE(stored->sent_at.has_value());

    // Not due before its time.
    EXPECT_TRUE(store().outbox().claim_due(999, "a", 1060, 5).value().empty());
    // Sender a holds the first; a second connection (another server) gets only the second.
    auto const claimed = store().outbox().claim_due(1000, "a", 1060, 1).value();
    ASSERT_EQ(claimed.size(), 1U);
    EXPECT_EQ(claimed[0].id, first);
    auto other = open_store(m_url, MigrationMode::RequireCurrent);
    ASSERT_TRUE(other.ok()) << other.error().message;
    auto const theirs = (*other)->outbox().claim_due(1001, "b", 1061, 5).value();
    ASSERT_EQ(theirs.size(), 1U);
    EXPECT_EQ(theirs[0].id, second);
    EXPECT_TRUE((*other)->outbox().claim_due(1002, "b", 1062, 5).value().empty());
    // Only the holder records the outcome.
    EXPECT_EQ(store().outbox().mark_sent(second, "a", 1003, "").error().code, ErrorCode::FailedPrecondition);
    ASSERT_TRUE(store().outbox().mark_sent(first, "a", 1003, "").ok());
    EXPECT_EQ(store().outbox().find(first).value()->status, OutboxStatus::Sent);
    EXPECT_EQ(store().outbox().find(first).value()->sent_at, std::optional<UnixTime>{1003});
    EXPECT_TRUE(store().outbox().claim_due(5000, "a", 5060, 5).value().size() == 1U)
        << "b's lease ran out (b died): the second is due again, the sent one never";

    // A failed attempt waits for its next try; without one it has failed; retry makes it pending.
    ASSERT_TRUE(store().outbox().mark_attempt_failed(second, "a", 5001, "verbinding geweigerd", 5031).ok());
    auto failed_once = store().outbox().find(second).value();
    EXPECT_EQ(failed_once->status, OutboxStatus::Pending);
    EXPECT_EQ(failed_once->attempts, 1);
    EXPECT_EQ(failed_once->first_failed_at, std::optional<UnixTime>{5001});
    EXPECT_EQ(failed_once->last_error, "verbinding geweigerd");
    EXPECT_TRUE(store().outbox().claim_due(5030, "a", 5090, 5).value().empty());
    ASSERT_EQ(store().outbox().claim_due(5031, "a", 5091, 5).value().size(), 1U);
    ASSERT_TRUE(store().outbox().mark_attempt_failed(second, "a", 5032, "weer niet", std::nullopt).ok());
    auto gave_up = store().outbox().find(second).value();
    EXPECT_EQ(gave_up->status, OutboxStatus::Failed);
    EXPECT_EQ(gave_up->attempts, 2);
    EXPECT_EQ(gave_up->first_failed_at, std::optional<UnixTime>{5001});
    EXPECT_EQ(store().outbox().retry(first, 6000).error().code, ErrorCode::FailedPrecondition) << "sent, not failed";
    EXPECT_EQ(store().outbox().retry(999999, 6000).error().code, ErrorCode::NotFound);
    ASSERT_TRUE(store().outbox().retry(second, 6000).ok());
    EXPECT_EQ(store().outbox().find(second).value()->status, OutboxStatus::Pending);
    EXPECT_EQ(store().outbox().find(second).value()->attempts, 0);

    auto const counts = store().outbox().counts().value();
    EXPECT_EQ(counts.pending, 1);
    EXPECT_EQ(counts.sent, 1);
    EXPECT_EQ(counts.failed, 0);
    auto const newest_first = store().outbox().list(std::nullopt, 10).value();
    ASSERT_EQ(newest_first.size(), 2U);
    EXPECT_EQ(newest_first[0].id, second);
    EXPECT_EQ(store().outbox().list(OutboxStatus::Sent, 10).value().size(), 1U);
    auto const mine = store().outbox().for_user(anna, 50).value();
    ASSERT_EQ(mine.size(), 1U);
    EXPECT_EQ(mine[0].id, first);
}

TEST_P(StoreConformance, LifecycleKeyIsAppliedOnceAlsoFromAnotherConnection)
{
    EXPECT_TRUE(store().lifecycle().mark_applied("digest:2026-03-21", 1000).value());
    EXPECT_FALSE(store().lifecycle().mark_applied("digest:2026-03-21", 1001).value());
    auto other = open_store(m_url, MigrationMode::RequireCurrent);
    ASSERT_TRUE(other.ok()) << other.error().message;
    EXPECT_FALSE((*other)->lifecycle().mark_applied("digest:2026-03-21", 1002).value());
    EXPECT_EQ((*other)->lifecycle().applied_keys().value(), (std::set<std::string>{"digest:2026-03-21"}));
    // Inside a transaction that rolls back, the key is not kept.
    auto const rolled_back = store().transaction([&]() -> Status {
        EXPECT_TRUE(store().lifecycle().mark_applied("overdue:1:concept_report:2026-03-20", 1003).value());
        return Error::internal("terugdraaien");
    });
    EXPECT_FALSE(rolled_back.ok());
    EXPECT_EQ(store().lifecycle().applied_keys().value().size(), 1U);
}

TEST_P(StoreConformance, UserLanguageDefaultsToDutchAndCanBeChanged)
{
    Id const anna = store().users().create(make_user("anna@example.org")).value();
    EXPECT_EQ(store().users().find(anna).value()->language, "nl");
    ASSERT_TRUE(store().users().set_language(anna, "en").ok());
    EXPECT_EQ(store().users().find(anna).value()->language, "en");
    EXPECT_EQ(store().users().set_language(999999, "en").error().code, ErrorCode::NotFound);
}

// Issue 11: certificates keep their number unique (and the sequence per year), change only their
// status while it is what the caller read, and the register lists the valid and suspended ones.
TEST_P(StoreConformance, CertificatesAreNumberedOnceAndChangeStatusOnlyOverWhatWasRead)
{
    Id const member = store().organisations().create(make_organisation("Stichting Wélzijn")).value();
    Certificate c;
    c.number = "SSW-2026-0001";
    c.year = 2026;
    c.sequence = 1;
    c.member_id = member;
    c.member_name = "Stichting Wélzijn";
    c.town = "Utrecht";
    c.kvk = "12345678";
    c.lidnummer = "SWN-1";
    c.scope = "De hele organisatie";
    c.issued = Date::from_ymd(2026, 3, 15);
    c.valid_from = c.issued;
    c.valid_through = Date::from_ymd(2028, 3, 14);
    c.expires = Date::from_ymd(2028, 3, 15);
    c.renewal.accepted_on = Date::from_ymd(2028, 1, 2);
    ASSERT_TRUE(store().certificates().create(c, search_text(c), 1000).ok());
    auto twice = store().certificates().create(c, search_text(c), 1001);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, ErrorCode::FailedPrecondition);
    EXPECT_EQ(twice.error().field, "number");
    Certificate same_sequence = c;
    same_sequence.number = "SSW-2026-00001";
    EXPECT_FALSE(store().certificates().create(same_sequence, "", 1002).ok());
    Certificate second = c;
    second.number = "SSW-2026-0002";
    second.sequence = 2;
    second.trajectory_id.reset();
    ASSERT_TRUE(store().certificates().create(second, search_text(second), 1003).ok());
    EXPECT_EQ(store().certificates().sequences_in_year(2026).value().size(), 2U);
    EXPECT_TRUE(store().certificates().sequences_in_year(2027).value().empty());

    auto found = store().certificates().find("SSW-2026-0001").value();
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->member_name, "Stichting Wélzijn");
    EXPECT_EQ(found->expires, c.expires);
    EXPECT_EQ(found->renewal.accepted_on, c.renewal.accepted_on);
    EXPECT_FALSE(found->trajectory_id.has_value());
    EXPECT_FALSE(store().certificates().find("SSW-2026-0099").value().has_value());

    auto withdrawn = withdraw_certificate(*found, Date::from_ymd(2026, 6, 1), "Openbare reden").value();
    ASSERT_TRUE(store().certificates().set_status(withdrawn, CertificateStatus::Valid).ok());
    EXPECT_EQ(store().certificates().set_status(withdrawn, CertificateStatus::Valid).error().code,
              ErrorCode::FailedPrecondition);
    auto listed = store().certificates().listed().value();
    ASSERT_EQ(listed.size(), 1U);
    EXPECT_EQ(listed.front().first.number, "SSW-2026-0002");
    EXPECT_TRUE(matches_search(listed.front().second, "welzijn UTRECHT"));
    EXPECT_EQ(store().certificates().of_member(member).value().size(), 2U);

    ASSERT_TRUE(store().certificates().set_renewal("SSW-2026-0002", Renewal{std::nullopt, std::nullopt,
                                                                            Date::from_ymd(2028, 4, 1)}).ok());
    EXPECT_EQ(store().certificates().find("SSW-2026-0002").value()->renewal.ended_on, Date::from_ymd(2028, 4, 1));

    EXPECT_FALSE(store().certificates().signing_key().value().has_value());
    auto const first = store().certificates().store_signing_key({"pk1", "sk1"}, 1).value();
    auto const again = store().certificates().store_signing_key({"pk2", "sk2"}, 2).value();
    EXPECT_EQ(first.public_key, "pk1");
    EXPECT_EQ(again.public_key, "pk1") << "the key is made once";
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformance, ::testing::Values(TestBackend::Sqlite, TestBackend::Postgresql),
                         backend_name);

}  // namespace
}  // namespace sterk
