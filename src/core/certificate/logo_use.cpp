#include "core/certificate/logo_use.h"

namespace sterk {

Result<LabelLogo> logo_for(Certificate const& certificate, LiveStatus const& live)
{
    switch (live.status) {
    case CertificateStatus::Valid: {
        int const year = certificate.valid_from.year();
        return LabelLogo{certificate.number, year,
                         "Kwaliteitslabel Sterk Sociaal Werk, gecertificeerd " + std::to_string(year)};
    }
    case CertificateStatus::Superseded:
        return Error::precondition("Certificaat " + certificate.number + " is vervangen door " +
                                   certificate.superseded_by + "; gebruik het logo van dat certificaat.");
    case CertificateStatus::Suspended:
    case CertificateStatus::Lapsed:
    case CertificateStatus::Withdrawn:
        break;
    }
    return Error::precondition("Certificaat " + certificate.number + " is " + certificate_status_dutch(live.status) +
                               " sinds " + live.since.dutch_long() +
                               ". Sinds die dag mag het logo van het label niet meer gebruikt worden.");
}

}  // namespace sterk
