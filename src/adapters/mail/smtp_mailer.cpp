#include "adapters/mail/smtp_mailer.h"

#include <curl/curl.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <array>
#include <cstring>
#include <ctime>

namespace sterk {

namespace {

constexpr std::string_view BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view bytes)
{
    std::string out;
    std::size_t i = 0;
    while (i + 2 < bytes.size()) {
        unsigned const n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8)
                           | static_cast<unsigned char>(bytes[i + 2]);
        out += BASE64_ALPHABET[(n >> 18) & 63];
        out += BASE64_ALPHABET[(n >> 12) & 63];
        out += BASE64_ALPHABET[(n >> 6) & 63];
        out += BASE64_ALPHABET[n & 63];
        i += 3;
    }
    std::size_t const rest = bytes.size() - i;
    if (rest == 1) {
        unsigned const n = static_cast<unsigned char>(bytes[i]) << 16;
        out += BASE64_ALPHABET[(n >> 18) & 63];
        out += BASE64_ALPHABET[(n >> 12) & 63];
        out += "==";
    } else if (rest == 2) {
        unsigned const n = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
        out += BASE64_ALPHABET[(n >> 18) & 63];
        out += BASE64_ALPHABET[(n >> 12) & 63];
        out += BASE64_ALPHABET[(n >> 6) & 63];
        out += '=';
    }
    return out;
}

bool is_plain_ascii(std::string_view text)
{
    for (char c : text) {
        auto const u = static_cast<unsigned char>(c);
        if (u >= 0x80 || u < 0x20) {
            return false;
        }
    }
    return true;
}

// Header values must not smuggle in line breaks (header injection).
std::string single_line(std::string_view text)
{
    std::string out;
    for (char c : text) {
        out += (c == '\r' || c == '\n') ? ' ' : c;
    }
    return out;
}

std::string rfc5322_date_now()
{
    std::time_t const now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::array<char, 64> buffer{};
    std::strftime(buffer.data(), buffer.size(), "%a, %d %b %Y %H:%M:%S +0000", &tm);
    return buffer.data();
}

std::string new_message_id(std::string const& from)
{
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, 33> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    std::string const address = mail_address(from);
    auto const at = address.find('@');
    std::string const domain = at == std::string::npos ? "sterklabel.invalid" : address.substr(at + 1);
    return std::string{hex.data()} + "@" + domain;
}

struct Upload {
    std::string const* data;
    std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user)
{
    auto* upload = static_cast<Upload*>(user);
    std::size_t const room = size * count;
    std::size_t const left = upload->data->size() - upload->offset;
    std::size_t const n = left < room ? left : room;
    std::memcpy(buffer, upload->data->data() + upload->offset, n);
    upload->offset += n;
    return n;
}

}  // namespace

std::string encode_header_text(std::string_view text)
{
    std::string const clean = single_line(text);
    if (is_plain_ascii(clean)) {
        return clean;
    }
    // 45 bytes become 60 base64 characters; with "=?UTF-8?B?" and "?=" a word stays under 75.
    constexpr std::size_t MAX_CHUNK = 45;
    std::string out;
    std::size_t begin = 0;
    while (begin < clean.size()) {
        std::size_t end = begin + MAX_CHUNK < clean.size() ? begin + MAX_CHUNK : clean.size();
        // Never split a UTF-8 sequence: back up to the start of a character.
        while (end < clean.size() && end > begin && (static_cast<unsigned char>(clean[end]) & 0xC0) == 0x80) {
            --end;
        }
        if (!out.empty()) {
            out += "\r\n ";
        }
        out += "=?UTF-8?B?" + base64(std::string_view{clean}.substr(begin, end - begin)) + "?=";
        begin = end;
    }
    return out;
}

std::string mail_address(std::string_view mailbox)
{
    auto const open = mailbox.rfind('<');
    auto const close = mailbox.rfind('>');
    if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
        return std::string{mailbox.substr(open + 1, close - open - 1)};
    }
    return single_line(mailbox);
}

