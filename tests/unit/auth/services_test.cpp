// The account services (core/services) against the real SQLite store in a temporary file, with
// the real argon2id hasher and token generator. Only the mail transport is a recording stand-in.
#include "adapters/crypto/sodium_crypto.h"
#include "adapters/storage/open_store.h"
#include "core/services/account_rules.h"
#include "core/services/audit_tally.h"
#include "core/services/auth_service.h"
#include "core/services/demo_seed.h"
#include "core/services/password_reset_service.h"
#include "core/services/user_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

namespace sterk {
namespace {

constexpr UnixTime NOW = 1'700'000'000;
constexpr char const* PASSWORD = "correct-paard-batterij";
constexpr char const* SECRETARIAT = "secretariaat@sociaalwerk.example";
constexpr char const* MEMBER = "kwaliteit@wijkkracht.example";

class RecordingMailer final : public Mailer {
public:
    Status send(MailMessage const& message) override
    {
        sent.push_back(message);
        return ok_status();
    }
    std::vector<MailMessage> sent;
};

std::string token_from_link(std::string const& text)
{
    auto const at = text.find("token=");
    if (at == std::string::npos) {
        return {};
    }
    auto const end = text.find_first_of(" \r\n", at);
    return text.substr(at + 6, end - at - 6);
}

class ServicesTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(init_sodium().ok());
        std::random_device random;
        m_dir = std::filesystem::temp_directory_path() / ("sterk-services-" + std::to_string(random()));
        std::filesystem::create_directories(m_dir);
        auto store = open_store("sqlite:" + (m_dir / "test.db").string(), MigrationMode::Migrate);
        ASSERT_TRUE(store.ok()) << store.error().message;
        m_store = std::move(*store);
        auto logins = seed_demo(*m_store, m_hasher, m_tokens, std::string{PASSWORD}, NOW);
        ASSERT_TRUE(logins.ok()) << logins.error().message;
        ASSERT_EQ(logins->size(), 10u);  // DEMO_USERS
    }

    void TearDown() override
    {
        m_store.reset();
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }

    std::vector<std::string> audit_actions()
    {
        std::vector<std::string> actions;
        auto entries = m_store->audit_log().recent(500);
        EXPECT_TRUE(entries.ok());
        for (auto const& entry : *entries) {
            actions.push_back(entry.action);
        }
        return actions;
    }

    static bool contains(std::vector<std::string> const& list, std::string const& item)
    {
        return std::find(list.begin(), list.end(), item) != list.end();
    }

    std::filesystem::path m_dir;
    std::unique_ptr<Store> m_store;
    SodiumPasswordHasher m_hasher;
    SodiumTokenGenerator m_tokens;
    RecordingMailer m_mailer;
};

TEST_F(ServicesTest, DemoSeedRunsOnlyOnAnEmptyDatabase)
{
    auto again = seed_demo(*m_store, m_hasher, m_tokens, std::nullopt, NOW);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->empty());
    auto users = m_store->users().list();
    ASSERT_TRUE(users.ok());
    EXPECT_EQ(users->size(), 10u);
    auto member = m_store->users().find_by_email(MEMBER);
    ASSERT_TRUE(member.ok() && member->has_value());
    EXPECT_EQ((*member)->role, Role::Member);
    auto organisation = m_store->organisations().find(*(*member)->organisation_id);
    ASSERT_TRUE(organisation.ok() && organisation->has_value());
    EXPECT_EQ((*organisation)->lidnummer, "SWN-1001");
}

TEST_F(ServicesTest, LoginCreatesASessionThatAuthenticatesUntilLogout)
{
    AuthService auth{*m_store, m_hasher, m_tokens};
    auto outcome = auth.login({"  Secretariaat@SociaalWerk.example ", PASSWORD, "10.0.0.1"}, NOW);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    EXPECT_EQ(outcome->user.email, SECRETARIAT);
    EXPECT_FALSE(outcome->csrf_token.empty());

    auto session = auth.authenticate(outcome->session_token, NOW + 60);
    ASSERT_TRUE(session.ok());
    EXPECT_EQ(session->user.id, outcome->user.id);
    EXPECT_EQ(session->session.csrf_token, outcome->csrf_token);
    // Only the hash of the token is stored.
    EXPECT_NE(session->session.token_hash, outcome->session_token);

    ASSERT_TRUE(auth.logout(*session, "10.0.0.1", NOW + 120).ok());
    auto after = auth.authenticate(outcome->session_token, NOW + 180);
    ASSERT_FALSE(after.ok());
    EXPECT_EQ(after.error().code, ErrorCode::Unauthenticated);
    auto actions = audit_actions();
    EXPECT_TRUE(contains(actions, "login"));
    EXPECT_TRUE(contains(actions, "logout"));
}

