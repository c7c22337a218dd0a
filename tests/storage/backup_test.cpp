// Backup and restore (issue 12, item 5) on every pair of backends: SQLite → SQLite always, and
// with TEST_PG_URL also SQLite → PostgreSQL, PostgreSQL → SQLite and PostgreSQL → PostgreSQL
// (each database a schema of its own). Also: the table catalogue is the schema, in foreign-key
// order, so a migration that adds a table without adding it to the catalogue fails here.
#include "adapters/backup/backup.h"
#include "adapters/storage/database.h"
#include "adapters/storage/database_url.h"
#include "adapters/storage/open_store.h"
#include "test_databases.h"
#include "adapters/storage/table_catalogue.h"
#include "adapters/storage/table_io.h"

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>

namespace sterk {
namespace {

enum class Kind { Sqlite, Postgresql };

using test::pg_base_url;
using test::raw_session;

// TestDatabase: an empty database of one kind, removed afterwards.
class TestDatabase {
public:
    TestDatabase(Kind kind, std::string const& label) : m_kind(kind)
    {
        static std::atomic<int> counter = 0;
        std::string const name = "sterk_backup_test_" + std::to_string(::getpid()) + "_" + label + "_"
            + std::to_string(counter++);
        if (kind == Kind::Sqlite) {
            m_dir = std::filesystem::temp_directory_path() / name;
            std::filesystem::remove_all(m_dir);
            url = "sqlite:" + (m_dir / "sterk.db").string();
            return;
        }
        m_schema = name;
        std::string base = pg_base_url();
        url = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + m_schema;
        auto admin = raw_session(pg_base_url());
        *admin << "SET client_min_messages TO WARNING";
        *admin << "DROP SCHEMA IF EXISTS " + m_schema + " CASCADE";
        *admin << "CREATE SCHEMA " + m_schema;
    }
    ~TestDatabase()
    {
        if (m_kind == Kind::Sqlite) {
            std::filesystem::remove_all(m_dir);
            return;
        }
        try {
            auto admin = raw_session(pg_base_url());
            *admin << "SET client_min_messages TO WARNING";
            *admin << "DROP SCHEMA IF EXISTS " + m_schema + " CASCADE";
        } catch (std::exception const&) {
            // a leftover schema is harmless
        }
    }
    TestDatabase(TestDatabase const&) = delete;
    TestDatabase& operator=(TestDatabase const&) = delete;

