#include "core/services/user_service.h"

#include "core/services/account_rules.h"
#include "core/calendar/date.h"

#include <charconv>

namespace sterk {

UserService::UserService(Store& store, PasswordHasher& hasher) : m_store(store), m_hasher(hasher) {}

UserService::UserService(Store& store, PasswordHasher& hasher, PasswordResetService& links)
    : m_store(store), m_hasher(hasher), m_links(&links)
{
}

Status UserService::validate(NewUser const& input)
{
    TRY(validate_email(normalize_email(input.email), "email"));
    if (input.name.size() > 200) {
        return Error::invalid("name", "De naam is te lang (maximaal 200 tekens).");
    }
    bool const needs_organisation =
        input.role == Role::Member || input.role == Role::CiAdmin || input.role == Role::Auditor;
    if (needs_organisation && !input.organisation_id) {
        return Error::invalid("organisation_id", "Een " + role_dutch(input.role) + " hoort bij een organisatie.");
    }
    if (input.role == Role::Committee && input.organisation_id) {
        return Error::invalid("organisation_id", "Een lid van de beheercommissie hoort niet bij een organisatie.");
    }
    if (!input.organisation_id) {
        return ok_status();
    }
    auto organisation = TRY(m_store.organisations().find(*input.organisation_id));
    if (!organisation) {
        return Error::invalid("organisation_id", "Deze organisatie bestaat niet.");
    }
    bool fits = true;
    switch (input.role) {
    case Role::Member: fits = organisation->kind == OrganisationKind::Member; break;
    case Role::CiAdmin: fits = organisation->kind == OrganisationKind::CertificationBody; break;
    case Role::Auditor: fits = organisation->kind != OrganisationKind::Secretariat; break;
    case Role::Secretariat: fits = organisation->kind == OrganisationKind::Secretariat; break;
    case Role::Committee: fits = false; break;
    }
    if (!fits) {
        return Error::invalid("organisation_id",
                              "Een " + role_dutch(input.role) + " kan niet bij deze soort organisatie horen.");
    }
    return ok_status();
}

Result<User> UserService::add_user(NewUser const& input, Actor const& actor, UnixTime now)
{
    TRY(validate_new_password(input.password, "password"));
    TRY(validate(input));
    std::string const hash = TRY(m_hasher.hash(input.password));
    return add_user_with_hash(input, hash, actor, now);
}

Result<User> UserService::add_user_with_hash(NewUser const& input, std::string const& password_hash,
                                             Actor const& actor, UnixTime now)
{
    TRY(validate(input));
    User user;
    user.email = normalize_email(input.email);
    user.name = input.name.empty() ? user.email : input.name;
    user.role = input.role;
    user.organisation_id = input.organisation_id;
    user.password_hash = password_hash;
    user.active = true;
    user.created_at = now;
    TRY(m_store.transaction([&]() -> Status {
        user.id = TRY(m_store.users().create(user));
        AuditEntry entry = audit_entry(now, "user.create", actor.email, actor.ip, actor.user_id,
                                       user.email + " (" + role_key(user.role) + ")");
        entry.subject = "user:" + std::to_string(user.id);
        TRY(m_store.audit_log().append(entry));
        return ok_status();
    }));
    return user;
}

Result<User> UserService::existing(Id user_id)
{
    auto found = TRY(m_store.users().find(user_id));
    if (!found) {
        return Error::not_found("Deze gebruiker bestaat niet.");
    }
    return std::move(*found);
}

Status UserService::audit(UnixTime now, std::string action, Actor const& actor, User const& subject,
                          std::string detail)
{
    AuditEntry entry = audit_entry(now, std::move(action), actor.email, actor.ip, actor.user_id, std::move(detail));
    entry.subject = "user:" + std::to_string(subject.id);
    TRY(m_store.audit_log().append(entry));
    return ok_status();
}

Result<User> UserService::invite(Invitation const& input, Actor const& actor, UnixTime now)
{
    if (m_links == nullptr) {
        return Error::internal("uitnodigen kan hier niet: geen e-mail ingesteld");
    }
    NewUser const candidate{input.email, input.name, input.role, input.organisation_id, {}};
    TRY(validate(candidate));
    User user;
    user.email = normalize_email(input.email);
    user.name = input.name.empty() ? user.email : input.name;
    user.role = input.role;
    user.organisation_id = input.organisation_id;
    user.password_hash = {};  // no password until the invitation link sets one
    user.active = true;
    user.created_at = now;
    TRY(m_store.transaction([&]() -> Status {
        user.id = TRY(m_store.users().create(user));
        return audit(now, "user.invite", actor, user,
                     user.email + " (" + role_dutch(user.role) + "); uitnodiging gemaild");
    }));
    TRY(m_links->send_link(user, ResetPurpose::Invitation, now));
    return user;
}

Result<User> UserService::change_role(Id user_id, Role role, std::optional<Id> organisation_id, Actor const& actor,
                                      UnixTime now)
{
    User user = TRY(existing(user_id));
    if (actor.user_id && *actor.user_id == user.id) {
        return Error::precondition("U kunt uw eigen rol niet wijzigen; vraag dat aan een collega van het secretariaat.");
    }
    NewUser const candidate{user.email, user.name, role, organisation_id, {}};
    TRY(validate(candidate));
    std::string const detail = role_dutch(user.role) + " → " + role_dutch(role);
    user.role = role;
    user.organisation_id = organisation_id;
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.users().set_role(user.id, role, organisation_id));
        return audit(now, "user.role", actor, user, detail);
    }));
    return user;
}