TEST_F(ServicesTest, SessionsExpire)
{
    AuthSettings settings;
    settings.session_lifetime = 600;
    AuthService auth{*m_store, m_hasher, m_tokens, settings};
    auto outcome = auth.login({MEMBER, PASSWORD, "10.0.0.1"}, NOW);
    ASSERT_TRUE(outcome.ok());
    EXPECT_TRUE(auth.authenticate(outcome->session_token, NOW + 599).ok());
    EXPECT_FALSE(auth.authenticate(outcome->session_token, NOW + 600).ok());
    EXPECT_FALSE(auth.authenticate("", NOW).ok());
    EXPECT_FALSE(auth.authenticate("made-up-token", NOW).ok());
}

TEST_F(ServicesTest, WrongPasswordAndUnknownAddressGiveTheSameAnswer)
{
    AuthService auth{*m_store, m_hasher, m_tokens};
    auto wrong = auth.login({MEMBER, "niet-het-wachtwoord", "10.0.0.2"}, NOW);
    auto unknown = auth.login({"niemand@nergens.example", PASSWORD, "10.0.0.2"}, NOW);
    ASSERT_FALSE(wrong.ok());
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(wrong.error().code, ErrorCode::Unauthenticated);
    EXPECT_EQ(unknown.error().code, ErrorCode::Unauthenticated);
    EXPECT_EQ(wrong.error().message, unknown.error().message);
    auto entries = m_store->audit_log().recent(10);
    ASSERT_TRUE(entries.ok());
    int failed = 0;
    for (auto const& entry : *entries) {
        failed += entry.action == "login-failed" ? 1 : 0;
    }
    EXPECT_EQ(failed, 2);
}

TEST_F(ServicesTest, FiveFailuresPerAddressWithinFifteenMinutesBlockLogins)
{
    AuthService auth{*m_store, m_hasher, m_tokens};
    for (int i = 0; i < 5; ++i) {
        auto failed = auth.login({MEMBER, "fout-wachtwoord", "10.0.0.3"}, NOW + i);
        ASSERT_FALSE(failed.ok());
        EXPECT_EQ(failed.error().code, ErrorCode::Unauthenticated);
    }
    auto blocked = auth.login({MEMBER, PASSWORD, "10.0.0.3"}, NOW + 10);
    ASSERT_FALSE(blocked.ok());
    EXPECT_EQ(blocked.error().code, ErrorCode::ResourceExhausted);
    // Another address from the same IP is not blocked yet.
    EXPECT_TRUE(auth.login({SECRETARIAT, PASSWORD, "10.0.0.3"}, NOW + 11).ok());
    // After the window the right password works again.
    EXPECT_TRUE(auth.login({MEMBER, PASSWORD, "10.0.0.3"}, NOW + 15 * 60 + 5).ok());
}

TEST_F(ServicesTest, MessagesNameTheConfiguredNumbers)
{
    AuthSettings settings;
    settings.throttle_window = 30 * 60;
    settings.max_failures_per_account_address = 1;
    AuthService auth{*m_store, m_hasher, m_tokens, settings};
    ASSERT_FALSE(auth.login({MEMBER, "fout-wachtwoord", "10.0.0.9"}, NOW).ok());
    auto blocked = auth.login({MEMBER, PASSWORD, "10.0.0.9"}, NOW + 1);
    ASSERT_FALSE(blocked.ok());
    EXPECT_NE(blocked.error().message.find("over 30 minuten"), std::string::npos) << blocked.error().message;

    User user;
    user.email = MEMBER;
    EXPECT_NE(reset_mail(user, "https://x/l", 2 * 60 * 60).text.find("De link is 2 uur geldig"), std::string::npos);
    EXPECT_NE(reset_mail(user, "https://x/l", 30 * 60).text.find("De link is 30 minuten geldig"), std::string::npos);

    auto short_password = validate_new_password("kort", "password");
    EXPECT_NE(short_password.error().message.find(std::to_string(MIN_PASSWORD_CHARACTERS) + " tekens"),
              std::string::npos);
    UserService users{*m_store, m_hasher};
    EXPECT_NE(users.audit_log(AUDIT_LOG_MAX_LIMIT + 1).error().message.find(std::to_string(AUDIT_LOG_MAX_LIMIT)),
              std::string::npos);
    EXPECT_EQ(dutch_duration(15 * 60), "15 minuten");
    EXPECT_EQ(dutch_duration(60), "1 minuut");
    EXPECT_EQ(dutch_duration(60 * 60), "1 uur");
    EXPECT_EQ(dutch_duration(90 * 60), "90 minuten");
}

