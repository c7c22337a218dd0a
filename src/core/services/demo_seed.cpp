#include "core/services/demo_seed.h"

#include "core/services/account_rules.h"
#include "core/services/user_service.h"

#include <map>

namespace sterk {

namespace {

enum class DemoOrganisation { None, Secretariat, WijkKracht, WelzijnSamen, BuurtwerkOost, BuurtwerkNoord, DeBrug, CiToets };

struct DemoUser {
    char const* email;
    char const* name;
    Role role;
    DemoOrganisation organisation;
};

constexpr DemoUser DEMO_USERS[] = {
    {"secretariaat@sociaalwerk.example", "Secretariaat Sociaal Werk Nederland", Role::Secretariat,
     DemoOrganisation::Secretariat},
    {"kwaliteit@wijkkracht.example", "Kwaliteitsmedewerker WijkKracht", Role::Member, DemoOrganisation::WijkKracht},
    {"kwaliteit@samenwelzijn.example", "Kwaliteitsmedewerker Welzijn Samen", Role::Member,
     DemoOrganisation::WelzijnSamen},
    {"beheer@ci-toets.example", "Beheerder CI Toetsbureau", Role::CiAdmin, DemoOrganisation::CiToets},
    {"teamleider@ci-toets.example", "Teamleider CI Toetsbureau", Role::Auditor, DemoOrganisation::CiToets},
    {"beoordelaar@ci-toets.example", "Beoordelaar CI Toetsbureau", Role::Auditor, DemoOrganisation::CiToets},
    {"commissie@sociaalwerk.example", "Beheercommissie", Role::Committee, DemoOrganisation::None},
    {"kwaliteit@buurtwerkoost.example", "Kwaliteitsmedewerker Buurtwerk Oost", Role::Member,
     DemoOrganisation::BuurtwerkOost},
    {"kwaliteit@buurtwerk.example", "Kwaliteitsmedewerker Buurtwerk Noord", Role::Member,
     DemoOrganisation::BuurtwerkNoord},
    {"kwaliteit@debrug.example", "Kwaliteitsmedewerker De Brug", Role::Member, DemoOrganisation::DeBrug},
};

Organisation organisation(OrganisationKind kind, char const* name, char const* lidnummer, char const* city,
                          char const* email, char const* website)
{
    Organisation result;
    result.kind = kind;
    result.name = name;
    result.lidnummer = lidnummer;
    result.city = city;
    result.email = email;
    result.website = website;
    return result;
}

}  // namespace

Result<std::vector<DemoLogin>> seed_demo(Store& store, PasswordHasher& hasher, TokenGenerator& tokens,
                                         std::optional<std::string> const& fixed_password, UnixTime now)
{
    auto const existing = TRY(store.users().list());
    if (!existing.empty()) {
        return std::vector<DemoLogin>{};
    }
    if (fixed_password) {
        TRY(validate_new_password(*fixed_password, "STERK_DEMO_PASSWORD"));
    }

    // Hashing is slow: with one fixed password, hash it once and reuse the encoded string.
    std::optional<std::string> fixed_hash;
    if (fixed_password) {
        fixed_hash = TRY(hasher.hash(*fixed_password));
    }
    std::vector<std::pair<NewUser, std::string>> prepared;
    for (auto const& demo : DEMO_USERS) {
        NewUser user;
        user.email = demo.email;
        user.name = demo.name;
        user.role = demo.role;
        user.password = fixed_password ? *fixed_password : tokens.new_password();
        std::string const hash = fixed_hash ? *fixed_hash : TRY(hasher.hash(user.password));
        prepared.emplace_back(std::move(user), hash);
    }

    std::vector<DemoLogin> logins;
    UserService users{store, hasher};
    Actor const actor{std::nullopt, "demo", ""};
    TRY(store.transaction([&]() -> Status {
        std::map<DemoOrganisation, Id> ids;
        ids[DemoOrganisation::Secretariat] = TRY(store.organisations().create(
            organisation(OrganisationKind::Secretariat, "Sociaal Werk Nederland", "", "Utrecht",
                         "secretariaat@sociaalwerk.example", "https://www.sociaalwerknederland.nl")));
        ids[DemoOrganisation::WijkKracht] = TRY(store.organisations().create(
            organisation(OrganisationKind::Member, "Stichting WijkKracht", "SWN-1001", "Utrecht",
                         "info@wijkkracht.example", "https://wijkkracht.example")));
        ids[DemoOrganisation::WelzijnSamen] = TRY(store.organisations().create(
            organisation(OrganisationKind::Member, "Welzijn Samen", "SWN-1002", "Zwolle", "info@samenwelzijn.example",
                         "https://samenwelzijn.example")));
        ids[DemoOrganisation::BuurtwerkOost] = TRY(store.organisations().create(
            organisation(OrganisationKind::Member, "Stichting Buurtwerk Oost", "SWN-1003", "Deventer",
                         "info@buurtwerkoost.example", "https://buurtwerkoost.example")));
        ids[DemoOrganisation::BuurtwerkNoord] = TRY(store.organisations().create(
            organisation(OrganisationKind::Member, "Buurtwerk Noord", "SWN-1004", "Groningen", "info@buurtwerk.example",
                         "https://buurtwerk.example")));
        ids[DemoOrganisation::DeBrug] = TRY(store.organisations().create(
            organisation(OrganisationKind::Member, "Welzijnswerk De Brug", "SWN-1005", "Leeuwarden",
                         "info@debrug.example", "https://debrug.example")));
        ids[DemoOrganisation::CiToets] = TRY(store.organisations().create(
            organisation(OrganisationKind::CertificationBody, "CI Toetsbureau", "", "Amersfoort",
                         "info@ci-toets.example", "https://ci-toets.example")));
        // Registry entries, dated from the seeding day so the demo never looks stale.
        Date const today = Date::from_unix_seconds(now);
        TRY(store.registry().save_member({ids[DemoOrganisation::WijkKracht], "41178322", "Wijkplein 12", "3512 AB",
                                          "Anja de Vries", "030 123 45 67", Date::from_ymd(2015, 1, 1), std::nullopt}));
        TRY(store.registry().save_member({ids[DemoOrganisation::WelzijnSamen], "05067342", "Stadsweg 3", "8011 CD",
                                          "Peter Jansen", "038 765 43 21", Date::from_ymd(2012, 1, 1), std::nullopt}));
        TRY(store.registry().save_member({ids[DemoOrganisation::BuurtwerkOost], "62713490", "Brinkstraat 7",
                                          "7411 GH", "Fatima El Amrani", "0570 61 23 45", Date::from_ymd(2018, 1, 1),
                                          std::nullopt}));
        TRY(store.registry().save_member({ids[DemoOrganisation::BuurtwerkNoord], "70412365", "Oosterstraat 21",
                                          "9711 NN", "Sanne Bakker", "050 312 45 67", Date::from_ymd(2014, 1, 1),
                                          std::nullopt}));
        TRY(store.registry().save_member({ids[DemoOrganisation::DeBrug], "58210934", "Brugstraat 4", "8911 AB",
                                          "Jelle Hoekstra", "058 213 45 67", Date::from_ymd(2016, 1, 1), std::nullopt}));
        TRY(store.registry().save_ci({ids[DemoOrganisation::CiToets], "32145678", "Keurlaan 1", "3811 EF",
                                      "033 222 33 44", today.add_days(400), std::nullopt, today.add_days(200), true,
                                      true, "CIIO"}));
        for (std::size_t i = 0; i < prepared.size(); ++i) {
            auto& [user, hash] = prepared[i];
            DemoOrganisation const which = DEMO_USERS[i].organisation;
            if (which != DemoOrganisation::None) {
                user.organisation_id = ids[which];
            }
            auto added = TRY(users.add_user_with_hash(user, hash, actor, now));
            logins.push_back(DemoLogin{added.email, added.role, user.password});
        }
        return ok_status();
    }));
    return logins;
}

}  // namespace sterk
