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
    std::string const payload = build_mime_message(m_settings.from, message, rfc5322_date_now(),
                                                   new_message_id(m_settings.from));
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

Status LogMailer::send(MailMessage const& message)
{
    spdlog::warn("geen SMTP-server ingesteld (--smtp-url): e-mail aan {} met onderwerp \"{}\" niet verstuurd",
                 message.to, message.subject);
    return ok_status();
}

QueuedMailer::QueuedMailer(std::unique_ptr<Mailer> inner) : m_inner(std::move(inner))
{
    m_thread = std::thread([this] { run(); });
}

QueuedMailer::~QueuedMailer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

Status QueuedMailer::send(MailMessage const& message)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() >= 1000) {
            return Error{ErrorCode::Unavailable, "e-mailwachtrij is vol", {}};
        }
        m_queue.push_back(message);
    }
    m_wake.notify_one();
    return ok_status();
}

void QueuedMailer::run()
{
    for (;;) {
        MailMessage message;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty()) {
                return;  // stopping, and everything is sent
            }
            message = std::move(m_queue.front());
            m_queue.pop_front();
        }
        auto sent = m_inner->send(message);
        if (!sent) {
            spdlog::error("e-mail aan {} niet verstuurd: {}", message.to, sent.error().message);
        } else {
            spdlog::info("e-mail verstuurd aan {}", message.to);
        }
    }
}

}  // namespace sterk