TEST_F(ServicesTest, FailuresPerIpAreCountedAcrossAddresses)
{
    AuthSettings settings;
    settings.max_failures_per_ip = 3;
    AuthService auth{*m_store, m_hasher, m_tokens, settings};
    EXPECT_FALSE(auth.login({"a@x.example", "fout-wachtwoord", "10.0.0.4"}, NOW).ok());
    EXPECT_FALSE(auth.login({"b@x.example", "fout-wachtwoord", "10.0.0.4"}, NOW).ok());
    EXPECT_FALSE(auth.login({"c@x.example", "fout-wachtwoord", "10.0.0.4"}, NOW).ok());
    auto blocked = auth.login({MEMBER, PASSWORD, "10.0.0.4"}, NOW + 1);
    ASSERT_FALSE(blocked.ok());
    EXPECT_EQ(blocked.error().code, ErrorCode::ResourceExhausted);
    EXPECT_TRUE(auth.login({MEMBER, PASSWORD, "10.0.0.5"}, NOW + 1).ok());
}

TEST_F(ServicesTest, PasswordResetEndToEnd)
{
    AuthService auth{*m_store, m_hasher, m_tokens};
    PasswordResetService resets{*m_store, m_hasher, m_tokens, m_mailer, PasswordResetSettings{"https://sterk.example"}};
    auto old_session = auth.login({MEMBER, PASSWORD, "10.0.0.6"}, NOW);
    ASSERT_TRUE(old_session.ok());

    ASSERT_TRUE(resets.request("Kwaliteit@WijkKracht.example", "10.0.0.6", NOW).ok());
    ASSERT_EQ(m_mailer.sent.size(), 1u);
    EXPECT_EQ(m_mailer.sent[0].to, MEMBER);
    EXPECT_NE(m_mailer.sent[0].text.find("https://sterk.example/wachtwoord-herstellen?token="), std::string::npos);
    std::string const token = token_from_link(m_mailer.sent[0].text);
    ASSERT_FALSE(token.empty());

    auto too_short = resets.confirm(token, "kort", "10.0.0.6", NOW + 60);
    ASSERT_FALSE(too_short.ok());
    EXPECT_EQ(too_short.error().field, "password");

    ASSERT_TRUE(resets.confirm(token, "een-nieuw-wachtwoord", "10.0.0.6", NOW + 60).ok());
    EXPECT_FALSE(auth.authenticate(old_session->session_token, NOW + 61).ok()) << "all sessions ended";
    EXPECT_FALSE(auth.login({MEMBER, PASSWORD, "10.0.0.6"}, NOW + 62).ok());
    EXPECT_TRUE(auth.login({MEMBER, "een-nieuw-wachtwoord", "10.0.0.6"}, NOW + 63).ok());

    auto reused = resets.confirm(token, "nog-een-ander-wachtwoord", "10.0.0.6", NOW + 64);
    ASSERT_FALSE(reused.ok());
    EXPECT_EQ(reused.error().field, "token");
    auto actions = audit_actions();
    EXPECT_TRUE(contains(actions, "password-reset.request"));
    EXPECT_TRUE(contains(actions, "password-reset.confirm"));
}

TEST_F(ServicesTest, ResetTokensExpireAfterOneHourAndUnknownAddressesGetNoMail)
{
    PasswordResetService resets{*m_store, m_hasher, m_tokens, m_mailer, PasswordResetSettings{"http://localhost:1"}};
    ASSERT_TRUE(resets.request("niemand@nergens.example", "10.0.0.7", NOW).ok());
    EXPECT_TRUE(m_mailer.sent.empty());

    ASSERT_TRUE(resets.request(MEMBER, "10.0.0.7", NOW).ok());
    ASSERT_EQ(m_mailer.sent.size(), 1u);
    std::string const token = token_from_link(m_mailer.sent[0].text);
    auto expired = resets.confirm(token, "een-nieuw-wachtwoord", "10.0.0.7", NOW + 3600);
    ASSERT_FALSE(expired.ok());
    EXPECT_EQ(expired.error().field, "token");
    auto unknown = resets.confirm("verzonnen", "een-nieuw-wachtwoord", "10.0.0.7", NOW);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().field, "token");
}

TEST_F(ServicesTest, AddUserValidatesAndRefusesDuplicates)
{
    UserService users{*m_store, m_hasher};
    Actor const cli{std::nullopt, "cli", ""};
    NewUser input;
    input.email = "nieuw@wijkkracht.example";
    input.role = Role::Committee;
    input.password = "lang-genoeg-wachtwoord";
    auto added = users.add_user(input, cli, NOW);
    ASSERT_TRUE(added.ok()) << added.error().message;
    EXPECT_EQ(added->name, "nieuw@wijkkracht.example");

    auto duplicate = users.add_user(input, cli, NOW);
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.error().code, ErrorCode::AlreadyExists);

    NewUser bad = input;
    bad.email = "geen-adres";
    EXPECT_EQ(users.add_user(bad, cli, NOW).error().field, "email");
    bad = input;
    bad.email = "ander@wijkkracht.example";
    bad.password = "kort";
    EXPECT_EQ(users.add_user(bad, cli, NOW).error().field, "password");
    bad.password = "lang-genoeg-wachtwoord";
    bad.role = Role::Member;
    EXPECT_EQ(users.add_user(bad, cli, NOW).error().field, "organisation_id");
    bad.organisation_id = 9999;
    EXPECT_EQ(users.add_user(bad, cli, NOW).error().field, "organisation_id");
    EXPECT_TRUE(contains(audit_actions(), "user.create"));
}

