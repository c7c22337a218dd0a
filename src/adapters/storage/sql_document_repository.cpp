#include "adapters/storage/sql_document_repository.h"

namespace sterk {

namespace {

int hex_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

}  // namespace

std::string hex_encode(std::string_view bytes)
{
    static constexpr char DIGITS[] = "0123456789abcdef";
    std::string out;
    out.resize(bytes.size() * 2);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        auto const b = static_cast<unsigned char>(bytes[i]);
        out[2 * i] = DIGITS[b >> 4];
        out[2 * i + 1] = DIGITS[b & 0x0F];
    }
    return out;
}

std::optional<std::string> hex_decode(std::string_view hex)
{
    if (hex.size() % 2 != 0) {
        return std::nullopt;
    }
    std::string out;
    out.resize(hex.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        int const high = hex_value(hex[2 * i]);
        int const low = hex_value(hex[2 * i + 1]);
        if (high < 0 || low < 0) {
            return std::nullopt;
        }
        out[i] = static_cast<char>((high << 4) | low);
    }
    return out;
}

Result<Id> SqlDocumentRepository::create(DocumentRecord const& r, std::string_view content)
{
    return m_db.run("document opslaan", [&](soci::session& sql) -> Result<Id> {
        Id id = 0;
        Id uploaded_by = r.uploaded_by.value_or(0);
        soci::indicator uploaded_by_null = r.uploaded_by ? soci::i_ok : soci::i_null;
        long long const size = r.size;
        bool const postgres = m_db.backend() == Backend::Postgresql;
        std::string const bytes = postgres ? hex_encode(content) : std::string{content};
        std::string const value = postgres ? "decode(:content, 'hex')" : "CAST(:content AS BLOB)";
        sql << "INSERT INTO documents (owner_id, filename, media_type, size, sha256, content, uploaded_by, uploaded_at)"
               " VALUES (:owner, :filename, :media_type, :size, :sha256, " + value + ", :by, :at) RETURNING id",
            soci::use(r.owner_id), soci::use(r.filename), soci::use(r.media_type), soci::use(size), soci::use(r.sha256),
            soci::use(bytes), soci::use(uploaded_by, uploaded_by_null), soci::use(r.uploaded_at), soci::into(id);
        return id;
    });
}

Result<std::optional<DocumentRecord>> SqlDocumentRepository::find(Id id)
{
    return m_db.run("document zoeken", [&](soci::session& sql) -> Result<std::optional<DocumentRecord>> {
        DocumentRecord r;
        long long size = 0;
        Id uploaded_by = 0;
        soci::indicator uploaded_by_null = soci::i_ok;
        sql << "SELECT id, owner_id, filename, media_type, size, sha256, uploaded_by, uploaded_at FROM documents"
               " WHERE id = :id",
            soci::use(id), soci::into(r.id), soci::into(r.owner_id), soci::into(r.filename), soci::into(r.media_type),
            soci::into(size), soci::into(r.sha256), soci::into(uploaded_by, uploaded_by_null), soci::into(r.uploaded_at);
        if (!sql.got_data()) {
            return std::optional<DocumentRecord>{};
        }
        r.size = size;
        r.uploaded_by = uploaded_by_null == soci::i_null ? std::nullopt : std::optional<Id>(uploaded_by);
        return std::optional<DocumentRecord>{std::move(r)};
    });
}

Result<std::optional<std::string>> SqlDocumentRepository::content(Id id)
{
    return m_db.run("document lezen", [&](soci::session& sql) -> Result<std::optional<std::string>> {
        std::string hex;
        if (m_db.backend() == Backend::Postgresql) {
            sql << "SELECT encode(content, 'hex') FROM documents WHERE id = :id", soci::use(id), soci::into(hex);
        } else {
            sql << "SELECT hex(content) FROM documents WHERE id = :id", soci::use(id), soci::into(hex);
        }
        if (!sql.got_data()) {
            return std::optional<std::string>{};
        }
        auto bytes = hex_decode(hex);
        if (!bytes) {
            return Error::internal("document " + std::to_string(id) + " is beschadigd opgeslagen");
        }
        return std::optional<std::string>{std::move(*bytes)};
    });
}

}  // namespace sterk
