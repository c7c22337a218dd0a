// CertificateService::import_register (certificate_service.h): the register kept before this
// system, loaded in one transaction after every row passed its checks. In a file of its own: it
// shares nothing with the trajectory's event effects but the service's register cache.
#include "core/services/certificate_service.h"

#include "core/text.h"

#include <algorithm>
#include <map>
#include <set>

namespace sterk {

namespace {

// ImportPlan: what the checked file asks of the database.
struct ImportPlan {
    std::vector<std::pair<RegisterRow const*, Certificate>> certificates;  // member_id 0: a new member
    std::set<std::string> matched;
    std::set<std::string> created;
};

std::string organisation_names(std::vector<Organisation> const& organisations)
{
    std::vector<std::string> names;
    for (auto const& o : organisations) {
        names.push_back(o.name);
    }
    return join(names);
}

// new_member: the organisation a lidnummer not yet known becomes: its name as on the certificate,
// its town from the first of its rows that has one.
Organisation new_member(std::string const& lidnummer, std::vector<RegisterRow> const& rows)
{
    Organisation o;
    o.kind = OrganisationKind::Member;
    o.lidnummer = lidnummer;
    for (auto const& row : rows) {
        if (row.lidnummer != lidnummer) {
            continue;
        }
        if (o.name.empty()) {
            o.name = row.naam;
        }
        if (o.city.empty()) {
            o.city = row.plaats;
        }
    }
    return o;
}

std::string first_kvk(std::string const& lidnummer, std::vector<RegisterRow> const& rows)
{
    for (auto const& row : rows) {
        if (row.lidnummer == lidnummer && !row.kvk.empty()) {
            return row.kvk;
        }
    }
    return {};
}

std::string summary_text(RegisterImportSummary const& s)
{
    return std::to_string(s.rows) + " regels: " + std::to_string(s.members_created) + " leden aangemaakt, " +
           std::to_string(s.members_matched) + " gevonden; " + std::to_string(s.certificates_imported) +
           " certificaten geïmporteerd, " + std::to_string(s.certificates_present) + " al aanwezig";
}

}  // namespace

Result<RegisterImport> CertificateService::import_register(Principal const& caller, Actor const& actor,
                                                           std::string const& csv, Date today, UnixTime now,
                                                           RegisterImportOptions const& options)
{
    if (caller.role != Role::Secretariat) {
        return Error{ErrorCode::PermissionDenied, "Alleen het secretariaat importeert het register.", {}};
    }
    RegisterImport result;
    auto const file = read_register_csv(csv, today);
    // The rows that could be read are checked against the database even when others could not,
    // so one round of corrections can fix everything; with any problem nothing is written.
    result.problems = file.problems;
    auto& summary = result.summary;
    summary.rows = static_cast<int>(file.rows.size());
    forget_listed();
    TRY(m_store.transaction([&]() -> Status {
        // One import at a time: two at once would both create the member of a new lidnummer.
        TRY(m_store.login_attempts().lock("register-import"));
        std::map<std::string, std::vector<Organisation>> members;
        for (auto const& o : TRY(m_store.organisations().list())) {
            if (o.kind == OrganisationKind::Member && !o.lidnummer.empty()) {
                members[o.lidnummer].push_back(o);
            }
        }
        std::map<int, std::vector<int>> sequences;  // per year, read once
        ImportPlan plan;
        int checked = 0;
        for (auto const& row : file.rows) {
            if (options.on_row_checked) {
                options.on_row_checked(++checked, summary.rows);
            }
            Id member_id = 0;
            if (auto const found = members.find(row.lidnummer); found != members.end()) {
                if (found->second.size() > 1) {
                    result.problems.push_back({row.line, "lidnummer",
                                               "lidnummer " + row.lidnummer + " hoort bij " +
                                                   std::to_string(found->second.size()) + " leden (" +
                                                   organisation_names(found->second) +
                                                   "); maak het eerst bij één lid uniek"});
                    continue;
                }
                member_id = found->second.front().id;
                plan.matched.insert(row.lidnummer);
            }
            auto certificate = TRY(imported_certificate(row, member_id));
            if (auto const stored = TRY(m_store.certificates().find(certificate.number))) {
                auto const differ = differences(*stored, certificate);
                if (differ.empty()) {
                    ++summary.certificates_present;
                } else {
                    result.problems.push_back({row.line, "certificaatnummer",
                                               certificate.number + " staat al in het register met een andere " +
                                                   join(differ) + "; een certificaat verandert niet na uitgifte"});
                }
                continue;
            }
            auto year = sequences.find(certificate.year);
            if (year == sequences.end()) {
                year = sequences.emplace(certificate.year, TRY(m_store.certificates().sequences_in_year(certificate.year)))
                           .first;
            }
            if (std::find(year->second.begin(), year->second.end(), certificate.sequence) != year->second.end()) {
                result.problems.push_back({row.line, "certificaatnummer",
                                           "volgnummer " + std::to_string(certificate.sequence) + " van " +
                                               std::to_string(certificate.year) +
                                               " is al aan een ander certificaat in het register gegeven"});
                continue;
            }
            if (member_id == 0) {
                plan.created.insert(row.lidnummer);
            }
            if (live_status(m_procedure, certificate, today).status == CertificateStatus::Lapsed) {
                ++summary.certificates_lapsed;
            }
            plan.certificates.emplace_back(&row, std::move(certificate));
        }
        summary.members_matched = static_cast<int>(plan.matched.size());
        summary.members_created = static_cast<int>(plan.created.size());
        summary.certificates_imported = static_cast<int>(plan.certificates.size());
        if (!result.problems.empty() || options.mode == ImportMode::CheckOnly) {
            return ok_status();  // nothing was written
        }
        std::map<std::string, Id> created;
        for (auto& [row, certificate] : plan.certificates) {
            if (certificate.member_id == 0) {
                auto& id = created[row->lidnummer];
                if (id == 0) {
                    id = TRY(m_store.organisations().create(new_member(row->lidnummer, file.rows)));
                    if (auto const kvk = first_kvk(row->lidnummer, file.rows); !kvk.empty()) {
                        MemberProfile profile;
                        profile.organisation_id = id;
                        profile.kvk = kvk;
                        TRY(m_store.registry().save_member(profile));
                    }
                }
                certificate.member_id = id;
            }
            TRY(m_store.certificates().create(certificate, search_text(certificate), now));
        }
        auto entry = audit_entry(now, "register.import", actor.email, actor.ip, actor.user_id, summary_text(summary));
        entry.subject = "register";
        TRY(m_store.audit_log().append(entry));
        result.written = true;
        return ok_status();
    }));
    forget_listed();  // also what a search read while the transaction ran
    if (!result.problems.empty()) {
        std::stable_sort(result.problems.begin(), result.problems.end(),
                         [](ImportProblem const& a, ImportProblem const& b) { return a.line < b.line; });
        result.summary = RegisterImportSummary{summary.rows, 0, 0, 0, 0, 0};
    }
    return result;
}

}  // namespace sterk