TEST_F(ServicesTest, AMalformedAddressIsRefusedAndNotCountedAsAFailedLogin)
{
    AuthService auth{*m_store, m_hasher, m_tokens};
    PasswordResetService resets{*m_store, m_hasher, m_tokens, m_mailer, PasswordResetSettings{"http://localhost:1"}};
    auto login = auth.login({"geen-email", "wat-dan-ook", "10.0.0.9"}, NOW);
    ASSERT_FALSE(login.ok());
    EXPECT_EQ(login.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(login.error().field, "email");
    EXPECT_EQ(login.error().message, "Vul een geldig e-mailadres in.");
    EXPECT_EQ(m_store->login_attempts().failures_since(throttle_key_for_ip("10.0.0.9"), 0).value(), 0);
    EXPECT_FALSE(contains(audit_actions(), "login-failed"));

    auto reset = resets.request("geen-email", "10.0.0.9", NOW);
    ASSERT_FALSE(reset.ok());
    EXPECT_EQ(reset.error().field, "email");
    EXPECT_EQ(reset.error().message, "Vul een geldig e-mailadres in.");
    EXPECT_TRUE(m_mailer.sent.empty());
}

class UserManagementTest : public ServicesTest {
protected:
    void SetUp() override
    {
        ServicesTest::SetUp();
        m_resets = std::make_unique<PasswordResetService>(*m_store, m_hasher, m_tokens, m_mailer,
                                                          PasswordResetSettings{"https://sterk.example"});
        m_users = std::make_unique<UserService>(*m_store, m_hasher, *m_resets);
        User const secretariat = m_store->users().find_by_email(SECRETARIAT).value().value();
        m_actor = Actor{secretariat.id, secretariat.email, "10.0.1.1"};
        User const member = m_store->users().find_by_email(MEMBER).value().value();
        m_member_id = member.id;
        m_member_org = *member.organisation_id;
    }

    std::unique_ptr<PasswordResetService> m_resets;
    std::unique_ptr<UserService> m_users;
    Actor m_actor;
    Id m_member_id = 0;
    Id m_member_org = 0;
};

TEST_F(UserManagementTest, AnInvitedUserChoosesAPasswordThroughTheLinkAndThenLogsIn)
{
    AuthService auth{*m_store, m_hasher, m_tokens};
    Invitation input{"  Nieuw@WijkKracht.example ", "Nina Nieuw", Role::Member, m_member_org};
    auto invited = m_users->invite(input, m_actor, NOW);
    ASSERT_TRUE(invited.ok()) << invited.error().message;
    EXPECT_EQ(invited->email, "nieuw@wijkkracht.example");
    EXPECT_EQ(user_status(*invited), UserStatus::Invited);
    ASSERT_EQ(m_mailer.sent.size(), 1u);
    EXPECT_EQ(m_mailer.sent[0].to, "nieuw@wijkkracht.example");
    EXPECT_NE(m_mailer.sent[0].subject.find("Uitnodiging"), std::string::npos);
    EXPECT_NE(m_mailer.sent[0].text.find("7 dagen"), std::string::npos) << m_mailer.sent[0].text;
    std::string const token = token_from_link(m_mailer.sent[0].text);

    // No password yet: no login, whatever is typed (and the same answer as a wrong password).
    auto early = auth.login({"nieuw@wijkkracht.example", "", "10.0.1.2"}, NOW);
    EXPECT_FALSE(early.ok());
    auto guessed = auth.login({"nieuw@wijkkracht.example", "iets", "10.0.1.2"}, NOW);
    ASSERT_FALSE(guessed.ok());
    EXPECT_EQ(guessed.error().code, ErrorCode::Unauthenticated);

    // Checking the link does not use it; it is still good after six days.
    EXPECT_EQ(m_resets->check(token, NOW + 6 * 24 * 3600).value(), ResetPurpose::Invitation);
    EXPECT_EQ(m_resets->check(token, NOW + 6 * 24 * 3600).value(), ResetPurpose::Invitation);
    ASSERT_TRUE(m_resets->confirm(token, "mijn-eerste-wachtwoord", "10.0.1.2", NOW + 6 * 24 * 3600).ok());
    EXPECT_EQ(m_resets->check(token, NOW + 6 * 24 * 3600).error().field, "token");
    EXPECT_TRUE(auth.login({"nieuw@wijkkracht.example", "mijn-eerste-wachtwoord", "10.0.1.2"}, NOW + 7 * 24 * 3600)
                    .ok());

    auto duplicate = m_users->invite(input, m_actor, NOW);
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.error().code, ErrorCode::AlreadyExists);
    Invitation misfit{"ci@wijkkracht.example", "", Role::CiAdmin, m_member_org};
    EXPECT_EQ(m_users->invite(misfit, m_actor, NOW).error().field, "organisation_id");
    Invitation bad_address{"geen-email", "", Role::Committee, std::nullopt};
    EXPECT_EQ(m_users->invite(bad_address, m_actor, NOW).error().field, "email");

    auto entries = m_store->audit_log().recent(500).value();
    auto const invite = std::find_if(entries.begin(), entries.end(), [](auto const& e) { return e.action == "user.invite"; });
    ASSERT_NE(invite, entries.end());
    EXPECT_EQ(invite->actor_email, SECRETARIAT);
    EXPECT_EQ(invite->subject, "user:" + std::to_string(invited->id));
}