std::string encode_quoted_printable(std::string_view text)
{
    constexpr char const* HEX = "0123456789ABCDEF";
    std::string out;
    std::size_t line_length = 0;
    auto emit = [&](std::string const& piece) {
        if (line_length + piece.size() > 75) {
            out += "=\r\n";
            line_length = 0;
        }
        out += piece;
        line_length += piece.size();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char const c = text[i];
        if (c == '\r') {
            continue;
        }
        if (c == '\n') {
            // Trailing whitespace before a line break must be encoded.
            if (!out.empty() && (out.back() == ' ' || out.back() == '\t') && line_length > 0) {
                char const last = out.back();
                out.pop_back();
                --line_length;
                emit(last == ' ' ? "=20" : "=09");
            }
            out += "\r\n";
            line_length = 0;
            continue;
        }
        auto const u = static_cast<unsigned char>(c);
        bool const literal = (u >= 33 && u <= 126 && c != '=') || c == ' ' || c == '\t';
        // A leading dot is encoded too, so no SMTP dot-stuffing question arises.
        if (literal && !(c == '.' && line_length == 0)) {
            emit(std::string(1, c));
        } else {
            emit(std::string{'=', HEX[u >> 4], HEX[u & 15]});
        }
    }
    if (!out.empty() && out.substr(out.size() < 2 ? 0 : out.size() - 2) != "\r\n") {
        out += "\r\n";
    }
    return out;
}

std::string build_mime_message(std::string const& from, MailMessage const& message, std::string const& date,
                               std::string const& message_id)
{
    std::string from_header = single_line(from);
    auto const open = from_header.rfind('<');
    if (open != std::string::npos && open > 0) {
        std::string name = from_header.substr(0, open);
        while (!name.empty() && name.back() == ' ') {
            name.pop_back();
        }
        from_header = encode_header_text(name) + " " + from_header.substr(open);
    }
    std::string out;
    out += "Date: " + date + "\r\n";
    out += "From: " + from_header + "\r\n";
    out += "To: " + single_line(message.to) + "\r\n";
    out += "Subject: " + encode_header_text(message.subject) + "\r\n";
    out += "Message-ID: <" + message_id + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: quoted-printable\r\n";
    out += "\r\n";
    out += encode_quoted_printable(message.text);
    return out;
}

SmtpMailer::SmtpMailer(SmtpSettings settings) : m_settings(std::move(settings)) {}

Status SmtpMailer::send(MailMessage const& message)
{
    std::string const payload =
        build_mime_message(m_settings.from, message, rfc5322_date_now(),
                           message.message_id.empty() ? new_message_id(m_settings.from) : message.message_id);
    CURL* curl = curl_easy_init();
    if (curl == nullptr) {
        return Error{ErrorCode::Unavailable, "e-mail: libcurl kon niet starten", {}};
    }
    std::string const from = "<" + mail_address(m_settings.from) + ">";
    std::string const to = "<" + mail_address(message.to) + ">";
    curl_slist* recipients = curl_slist_append(nullptr, to.c_str());
    Upload upload{&payload, 0};
    curl_easy_setopt(curl, CURLOPT_URL, m_settings.url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 5L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    if (!m_settings.user.empty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, m_settings.user.c_str());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, m_settings.password.c_str());
        // Credentials only over TLS: STARTTLS is required on smtp://.
        curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
    }
    CURLcode const code = curl_easy_perform(curl);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (code != CURLE_OK) {
        return Error{ErrorCode::Unavailable, std::string{"e-mail niet verstuurd: "} + curl_easy_strerror(code), {}};
    }
    return ok_status();
}

Status LogMailer::send(MailMessage const&)
{
    // Not sent, and said so: the queue logs it as not sent and the failure is audited.
    return Error{ErrorCode::Unavailable, "geen SMTP-server ingesteld (--smtp-url)", {}};
}

Status DemoLogMailer::send(MailMessage const& message)
{
    spdlog::info("demo, geen SMTP-server: e-mail NIET verstuurd; dit had de ontvanger gekregen:\n"
                 "----- Aan: {}\n----- Onderwerp: {}\n{}----- einde e-mail",
                 message.to, message.subject, message.text);
    return ok_status();
}

std::string recipient_domain(std::string_view mailbox)
{
    std::string const address = mail_address(mailbox);
    auto const at = address.rfind('@');
    return at == std::string::npos ? std::string{"?"} : address.substr(at + 1);
}

