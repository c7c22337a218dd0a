// sterklabel-bench-outbox --smtp-url smtp://127.0.0.1:PORT [--count N]: the outbox's throughput to
// a local SMTP sink (issue 10, `make bench`): N rows queued in a fresh SQLite outbox, then sent by
// the worker's own loop (claim under a lease, SMTP through libcurl, record), one at a time.
// Prints QUEUED_MS, SENT_MS and MSGS_PER_S.
#include "adapters/mail/outbox_worker.h"
#include "adapters/mail/smtp_mailer.h"
#include "adapters/storage/open_store.h"

#include <curl/curl.h>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    std::string url;
    int count = 200;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string const flag = argv[i];
        if (flag == "--smtp-url") {
            url = argv[i + 1];
        } else if (flag == "--count") {
            count = std::stoi(argv[i + 1]);
        }
    }
    if (url.empty() || sodium_init() < 0) {
        std::cerr << "gebruik: sterklabel-bench-outbox --smtp-url smtp://HOST:POORT [--count N]\n";
        return 2;
    }
    curl_global_init(CURL_GLOBAL_DEFAULT);
    spdlog::set_level(spdlog::level::warn);
    auto const dir = std::filesystem::temp_directory_path() / ("sterk-bench-outbox-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto store = sterk::open_store("sqlite:" + (dir / "bench.db").string(), sterk::MigrationMode::Migrate);
    if (!store) {
        std::cerr << store.error().message << "\n";
        return 1;
    }
    auto const now = static_cast<sterk::UnixTime>(std::time(nullptr));
    using Clock = std::chrono::steady_clock;
    auto const t0 = Clock::now();
    for (int i = 0; i < count; ++i) {
        sterk::OutboxMessage message;
        message.recipient = "ontvanger-" + std::to_string(i) + "@wijkkracht.example";
        message.kind = "concept_sent";
        message.subject = "Sterklabel: Conceptrapport verstuurd – Stichting WijkKracht";
        message.body = "Beste Anna,\n\nIn het traject van Stichting WijkKracht is vastgelegd: Conceptrapport verstuurd.\n\n"
                       "Bekijk het traject: https://sterk.example/trajecten/1\n";
        message.link = "/trajecten/1";
        message.created_at = now;
        message.next_attempt_at = now;
        if (auto added = (*store)->outbox().add(message); !added) {
            std::cerr << added.error().message << "\n";
            return 1;
        }
    }
    auto const t1 = Clock::now();
    sterk::SmtpMailer mailer{sterk::SmtpSettings{url, "Sterklabel <noreply@sterklabel.example>", "", ""}};
    sterk::OutboxWorker worker{**store, mailer, sterk::OutboxWorkerSettings{},
                               [] { return static_cast<sterk::UnixTime>(std::time(nullptr)); }};
    int const handled = worker.send_due();
    auto const t2 = Clock::now();
    auto const counts = (*store)->outbox().counts();
    std::filesystem::remove_all(dir);
    double const queued_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    double const sent_ms = std::chrono::duration<double, std::milli>(t2 - t1).count();
    std::printf("%d berichten in de outbox gezet in %.0f ms; %d verstuurd (%d mislukt) in %.0f ms: %.0f berichten/s\n", count,
                queued_ms, counts ? counts->sent : -1, counts ? counts->pending + counts->failed : -1, sent_ms,
                handled * 1000.0 / sent_ms);
    std::printf("QUEUED_MS=%.0f\nSENT_MS=%.0f\nMSGS_PER_S=%.0f\n", queued_ms, sent_ms, handled * 1000.0 / sent_ms);
    return counts && counts->sent == count ? 0 : 1;
}
