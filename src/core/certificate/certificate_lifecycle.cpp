// The certificate's part of the daily job: see certificate_lifecycle.h.
#include "core/certificate/certificate_lifecycle.h"

namespace sterk {

std::string certificate_effect_kind_key(CertificateEffectKind kind)
{
    switch (kind) {
    case CertificateEffectKind::Reminder: return "certificate.reminder";
    case CertificateEffectKind::Notice: return "certificate.notice";
    case CertificateEffectKind::Suspended: return "certificate.suspended";
    case CertificateEffectKind::Lapsed: return "certificate.lapsed";
    }
    return "certificate";
}

std::vector<CertificateEffect> certificate_effects(ProcedureSettings const& procedure,
                                                   std::vector<Certificate> const& certificates, Date today,
                                                   std::set<std::string> const& applied)
{
    std::vector<CertificateEffect> out;
    auto const add = [&](CertificateEffect effect) {
        if (!applied.count(effect.key)) {
            out.push_back(std::move(effect));
        }
    };
    for (auto const& c : certificates) {
        if (c.status == CertificateStatus::Withdrawn || c.status == CertificateStatus::Superseded) {
            continue;
        }
        auto const now = live_status(procedure, c, today);
        if (today < c.expires) {
            std::optional<Date> reminder;
            for (auto const day : reminder_dates(procedure, c.expires, c.renewal.accepted_on)) {
                if (day <= today) {
                    reminder = day;
                }
            }
            if (reminder) {
                add({CertificateEffectKind::Reminder, "certificate-reminder:" + c.number + ":" + reminder->iso(), c,
                     *reminder, now});
            }
            auto const notice = expiry_notice_date(procedure, c.expires);
            if (notice <= today) {
                add({CertificateEffectKind::Notice, "certificate-notice:" + c.number + ":" + c.expires.iso(), c, notice,
                     live_status(procedure, c, c.expires)});
            }
            continue;
        }
        if (now.status == CertificateStatus::Suspended) {
            add({CertificateEffectKind::Suspended, "certificate-suspended:" + c.number, c, now.since, now});
        } else if (now.status == CertificateStatus::Lapsed) {
            add({CertificateEffectKind::Lapsed, "certificate-lapsed:" + c.number, c, now.since, now});
        }
    }
    return out;
}

}  // namespace sterk