struct QueuedMailer::State {
    explicit State(std::unique_ptr<Mailer> inner) : inner(std::move(inner)) {}

    std::unique_ptr<Mailer> inner;
    std::mutex mutex;
    std::condition_variable wake;  // the mail thread: work or stop
    std::condition_variable idle;  // shutdown(): queue empty and nothing in flight
    std::deque<MailMessage> queue;
    FailureHandler on_failure;
    std::string delivered_text = "verstuurd";
    bool busy = false;
    bool stopping = false;
    bool abandoned = false;  // shutdown gave up: drop everything, call nothing
};

QueuedMailer::QueuedMailer(std::unique_ptr<Mailer> inner, std::chrono::milliseconds shutdown_deadline)
    : m_state(std::make_shared<State>(std::move(inner))), m_shutdown_deadline(shutdown_deadline)
{
    m_thread = std::thread([state = m_state] { run(state); });
}

QueuedMailer::~QueuedMailer()
{
    shutdown();
}

void QueuedMailer::set_delivered_text(std::string text)
{
    std::lock_guard lock(m_state->mutex);
    m_state->delivered_text = std::move(text);
}

void QueuedMailer::set_failure_handler(FailureHandler handler)
{
    std::lock_guard lock(m_state->mutex);
    m_state->on_failure = std::move(handler);
}

Status QueuedMailer::send(MailMessage const& message)
{
    {
        std::lock_guard lock(m_state->mutex);
        if (m_state->stopping) {
            return Error{ErrorCode::Unavailable, "de server stopt; e-mail niet verstuurd", {}};
        }
        if (m_state->queue.size() >= 1000) {
            return Error{ErrorCode::Unavailable, "e-mailwachtrij is vol", {}};
        }
        m_state->queue.push_back(message);
    }
    m_state->wake.notify_one();
    return ok_status();
}

std::size_t QueuedMailer::shutdown()
{
    if (m_shut_down) {
        return 0;
    }
    m_shut_down = true;
    std::size_t unsent = 0;
    {
        std::unique_lock lock(m_state->mutex);
        m_state->stopping = true;
        m_state->wake.notify_all();
        bool const drained = m_state->idle.wait_for(lock, m_shutdown_deadline, [this] {
            return m_state->queue.empty() && !m_state->busy;
        });
        if (!drained) {
            unsent = m_state->queue.size() + (m_state->busy ? 1 : 0);
            m_state->queue.clear();
            m_state->abandoned = true;
        }
    }
    if (unsent == 0) {
        m_thread.join();
        return 0;
    }
    // The thread is stuck in one send (up to the SMTP timeout); it owns what it uses and ends on
    // its own without touching anything else.
    m_thread.detach();
    spdlog::warn("stoppen: {} e-mail(s) niet verstuurd (de mailserver antwoordde niet binnen {} ms)", unsent,
                 m_shutdown_deadline.count());
    return unsent;
}

void QueuedMailer::run(std::shared_ptr<State> state)
{
    for (;;) {
        MailMessage message;
        {
            std::unique_lock lock(state->mutex);
            state->wake.wait(lock, [&] { return state->stopping || !state->queue.empty(); });
            if (state->abandoned || state->queue.empty()) {
                state->idle.notify_all();
                return;  // stopping, and everything is sent (or given up)
            }
            message = std::move(state->queue.front());
            state->queue.pop_front();
            state->busy = true;
        }
        auto sent = state->inner->send(message);
        std::lock_guard lock(state->mutex);
        state->busy = false;
        if (state->abandoned) {
            return;
        }
        std::string const domain = recipient_domain(message.to);
        if (!sent) {
            spdlog::error("e-mail aan een adres bij {} niet verstuurd: {}", domain, sent.error().message);
            // Under the lock, so that no handler runs any more once shutdown() has given up.
            if (state->on_failure) {
                state->on_failure(message, sent.error());
            }
        } else {
            spdlog::info("e-mail {} (aan een adres bij {})", state->delivered_text, domain);
        }
        state->idle.notify_all();
    }
}

}  // namespace sterk