TEST_F(UserManagementTest, ADeactivatedUserCannotLogInAndItsSessionsAndLinksEnd)
{
    AuthService auth{*m_store, m_hasher, m_tokens};
    auto session = auth.login({MEMBER, PASSWORD, "10.0.1.3"}, NOW);
    ASSERT_TRUE(session.ok());
    ASSERT_TRUE(m_resets->request(MEMBER, "10.0.1.3", NOW).ok());
    std::string const token = token_from_link(m_mailer.sent.at(0).text);

    auto deactivated = m_users->deactivate(m_member_id, m_actor, NOW + 10);
    ASSERT_TRUE(deactivated.ok()) << deactivated.error().message;
    EXPECT_EQ(user_status(*deactivated), UserStatus::Deactivated);
    EXPECT_FALSE(auth.authenticate(session->session_token, NOW + 11).ok()) << "its session ended";
    auto login = auth.login({MEMBER, PASSWORD, "10.0.1.3"}, NOW + 12);
    ASSERT_FALSE(login.ok());
    EXPECT_EQ(login.error().code, ErrorCode::Unauthenticated);
    EXPECT_EQ(m_resets->check(token, NOW + 13).error().field, "token") << "its open links ended";
    EXPECT_EQ(m_users->deactivate(m_member_id, m_actor, NOW + 14).error().code, ErrorCode::FailedPrecondition);
    EXPECT_EQ(m_users->send_link(m_member_id, m_actor, NOW + 14).error().code, ErrorCode::FailedPrecondition);

    ASSERT_TRUE(m_users->activate(m_member_id, m_actor, NOW + 20).ok());
    EXPECT_TRUE(auth.login({MEMBER, PASSWORD, "10.0.1.4"}, NOW + 21).ok());
    EXPECT_EQ(m_users->activate(m_member_id, m_actor, NOW + 22).error().code, ErrorCode::FailedPrecondition);

    auto self = m_users->deactivate(*m_actor.user_id, m_actor, NOW + 30);
    ASSERT_FALSE(self.ok());
    EXPECT_EQ(self.error().code, ErrorCode::FailedPrecondition);
    EXPECT_EQ(m_users->deactivate(424242, m_actor, NOW).error().code, ErrorCode::NotFound);
    auto actions = audit_actions();
    EXPECT_TRUE(contains(actions, "user.deactivate"));
    EXPECT_TRUE(contains(actions, "user.activate"));
}

TEST_F(UserManagementTest, ARoleChangeTakesAFittingOrganisationAndNeverOnesOwn)
{
    auto committee = m_users->change_role(m_member_id, Role::Committee, std::nullopt, m_actor, NOW);
    ASSERT_TRUE(committee.ok()) << committee.error().message;
    EXPECT_EQ(committee->role, Role::Committee);
    User const stored = m_store->users().find(m_member_id).value().value();
    EXPECT_EQ(stored.role, Role::Committee);
    EXPECT_FALSE(stored.organisation_id.has_value());

    EXPECT_EQ(m_users->change_role(m_member_id, Role::Member, std::nullopt, m_actor, NOW).error().field,
              "organisation_id");
    EXPECT_EQ(m_users->change_role(m_member_id, Role::Committee, m_member_org, m_actor, NOW).error().field,
              "organisation_id");
    EXPECT_EQ(m_users->change_role(424242, Role::Committee, std::nullopt, m_actor, NOW).error().code,
              ErrorCode::NotFound);
    auto own = m_users->change_role(*m_actor.user_id, Role::Committee, std::nullopt, m_actor, NOW);
    ASSERT_FALSE(own.ok());
    EXPECT_EQ(own.error().code, ErrorCode::FailedPrecondition);

    auto entries = m_store->audit_log().recent(500).value();
    auto const role = std::find_if(entries.begin(), entries.end(), [](auto const& e) { return e.action == "user.role"; });
    ASSERT_NE(role, entries.end());
    EXPECT_EQ(role->detail, "lid → beheercommissie");
}