Result<User> UserService::deactivate(Id user_id, Actor const& actor, UnixTime now)
{
    User user = TRY(existing(user_id));
    if (actor.user_id && *actor.user_id == user.id) {
        return Error::precondition("U kunt uzelf niet deactiveren.");
    }
    if (!user.active) {
        return Error::precondition("Deze gebruiker is al gedeactiveerd.");
    }
    user.active = false;
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.users().set_active(user.id, false));
        TRY(m_store.sessions().remove_for_user(user.id));
        TRY(m_store.password_resets().invalidate_for_user(user.id, now));
        return audit(now, "user.deactivate", actor, user, user.email + "; sessies en open links beëindigd");
    }));
    return user;
}

Result<User> UserService::activate(Id user_id, Actor const& actor, UnixTime now)
{
    User user = TRY(existing(user_id));
    if (user.active) {
        return Error::precondition("Deze gebruiker is al actief.");
    }
    user.active = true;
    TRY(m_store.transaction([&]() -> Status {
        TRY(m_store.users().set_active(user.id, true));
        return audit(now, "user.activate", actor, user, user.email);
    }));
    return user;
}

Result<User> UserService::send_link(Id user_id, Actor const& actor, UnixTime now)
{
    if (m_links == nullptr) {
        return Error::internal("een link sturen kan hier niet: geen e-mail ingesteld");
    }
    User const user = TRY(existing(user_id));
    if (!user.active) {
        return Error::precondition("Deze gebruiker is gedeactiveerd: activeer het account eerst.");
    }
    bool const invited = user_status(user) == UserStatus::Invited;
    TRY(audit(now, "user.link", actor, user,
              user.email + (invited ? ": uitnodiging opnieuw gemaild" : ": link voor een nieuw wachtwoord gemaild")));
    TRY(m_links->send_link(user, invited ? ResetPurpose::Invitation : ResetPurpose::Reset, now));
    return user;
}

Result<std::vector<User>> UserService::list_users()
{
    return m_store.users().list();
}

Result<std::vector<Organisation>> UserService::list_organisations()
{
    return m_store.organisations().list();
}

Result<Organisation> UserService::organisation(Id id)
{
    auto found = TRY(m_store.organisations().find(id));
    if (!found) {
        return Error::not_found("Deze organisatie bestaat niet.");
    }
    return std::move(*found);
}

Result<std::optional<Organisation>> UserService::organisation_of(User const& user)
{
    if (!user.organisation_id) {
        return std::optional<Organisation>{};
    }
    return m_store.organisations().find(*user.organisation_id);
}

Result<std::vector<AuditEntry>> UserService::audit_log(int limit)
{
    if (limit < 1 || limit > AUDIT_LOG_MAX_LIMIT) {
        return Error::invalid("limit",
                              "De limiet moet tussen 1 en " + std::to_string(AUDIT_LOG_MAX_LIMIT) + " liggen.");
    }
    return m_store.audit_log().recent(limit);
}

std::string audit_cursor(AuditEntry const& entry)
{
    return std::to_string(entry.at) + "." + std::to_string(entry.id);
}

std::optional<std::pair<UnixTime, Id>> parse_audit_cursor(std::string const& cursor)
{
    auto const dot = cursor.find('.');
    if (dot == std::string::npos) {
        return std::nullopt;
    }
    UnixTime at = 0;
    Id id = 0;
    auto const* end = cursor.data() + cursor.size();
    auto [at_end, at_ec] = std::from_chars(cursor.data(), cursor.data() + dot, at);
    auto [id_end, id_ec] = std::from_chars(cursor.data() + dot + 1, end, id);
    if (dot == 0 || at_ec != std::errc{} || at_end != cursor.data() + dot || id_ec != std::errc{} || id_end != end
        || id < 1) {
        return std::nullopt;
    }
    return std::pair{at, id};
}

Result<AuditLogPage> UserService::audit_log_page(AuditLogFilter const& filter)
{
    if (filter.limit < 1 || filter.limit > AUDIT_LOG_MAX_LIMIT) {
        return Error::invalid("limit",
                              "De limiet moet tussen 1 en " + std::to_string(AUDIT_LOG_MAX_LIMIT) + " liggen.");
    }
    AuditQuery query;
    query.limit = filter.limit + 1;  // one more tells whether there is a next page
    if (filter.cursor && !filter.cursor->empty()) {
        query.before = parse_audit_cursor(*filter.cursor);
        if (!query.before) {
            return Error::invalid("cursor", "De cursor is ongeldig. Begin opnieuw bij de eerste pagina.");
        }
    }
    if (filter.action && !filter.action->empty()) {
        query.action = *filter.action;
    }
    if (filter.actor && !filter.actor->empty()) {
        query.actor_email = normalize_email(*filter.actor);
    }
    constexpr UnixTime DAY = 24 * 60 * 60;
    if (filter.from && !filter.from->empty()) {
        Date const from = TRY(Date::parse(*filter.from, "from"));
        query.from = static_cast<UnixTime>(from.days_since_epoch()) * DAY;
    }
    if (filter.to && !filter.to->empty()) {
        Date const to = TRY(Date::parse(*filter.to, "to"));
        query.to = static_cast<UnixTime>(to.days_since_epoch() + 1) * DAY;
        if (query.from && *query.to <= *query.from) {
            return Error::invalid("to", "De einddatum ligt vóór de begindatum.");
        }
    }
    AuditLogPage page;
    page.entries = TRY(m_store.audit_log().query(query));
    if (static_cast<int>(page.entries.size()) > filter.limit) {
        page.entries.resize(static_cast<std::size_t>(filter.limit));
        page.next_cursor = audit_cursor(page.entries.back());
    }
    return page;
}

}  // namespace sterk
