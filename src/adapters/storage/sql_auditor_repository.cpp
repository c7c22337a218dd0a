#include "adapters/storage/sql_auditor_repository.h"

#include "core/ascii.h"

namespace sterk {

namespace {

constexpr char const* COLUMNS =
    "id, name, email, role, organisation_id, user_id, active, declaration_received_on, declaration_document_id";

std::string date_text(std::optional<Date> const& d)
{
    return d ? d->iso() : std::string{};
}

Result<std::optional<Date>> date_of(std::string const& text)
{
    if (text.empty()) {
        return std::optional<Date>{};
    }
    return std::optional<Date>{TRY(Date::parse(text, "date"))};
}

// AuditorRow: the columns as SOCI reads them.
struct AuditorRow {
    Auditor auditor;
    std::string role;
    Id user_id = 0;
    soci::indicator user_indicator = soci::i_ok;
    int active = 1;
    std::string received;
    Id document_id = 0;
    soci::indicator document_indicator = soci::i_ok;

    template <typename Query>
    void bind(Query& query)
    {
        query, soci::into(auditor.id), soci::into(auditor.name), soci::into(auditor.email), soci::into(role),
            soci::into(auditor.organisation_id), soci::into(user_id, user_indicator), soci::into(active),
            soci::into(received), soci::into(document_id, document_indicator);
    }

