#include "adapters/storage/sql_password_reset_repository.h"

namespace sterk {

Status SqlPasswordResetRepository::create(PasswordReset const& reset)
{
    return m_db.run("herstellink opslaan", [&](soci::session& sql) -> Status {
        UnixTime const used_at = reset.used_at.value_or(0);
        soci::indicator used_indicator = reset.used_at ? soci::i_ok : soci::i_null;
        std::string const purpose = reset_purpose_key(reset.purpose);
        sql << "INSERT INTO password_resets (token_hash, user_id, expires_at, used_at, purpose)"
               " VALUES (:token_hash, :user_id, :expires_at, :used_at, :purpose)",
            soci::use(reset.token_hash), soci::use(reset.user_id), soci::use(reset.expires_at),
            soci::use(used_at, used_indicator), soci::use(purpose);
        return ok_status();
    });
}

Result<std::optional<PasswordReset>> SqlPasswordResetRepository::find(std::string const& token_hash)
{
    return m_db.run("herstellink zoeken", [&](soci::session& sql) -> Result<std::optional<PasswordReset>> {
        PasswordReset reset;
        UnixTime used_at = 0;
        soci::indicator used_indicator = soci::i_null;
        std::string purpose;
        sql << "SELECT token_hash, user_id, expires_at, used_at, purpose FROM password_resets"
               " WHERE token_hash = :token_hash",
            soci::use(token_hash), soci::into(reset.token_hash), soci::into(reset.user_id),
            soci::into(reset.expires_at), soci::into(used_at, used_indicator), soci::into(purpose);
        if (!sql.got_data()) {
            return std::optional<PasswordReset>{};
        }
        auto const parsed = parse_reset_purpose(purpose);
        if (!parsed) {
            return Error::internal("onbekend doel van een herstellink in de database: " + purpose);
        }
        reset.purpose = *parsed;
        if (used_indicator == soci::i_ok) {
            reset.used_at = used_at;
        }
        return std::optional<PasswordReset>{reset};
    });
}

Status SqlPasswordResetRepository::mark_used(std::string const& token_hash, UnixTime at)
{
    return m_db.run("herstellink gebruiken", [&](soci::session& sql) -> Status {
        soci::statement statement = (sql.prepare << "UPDATE password_resets SET used_at = :at"
                                                    " WHERE token_hash = :token_hash AND used_at IS NULL",
                                     soci::use(at), soci::use(token_hash));
        statement.execute(true);
        if (statement.get_affected_rows() == 0) {
            return Error::invalid("token", "deze herstellink is onbekend of al gebruikt");
        }
        return ok_status();
    });
}

Status SqlPasswordResetRepository::invalidate_for_user(Id user_id, UnixTime at)
{
    return m_db.run("herstellinks van gebruiker intrekken", [&](soci::session& sql) -> Status {
        sql << "UPDATE password_resets SET used_at = :at WHERE user_id = :user_id AND used_at IS NULL", soci::use(at),
            soci::use(user_id);
        return ok_status();
    });
}

}  // namespace sterk