TEST_F(UserManagementTest, ANewLinkIsAnInvitationUntilAPasswordIsSet)
{
    Invitation input{"later@wijkkracht.example", "", Role::Member, m_member_org};
    Id const id = m_users->invite(input, m_actor, NOW).value().id;
    ASSERT_TRUE(m_users->send_link(id, m_actor, NOW + 60).ok());
    ASSERT_EQ(m_mailer.sent.size(), 2u);
    EXPECT_EQ(m_resets->check(token_from_link(m_mailer.sent[1].text), NOW + 61).value(), ResetPurpose::Invitation);

    ASSERT_TRUE(m_users->send_link(m_member_id, m_actor, NOW + 60).ok());
    ASSERT_EQ(m_mailer.sent.size(), 3u);
    EXPECT_EQ(m_mailer.sent[2].to, MEMBER);
    EXPECT_EQ(m_resets->check(token_from_link(m_mailer.sent[2].text), NOW + 61).value(), ResetPurpose::Reset);
    EXPECT_TRUE(contains(audit_actions(), "user.link"));
}

TEST_F(ServicesTest, AuditLogLimitIsChecked)
{
    UserService users{*m_store, m_hasher};
    EXPECT_EQ(users.audit_log(0).error().field, "limit");
    EXPECT_EQ(users.audit_log(501).error().field, "limit");
    auto entries = users.audit_log(3);
    ASSERT_TRUE(entries.ok());
    EXPECT_EQ(entries->size(), 3u);
    EXPECT_GE((*entries)[0].id, (*entries)[1].id) << "newest first";
}

TEST_F(ServicesTest, AFailedResetMailIsAudited)
{
    PasswordResetService resets{*m_store, m_hasher, m_tokens, m_mailer, PasswordResetSettings{"https://x"}};
    ASSERT_TRUE(resets.record_mail_failure(MEMBER, "e-mail niet verstuurd: time-out", NOW).ok());
    auto entries = m_store->audit_log().recent(1).value();
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].action, "password-reset.mail-failed");
    EXPECT_EQ(entries[0].actor_email, MEMBER);
    EXPECT_TRUE(entries[0].user_id.has_value());
    EXPECT_EQ(entries[0].detail, "e-mail niet verstuurd: time-out");
}

TEST_F(ServicesTest, PruneRemovesExpiredSessionsAndOldLoginAttempts)
{
    AuthService auth{*m_store, m_hasher, m_tokens};
    auto session = auth.login({MEMBER, PASSWORD, "10.0.0.1"}, NOW);
    ASSERT_TRUE(session.ok()) << session.error().message;
    auto& attempts = m_store->login_attempts();
    ASSERT_TRUE(attempts.record_failure("email:old@example.org", NOW - 2 * 60 * 60).ok());
    ASSERT_TRUE(attempts.record_failure("reset:recent@example.org", NOW + 12 * 60 * 60 - 30 * 60).ok());

    UnixTime const later = NOW + 12 * 60 * 60;  // the session has just expired
    ASSERT_TRUE(auth.prune(later).ok());
    auto const token_hash = m_tokens.hash_token(session->session_token);
    EXPECT_FALSE(m_store->sessions().find(token_hash).value().has_value());
    EXPECT_EQ(attempts.failures_since("email:old@example.org", 0).value(), 0);
    // Still inside the hour in which password-reset requests are counted: kept.
    EXPECT_EQ(attempts.failures_since("reset:recent@example.org", 0).value(), 1);
}

TEST_F(ServicesTest, AFailedLoginPrunesOldAttempts)
{
    AuthService auth{*m_store, m_hasher, m_tokens};
    ASSERT_TRUE(m_store->login_attempts().record_failure("email:old@example.org", NOW - 2 * 60 * 60).ok());
    EXPECT_FALSE(auth.login({MEMBER, "fout-wachtwoord", "10.0.0.1"}, NOW).ok());
    EXPECT_EQ(m_store->login_attempts().failures_since("email:old@example.org", 0).value(), 0);
}

