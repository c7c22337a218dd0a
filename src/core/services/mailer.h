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
    // message_id: the Message-ID without angle brackets, stable for one outbox row so a message
    // sent twice after a crash is recognisably the same; empty: the adapter makes a random one.
    std::string message_id{};
};

class Mailer {
public:
    virtual ~Mailer() = default;
    // send: Ok once the message is handed over (an adapter may queue it); Unavailable otherwise.
    virtual Status send(MailMessage const& message) = 0;
};

}  // namespace sterk
