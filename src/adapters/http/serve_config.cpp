#include "adapters/http/serve_config.h"

#include "adapters/storage/database_url.h"

#include <charconv>

namespace sterk::http {

namespace {

constexpr char const* MASK = "***";

std::optional<std::string> pick(std::optional<std::string> const& flag, Environment const& environment,
                                std::string const& variable)
{
    if (flag) {
        return flag;
    }
    auto value = environment(variable);
    if (value && value->empty()) {
        return std::nullopt;  // an empty variable counts as unset
    }
    return value;
}

std::string strip_trailing_newlines(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
        text.pop_back();
    }
    return text;
}

Status parse_listen(std::string const& text, ServeConfig& config)
{
    auto const colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
        return Error::invalid("--listen", "--listen moet HOST:POORT zijn, bijvoorbeeld 127.0.0.1:8080");
    }
    std::string const host = text.substr(0, colon);
    std::string const port_text = text.substr(colon + 1);
    unsigned port = 0;
    auto const* end = port_text.data() + port_text.size();
    auto [ptr, ec] = std::from_chars(port_text.data(), end, port);
    if (ec != std::errc{} || ptr != end || port > 65535) {
        return Error::invalid("--listen", "--listen: poort moet een getal van 0 tot en met 65535 zijn");
    }
    if (host.find_first_of(" /") != std::string::npos) {
        return Error::invalid("--listen", "--listen: ongeldige host " + host);
    }
    config.listen_host = host;
    config.listen_port = static_cast<std::uint16_t>(port);
    return ok_status();
}

}  // namespace

std::string mask_database_url(std::string const& url)
{
    // The storage parser decides where the password is, so the mask cannot disagree with it.
    auto parsed = parse_database_url(url);
    if (!parsed) {
        return MASK;  // unparsable: it may still hold a password somewhere
    }
    return parsed->masked;
}

std::string mask_url_userinfo(std::string const& url)
{
    auto const scheme = url.find("://");
    if (scheme == std::string::npos) {
        return url;
    }
    auto const authority_end = url.find_first_of("/?#", scheme + 3);
    std::string const authority = url.substr(scheme + 3, authority_end == std::string::npos
                                                             ? std::string::npos
                                                             : authority_end - scheme - 3);
    auto const at = authority.rfind('@');
    if (at == std::string::npos) {
        return url;
    }
    auto const colon = authority.find(':');
    if (colon == std::string::npos || colon > at) {
        return url;
    }
    return url.substr(0, scheme + 3 + colon + 1) + MASK + url.substr(scheme + 3 + at);
}

