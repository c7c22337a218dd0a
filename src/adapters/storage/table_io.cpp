#include "adapters/storage/table_io.h"

#include "adapters/storage/sql_document_repository.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace sterk {

namespace {

std::string upper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

Result<std::vector<TableColumn>> read_columns(soci::session& sql, Backend backend, std::string_view table)
{
    std::string const name{table};
    std::string column;
    std::string type;
    std::string const query = backend == Backend::Sqlite
        ? "SELECT name, type FROM pragma_table_info(:t) ORDER BY cid"
        : "SELECT column_name, data_type FROM information_schema.columns"
          " WHERE table_schema = current_schema() AND table_name = :t ORDER BY ordinal_position";
    soci::statement st = (sql.prepare << query, soci::use(name), soci::into(column), soci::into(type));
    std::vector<TableColumn> columns;
    if (st.execute(true)) {
        do {
            std::string const declared = upper(type);
            ColumnKind kind = ColumnKind::Text;
            if (declared.find("INT") != std::string::npos) {
                kind = ColumnKind::Integer;
            } else if (declared == "BLOB" || declared == "BYTEA") {
                kind = ColumnKind::Blob;
            } else if (declared != "TEXT") {
                return Error::internal("tabel " + name + ", kolom " + column + ": type " + type
                                       + " kan niet in een backup");
            }
            columns.push_back(TableColumn{column, kind});
        } while (st.fetch());
    }
    if (columns.empty()) {
        return Error::internal("tabel " + name + " ontbreekt in de database");
    }
    return columns;
}

bool is_integer(std::string_view text)
{
    long long value = 0;
    auto const [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc{} && end == text.data() + text.size();
}

std::string quoted(std::string_view name)
{
    return "\"" + std::string{name} + "\"";
}

}  // namespace

std::string_view column_kind_name(ColumnKind kind)
{
    switch (kind) {
    case ColumnKind::Integer:
        return "integer";
    case ColumnKind::Text:
        return "text";
    case ColumnKind::Blob:
        return "blob";
    }
    return "text";
}

std::optional<ColumnKind> parse_column_kind(std::string_view name)
{
    for (ColumnKind kind : {ColumnKind::Integer, ColumnKind::Text, ColumnKind::Blob}) {
        if (column_kind_name(kind) == name) {
            return kind;
        }
    }
    return std::nullopt;
}

// Reading

Result<std::vector<TableColumn>> TableReader::columns(std::string_view table)
{
    return read_columns(m_sql, m_backend, table);
}

Result<long long> TableReader::count(std::string_view table)
{
    long long n = 0;
    m_sql << "SELECT COUNT(*) FROM " + quoted(table), soci::into(n);
    return n;
}

Status TableReader::rows(std::string_view table, std::vector<TableColumn> const& columns,
                         std::function<Status(TableRow const&)> const& each)
{
    std::string select;
    std::string order;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        auto const& column = columns[i];
        std::string const name = quoted(column.name);
        select += i == 0 ? "" : ", ";
        if (column.kind == ColumnKind::Blob) {
            select += m_backend == Backend::Sqlite ? "hex(" + name + ")" : "encode(" + name + ", 'hex')";
        } else {
            select += name;
            order += (order.empty() ? " ORDER BY " : ", ") + std::to_string(i + 1);
        }
    }
    std::vector<std::string> values(columns.size());
    std::vector<soci::indicator> indicators(columns.size(), soci::i_ok);
    soci::statement st(m_sql);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        st.exchange(soci::into(values[i], indicators[i]));
    }
    st.alloc();
    st.prepare("SELECT " + select + " FROM " + quoted(table) + order);
    st.define_and_bind();
    if (!st.execute(true)) {
        return ok_status();
    }
    TableRow row(columns.size());
    do {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (indicators[i] == soci::i_null) {
                row[i].reset();
                continue;
            }
            auto const& column = columns[i];
            if (column.kind == ColumnKind::Blob) {
                auto bytes = hex_decode(values[i]);
                if (!bytes) {
                    return Error::internal("tabel " + std::string{table} + ", kolom " + column.name
                                           + ": onleesbare binaire waarde");
                }
                row[i] = std::move(*bytes);
            } else {
                if (column.kind == ColumnKind::Integer && !is_integer(values[i])) {
                    return Error::internal("tabel " + std::string{table} + ", kolom " + column.name + ": '"
                                           + values[i] + "' is geen geheel getal");
                }
                row[i] = values[i];
            }
        }
        TRY(each(row));
    } while (st.fetch());
    return ok_status();
}

