// The pure parts of the platform adapters: target parsing, strict JSON bodies, the route table,
// the serve configuration, and mail encoding.
#include "adapters/http/app.h"
#include "adapters/http/error_mapping.h"
#include "adapters/http/json_body.h"
#include "adapters/http/router.h"
#include "adapters/http/serve_config.h"
#include "adapters/http/static_files.h"
#include "adapters/mail/smtp_mailer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

namespace sterk::http {
namespace {

TEST(HttpTarget, DecodesPathAndQuery)
{
    std::string path;
    std::map<std::string, std::string> query;
    ASSERT_TRUE(parse_target("/api/v1/audit-log?limit=5&q=a+b%C3%A9&flag", path, query));
    EXPECT_EQ(path, "/api/v1/audit-log");
    EXPECT_EQ(query["limit"], "5");
    EXPECT_EQ(query["q"], "a bé");
    EXPECT_EQ(query["flag"], "");
    EXPECT_FALSE(parse_target("/a%2", path, query));
    EXPECT_FALSE(parse_target("/a%00b", path, query));
    EXPECT_FALSE(parse_target("a", path, query));
}

TEST(HttpRequest, ReadsCookies)
{
    Request request;
    request.headers = {{"cookie", "a=1; sterk_session=abc ; b=2"}};
    EXPECT_EQ(request.cookie("sterk_session"), "abc");
    EXPECT_EQ(request.cookie("b"), "2");
    EXPECT_FALSE(request.cookie("c").has_value());
}

TEST(JsonBody, IsStrict)
{
    auto malformed = JsonBody::parse("{\"email\":", {"email"});
    ASSERT_FALSE(malformed.ok());
    EXPECT_EQ(malformed.error().field, "");
    auto unknown = JsonBody::parse(R"({"email":"a","admin":true})", {"email"});
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().field, "admin");
    auto array = JsonBody::parse("[]", {"email"});
    EXPECT_FALSE(array.ok());
    auto body = JsonBody::parse(R"({"email":5})", {"email", "password"});
    ASSERT_TRUE(body.ok());
    EXPECT_EQ(body->required_string("email").error().field, "email");
    EXPECT_EQ(body->required_string("password").error().field, "password");
    std::string deep(100, '[');
    EXPECT_FALSE(JsonBody::parse(deep, {}).ok());
}

TEST(Router, MatchesPatternsAndReportsOtherMethods)
{
    auto const& routes = route_table();
    auto match = match_route(routes, "GET", "/api/v1/organisations/42");
    ASSERT_NE(match.route, nullptr);
    EXPECT_EQ(match.params["id"], "42");
    EXPECT_EQ(match.route->scope, OrganisationScope::PathId);
    auto other = match_route(routes, "PUT", "/api/v1/session");
    EXPECT_EQ(other.route, nullptr);
    EXPECT_TRUE(other.other_method);
    EXPECT_EQ(match_route(routes, "GET", "/api/v1/nope").route, nullptr);
    EXPECT_EQ(match_route(routes, "POST", "/api/v1/session").route->work, Work::Worker);
}

TEST(Router, EveryRouteHasAPolicyRow)
{
    for (auto const& route : route_table()) {
        EXPECT_FALSE(permission_key(route.permission).empty()) << route.pattern;
    }
}

TEST(ErrorMapping, FollowsTheContract)
{
    EXPECT_EQ(status_for(ErrorCode::InvalidArgument), 400);
    EXPECT_EQ(status_for(ErrorCode::Unauthenticated), 401);
    EXPECT_EQ(status_for(ErrorCode::PermissionDenied), 403);
    EXPECT_EQ(status_for(ErrorCode::NotFound), 404);
    EXPECT_EQ(status_for(ErrorCode::AlreadyExists), 409);
    EXPECT_EQ(status_for(ErrorCode::FailedPrecondition), 409);
    EXPECT_EQ(status_for(ErrorCode::ResourceExhausted), 429);
    EXPECT_EQ(status_for(ErrorCode::Internal), 500);
    EXPECT_EQ(status_for(ErrorCode::Unavailable), 503);
    Request request;
    auto internal = error_response(Error::internal("geheime details over de database"), request);
    EXPECT_EQ(internal.status, 500);
    EXPECT_EQ(internal.body.find("geheime"), std::string::npos);
    EXPECT_EQ(error_response(HttpOnlyError::Csrf, "POST", "/").status, 403);
    EXPECT_NE(error_response(HttpOnlyError::Csrf, "POST", "/").body.find("\"csrf\""), std::string::npos);
    EXPECT_EQ(error_response(HttpOnlyError::PayloadTooLarge, "POST", "/").status, 413);
    auto media = error_response(HttpOnlyError::UnsupportedMediaType, "POST", "/");
    EXPECT_EQ(media.status, 415);
    EXPECT_NE(media.body.find("\"unsupported_media_type\""), std::string::npos);
}

TEST(RequestChecks, OnlyJsonBodiesAreAccepted)
{
    EXPECT_TRUE(is_json_content_type("application/json"));
    EXPECT_TRUE(is_json_content_type("Application/JSON; charset=UTF-8"));
    EXPECT_TRUE(is_json_content_type(" application/json ;charset=utf-8"));
    EXPECT_FALSE(is_json_content_type(std::nullopt));
    EXPECT_FALSE(is_json_content_type("text/plain"));
    EXPECT_FALSE(is_json_content_type("text/plain; application/json"));
    EXPECT_FALSE(is_json_content_type("application/x-www-form-urlencoded"));
    EXPECT_FALSE(is_json_content_type("application/jsonp"));
}

TEST(RequestChecks, RequestsFromAnotherSiteAreRecognised)
{
    auto with = [](std::vector<std::pair<std::string, std::string>> headers) {
        Request request;
        request.headers = std::move(headers);
        return request;
    };
    std::string const base = "https://sterk.example";
    EXPECT_TRUE(is_same_site_request(with({}), base));
    EXPECT_TRUE(is_same_site_request(with({{"origin", "https://sterk.example"}}), base));
    EXPECT_TRUE(is_same_site_request(with({{"origin", "HTTPS://Sterk.Example"}}), base));
    EXPECT_TRUE(is_same_site_request(with({{"host", "127.0.0.1:8080"}, {"origin", "http://127.0.0.1:8080"}}), base));
    EXPECT_TRUE(is_same_site_request(with({{"sec-fetch-site", "same-origin"}}), base));
    EXPECT_FALSE(is_same_site_request(with({{"origin", "https://evil.example"}, {"host", "sterk.example"}}), base));
    EXPECT_FALSE(is_same_site_request(with({{"origin", "https://sterk.example.evil"}}), base));
    EXPECT_FALSE(is_same_site_request(with({{"origin", "null"}, {"host", "sterk.example"}}), base));
    EXPECT_FALSE(is_same_site_request(with({{"sec-fetch-site", "cross-site"}}), base));
    EXPECT_FALSE(is_same_site_request(with({{"host", "127.0.0.1:8080"}, {"origin", "http://127.0.0.1:9090"}}), ""));
}

TEST(SessionCookie, HasTheContractAttributes)
{
    EXPECT_EQ(session_cookie("t", 60, false), "sterk_session=t; Path=/; Max-Age=60; HttpOnly; SameSite=Strict");
    EXPECT_EQ(session_cookie("t", 60, true), "sterk_session=t; Path=/; Max-Age=60; HttpOnly; SameSite=Strict; Secure");
}

std::optional<std::string> no_file(std::string const&)
{
    return std::nullopt;
}

TEST(ServeConfig, FlagsWinOverTheEnvironment)
{
    std::map<std::string, std::string> env{{"STERK_DB", "sqlite:env.db"},
                                           {"STERK_LISTEN", "0.0.0.0:9000"},
                                           {"STERK_SMTP_PASSWORD", "geheim"},
                                           {"STERK_DEMO_PASSWORD", "demo-geheim-1"}};
    auto lookup = [&](std::string const& name) -> std::optional<std::string> {
        auto found = env.find(name);
        return found == env.end() ? std::nullopt : std::optional<std::string>{found->second};
    };
    ServeFlags flags;
    flags.listen = "127.0.0.1:0";
    auto config = resolve_serve_config(flags, lookup, no_file);
    ASSERT_TRUE(config.ok()) << config.error().message;
    EXPECT_EQ(config->db, "sqlite:env.db");
    EXPECT_EQ(config->listen_host, "127.0.0.1");
    EXPECT_EQ(config->listen_port, 0);
    auto dump = config_dump(*config).dump();
    EXPECT_EQ(dump.find("geheim"), std::string::npos);
    EXPECT_NE(dump.find("***"), std::string::npos);
    EXPECT_EQ(effective_base_url(*config, 4321), "http://localhost:4321");
}

TEST(ServeConfig, InvalidValuesNameTheFlag)
{
    auto empty = [](std::string const&) -> std::optional<std::string> { return std::nullopt; };
    ServeFlags flags;
    EXPECT_EQ(resolve_serve_config(flags, empty, no_file).error().field, "--db");
    flags.db = "mysql://x";
    EXPECT_EQ(resolve_serve_config(flags, empty, no_file).error().field, "--db");
    flags.db = "sqlite:a.db";
    flags.listen = "127.0.0.1:70000";
    EXPECT_EQ(resolve_serve_config(flags, empty, no_file).error().field, "--listen");
    flags.listen = "127.0.0.1:8080";
    flags.base_url = "ftp://x";
    EXPECT_EQ(resolve_serve_config(flags, empty, no_file).error().field, "--base-url");
    flags.base_url = "https://sterk.example/";
    flags.smtp_url = "http://mail";
    EXPECT_EQ(resolve_serve_config(flags, empty, no_file).error().field, "--smtp-url");
    flags.smtp_url = "smtp://127.0.0.1:25";
    auto ok = resolve_serve_config(flags, empty, no_file);
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->base_url, "https://sterk.example");
    EXPECT_EQ(mask_database_url("postgresql://u:pw@h:5432/db"), "postgresql://u:***@h:5432/db");
    EXPECT_EQ(mask_database_url("postgresql://u@h:5432/db"), "postgresql://u@h:5432/db");
}

