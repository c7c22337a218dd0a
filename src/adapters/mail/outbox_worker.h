// File: outbox_worker.h
// OutboxWorker: the background thread of `serve` that sends the outbox (LIFECYCLE.md §6). It
// claims one due row at a time under a lease (so several servers on one PostgreSQL database never
// send a row twice), hands it to a synchronous Mailer with a Message-ID stable per row, and records
// the outcome: sent, or attempts + 1 and the next try after an exponential backoff (base doubling,
// capped at 30 × base), until the row has been failing for longer than give_up → failed. stop()
// lets the message in flight finish and records it, so a restart never sends a sent row again.
// A new row wakes it (wake()); otherwise it looks every poll interval.
//
// Example:
//   OutboxWorker worker{store, mailer, OutboxWorkerSettings{}, [] { return std::time(nullptr); }};
//   worker.start();  ...  worker.stop();
#pragma once

#include "core/ports/store.h"
#include "core/services/mailer.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace sterk {

struct OutboxWorkerSettings {
    std::chrono::milliseconds poll{2000};
    std::chrono::milliseconds backoff_base{30'000};  // doubles per failed attempt, at most 30 × (15 min)
    std::chrono::seconds give_up{6 * 3600};  // failing longer than this: failed
    std::chrono::seconds lease{120};  // longer than one SMTP exchange (libcurl: 10 s timeout)
    std::string message_id_domain = "sterklabel.invalid";  // outbox-ID@domain
    // delivered_note: kept with a row the mailer accepted (demo without SMTP: it only went to the
    // log, so the row says so); empty for a real send.
    std::string delivered_note;
};

// backoff_delay: the wait after the `failures`-th failed attempt (1, 2, ...): base × 2^(failures-1),
// at most 30 × base, rounded up to whole seconds (the outbox keeps Unix seconds).
UnixTime backoff_delay(OutboxWorkerSettings const& settings, int failures);

class OutboxWorker {
public:
    OutboxWorker(Store& store, Mailer& mailer, OutboxWorkerSettings settings, std::function<UnixTime()> clock);
    ~OutboxWorker();
    OutboxWorker(OutboxWorker const&) = delete;
    OutboxWorker& operator=(OutboxWorker const&) = delete;

    void start();
    // wake: look at the outbox now (a row was written).
    void wake();
    // stop: no new message is taken; the one in flight is finished and recorded; then the thread ends.
    void stop();
    // send_due: sends what is due now on the calling thread until nothing is (tests, bench); the
    // number of rows handled.
    int send_due();

private:
    // send_one: claims one due row and handles it; false when none was due.
    bool send_one();
    void run();

    Store& m_store;
    Mailer& m_mailer;
    OutboxWorkerSettings m_settings;
    std::function<UnixTime()> m_clock;
    std::string m_owner;  // this worker's lease name
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_woken = false;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace sterk