TEST_F(ServicesTest, FailuresFromOneAddressDoNotLockTheOwnerOutElsewhere)
{
    AuthService auth{*m_store, m_hasher, m_tokens};
    for (int i = 0; i < 5; ++i) {
        ASSERT_FALSE(auth.login({SECRETARIAT, "geraden", "10.0.0.20"}, NOW + i).ok());
    }
    auto refused = auth.login({SECRETARIAT, PASSWORD, "10.0.0.20"}, NOW + 6);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::ResourceExhausted);
    EXPECT_NE(refused.error().message.find("Wachtwoord vergeten?"), std::string::npos);
    // The account has been failing: answers for it are held back, but the owner gets in.
    EXPECT_EQ(auth.login_delay(SECRETARIAT, NOW + 7).value(), 1);
    EXPECT_EQ(auth.login_delay(MEMBER, NOW + 7).value(), 0);
    EXPECT_TRUE(auth.login({SECRETARIAT, PASSWORD, "10.0.0.21"}, NOW + 7).ok());
}

TEST_F(ServicesTest, SlowDownGrowsPerFailureUpToTheMaximum)
{
    AuthSettings settings;
    EXPECT_EQ(slow_down(0, settings), 0);
    EXPECT_EQ(slow_down(4, settings), 0);
    EXPECT_EQ(slow_down(5, settings), 1);
    EXPECT_EQ(slow_down(9, settings), 5);
    EXPECT_EQ(slow_down(500, settings), settings.max_slow_down);
}

TEST_F(ServicesTest, APasswordResetLiftsTheOwnersOwnLockout)
{
    AuthService auth{*m_store, m_hasher, m_tokens};
    PasswordResetService resets{*m_store, m_hasher, m_tokens, m_mailer, PasswordResetSettings{"https://sterk.example"}};
    for (int i = 0; i < 5; ++i) {
        ASSERT_FALSE(auth.login({MEMBER, "vergeten", "10.0.0.22"}, NOW + i).ok());
    }
    ASSERT_EQ(auth.login({MEMBER, PASSWORD, "10.0.0.22"}, NOW + 6).error().code, ErrorCode::ResourceExhausted);
    ASSERT_TRUE(resets.request(MEMBER, "10.0.0.22", NOW + 7).ok());
    ASSERT_EQ(m_mailer.sent.size(), 1u);
    ASSERT_TRUE(resets.confirm(token_from_link(m_mailer.sent[0].text), "een-nieuw-wachtwoord", "10.0.0.22", NOW + 8).ok());
    EXPECT_TRUE(auth.login({MEMBER, "een-nieuw-wachtwoord", "10.0.0.22"}, NOW + 9).ok());
}

TEST_F(ServicesTest, RefusedLoginsAreCountedNotLoggedOneByOne)
{
    AuthSettings settings;
    settings.max_failures_per_account_address = 1;
    AuthService auth{*m_store, m_hasher, m_tokens, settings};
    UnixTime const start = tally_window_start(NOW) + AUDIT_TALLY_WINDOW + 10;  // after the seed entries
    ASSERT_FALSE(auth.login({MEMBER, "fout", "10.0.0.23"}, start).ok());
    for (int i = 1; i <= 4; ++i) {
        ASSERT_EQ(auth.login({MEMBER, "fout", "10.0.0.23"}, start + i).error().code, ErrorCode::ResourceExhausted);
    }
    auto refused_rows = [&] {
        int count = 0;
        for (auto const& action : audit_actions()) {
            count += action == "login-refused" ? 1 : 0;
        }
        return count;
    };
    EXPECT_EQ(refused_rows(), 1);
    // The window has not closed: no summary yet.
    ASSERT_TRUE(auth.prune(start + 60).ok());
    EXPECT_FALSE(contains(audit_actions(), "login-refused.tally"));
    ASSERT_TRUE(auth.prune(start + AUDIT_TALLY_WINDOW).ok());
    auto entries = m_store->audit_log().recent(1).value();
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].action, "login-refused.tally");
    EXPECT_EQ(entries[0].ip, "10.0.0.23");
    EXPECT_EQ(entries[0].detail.rfind("4 keer", 0), 0u) << entries[0].detail;
    EXPECT_EQ(refused_rows(), 1);
    // Flushed once.
    ASSERT_TRUE(auth.prune(start + 2 * AUDIT_TALLY_WINDOW).ok());
    EXPECT_EQ(m_store->audit_log().recent(1).value()[0].id, entries[0].id);
}

