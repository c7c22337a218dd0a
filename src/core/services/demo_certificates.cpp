#include "core/services/demo_certificates.h"

#include "core/certificate/certificate.h"

#include <map>

namespace sterk {

namespace {

struct DemoHolder {
    char const* name;
    char const* lidnummer;
    char const* town;
    char const* kvk;
    char const* scope;
    int issued_days_ago;
};

// Members that exist only in the register (no logins, no trajectories in the demo).
DemoHolder const OTHER_HOLDERS[] = {
    {"Stichting Buurtkracht Tilburg", "SWN-1011", "Tilburg", "71234509", "Het hele lid", 420},
    {"Sociaal Werk De Kempen", "SWN-1012", "Veldhoven", "64120987", "Werksoorten: opbouwwerk, jongerenwerk", 300},
    {"Welzijn Aan Zee", "SWN-1013", "Den Helder", "58812340", "Het hele lid", 610},
    {"Stichting Samen Sterk Arnhem", "SWN-1014", "Arnhem", "60127845",
     "Werksoorten: maatschappelijk werk, schuldhulpverlening", 150},
    {"Sociaal Werk Súdwest-Fryslân", "SWN-1015", "Sneek", "69921003", "Het hele lid", 45},
};

}  // namespace

Status seed_demo_certificates(Store& store, ProcedureSettings const& procedure, UnixTime now)
{
    Date const today = Date::from_unix_seconds(now);
    std::map<std::string, Organisation> members;
    for (auto const& o : TRY(store.organisations().list())) {
        members[o.lidnummer] = o;
    }
    if (!members.count("SWN-1001") || !members.count("SWN-1002")) {
        return Error::precondition("de demo-organisaties ontbreken; eerst seed_demo");
    }
    std::map<int, int> sequences;  // per year
    auto const issue = [&](Organisation const& member, std::string const& kvk, std::string const& scope,
                           Date decided) -> Result<Certificate> {
        int const year = decided.year();
        CertificateDraft const draft{member.id, member.name, member.city, kvk, member.lidnummer, scope, std::nullopt};
        auto const certificate =
            TRY(issue_certificate(draft, decided, certificate_term(procedure, decided), ++sequences[year]));
        TRY(store.certificates().create(certificate, search_text(certificate), now));
        return certificate;
    };
    return store.transaction([&]() -> Status {
        // WijkKracht: expires about three months from now (its waiting request renews it).
        auto const term_days = certificate_term(procedure, today).expires.days_since_epoch() - today.days_since_epoch();
        TRY(issue(members["SWN-1001"], "41178322", "Het hele lid", today.add_days(90 - static_cast<int>(term_days))));
        // Welzijn Samen: expired three weeks ago; its audit was accepted before that, so suspended.
        auto const welzijn = TRY(issue(members["SWN-1002"], "05067342", "Het hele lid",
                                       today.add_days(-21 - static_cast<int>(term_days))));
        Renewal renewal;
        renewal.accepted_on = today.add_days(-57);
        TRY(store.certificates().set_renewal(welzijn.number, renewal));
        for (auto const& holder : OTHER_HOLDERS) {
            Organisation org;
            org.kind = OrganisationKind::Member;
            org.name = holder.name;
            org.lidnummer = holder.lidnummer;
            org.city = holder.town;
            Id const id = TRY(store.organisations().create(org));
            org.id = id;
            TRY(store.registry().save_member(
                {id, holder.kvk, "", "", "", "", Date::from_ymd(2015, 1, 1), std::nullopt}));
            TRY(issue(org, holder.kvk, holder.scope, today.add_days(-holder.issued_days_ago)));
        }
        return ok_status();
    });
}

}  // namespace sterk
