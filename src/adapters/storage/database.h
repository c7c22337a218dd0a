// File: database.h
// Database: the one SOCI session of a Store, shared by its repositories and guarded by a mutex so
// the HTTP server's threads can use it. Every SOCI or backend exception is caught here and becomes
// a Result error; nothing above the storage adapter sees SOCI.
//
// Example:
//   Result<int> count = db.run("tellen", [&](soci::session& sql) -> Result<int> {
//       int n = 0;
//       sql << "SELECT COUNT(*) FROM users", soci::into(n);
//       return n;
//   });
#pragma once

#include "adapters/storage/database_url.h"
#include "core/result.h"

#include <soci/soci.h>

#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace sterk {

// SqlFailure: what a caught exception means to a repository.
enum class SqlFailure { UniqueViolation, Other };

class Database {
public:
    // connect: opens the session; for SQLite creates the file (and its directory) and sets WAL,
    // foreign keys, synchronous=FULL and a 5 s busy timeout.
    static Result<std::unique_ptr<Database>> connect(DatabaseUrl const& url);

    Backend backend() const { return m_backend; }

    // run: `work(session)` serialised with every other use of the session. Outside a transaction
    // each statement commits on its own; inside transaction() the work joins it, wrapped in a
    // savepoint on PostgreSQL so one failed statement does not abort the whole transaction.
    // Exceptions become Error::internal("databasefout bij <what>: ..."), or `on_duplicate` for a
    // unique-constraint violation when given.
    template <typename Work>
    auto run(std::string_view what, Work&& work, std::optional<Error> on_duplicate = std::nullopt)
        -> std::invoke_result_t<Work, soci::session&>
    {
        std::lock_guard lock(m_mutex);
        bool const savepoint = m_depth > 0 && m_backend == Backend::Postgresql;
        try {
            if (m_depth == 0) {
                reconnect_if_lost();
            }
            if (savepoint) {
                m_session << "SAVEPOINT sterk_call";
            }
            auto result = work(m_session);
            if (savepoint) {
                m_session << "RELEASE SAVEPOINT sterk_call";
            }
            return result;
        } catch (std::exception const& e) {
            if (savepoint) {
                rollback_to_savepoint("sterk_call");
            }
            if (on_duplicate && classify(e) == SqlFailure::UniqueViolation) {
                return *on_duplicate;
            }
            return failure(what, e);
        }
    }

    // transaction: runs `work` in one transaction; commits when it returns ok, rolls back when it
    // returns an error or throws (the exception is rethrown). Holds the mutex throughout, so
    // other threads wait; nested calls become savepoints.
    Status transaction(std::function<Status()> const& work);

    static SqlFailure classify(std::exception const& e);
    static Error failure(std::string_view what, std::exception const& e);

private:
    explicit Database(Backend backend) : m_backend(backend) {}

    void reconnect_if_lost();
    void configure_postgresql();
    void rollback_to_savepoint(std::string const& name);
    Status nested_transaction(std::function<Status()> const& work);

    Backend m_backend;
    std::recursive_mutex m_mutex;
    soci::session m_session;
    int m_depth = 0;  // open transaction() calls on this session
};

}  // namespace sterk