TEST(ServeConfig, MasksAPasswordParameterOfTheDatabaseUrl)
{
    auto const masked = mask_database_url("postgresql://u@h/db?sslmode=require&password=geheim");
    EXPECT_EQ(masked, "postgresql://u@h/db?sslmode=require&password=***");
    ServeConfig config;
    config.db = "postgresql://u@h/db?password=geheim";
    EXPECT_EQ(config_dump(config).dump().find("geheim"), std::string::npos);
}

TEST(ServeConfig, MasksAPasswordWithAnAtSignWhole)
{
    // The parser takes the last '@' as the end of the password, so the mask must too.
    EXPECT_EQ(mask_database_url("postgresql://u:ge@heim@h:5432/db"), "postgresql://u:***@h:5432/db");
    EXPECT_EQ(mask_database_url("postgresql://u@h:5432/db?bad"), "***");
    EXPECT_EQ(mask_url_userinfo("smtp://u:p@ss@mail:25"), "smtp://u:***@mail:25");
    EXPECT_EQ(mask_url_userinfo("smtp://mail:25"), "smtp://mail:25");
}

class StaticFilesContainment : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_dir = std::filesystem::temp_directory_path() / ("sterk-static-" + std::to_string(::getpid()));
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir / "web" / "assets");
        write(m_dir / "web" / "index.html", "INDEX");
        write(m_dir / "web" / "assets" / "app.js", "APP");
        write(m_dir / "secret.txt", "SECRET");
        write(m_dir / "web-other" / "x.txt", "SIBLING");
        std::filesystem::create_symlink(m_dir / "secret.txt", m_dir / "web" / "link.txt");
        std::filesystem::create_directory_symlink(m_dir, m_dir / "web" / "up");
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    static void write(std::filesystem::path const& file, std::string const& text)
    {
        std::filesystem::create_directories(file.parent_path());
        std::ofstream(file) << text;
    }

    // get: as the server does it: decode the target, then serve the decoded path.
    std::string get(std::string const& target) const
    {
        std::string path;
        std::map<std::string, std::string> query;
        if (!parse_target(target, path, query)) {
            return "BAD REQUEST";
        }
        return StaticFiles{m_dir / "web"}.serve(path).body;
    }

    std::filesystem::path m_dir;
};

