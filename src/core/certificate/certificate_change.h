// File: certificate_change.h
// CertificateChange: a certificate the secretariat corrected (reissued under a new number) or
// withdrew after issue; the parties told of its issue (B6 §15: the member, its CI, the committee)
// hear of the change too. CertificateAnnouncer is the port CertificateService tells, inside the
// change's own transaction, so the messages are written exactly when the change is.
#pragma once

#include "core/certificate/certificate.h"
#include "core/result.h"

#include <string>

namespace sterk {

enum class CertificateChangeKind { Reissued, Withdrawn };
// The outbox kind of the message: "certificate.reissued", "certificate.withdrawn".
inline std::string certificate_change_kind_key(CertificateChangeKind kind)
{
    return kind == CertificateChangeKind::Reissued ? "certificate.reissued" : "certificate.withdrawn";
}

struct CertificateChange {
    CertificateChangeKind kind = CertificateChangeKind::Reissued;
    Certificate certificate;  // the replacement of a reissue, or the withdrawn certificate
    std::string previous_number;  // a reissue: the number it supersedes
    Date on = Date::from_ymd(1970, 1, 1);
};

class CertificateAnnouncer {
public:
    virtual ~CertificateAnnouncer() = default;
    virtual Status announce(CertificateChange const& change, UnixTime now) = 0;
};

}  // namespace sterk