    Result<Auditor> to_auditor() const
    {
        auto const parsed = parse_auditor_role(role);
        if (!parsed) {
            return Error::internal("onbekende auditorrol in de database: " + role);
        }
        Auditor out = auditor;
        out.role = *parsed;
        out.user_id = user_indicator == soci::i_ok ? std::optional<Id>(user_id) : std::nullopt;
        out.active = active != 0;
        out.declaration_received_on = TRY(date_of(received));
        out.declaration_document_id = document_indicator == soci::i_ok ? std::optional<Id>(document_id) : std::nullopt;
        return out;
    }
};

Status save_ties(soci::session& sql, Id auditor_id, std::vector<AuditorTie> const& ties)
{
    sql << "DELETE FROM auditor_ties WHERE auditor_id = :id", soci::use(auditor_id);
    for (size_t i = 0; i < ties.size(); ++i) {
        int const position = static_cast<int>(i);
        std::string const kind = tie_kind_key(ties[i].kind);
        std::string const from = ties[i].from.iso();
        std::string const until = date_text(ties[i].until);
        sql << "INSERT INTO auditor_ties (auditor_id, position, organisation_id, kind, from_date, until_date)"
               " VALUES (:auditor, :position, :organisation, :kind, :from_date, :until_date)",
            soci::use(auditor_id), soci::use(position), soci::use(ties[i].organisation_id), soci::use(kind),
            soci::use(from), soci::use(until);
    }
    return ok_status();
}

// load_ties: the ties of every auditor in `auditors`, in their order.
Status load_ties(soci::session& sql, std::vector<Auditor>& auditors)
{
    Id auditor_id = 0;
    Id organisation_id = 0;
    std::string kind;
    std::string from;
    std::string until;
    soci::statement statement =
        (sql.prepare << "SELECT auditor_id, organisation_id, kind, from_date, until_date FROM auditor_ties"
                        " ORDER BY auditor_id, position",
         soci::into(auditor_id), soci::into(organisation_id), soci::into(kind), soci::into(from), soci::into(until));
    statement.execute();
    while (statement.fetch()) {
        for (auto& auditor : auditors) {
            if (auditor.id != auditor_id) {
                continue;
            }
            auto const parsed = parse_tie_kind(kind);
            if (!parsed) {
                return Error::internal("onbekende soort band in de database: " + kind);
            }
            auditor.ties.push_back(AuditorTie{organisation_id, *parsed, TRY(Date::parse(from, "from")),
                                              TRY(date_of(until))});
        }
    }
    return ok_status();
}

Result<std::vector<Auditor>> select_auditors(soci::session& sql, std::optional<Id> id)
{
    AuditorRow row;
    std::string const query_text = "SELECT " + std::string(COLUMNS) + " FROM auditors" +
                                   (id ? " WHERE id = :id" : " ORDER BY name, id");
    std::vector<Auditor> out;
    if (id) {
        auto query = (sql.prepare << query_text, soci::use(*id));
        row.bind(query);
        soci::statement statement(query);
        if (statement.execute(true)) {
            out.push_back(TRY(row.to_auditor()));
        }
    } else {
        auto query = (sql.prepare << query_text);
        row.bind(query);
        soci::statement statement(query);
        statement.execute();
        while (statement.fetch()) {
            out.push_back(TRY(row.to_auditor()));
        }
    }
    TRY(load_ties(sql, out));
    return out;
}

}  // namespace

Result<Id> SqlAuditorRepository::create(Auditor const& auditor)
{
    return m_db.run("auditor opslaan", [&](soci::session& sql) -> Result<Id> {
        std::string const email = ascii_lower(auditor.email);
        std::string const role = auditor_role_key(auditor.role);
        Id const user_id = auditor.user_id.value_or(0);
        soci::indicator user_indicator = auditor.user_id ? soci::i_ok : soci::i_null;
        int const active = auditor.active ? 1 : 0;
        std::string const received = date_text(auditor.declaration_received_on);
        Id const document_id = auditor.declaration_document_id.value_or(0);
        soci::indicator document_indicator = auditor.declaration_document_id ? soci::i_ok : soci::i_null;
        Id id = 0;
        sql << "INSERT INTO auditors (name, email, role, organisation_id, user_id, active, declaration_received_on,"
               " declaration_document_id) VALUES (:name, :email, :role, :organisation, :user_id, :active, :received,"
               " :document) RETURNING id",
            soci::use(auditor.name), soci::use(email), soci::use(role), soci::use(auditor.organisation_id),
            soci::use(user_id, user_indicator), soci::use(active), soci::use(received),
            soci::use(document_id, document_indicator), soci::into(id);
        TRY(save_ties(sql, id, auditor.ties));
        return id;
    });
}

Status SqlAuditorRepository::update(Auditor const& auditor)
{
    return m_db.run("auditor bijwerken", [&](soci::session& sql) -> Status {
        int exists = 0;
        sql << "SELECT COUNT(*) FROM auditors WHERE id = :id", soci::use(auditor.id), soci::into(exists);
        if (exists == 0) {
            return Error::not_found("Auditor " + std::to_string(auditor.id) + " bestaat niet.");
        }
        std::string const email = ascii_lower(auditor.email);
        std::string const role = auditor_role_key(auditor.role);
        Id const user_id = auditor.user_id.value_or(0);
        soci::indicator user_indicator = auditor.user_id ? soci::i_ok : soci::i_null;
        int const active = auditor.active ? 1 : 0;
        std::string const received = date_text(auditor.declaration_received_on);
        Id const document_id = auditor.declaration_document_id.value_or(0);
        soci::indicator document_indicator = auditor.declaration_document_id ? soci::i_ok : soci::i_null;
        sql << "UPDATE auditors SET name = :name, email = :email, role = :role, organisation_id = :organisation,"
               " user_id = :user_id, active = :active, declaration_received_on = :received,"
               " declaration_document_id = :document WHERE id = :id",
            soci::use(auditor.name), soci::use(email), soci::use(role), soci::use(auditor.organisation_id),
            soci::use(user_id, user_indicator), soci::use(active), soci::use(received),
            soci::use(document_id, document_indicator), soci::use(auditor.id);
        return save_ties(sql, auditor.id, auditor.ties);
    });
}

Result<std::optional<Auditor>> SqlAuditorRepository::find(Id id)
{
    return m_db.run("auditor zoeken", [&](soci::session& sql) -> Result<std::optional<Auditor>> {
        auto found = TRY(select_auditors(sql, id));
        if (found.empty()) {
            return std::optional<Auditor>{};
        }
        return std::optional<Auditor>{std::move(found.front())};
    });
}

Result<std::vector<Auditor>> SqlAuditorRepository::list()
{
    return m_db.run("auditoren opvragen",
                    [&](soci::session& sql) -> Result<std::vector<Auditor>> { return select_auditors(sql, std::nullopt); });
}

}  // namespace sterk