    std::string url;

private:
    Kind m_kind;
    std::filesystem::path m_dir;
    std::string m_schema;
};

using Contents = std::map<std::string, std::vector<TableRow>>;

// contents: every table's rows, sorted (the two backends order text differently), and sequences.
Contents contents(std::string const& url)
{
    auto db = Database::connect(parse_database_url(url).value()).value();
    Contents all;
    auto const read = read_tables(*db, [&](TableReader& reader) -> Status {
        for (CatalogueTable const& table : table_catalogue()) {
            auto columns = TRY(reader.columns(table.name));
            auto& rows = all[std::string{table.name}];
            TRY(reader.rows(table.name, columns, [&](TableRow const& row) -> Status {
                rows.push_back(row);
                return ok_status();
            }));
            std::sort(rows.begin(), rows.end());
            if (!table.identity.empty()) {
                auto last = TRY(reader.last_generated(table));
                all["sequence:" + std::string{table.name}].push_back(TableRow{std::to_string(last)});
            }
        }
        return ok_status();
    });
    EXPECT_TRUE(read.ok()) << read.error().message;
    return all;
}

std::string const kBinary{"%PDF-1.7\0\xff\xfe\x01 bytes \x80 with NUL", 31};

// fill: a bit of everything through the ports, plus what the ports make awkward (an id gap, an
// emptied table whose sequence went on).
void fill(std::string const& url)
{
    auto store = open_store(url, MigrationMode::Migrate).value();
    Organisation org;
    org.kind = OrganisationKind::Member;
    org.name = "Stichting Wijkkracht – ‘Zuid’ ✓";
    org.lidnummer = "00042";
    org.city = "’s-Hertogenbosch";
    Id const first = store->organisations().create(org).value();
    org.name = "Tweede";
    store->organisations().create(org).value();
    User user;
    user.email = "anna@wijkkracht.example";
    user.name = "Anna";
    user.role = Role::Member;
    user.organisation_id = first;
    user.password_hash = "$argon2id$v=19$x";
    user.active = true;
    user.created_at = 1'700'000'000;
    Id const user_id = store->users().create(user).value();
    DocumentRecord document;
    document.owner_id = first;
    document.filename = "verslag.pdf";
    document.media_type = "application/pdf";
    document.size = static_cast<std::int64_t>(kBinary.size());
    document.sha256 = "00";
    document.uploaded_by = user_id;
    document.uploaded_at = 1'700'000'100;
    store->documents().create(document, kBinary).value();
    document.uploaded_by.reset();  // a NULL
    store->documents().create(document, std::string{}).value();
    AuditEntry entry;
    entry.at = 1'700'000'200;
    entry.action = "test";
    entry.detail = "regel 1\nregel 2 \"aanhalingstekens\" \\ en tab\t";
    store->audit_log().append(entry).value();
    for (int i = 0; i < 3; ++i) {
        store->login_attempts().record_failure("k", 1'700'000'000 + i).value();
    }
    store->login_attempts().clear("k").value();  // the table is empty, its sequence stands at 3
}

Status run_backup(std::string const& url, std::string const& file)
{
    auto made = make_backup(url, file, "2026-12-02T00:00:00Z", {});
    if (!made) {
        return made.error();
    }
    return ok_status();
}

std::string temp_file(std::string const& name)
{
    return (std::filesystem::temp_directory_path() / ("sterk-backup-" + std::to_string(::getpid()) + "-" + name)).string();
}

struct Pair {
    Kind from;
    Kind to;
};

std::string pair_name(::testing::TestParamInfo<Pair> const& info)
{
    auto const name = [](Kind kind) { return kind == Kind::Sqlite ? std::string{"Sqlite"} : std::string{"Postgresql"}; };
    return name(info.param.from) + "To" + name(info.param.to);
}

class BackupRoundtrip : public ::testing::TestWithParam<Pair> {
protected:
    void SetUp() override
    {
        if ((GetParam().from == Kind::Postgresql || GetParam().to == Kind::Postgresql) && pg_base_url() == nullptr) {
            if (std::getenv("CI") != nullptr) {
                FAIL() << "CI is set but TEST_PG_URL is not: PostgreSQL must not be skipped in CI";
            }
            GTEST_SKIP() << "TEST_PG_URL is not set; PostgreSQL not tested";
        }
        m_file = temp_file(pair_name(::testing::TestParamInfo<Pair>(GetParam(), 0)) + ".backup");
    }
    void TearDown() override { std::filesystem::remove(m_file); }

    std::string m_file;
};

TEST_P(BackupRoundtrip, RestoredDatabaseEqualsTheOriginalAndItsSequencesGoOn)
{
    TestDatabase source{GetParam().from, "src"};
    TestDatabase target{GetParam().to, "dst"};
    fill(source.url);
    auto const made = make_backup(source.url, m_file, "2026-12-02T00:00:00Z", {});
    ASSERT_TRUE(made.ok()) << made.error().message;
    EXPECT_EQ(made->tables, static_cast<int>(table_catalogue().size()));
    EXPECT_EQ(made->rows, 2 + 1 + 2 + 1);
    EXPECT_FALSE(std::filesystem::exists(m_file + ".tmp"));

    std::vector<std::string> seen;
    auto const restored = restore_backup(m_file, target.url, RestoreMode::EmptyTargetOnly,
                                         [&](std::string_view table, long long done, long long total) {
                                             if (done == total) {
                                                 seen.emplace_back(table);
                                             }
                                         });
    ASSERT_TRUE(restored.ok()) << restored.error().message;
    EXPECT_EQ(restored->rows, made->rows);
    EXPECT_EQ(seen.size(), table_catalogue().size());
    EXPECT_EQ(contents(target.url), contents(source.url));

    // The document's bytes, read through the port, are the bytes stored.
    auto store = open_store(target.url, MigrationMode::RequireCurrent).value();
    EXPECT_EQ(store->documents().content(1).value(), std::optional<std::string>{kBinary});
    // Generated keys go on after the restored ones, the emptied table's included.
    Organisation org;
    org.kind = OrganisationKind::CertificationBody;
    org.name = "Nieuw";
    EXPECT_EQ(store->organisations().create(org).value(), 3);
    EXPECT_EQ(store->login_attempts().record_failure("k", 1'800'000'000).value(), 4);
}

TEST_P(BackupRoundtrip, FilledTargetIsRefusedUnlessForcedAndForceReplacesEverything)
{
    TestDatabase source{GetParam().from, "src"};
    TestDatabase target{GetParam().to, "dst"};
    fill(source.url);
    ASSERT_TRUE(run_backup(source.url, m_file).ok());
    {
        auto store = open_store(target.url, MigrationMode::Migrate).value();
        Organisation org;
        org.kind = OrganisationKind::CertificationBody;
        org.name = "Al aanwezig";
        for (int i = 0; i < 5; ++i) {
            store->organisations().create(org).value();
        }
        AuditEntry entry;
        entry.at = 1;
        entry.action = "al aanwezig";
        store->audit_log().append(entry).value();  // append-only: the restore must still replace it
    }
    auto const before = contents(target.url);
    auto const refused = restore_backup(m_file, target.url, RestoreMode::EmptyTargetOnly, {});
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(refused.error().field, "db");
    EXPECT_NE(refused.error().message.find("organisations"), std::string::npos) << refused.error().message;
    EXPECT_EQ(contents(target.url), before);

    auto const forced = restore_backup(m_file, target.url, RestoreMode::ReplaceExisting, {});
    ASSERT_TRUE(forced.ok()) << forced.error().message;
    EXPECT_TRUE(forced->replaced);
    EXPECT_EQ(contents(target.url), contents(source.url));
    // The append-only triggers are back.
    auto raw = raw_session(target.url);
    EXPECT_ANY_THROW(*raw << "DELETE FROM audit_log");
}

TEST_P(BackupRoundtrip, DamagedFileIsRefusedBeforeAnythingIsWritten)
{
    TestDatabase source{GetParam().from, "src"};
    TestDatabase target{GetParam().to, "dst"};
    fill(source.url);
    ASSERT_TRUE(run_backup(source.url, m_file).ok());
    std::string bytes;
    {
        std::ifstream in(m_file, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    auto const write = [&](std::string const& text) {
        std::ofstream out(m_file, std::ios::binary | std::ios::trunc);
        out << text;
    };
    auto const refused = [&](std::string const& what) {
        auto const result = restore_backup(m_file, target.url, RestoreMode::EmptyTargetOnly, {});
        EXPECT_FALSE(result.ok()) << what;
        if (!result.ok()) {
            EXPECT_EQ(result.error().code, ErrorCode::InvalidArgument) << what;
            EXPECT_EQ(result.error().field, "from") << what;
        }
        EXPECT_EQ(database_schema_version(target.url).value(), 0) << what;
    };
    // One character of the organisation's name changed: still valid JSON, but not the checksum.
    std::string changed = bytes;
    auto const at = changed.find("Tweede");
    ASSERT_NE(at, std::string::npos);
    changed[at] = 'X';
    write(changed);
    refused("changed text");
    // A byte that breaks the JSON.
    changed = bytes;
    changed[changed.find("\"t\":\"users\"") + 1] = '\x01';
    write(changed);
    refused("broken JSON");
    // Cut off before the checksum line.
    write(bytes.substr(0, bytes.rfind("{\"sha256\"")));
    refused("truncated");
    // Nothing at all.
    write("");
    refused("empty file");
}

// A writer keeps adding an organisation and its audit-log entry in one transaction while the
// backup runs: the backup holds as many of the one as of the other, because every table is read in
// the same snapshot (organisations early in the catalogue, audit_log later).
TEST_P(BackupRoundtrip, BackupIsOneSnapshotWhileAnotherConnectionWrites)
{
    TestDatabase source{GetParam().from, "src"};
    TestDatabase target{GetParam().to, "dst"};
    fill(source.url);
    {
        // Enough rows that the backup takes a while, so the writer's commits land during it.
        auto store = open_store(source.url, MigrationMode::RequireCurrent).value();
        ASSERT_TRUE(store
                        ->transaction([&]() -> Status {
                            for (int i = 0; i < 20'000; ++i) {
                                TRY(store->login_attempts().record_failure("bulk", 1'700'000'000 + i));
                            }
                            return ok_status();
                        })
                        .ok());
    }
    std::atomic<bool> stop = false;
    std::atomic<int> written = 0;
    std::thread writer([&] {
        auto store = open_store(source.url, MigrationMode::RequireCurrent).value();
        while (!stop) {
            auto const done = store->transaction([&]() -> Status {
                Organisation org;
                org.kind = OrganisationKind::Member;
                org.name = "Schrijver " + std::to_string(written.load());
                TRY(store->organisations().create(org));
                AuditEntry entry;
                entry.at = 1'700'000'000;
                entry.action = "schrijver";
                TRY(store->audit_log().append(entry));
                return ok_status();
            });
            if (done.ok()) {
                ++written;
            }
        }
    });
    while (written < 20) {
        std::this_thread::yield();
    }
    auto const made = make_backup(source.url, m_file, "2026-12-02T00:00:00Z", {});
    int const during = written;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    stop = true;
    writer.join();
    ASSERT_TRUE(made.ok()) << made.error().message;
    EXPECT_GT(written.load(), during) << "the writer went on after the backup";
    ASSERT_TRUE(restore_backup(m_file, target.url, RestoreMode::EmptyTargetOnly, {}).ok());
    auto const restored = contents(target.url);
    // fill() made 2 organisations and 1 audit-log entry.
    auto const organisations = static_cast<long long>(restored.at("organisations").size()) - 2;
    auto const entries = static_cast<long long>(restored.at("audit_log").size()) - 1;
    EXPECT_GE(organisations, 20);
    EXPECT_EQ(organisations, entries);
}

TEST(BackupCatalogue, RefusesAFileOfAnotherSchemaVersion)
{
    TestDatabase source{Kind::Sqlite, "src"};
    TestDatabase target{Kind::Sqlite, "dst"};
    fill(source.url);
    std::string const file = temp_file("version.backup");
    ASSERT_TRUE(run_backup(source.url, file).ok());
    std::string bytes;
    {
        std::ifstream in(file, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::string const from = "\"schema_version\":" + std::to_string(binary_schema_version());
    auto const at = bytes.find(from);
    ASSERT_NE(at, std::string::npos);
    bytes.replace(at, from.size(), "\"schema_version\":" + std::to_string(binary_schema_version() + 1));
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << bytes;
    }
    auto const result = restore_backup(file, target.url, RestoreMode::EmptyTargetOnly, {});
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find("schemaversie"), std::string::npos) << result.error().message;
    std::filesystem::remove(file);
}

INSTANTIATE_TEST_SUITE_P(Backends, BackupRoundtrip,
                         ::testing::Values(Pair{Kind::Sqlite, Kind::Sqlite}, Pair{Kind::Sqlite, Kind::Postgresql},
                                           Pair{Kind::Postgresql, Kind::Sqlite},
                                           Pair{Kind::Postgresql, Kind::Postgresql}),
                         pair_name);

// The catalogue against the migrated schema, on each backend.

class BackupCatalogueSchema : public ::testing::TestWithParam<Kind> {};

TEST_P(BackupCatalogueSchema, CatalogueListsEveryTableInForeignKeyOrderWithItsGeneratedKey)
{
    if (GetParam() == Kind::Postgresql && pg_base_url() == nullptr) {
        if (std::getenv("CI") != nullptr) {
            FAIL() << "CI is set but TEST_PG_URL is not: PostgreSQL must not be skipped in CI";
        }
        GTEST_SKIP() << "TEST_PG_URL is not set; PostgreSQL not tested";
    }
    TestDatabase db{GetParam(), "schema"};
    ASSERT_TRUE(migrate_database(db.url).ok());
    auto sql = raw_session(db.url);
    bool const sqlite = GetParam() == Kind::Sqlite;

    std::set<std::string> tables;
    {
        std::string name;
        soci::statement st = (sql->prepare << (sqlite ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                                                        " AND name NOT LIKE 'sqlite%'"
                                                      : "SELECT table_name FROM information_schema.tables"
                                                        " WHERE table_schema = current_schema()"),
                              soci::into(name));
        st.execute();
        while (st.fetch()) {
            tables.insert(name);
        }
    }
    tables.erase("schema_version");
    std::set<std::string> catalogued;
    std::map<std::string, std::size_t> position;
    for (auto const& table : table_catalogue()) {
        catalogued.emplace(table.name);
        position.emplace(std::string{table.name}, position.size());
    }
    for (auto const& table : tables) {
        EXPECT_TRUE(catalogued.contains(table))
            << "table " << table << " is not in src/adapters/storage/table_catalogue.cpp: a backup would lose it";
    }
    for (auto const& table : catalogued) {
        EXPECT_TRUE(tables.contains(table)) << "the catalogue lists " << table << ", which the schema lacks";
    }

    for (auto const& table : table_catalogue()) {
        std::string const name{table.name};
        // Every foreign key points at this table or one before it.
        std::string referenced;
        soci::statement st = (sql->prepare << (sqlite ? "SELECT \"table\" FROM pragma_foreign_key_list(:t)"
                                                      : "SELECT ccu.table_name FROM information_schema.table_constraints tc"
                                                        " JOIN information_schema.constraint_column_usage ccu"
                                                        " ON ccu.constraint_name = tc.constraint_name"
                                                        " AND ccu.constraint_schema = tc.constraint_schema"
                                                        " WHERE tc.constraint_type = 'FOREIGN KEY'"
                                                        " AND tc.table_schema = current_schema() AND tc.table_name = :t"),
                              soci::use(name), soci::into(referenced));
        st.execute();
        while (st.fetch()) {
            ASSERT_TRUE(position.contains(referenced)) << name << " → " << referenced;
            EXPECT_LE(position.at(referenced), position.at(name)) << name << " refers to " << referenced
                                                                  << ", which the catalogue lists later";
        }
        // The generated key is the one the catalogue names.
        std::string identity;
        if (sqlite) {
            std::string text;
            *sql << "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :t", soci::use(name), soci::into(text);
            if (text.find("AUTOINCREMENT") != std::string::npos) {
                identity = "id";
                EXPECT_NE(text.find("id INTEGER PRIMARY KEY AUTOINCREMENT"), std::string::npos) << name;
            }
        } else {
            soci::indicator ind = soci::i_ok;
            *sql << "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                    " AND table_name = :t AND is_identity = 'YES'",
                soci::use(name), soci::into(identity, ind);
            if (!sql->got_data() || ind == soci::i_null) {
                identity.clear();
            }
        }
        EXPECT_EQ(identity, std::string{table.identity}) << name;
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, BackupCatalogueSchema, ::testing::Values(Kind::Sqlite, Kind::Postgresql),
                         [](::testing::TestParamInfo<Kind> const& info) {
                             return std::string{info.param == Kind::Sqlite ? "Sqlite" : "Postgresql"};
                         });

}  // namespace
}  // namespace sterk