TEST_F(StaticFilesContainment, ServesFilesInsideTheRoot)
{
    EXPECT_EQ(get("/assets/app.js"), "APP");
    EXPECT_EQ(get("/"), "INDEX");
    EXPECT_EQ(get("/some/client/route"), "INDEX");
}

TEST_F(StaticFilesContainment, NeverServesAFileOutsideTheRoot)
{
    std::string const absolute = (m_dir / "secret.txt").string();
    std::vector<std::string> const targets{"/../secret.txt",  "/assets/../../secret.txt",
                                           "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
                                           "/assets/..%2f..%2fsecret.txt", "/..%5csecret.txt",
                                           "/" + absolute,    absolute,
                                           "/../web-other/x.txt", "/link.txt",
                                           "/up/secret.txt",  "/./link.txt",
                                           "/%00"};
    for (std::string const& target : targets) {
        std::string const body = get(target);
        EXPECT_EQ(body.find("SECRET"), std::string::npos) << target;
        EXPECT_EQ(body.find("SIBLING"), std::string::npos) << target;
    }
}

TEST(StaticFiles, KnowsMimeTypes)
{
    EXPECT_EQ(mime_type(".js"), "text/javascript; charset=utf-8");
    EXPECT_EQ(mime_type(".CSS"), "text/css; charset=utf-8");
    EXPECT_EQ(mime_type(".woff2"), "font/woff2");
    EXPECT_EQ(mime_type(".exe"), "application/octet-stream");
}

}  // namespace
}  // namespace sterk::http

