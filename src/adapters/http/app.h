// File: app.h
// App: everything between a parsed Request and its Response, without any networking, so it can
// be driven by the Beast server (server.cpp) and by tests alike. For every request it:
// matches the route table (HEAD as GET), refuses state-changing requests from another site
// (Origin / Sec-Fetch-Site) and bodies that are not JSON (415), authenticates the session
// cookie, checks X-CSRF-Token on state-changing requests that carry a session, checks the role policy, runs the handler and maps errors
// (error_mapping.cpp); non-API GETs go to the static files with the SPA fallback. It adds the
// security headers to every response.
#pragma once

#include "adapters/http/client_address.h"
#include "adapters/http/framework_catalog.h"
#include "adapters/http/http_types.h"
#include "adapters/http/static_files.h"
#include "core/services/addendum_service.h"
#include "core/services/auditor_service.h"
#include "core/services/auth_service.h"
#include "core/certificate/logo_use.h"
#include "core/services/certificate_service.h"
#include "core/services/document_service.h"
#include "core/services/notification_service.h"
#include "core/services/password_reset_service.h"
#include "core/services/peer_pool_service.h"
#include "core/services/registry_service.h"
#include "core/services/calendar_service.h"
#include "core/services/plan_service.h"
#include "core/services/report_service.h"
#include "core/services/self_evaluation_service.h"
#include "core/services/trajectory_service.h"
#include "core/services/trend_service.h"
#include "core/services/user_service.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sterk::http {

constexpr char const* SESSION_COOKIE = "sterk_session";

struct AppSettings {
    bool secure_cookies = false;  // true when the base URL is https
    std::string base_url;  // the server's public URL; its origin is accepted in an Origin header
    UnixTime session_lifetime = AuthSettings{}.session_lifetime;
    // Proxies whose X-Forwarded-For names the client (client_address.h); empty: the TCP peer is.
    std::vector<Cidr> trusted_proxies;
    // Strict-Transport-Security on every response: when the base URL is https.
    bool strict_transport_security = false;
};

// AppServices: what the handlers use. Owned by the caller (serve command, tests).
struct AppServices {
    AuthService& auth;
    PasswordResetService& password_resets;
    UserService& users;
    TrajectoryService& trajectories;
    RegistryService& registry;
    Tariffs const& tariffs;
    SelfEvaluationService& self_evaluations;
    FrameworkCatalog const& frameworks;
    StaticFiles const& static_files;
    AuditorService& auditors;
    AppSettings settings;
    DocumentService& documents;
    PeerPoolService& peer_pools;
    ReportService& reports;
    PlanService& plans;
    CalendarService& calendars;
    // report_pdf: Part A (false) or Part B (true) as PDF, drawn in-process (src/adapters/pdf).
    std::function<Result<std::string>(ReportDocument const&, bool part_b)> report_pdf;
    NotificationService& notifications;
    AddendumService& addenda;
    // Certificates and the register (issue 11); the PDF drawn in-process (src/adapters/pdf).
    CertificateService* certificates = nullptr;
    std::function<Result<std::string>(Certificate const&, std::string const& verification_url)> certificate_pdf{};
    // The label's logo of a valid certificate, as SVG (true) or PNG (false).
    std::function<Result<std::string>(LabelLogo const&, bool svg)> label_logo{};
    // The trend analysis (issue 12).
    TrendService* trends = nullptr;
    // readiness: ok when the database answers with this program's schema (GET /readyz); unset:
    // always ready.
    std::function<Status()> readiness{};
};

class App {
public:
    App(AppServices services, std::function<UnixTime()> clock);

    // needs_worker: true when the request's route hashes passwords (run it off the I/O threads).
    bool needs_worker(Request const& request) const;

    // body_limit: the most bytes the body of `method` `target` may have: an upload route's own
    // limit (router.h FileBodyRoute), else `fallback`.
    std::size_t body_limit(std::string_view method, std::string_view target, std::size_t fallback) const;
    // too_large: the 413 answer for a body over that limit (the server adds the standard headers).
    Response too_large(std::string_view method, std::string_view target) const;

    // handle: the response for one request. Never throws.
    Response handle(Request const& request);

private:
    Response handle_api(Request const& request);

    AppServices m_services;
    std::function<UnixTime()> m_clock;
};

// is_api_path: "/api/...", "/healthz" and "/readyz" (JSON, Cache-Control: no-store).
bool is_api_path(std::string_view path);

// is_json_content_type: "application/json", any case, optionally with parameters
// ("application/json; charset=utf-8").
bool is_json_content_type(std::optional<std::string> const& content_type);

// is_same_site_request: false when `Sec-Fetch-Site` is "cross-site", or when an `Origin` header is
// present and is neither the origin of `base_url` nor http(s)://<Host header>. Browsers send these
// headers on cross-site form posts, which carry no CSRF token before login (login CSRF).
bool is_same_site_request(Request const& request, std::string const& base_url);

// add_standard_headers: the security headers of the contract, plus no-store for API paths.
void add_standard_headers(Response& response, bool api);

// session_cookie / cleared_session_cookie: the Set-Cookie values.
std::string session_cookie(std::string const& token, UnixTime max_age, bool secure);
std::string cleared_session_cookie(bool secure);

}  // namespace sterk::http
