// File: sql_document_repository.h
// SqlDocumentRepository: DocumentRepository on `documents`, the bytes in a BLOB (SQLite) or bytea
// (PostgreSQL) column. SOCI 4.0 maps its blob type to PostgreSQL's large objects, which a plain
// dump can leave behind; so the bytes cross SOCI as text: hex for PostgreSQL (decode/encode in
// SQL), and for SQLite a bound string (its length is passed, NUL bytes included) cast to BLOB on
// the way in and hex() on the way out.
#pragma once

#include "adapters/storage/database.h"
#include "core/ports/store.h"

namespace sterk {

class SqlDocumentRepository final : public DocumentRepository {
public:
    explicit SqlDocumentRepository(Database& db) : m_db(db) {}

    Result<Id> create(DocumentRecord const& record, std::string_view content) override;
    Result<std::optional<DocumentRecord>> find(Id id) override;
    Result<std::optional<std::string>> content(Id id) override;

private:
    Database& m_db;
};

// hex_encode / hex_decode: lower-case hex; hex_decode accepts either case and returns nullopt for
// anything that is not an even number of hex digits.
std::string hex_encode(std::string_view bytes);
std::optional<std::string> hex_decode(std::string_view hex);

}  // namespace sterk
