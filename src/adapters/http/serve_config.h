// File: serve_config.h
// ServeConfig: the effective configuration of `sterklabel serve`, from flags and environment
// variables (flags win), validated, with a dump that masks secrets. Invalid values name the flag.
#pragma once

#include "adapters/http/client_address.h"
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sterk::http {

// ServeFlags: what was given on the command line (nullopt: not given).
struct ServeFlags {
    std::optional<std::string> db;
    std::optional<std::string> listen;
    std::optional<std::string> web_root;
    std::optional<std::string> base_url;
    std::optional<std::string> smtp_url;
    std::optional<std::string> smtp_from;
    std::vector<std::string> trusted_proxies;  // --trusted-proxy, repeatable; empty: not given
    std::optional<std::string> log_format;
    bool demo = false;
};

struct ServeConfig {
    std::string db;
    std::string listen_host = "127.0.0.1";
    std::uint16_t listen_port = 8080;
    std::string web_root;  // empty: found beside the binary (web_root.h)
    std::string base_url;  // empty: http://localhost:PORT (or the listen host)
    std::string smtp_url;  // empty: mails are not sent, only logged
    std::string smtp_from = "Sterklabel <noreply@sterklabel.local>";
    std::string smtp_user;
    std::string smtp_password;
    std::optional<std::string> demo_password;
    // Reverse proxies whose X-Forwarded-For is believed (client_address.h), as given and parsed.
    std::vector<std::string> trusted_proxy_texts;
    std::vector<Cidr> trusted_proxies;
    // json_logs: one JSON object per log line (for a log collector) instead of readable text.
    bool json_logs = false;
    bool demo = false;
};

// Environment: a variable's value, or nullopt when unset.
using Environment = std::function<std::optional<std::string>(std::string const& name)>;
// FileReader: a file's content, or nullopt when it cannot be read (for STERK_SMTP_PASSWORD_FILE).
using FileReader = std::function<std::optional<std::string>(std::string const& path)>;

// resolve_serve_config: InvalidArgument whose field is the flag ("--listen") or variable.
Result<ServeConfig> resolve_serve_config(ServeFlags const& flags, Environment const& environment,
                                         FileReader const& read_file);

// config_dump: every setting as JSON; passwords (also one inside the database URL) as "***".
nlohmann::json config_dump(ServeConfig const& config);

// effective_base_url: the base URL for links in mails, once the real port is known.
std::string effective_base_url(ServeConfig const& config, std::uint16_t port);

// listen_url: "http://HOST:PORT" as printed on start.
std::string listen_url(std::string const& host, std::uint16_t port);

// mask_database_url: "postgresql://u:secret@h/db" → "postgresql://u:***@h/db", also a
// `password=` parameter; taken from the storage parser's DatabaseUrl::masked, so it masks exactly
// what the parser reads as the password. An unparsable URL becomes "***".
std::string mask_database_url(std::string const& url);

// mask_url_userinfo: "smtp://u:secret@h:25" → "smtp://u:***@h:25" (for the SMTP URL).
std::string mask_url_userinfo(std::string const& url);

}  // namespace sterk::http
