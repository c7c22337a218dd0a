#include "adapters/storage/database_url.h"

#include "adapters/percent_decode.h"

#include <array>
#include <cctype>
#include <optional>
#include <string_view>

namespace sterk {

namespace {

constexpr std::string_view SQLITE_PREFIX = "sqlite:";
constexpr std::array<std::string_view, 2> POSTGRESQL_PREFIXES{"postgresql://", "postgres://"};
constexpr char const* EXPECTED = "verwacht sqlite:PAD of postgresql://GEBRUIKER[:WACHTWOORD]@HOST:POORT/DATABASE";

Error url_error(std::string const& reason)
{
    return Error::invalid("db", "ongeldige database-URL (" + reason + "); " + EXPECTED);
}

// libpq conninfo value: single-quoted, with backslash and quote escaped, so any character is safe.
std::string conninfo_pair(std::string_view key, std::string_view value)
{
    std::string out(key);
    out += "='";
    for (char c : value) {
        if (c == '\\' || c == '\'') {
            out += '\\';
        }
        out += c;
    }
    out += '\'';
    return out;
}

void append_pair(std::string& conninfo, std::string_view key, std::string_view value)
{
    if (!conninfo.empty()) {
        conninfo += ' ';
    }
    conninfo += conninfo_pair(key, value);
}

bool is_conninfo_key(std::string_view key)
{
    if (key.empty()) {
        return false;
    }
    for (char c : key) {
        if (!std::islower(static_cast<unsigned char>(c)) && c != '_') {
            return false;
        }
    }
    return true;
}

Result<DatabaseUrl> parse_sqlite(std::string_view rest)
{
    // sqlite:///abs/path and sqlite://rel/path are read like sqlite:/abs/path and sqlite:rel/path.
    if (rest.starts_with("//")) {
        rest.remove_prefix(2);
    }
    if (rest.empty()) {
        return url_error("geen bestandspad");
    }
    // SOCI's sqlite3 connect string quotes the path with double quotes and has no escape for them.
    if (rest.find('"') != std::string_view::npos) {
        return url_error("het bestandspad mag geen \" bevatten");
    }
    DatabaseUrl url;
    url.backend = Backend::Sqlite;
    url.sqlite_path = std::string(rest);
    url.connect_string = "db=\"" + url.sqlite_path + "\"";
    url.masked = std::string{SQLITE_PREFIX} + url.sqlite_path;
    return url;
}

constexpr std::string_view MASK = "***";

Result<DatabaseUrl> parse_postgresql(std::string_view prefix, std::string_view rest)
{
    std::string masked{prefix};
    std::string_view query;
    if (auto q = rest.find('?'); q != std::string_view::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }
    auto slash = rest.find('/');
    if (slash == std::string_view::npos || slash + 1 == rest.size()) {
        return url_error("geen databasenaam");
    }
    std::string_view authority = rest.substr(0, slash);
    std::string_view database = rest.substr(slash + 1);

    std::string_view userinfo;
    // rfind: an unescaped '@' in the password still leaves the host after the last one.
    if (auto at = authority.rfind('@'); at != std::string_view::npos) {
        userinfo = authority.substr(0, at);
        authority = authority.substr(at + 1);
        auto const colon = userinfo.find(':');
        masked += userinfo.substr(0, colon);
        if (colon != std::string_view::npos) {
            masked += ':';
            masked += MASK;
        }
        masked += '@';
    }
    masked += authority;
    masked += '/';
    masked += database;
    char separator = '?';
    std::string_view host = authority;
    std::string_view port;
    if (host.starts_with('[')) {
        auto close = host.find(']');
        if (close == std::string_view::npos) {
            return url_error("onvolledig IPv6-adres");
        }
        std::string_view after = host.substr(close + 1);
        host = host.substr(1, close - 1);
        if (!after.empty()) {
            if (after[0] != ':') {
                return url_error("onverwachte tekens na het IPv6-adres");
            }
            port = after.substr(1);
        }
    } else if (auto colon = host.rfind(':'); colon != std::string_view::npos) {
        port = host.substr(colon + 1);
        host = host.substr(0, colon);
    }
    if (host.empty()) {
        return url_error("geen host");
    }
    for (char c : port) {
        if (!std::isdigit(static_cast<unsigned char>(c))) {
            return url_error("de poort is geen getal");
        }
    }

    std::string conninfo;
    append_pair(conninfo, "host", host);
    if (!port.empty()) {
        append_pair(conninfo, "port", port);
    }
    auto db_name = percent_decode(database);
    if (!db_name || db_name->empty() || db_name->find('/') != std::string::npos) {
        return url_error("ongeldige databasenaam");
    }
    append_pair(conninfo, "dbname", *db_name);
    if (!userinfo.empty()) {
        std::string_view user = userinfo;
        std::optional<std::string_view> password;
        if (auto colon = userinfo.find(':'); colon != std::string_view::npos) {
            user = userinfo.substr(0, colon);
            password = userinfo.substr(colon + 1);
        }
        auto decoded_user = percent_decode(user);
        if (!decoded_user || decoded_user->empty()) {
            return url_error("ongeldige gebruikersnaam");
        }
        append_pair(conninfo, "user", *decoded_user);
        if (password) {
            auto decoded_password = percent_decode(*password);
            if (!decoded_password) {
                return url_error("ongeldig wachtwoord");
            }
            append_pair(conninfo, "password", *decoded_password);
        }
    }
    while (!query.empty()) {
        auto amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty()) {
            continue;
        }
        auto eq = pair.find('=');
        if (eq == std::string_view::npos || !is_conninfo_key(pair.substr(0, eq))) {
            return url_error("ongeldige parameter '" + std::string(pair) + "'");
        }
        auto value = percent_decode(pair.substr(eq + 1));
        if (!value) {
            return url_error("ongeldige waarde voor " + std::string(pair.substr(0, eq)));
        }
        append_pair(conninfo, pair.substr(0, eq), *value);
        masked += separator;
        separator = '&';
        masked += pair.substr(0, eq + 1);
        masked += pair.substr(0, eq) == "password" ? MASK : pair.substr(eq + 1);
    }

    DatabaseUrl url;
    url.backend = Backend::Postgresql;
    url.connect_string = std::move(conninfo);
    url.masked = std::move(masked);
    return url;
}

}  // namespace

Result<DatabaseUrl> parse_database_url(std::string const& url)
{
    std::string_view text = url;
    if (text.starts_with(SQLITE_PREFIX)) {
        return parse_sqlite(text.substr(SQLITE_PREFIX.size()));
    }
    for (auto prefix : POSTGRESQL_PREFIXES) {
        if (text.starts_with(prefix)) {
            return parse_postgresql(prefix, text.substr(prefix.size()));
        }
    }
    if (text.empty()) {
        return url_error("leeg");
    }
    return url_error("onbekend soort database");
}

}  // namespace sterk