Result<ServeConfig> resolve_serve_config(ServeFlags const& flags, Environment const& environment,
                                         FileReader const& read_file)
{
    ServeConfig config;
    config.demo = flags.demo;

    auto db = pick(flags.db, environment, "STERK_DB");
    if (!db) {
        return Error::invalid("--db", "--db ontbreekt (of STERK_DB): sqlite:PAD of postgresql://GEBRUIKER@HOST:POORT/DB");
    }
    if (!db->starts_with("sqlite:") && !db->starts_with("postgresql://") && !db->starts_with("postgres://")) {
        return Error::invalid("--db", "--db moet beginnen met sqlite: of postgresql://");
    }
    if (*db == "sqlite:") {
        return Error::invalid("--db", "--db: sqlite: zonder pad");
    }
    config.db = *db;

    if (auto listen = pick(flags.listen, environment, "STERK_LISTEN")) {
        TRY(parse_listen(*listen, config));
    }
    if (auto web_root = pick(flags.web_root, environment, "STERK_WEB_ROOT")) {
        config.web_root = *web_root;
    }
    if (auto base_url = pick(flags.base_url, environment, "STERK_BASE_URL")) {
        std::string url = *base_url;
        if (!url.starts_with("http://") && !url.starts_with("https://")) {
            return Error::invalid("--base-url", "--base-url moet beginnen met http:// of https://");
        }
        if (url.size() <= std::string{"https://"}.size() || url.find_first_of(" \t\r\n\"<>") != std::string::npos) {
            return Error::invalid("--base-url", "--base-url is geen geldige URL");
        }
        while (url.back() == '/') {
            url.pop_back();
        }
        config.base_url = url;
    }
    if (auto smtp_url = pick(flags.smtp_url, environment, "STERK_SMTP_URL")) {
        if (!smtp_url->starts_with("smtp://") && !smtp_url->starts_with("smtps://")) {
            return Error::invalid("--smtp-url", "--smtp-url moet beginnen met smtp:// of smtps://");
        }
        config.smtp_url = *smtp_url;
    }
    if (auto smtp_from = pick(flags.smtp_from, environment, "STERK_SMTP_FROM")) {
        if (smtp_from->find('@') == std::string::npos || smtp_from->find_first_of("\r\n") != std::string::npos) {
            return Error::invalid("--smtp-from", "--smtp-from moet een e-mailadres zijn");
        }
        config.smtp_from = *smtp_from;
    }
    if (auto user = environment("STERK_SMTP_USER")) {
        config.smtp_user = *user;
    }
    if (auto password = environment("STERK_SMTP_PASSWORD"); password && !password->empty()) {
        config.smtp_password = *password;
    } else if (auto file = environment("STERK_SMTP_PASSWORD_FILE"); file && !file->empty()) {
        auto content = read_file(*file);
        if (!content) {
            return Error::invalid("STERK_SMTP_PASSWORD_FILE", "STERK_SMTP_PASSWORD_FILE: kan " + *file + " niet lezen");
        }
        config.smtp_password = strip_trailing_newlines(*content);
    }
    if (!flags.trusted_proxies.empty()) {
        for (auto const& text : flags.trusted_proxies) {
            config.trusted_proxies.push_back(TRY(parse_cidr(text, "--trusted-proxy")));
            config.trusted_proxy_texts.push_back(text);
        }
    } else if (auto list = environment("STERK_TRUSTED_PROXY"); list && !list->empty()) {
        config.trusted_proxies = TRY(parse_cidr_list(*list, "STERK_TRUSTED_PROXY"));
        std::string_view rest = *list;
        while (!rest.empty()) {
            auto const comma = rest.find(',');
            std::string item{rest.substr(0, comma)};
            item.erase(0, item.find_first_not_of(" \t"));
            item.erase(item.find_last_not_of(" \t") + 1);
            if (!item.empty()) {
                config.trusted_proxy_texts.push_back(item);
            }
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
    }
    if (auto log_format = pick(flags.log_format, environment, "STERK_LOG_FORMAT")) {
        if (*log_format != "text" && *log_format != "json") {
            return Error::invalid("--log-format", "--log-format moet text of json zijn");
        }
        config.json_logs = *log_format == "json";
    }
    if (auto demo_password = environment("STERK_DEMO_PASSWORD"); demo_password && !demo_password->empty()) {
        config.demo_password = *demo_password;
    }
    return config;
}

nlohmann::json config_dump(ServeConfig const& config)
{
    return nlohmann::json{
        {"db", mask_database_url(config.db)},
        {"listen", config.listen_host + ":" + std::to_string(config.listen_port)},
        {"web_root", config.web_root},
        {"base_url", config.base_url},
        {"smtp_url", mask_url_userinfo(config.smtp_url)},
        {"smtp_from", config.smtp_from},
        {"smtp_user", config.smtp_user},
        {"smtp_password", config.smtp_password.empty() ? "" : MASK},
        {"trusted_proxies", config.trusted_proxy_texts},
        {"log_format", config.json_logs ? "json" : "text"},
        {"demo", config.demo},
        {"demo_password", config.demo_password ? MASK : ""},
    };
}

std::string listen_url(std::string const& host, std::uint16_t port)
{
    bool const ipv6 = host.find(':') != std::string::npos && host.front() != '[';
    return "http://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::string effective_base_url(ServeConfig const& config, std::uint16_t port)
{
    if (!config.base_url.empty()) {
        return config.base_url;
    }
    std::string const& host = config.listen_host;
    bool const wildcard = host == "0.0.0.0" || host == "::" || host == "[::]" || host == "127.0.0.1" || host == "::1"
                          || host == "[::1]";
    return listen_url(wildcard ? "localhost" : host, port);
}

}  // namespace sterk::http