TEST_F(ServicesTest, ResetRequestsAreLimitedPerClientAddress)
{
    PasswordResetSettings settings{"https://sterk.example"};
    settings.max_requests_per_ip_per_hour = 3;
    PasswordResetService resets{*m_store, m_hasher, m_tokens, m_mailer, settings};
    for (int i = 0; i < 3; ++i) {
        EXPECT_TRUE(resets.request("onbekend-" + std::to_string(i) + "@x.example", "10.0.0.24", NOW + i).ok());
    }
    auto refused = resets.request(MEMBER, "10.0.0.24", NOW + 4);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::ResourceExhausted);
    EXPECT_TRUE(m_mailer.sent.empty());
    EXPECT_TRUE(resets.request(MEMBER, "10.0.0.25", NOW + 5).ok());
    EXPECT_TRUE(resets.request("onbekend@x.example", "10.0.0.24", NOW + 60 * 60 + 1).ok()) << "a new hour";
    int unknown_rows = 0;
    for (auto const& action : audit_actions()) {
        unknown_rows += action == "password-reset.unknown" ? 1 : 0;
    }
    EXPECT_EQ(unknown_rows, 2) << "one per address and window, not one per request";
}

TEST_F(ServicesTest, AuditLogPagesWithACursorAndNamesBadParameters)
{
    UserService users{*m_store, m_hasher};
    AuditLogFilter filter;
    filter.limit = 3;
    auto first = users.audit_log_page(filter);
    ASSERT_TRUE(first.ok()) << first.error().message;
    ASSERT_EQ(first->entries.size(), 3u);
    ASSERT_TRUE(first->next_cursor.has_value());
    EXPECT_EQ(parse_audit_cursor(*first->next_cursor), (std::pair{first->entries[2].at, first->entries[2].id}));
    filter.cursor = first->next_cursor;
    auto second = users.audit_log_page(filter);
    ASSERT_TRUE(second.ok());
    EXPECT_LT(second->entries.at(0).id, first->entries[2].id);

    for (auto const& [cursor, ok] : std::vector<std::pair<std::string, bool>>{
             {"1.2", true}, {"x", false}, {"1.", false}, {".1", false}, {"1.0", false}, {"1.2.3", false}}) {
        EXPECT_EQ(parse_audit_cursor(cursor).has_value(), ok) << cursor;
    }
    AuditLogFilter bad;
    bad.from = "2024-02-30";
    EXPECT_EQ(users.audit_log_page(bad).error().field, "from");
    bad = {};
    bad.from = "2024-03-02";
    bad.to = "2024-03-01";
    EXPECT_EQ(users.audit_log_page(bad).error().field, "to");
    bad = {};
    bad.cursor = "kapot";
    EXPECT_EQ(users.audit_log_page(bad).error().field, "cursor");
    // A one-day range is that whole UTC day: the demo seed wrote its entries at NOW.
    AuditLogFilter day;
    day.from = "2023-11-14";
    day.to = "2023-11-14";
    EXPECT_FALSE(users.audit_log_page(day).value().entries.empty());
    day.from = "2023-11-15";
    day.to = "2023-11-15";
    EXPECT_TRUE(users.audit_log_page(day).value().entries.empty());
}

TEST(AccountRules, PasswordsCountCharactersNotBytes)
{
    EXPECT_FALSE(validate_new_password("ééééééééé", "password").ok());  // 9 characters, 18 bytes
    EXPECT_TRUE(validate_new_password("éééééééééé", "password").ok());
    EXPECT_EQ(normalize_email("  A.B@Example.ORG "), "a.b@example.org");
    EXPECT_TRUE(validate_email("a@b.nl", "email").ok());
    EXPECT_FALSE(validate_email("a@b", "email").ok());
    EXPECT_FALSE(validate_email("a b@c.nl", "email").ok());
}

TEST(AccountRules, DurationsReadAsDutch)
{
    EXPECT_EQ(dutch_duration(60), "1 minuut");
    EXPECT_EQ(dutch_duration(15 * 60), "15 minuten");
    EXPECT_EQ(dutch_duration(3600), "1 uur");
    EXPECT_EQ(dutch_duration(24 * 3600), "24 uur");
    EXPECT_EQ(dutch_duration(7 * 24 * 3600), "7 dagen");
}

TEST(AccountRules, EmailAddressesCannotCarryHeaderSyntax)
{
    for (std::string bad : {"a<b@c.nl", "a@c.nl>", "a@c.nl,b@d.nl", "a@c.nl;b@d.nl", "a@c.nl\r\nBcc: x@y.nl",
                            "a@c.nl\n", "\"a\"@c.nl", "a(b)@c.nl", "a@[c].nl", "a\\b@c.nl", "a:b@c.nl",
                            "a\x7f@c.nl"}) {
        auto result = validate_email(bad, "email");
        ASSERT_FALSE(result.ok()) << bad;
        EXPECT_EQ(result.error().code, ErrorCode::InvalidArgument) << bad;
        EXPECT_EQ(result.error().field, "email") << bad;
        EXPECT_NE(result.error().message.find("mag geen"), std::string::npos) << bad;
    }
    EXPECT_TRUE(validate_email("voor.naam+label@sub.domein-x.nl", "email").ok());
}

}  // namespace
}  // namespace sterk