Result<long long> TableReader::last_generated(CatalogueTable const& table)
{
    std::string const name{table.name};
    long long highest = 0;
    soci::indicator highest_ind = soci::i_ok;
    m_sql << "SELECT MAX(" + quoted(table.identity) + ") FROM " + quoted(table.name), soci::into(highest, highest_ind);
    if (highest_ind == soci::i_null) {
        highest = 0;
    }
    long long sequence = 0;
    soci::indicator sequence_ind = soci::i_ok;
    if (m_backend == Backend::Sqlite) {
        m_sql << "SELECT seq FROM sqlite_sequence WHERE name = :t", soci::use(name), soci::into(sequence, sequence_ind);
    } else {
        std::string const column{table.identity};
        std::string sequence_name;
        m_sql << "SELECT pg_get_serial_sequence(:t, :c)", soci::use(name), soci::use(column), soci::into(sequence_name);
        m_sql << "SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM " + sequence_name,
            soci::into(sequence, sequence_ind);
    }
    if (!m_sql.got_data() || sequence_ind == soci::i_null) {
        sequence = 0;
    }
    return std::max(highest, sequence);
}

Status read_tables(Database& db, std::function<Status(TableReader&)> const& work)
{
    return db.run("backup lezen", [&](soci::session& sql) -> Status {
        sql << (db.backend() == Backend::Sqlite ? "BEGIN DEFERRED" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        Status result = ok_status();
        try {
            TableReader reader{sql, db.backend()};
            result = work(reader);
        } catch (...) {
            try {
                sql << "ROLLBACK";
            } catch (std::exception const&) {
                // the session is gone; nothing was written
            }
            throw;
        }
        sql << (result ? "COMMIT" : "ROLLBACK");
        return result;
    });
}

// Writing

struct TableWriter::Insert {
    std::vector<TableColumn> columns;
    std::vector<std::string> values;
    std::vector<soci::indicator> indicators;
    std::unique_ptr<soci::statement> statement;
};

TableWriter::TableWriter(soci::session& sql, Backend backend) : m_sql(sql), m_backend(backend) {}

TableWriter::~TableWriter() = default;

Result<std::vector<TableColumn>> TableWriter::columns(std::string_view table)
{
    return read_columns(m_sql, m_backend, table);
}

Result<std::optional<std::string>> TableWriter::first_table_with_rows()
{
    for (CatalogueTable const& table : table_catalogue()) {
        int n = 0;
        m_sql << "SELECT COUNT(*) FROM (SELECT 1 FROM " + quoted(table.name) + " LIMIT 1) AS probe", soci::into(n);
        if (n > 0) {
            return std::optional<std::string>{std::string{table.name}};
        }
    }
    return std::optional<std::string>{};
}

Status TableWriter::clear()
{
    auto const tables = table_catalogue();
    if (m_backend == Backend::Sqlite) {
        // DDL is transactional in SQLite: the triggers come back exactly as they were.
        std::vector<std::pair<std::string, std::string>> triggers;
        {
            std::string name;
            std::string text;
            soci::statement st = (m_sql.prepare << "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
                                                   " AND sql IS NOT NULL ORDER BY name",
                                  soci::into(name), soci::into(text));
            if (st.execute(true)) {
                do {
                    triggers.emplace_back(name, text);
                } while (st.fetch());
            }
        }
        for (auto const& [name, text] : triggers) {
            m_sql << "DROP TRIGGER " + quoted(name);
        }
        for (auto it = tables.rbegin(); it != tables.rend(); ++it) {
            m_sql << "DELETE FROM " + quoted(it->name);
        }
        m_sql << "DELETE FROM sqlite_sequence";
        for (auto const& [name, text] : triggers) {
            m_sql << text;
        }
        return ok_status();
    }
    for (auto it = tables.rbegin(); it != tables.rend(); ++it) {
        // USER: the append-only triggers; the foreign keys' system triggers stay on.
        m_sql << "ALTER TABLE " + quoted(it->name) + " DISABLE TRIGGER USER";
        m_sql << "DELETE FROM " + quoted(it->name);
        m_sql << "ALTER TABLE " + quoted(it->name) + " ENABLE TRIGGER USER";
    }
    return ok_status();
}

Status TableWriter::begin_table(CatalogueTable const& table, std::vector<TableColumn> const& columns)
{
    auto insert = std::make_unique<Insert>();
    insert->columns = columns;
    insert->values.resize(columns.size());
    insert->indicators.assign(columns.size(), soci::i_ok);
    std::string names;
    std::string params;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        names += (i == 0 ? "" : ", ") + quoted(columns[i].name);
        std::string const param = ":v" + std::to_string(i);
        std::string value = param;
        if (columns[i].kind == ColumnKind::Blob) {
            value = m_backend == Backend::Sqlite ? "CAST(" + param + " AS BLOB)" : "decode(" + param + ", 'hex')";
        }
        params += (i == 0 ? "" : ", ") + value;
    }
    bool const overriding = m_backend == Backend::Postgresql && !table.identity.empty();
    insert->statement = std::make_unique<soci::statement>(m_sql);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        insert->statement->exchange(soci::use(insert->values[i], insert->indicators[i]));
    }
    insert->statement->alloc();
    insert->statement->prepare("INSERT INTO " + quoted(table.name) + " (" + names + ")"
                               + (overriding ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES (" + params + ")");
    insert->statement->define_and_bind();
    m_insert = std::move(insert);
    return ok_status();
}

Status TableWriter::insert(TableRow const& row)
{
    auto& insert = *m_insert;
    if (row.size() != insert.columns.size()) {
        return Error::internal("rij met " + std::to_string(row.size()) + " waarden voor "
                               + std::to_string(insert.columns.size()) + " kolommen");
    }
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (!row[i]) {
            insert.indicators[i] = soci::i_null;
            insert.values[i].clear();
            continue;
        }
        insert.indicators[i] = soci::i_ok;
        bool const hex = insert.columns[i].kind == ColumnKind::Blob && m_backend == Backend::Postgresql;
        insert.values[i] = hex ? hex_encode(*row[i]) : *row[i];
    }
    insert.statement->execute(true);
    return ok_status();
}

Status TableWriter::set_last_generated(CatalogueTable const& table, long long last)
{
    std::string const name{table.name};
    if (m_backend == Backend::Sqlite) {
        m_sql << "DELETE FROM sqlite_sequence WHERE name = :t", soci::use(name);
        if (last > 0) {
            m_sql << "INSERT INTO sqlite_sequence (name, seq) VALUES (:t, :seq)", soci::use(name), soci::use(last);
        }
        return ok_status();
    }
    std::string const column{table.identity};
    long long const value = last > 0 ? last : 1;
    std::string const called = last > 0 ? "true" : "false";
    long long result = 0;
    m_sql << "SELECT setval(pg_get_serial_sequence(:t, :c), :v, " + called + ")", soci::use(name), soci::use(column),
        soci::use(value), soci::into(result);
    return ok_status();
}

Status write_tables(Database& db, std::function<Status(TableWriter&)> const& work)
{
    return db.transaction([&]() -> Status {
        return db.run("herstellen", [&](soci::session& sql) -> Status {
            TableWriter writer{sql, db.backend()};
            return work(writer);
        });
    });
}

}  // namespace sterk
