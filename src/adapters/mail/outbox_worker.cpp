#include "adapters/mail/outbox_worker.h"

#include "adapters/mail/smtp_mailer.h"

#include <sodium.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <array>

namespace sterk {

namespace {

std::string lease_owner_name()
{
    std::array<char, 256> host{};
    if (gethostname(host.data(), host.size() - 1) != 0) {
        host[0] = '\0';
    }
    std::array<unsigned char, 6> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, 13> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    return std::string{host.data()} + ":" + std::to_string(getpid()) + ":" + hex.data();
}

}  // namespace

UnixTime backoff_delay(OutboxWorkerSettings const& settings, int failures)
{
    long long ms = settings.backoff_base.count();
    long long const cap = ms * 30;
    for (int i = 1; i < failures && ms < cap; ++i) {
        ms *= 2;
    }
    ms = ms < cap ? ms : cap;
    return static_cast<UnixTime>((ms + 999) / 1000);
}

OutboxWorker::OutboxWorker(Store& store, Mailer& mailer, OutboxWorkerSettings settings, std::function<UnixTime()> clock)
    : m_store(store), m_mailer(mailer), m_settings(std::move(settings)), m_clock(std::move(clock)),
      m_owner(lease_owner_name())
{
}

OutboxWorker::~OutboxWorker()
{
    stop();
}

void OutboxWorker::start()
{
    m_thread = std::thread([this] { run(); });
}

void OutboxWorker::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_cv.notify_one();
}

void OutboxWorker::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_cv.notify_one();
    if (m_thread.joinable()) {
        m_thread.join();
    }
}

bool OutboxWorker::send_one()
{
    UnixTime const now = m_clock();
    auto claimed = m_store.outbox().claim_due(now, m_owner, now + m_settings.lease.count(), 1);
    if (!claimed) {
        spdlog::error("outbox: berichten ophalen mislukt: {}", claimed.error().message);
        return false;
    }
    if (claimed->empty()) {
        return false;
    }
    OutboxMessage const& row = claimed->front();
    MailMessage mail{row.recipient, row.subject, row.body};
    mail.message_id = "outbox-" + std::to_string(row.id) + "@" + m_settings.message_id_domain;
    auto const sent = m_mailer.send(mail);
    UnixTime const at = m_clock();
    std::string const domain = recipient_domain(row.recipient);
    if (sent) {
        if (auto marked = m_store.outbox().mark_sent(row.id, m_owner, at, m_settings.delivered_note); !marked) {
            spdlog::error("outbox: bericht {} verstuurd maar niet als verstuurd vastgelegd: {}", row.id,
                          marked.error().message);
        } else {
            spdlog::info("outbox: bericht {} ({}) {} (aan een adres bij {})", row.id, row.kind,
                         m_settings.delivered_note.empty() ? std::string{"verstuurd"} : m_settings.delivered_note,
                         domain);
        }
        return true;
    }
    int const failures = row.attempts + 1;
    UnixTime const first_failed = row.first_failed_at.value_or(at);
    std::optional<UnixTime> next = at + backoff_delay(m_settings, failures);
    if (at - first_failed >= m_settings.give_up.count()) {
        next.reset();
    }
    if (auto marked = m_store.outbox().mark_attempt_failed(row.id, m_owner, at, sent.error().message, next); !marked) {
        spdlog::error("outbox: mislukte poging van bericht {} niet vastgelegd: {}", row.id, marked.error().message);
    } else if (next) {
        spdlog::warn("outbox: bericht {} aan een adres bij {} niet verstuurd (poging {}; opnieuw over {} s): {}", row.id,
                     domain, failures, *next - at, sent.error().message);
    } else {
        spdlog::error("outbox: bericht {} aan een adres bij {} opgegeven na {} pogingen: {}", row.id, domain, failures,
                      sent.error().message);
    }
    return true;
}

int OutboxWorker::send_due()
{
    int handled = 0;
    while (send_one()) {
        ++handled;
    }
    return handled;
}

void OutboxWorker::run()
{
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping) {
                return;
            }
            m_woken = false;
        }
        // One row at a time, checking for a stop between rows: the message in flight is finished
        // and recorded, nothing new is taken.
        for (;;) {
            {
                std::lock_guard lock(m_mutex);
                if (m_stopping) {
                    return;
                }
            }
            if (!send_one()) {
                break;
            }
        }
        std::unique_lock lock(m_mutex);
        m_cv.wait_for(lock, m_settings.poll, [this] { return m_stopping || m_woken; });
    }
}

}  // namespace sterk
