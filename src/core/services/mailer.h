// File: mailer.h
// Mailer: the port for sending e-mail (SMTP through libcurl in src/adapters/mail).
#pragma once

#include "core/result.h"

#include <string>

namespace sterk {

// MailMessage: a plain-text message to one recipient. The adapter encodes headers.
struct MailMessage {
    std::string to;
    std::string subject;
    std::string text;
};

class Mailer {
public:
    virtual ~Mailer() = default;
    // send: Ok once the message is handed over (an adapter may queue it); Unavailable otherwise.
    virtual Status send(MailMessage const& message) = 0;
};

}  // namespace sterk
