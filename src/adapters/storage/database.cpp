#include "adapters/storage/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>
#include <system_error>

namespace sterk {

namespace {

constexpr int SQLITE_CONSTRAINT_CODE = 19;  // SQLITE_CONSTRAINT, without pulling in sqlite3.h
constexpr std::string_view PG_UNIQUE_VIOLATION = "23505";

// first_line: backend messages carry a DETAIL line with row values; keep the summary only.
std::string first_line(std::string const& text)
{
    auto end = text.find('\n');
    return end == std::string::npos ? text : text.substr(0, end);
}

Status create_parent_directory(std::string const& path)
{
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (parent.empty()) {
        return ok_status();
    }
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec) {
        return Error::internal("kan map " + parent.string() + " niet maken: " + ec.message());
    }
    return ok_status();
}

}  // namespace

Result<std::unique_ptr<Database>> Database::connect(DatabaseUrl const& url)
{
    auto db = std::unique_ptr<Database>(new Database(url.backend));
    try {
        if (url.backend == Backend::Postgresql) {
            db->m_session.open(soci::postgresql, url.connect_string);
            db->configure_postgresql();
            return db;
        }
        TRY(create_parent_directory(url.sqlite_path));
        db->m_session.open(soci::sqlite3, url.connect_string);
        // WAL lets readers in other processes (backup, CLI) work while the server writes;
        // synchronous=FULL because a lost audit entry after a power cut is not acceptable.
        std::string journal_mode;
        db->m_session << "PRAGMA journal_mode=WAL", soci::into(journal_mode);
        db->m_session << "PRAGMA foreign_keys=ON";
        db->m_session << "PRAGMA synchronous=FULL";
        int busy_timeout = 0;
        db->m_session << "PRAGMA busy_timeout=5000", soci::into(busy_timeout);
    } catch (std::exception const& e) {
        return failure("verbinden", e);
    }
    return db;
}

SqlFailure Database::classify(std::exception const& e)
{
    if (auto const* pg = dynamic_cast<soci::postgresql_soci_error const*>(&e)) {
        return pg->sqlstate() == PG_UNIQUE_VIOLATION ? SqlFailure::UniqueViolation : SqlFailure::Other;
    }
    if (auto const* lite = dynamic_cast<soci::sqlite3_soci_error const*>(&e)) {
        // Primary code only; NOT NULL and foreign-key failures share it, so check the text too.
        bool const unique = (lite->result() & 0xff) == SQLITE_CONSTRAINT_CODE
            && lite->get_error_message().find("UNIQUE constraint failed") != std::string::npos;
        return unique ? SqlFailure::UniqueViolation : SqlFailure::Other;
    }
    return SqlFailure::Other;
}

Error Database::failure(std::string_view what, std::exception const& e)
{
    // get_error_message() leaves out SOCI's context, which lists the bound values (password and
    // token hashes among them); those must not end up in logs or responses.
    std::string detail;
    if (auto const* soci_error = dynamic_cast<soci::soci_error const*>(&e)) {
        detail = first_line(soci_error->get_error_message());
    } else {
        detail = first_line(e.what());
    }
    return Error::internal("databasefout bij " + std::string(what) + ": " + detail);
}

void Database::reconnect_if_lost()
{
    // A restarted PostgreSQL leaves a broken connection: the call that noticed it failed, the next
    // one (outside a transaction, where nothing can be lost) reconnects.
    if (m_backend == Backend::Postgresql && !m_session.is_connected()) {
        m_session.reconnect();
        configure_postgresql();
    }
}

void Database::configure_postgresql()
{
    // libpq prints NOTICEs ("relation already exists, skipping") on stderr; the server's log
    // should only show what matters.
    m_session << "SET client_min_messages TO WARNING";
}

void Database::rollback_to_savepoint(std::string const& name)
{
    try {
        m_session << "ROLLBACK TO SAVEPOINT " + name;
        m_session << "RELEASE SAVEPOINT " + name;
    } catch (std::exception const&) {
        // The connection is gone or the transaction is aborted: the outer rollback cleans up.
    }
}

Status Database::transaction(std::function<Status()> const& work)
{
    std::lock_guard lock(m_mutex);
    if (m_depth > 0) {
        return nested_transaction(work);
    }
    try {
        reconnect_if_lost();
        // IMMEDIATE takes SQLite's write lock up front: a deferred transaction that reads and then
        // writes can fail with SQLITE_BUSY when another process wrote in between.
        m_session << (m_backend == Backend::Sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    } catch (std::exception const& e) {
        return failure("transactie starten", e);
    }

    auto rollback = [this] {
        try {
            m_session << "ROLLBACK";
        } catch (std::exception const&) {
            // Nothing more to do: a transaction that cannot be rolled back was never committed.
        }
    };

    ++m_depth;
    Status result = ok_status();
    try {
        result = work();
    } catch (...) {
        --m_depth;
        rollback();
        throw;
    }
    --m_depth;
    if (!result) {
        rollback();
        return result;
    }
    try {
        m_session << "COMMIT";
    } catch (std::exception const& e) {
        rollback();
        return failure("transactie vastleggen", e);
    }
    return ok_status();
}

Status Database::nested_transaction(std::function<Status()> const& work)
{
    std::string const name = "sterk_tx_" + std::to_string(m_depth);
    try {
        m_session << "SAVEPOINT " + name;
    } catch (std::exception const& e) {
        return failure("transactie starten", e);
    }
    ++m_depth;
    Status result = ok_status();
    try {
        result = work();
    } catch (...) {
        --m_depth;
        rollback_to_savepoint(name);
        throw;
    }
    --m_depth;
    if (!result) {
        rollback_to_savepoint(name);
        return result;
    }
    try {
        m_session << "RELEASE SAVEPOINT " + name;
    } catch (std::exception const& e) {
        return failure("transactie vastleggen", e);
    }
    return ok_status();
}

}  // namespace sterk
