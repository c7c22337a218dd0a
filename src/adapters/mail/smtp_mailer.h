// File: smtp_mailer.h
// The Mailer port over SMTP with libcurl, plus a queue that sends in the background so a request
// never waits for (or reveals by its timing) a mail server. libcurl sends headers as given, so
// non-ASCII subjects and names are RFC 2047-encoded here.
#pragma once

#include "core/services/mailer.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace sterk {

struct SmtpSettings {
    std::string url;  // smtp://host:port or smtps://host:port
    std::string from;  // "Sterklabel <noreply@example.org>" or a bare address
    std::string user;
    std::string password;
};

// SmtpMailer: sends one message per call, synchronously (10 s timeout).
class SmtpMailer final : public Mailer {
public:
    explicit SmtpMailer(SmtpSettings settings);
    Status send(MailMessage const& message) override;

private:
    SmtpSettings m_settings;
};

// LogMailer: used when no SMTP server is configured: every send fails with Unavailable ("geen
// SMTP-server ingesteld"), so the queue logs it as not sent and the failure is audited.
class LogMailer final : public Mailer {
public:
    Status send(MailMessage const& message) override;
};

// DemoLogMailer: `serve --demo` without SMTP: nothing is sent; the whole message, link included,
// goes to the server log so a demo user can follow it. Pair it with
// QueuedMailer::set_delivered_text so the log does not claim the mail was sent.
class DemoLogMailer final : public Mailer {
public:
    Status send(MailMessage const& message) override;
};

// QueuedMailer: send() queues the message and returns; one background thread hands it to the
// inner mailer. A failure is logged with the recipient's domain only and passed to the failure
// handler (the serve command records it in the audit log). shutdown() (also run by the
// destructor) sends what is queued until the deadline, then gives up on the rest, so stopping
// the server never waits for a slow mail server longer than that.
class QueuedMailer final : public Mailer {
public:
    using FailureHandler = std::function<void(MailMessage const& message, Error const& error)>;

    explicit QueuedMailer(std::unique_ptr<Mailer> inner,
                          std::chrono::milliseconds shutdown_deadline = std::chrono::seconds(5));
    ~QueuedMailer() override;
    QueuedMailer(QueuedMailer const&) = delete;
    QueuedMailer& operator=(QueuedMailer const&) = delete;

    Status send(MailMessage const& message) override;

    // set_delivered_text: how the log describes a message the inner mailer accepted (default
    // "verstuurd"; the demo mailer only writes it to the log).
    void set_delivered_text(std::string text);

    // set_failure_handler: called on the mail thread for every message the inner mailer refused;
    // never called any more once shutdown() has returned.
    void set_failure_handler(FailureHandler handler);

    // shutdown: stops taking mail, waits up to the deadline for the queue to empty and returns how
    // many mails were not sent (logged too). Later calls return 0.
    std::size_t shutdown();

private:
    struct State;
    static void run(std::shared_ptr<State> state);

    // Shared with the mail thread, which may outlive this object by one send after a deadline.
    std::shared_ptr<State> m_state;
    std::chrono::milliseconds m_shutdown_deadline;
    std::thread m_thread;
    bool m_shut_down = false;
};

// recipient_domain: "Anna <anna@wijkkracht.example>" → "wijkkracht.example" (for logs: no
// personal data).
std::string recipient_domain(std::string_view mailbox);

// encode_header_text: RFC 2047 encoded-words (UTF-8, base64) when `text` is not plain ASCII;
// each word at most 75 characters, words folded onto continuation lines.
std::string encode_header_text(std::string_view text);

// mail_address: the bare address of "Name <a@b>" (or the input when it has no angle brackets).
std::string mail_address(std::string_view mailbox);

// encode_quoted_printable: RFC 2045 quoted-printable, CRLF line ends, lines at most 76 characters.
std::string encode_quoted_printable(std::string_view text);

// build_mime_message: the full RFC 5322 message (headers, blank line, body) with CRLF line ends.
// `date` is an RFC 5322 date, `message_id` without angle brackets.
std::string build_mime_message(std::string const& from, MailMessage const& message, std::string const& date,
                               std::string const& message_id);

}  // namespace sterk