namespace sterk {
namespace {

TEST(Mail, EncodesNonAsciiSubjectsPerRfc2047)
{
    EXPECT_EQ(encode_header_text("Plain subject"), "Plain subject");
    EXPECT_EQ(encode_header_text("Wachtwoord – herstellen"), "=?UTF-8?B?V2FjaHR3b29yZCDigJMgaGVyc3RlbGxlbg==?=");
    std::string long_subject;
    for (int i = 0; i < 30; ++i) {
        long_subject += "é";
    }
    std::string const encoded = encode_header_text(long_subject);
    EXPECT_NE(encoded.find("\r\n "), std::string::npos) << "folded into several words";
    for (std::size_t begin = 0; begin < encoded.size();) {
        auto end = encoded.find("\r\n ", begin);
        auto word = encoded.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
        EXPECT_LE(word.size(), 75u);
        begin = end == std::string::npos ? encoded.size() : end + 3;
    }
    EXPECT_EQ(encode_header_text("a\r\nBcc: x"), "a  Bcc: x") << "no header injection";
}

TEST(Mail, QuotedPrintableKeepsLinksReadable)
{
    std::string const qp = encode_quoted_printable("één link: https://x/?token=abc\n.punt\n");
    EXPECT_EQ(qp, "=C3=A9=C3=A9n link: https://x/?token=3Dabc\r\n=2Epunt\r\n");
    std::string const long_line(200, 'a');
    for (auto const& line : {encode_quoted_printable(long_line)}) {
        std::size_t begin = 0;
        while (begin < line.size()) {
            auto end = line.find("\r\n", begin);
            EXPECT_LE(end - begin, 76u);
            begin = end + 2;
        }
    }
}

TEST(Mail, BuildsAMimeMessage)
{
    MailMessage message{"a@b.example", "Wachtwoord herstellen – Sterklabel", "Hallo\n"};
    std::string const text = build_mime_message("Sterklabel <noreply@sterk.example>", message,
                                                "Mon, 01 Jan 2024 00:00:00 +0000", "id@sterk.example");
    EXPECT_NE(text.find("From: Sterklabel <noreply@sterk.example>\r\n"), std::string::npos);
    EXPECT_NE(text.find("Subject: =?UTF-8?B?"), std::string::npos);
    EXPECT_NE(text.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
    EXPECT_NE(text.find("\r\n\r\nHallo\r\n"), std::string::npos);
    EXPECT_EQ(mail_address("Sterklabel <noreply@sterk.example>"), "noreply@sterk.example");
}

// SlowMailer: a mail server that takes `delay` per message and refuses the ones to "fail@...".
class SlowMailer final : public Mailer {
public:
    explicit SlowMailer(std::chrono::milliseconds delay) : m_delay(delay) {}
    Status send(MailMessage const& message) override
    {
        std::this_thread::sleep_for(m_delay);
        if (message.to.starts_with("fail@")) {
            return Error{ErrorCode::Unavailable, "mailserver weigert", {}};
        }
        return ok_status();
    }

private:
    std::chrono::milliseconds m_delay;
};

TEST(Mail, QueuedMailerShutdownKeepsItsDeadline)
{
    using namespace std::chrono_literals;
    QueuedMailer mailer{std::make_unique<SlowMailer>(400ms), 300ms};
    for (int i = 0; i < 20; ++i) {
        ASSERT_TRUE(mailer.send(MailMessage{"a@b.example", "s", "t"}).ok());
    }
    auto const start = std::chrono::steady_clock::now();
    std::size_t const unsent = mailer.shutdown();
    auto const took = std::chrono::steady_clock::now() - start;
    EXPECT_LT(took, 1s) << "20 mails of 400 ms would take 8 s";
    EXPECT_GE(unsent, 19u);
    EXPECT_FALSE(mailer.send(MailMessage{"a@b.example", "s", "t"}).ok()) << "no mail after shutdown";
}

TEST(Mail, QueuedMailerSendsEverythingWithinTheDeadlineAndReportsFailures)
{
    using namespace std::chrono_literals;
    std::mutex mutex;
    std::vector<std::string> failed;
    QueuedMailer mailer{std::make_unique<SlowMailer>(1ms), 5s};
    mailer.set_failure_handler([&](MailMessage const& message, Error const& error) {
        std::lock_guard lock(mutex);
        failed.push_back(message.to + ": " + error.message);
    });
    ASSERT_TRUE(mailer.send(MailMessage{"ok@b.example", "s", "t"}).ok());
    ASSERT_TRUE(mailer.send(MailMessage{"fail@c.example", "s", "t"}).ok());
    EXPECT_EQ(mailer.shutdown(), 0u);
    EXPECT_EQ(failed, std::vector<std::string>{"fail@c.example: mailserver weigert"});
    EXPECT_EQ(recipient_domain("Anna <anna@wijkkracht.example>"), "wijkkracht.example");
    EXPECT_EQ(recipient_domain("geen-adres"), "?");
}

}  // namespace
}  // namespace sterk
