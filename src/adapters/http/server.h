// File: server.h
// HttpServer: Boost.Beast + Asio (C++20 coroutines) on a few I/O threads, feeding App. Beast stays
// inside server.cpp; this header has none of it.
// - header read timeout and keep-alive idle timeout, so slow or idle clients cannot hold it;
// - bodies over the limit → 413; tcp::no_delay; SO_REUSEADDR only;
// - routes that hash passwords run on a small worker pool (bounded concurrency);
// - a periodic housekeeping task on the worker pool;
// - one log line per request; SIGTERM/SIGINT: stop accepting, finish running requests, return.
#pragma once

#include "adapters/http/app.h"
#include "core/result.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace sterk::http {

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;  // 0: pick a free port
    int io_threads = 2;
    int worker_threads = 2;  // at most this many password hashes at once
    std::chrono::seconds header_timeout{10};
    std::chrono::seconds idle_timeout{30};
    std::chrono::seconds body_timeout{30};
    std::chrono::seconds shutdown_grace{10};
    std::size_t max_body_bytes = 1024 * 1024;
    // housekeeping: run on the worker pool at start and then every housekeeping_interval until
    // shutdown (the serve command prunes expired sessions and old failed logins with it).
    std::function<void()> housekeeping;
    std::chrono::seconds housekeeping_interval{10 * 60};
};

class HttpServer {
public:
    // bind: listens on host:port. InvalidArgument (field "--listen") for a bad address,
    // Unavailable when the port cannot be bound.
    static Result<std::unique_ptr<HttpServer>> bind(ServerOptions const& options);
    ~HttpServer();
    HttpServer(HttpServer const&) = delete;
    HttpServer& operator=(HttpServer const&) = delete;

    std::uint16_t port() const;

    // set_housekeeping: sets ServerOptions::housekeeping; call before run().
    void set_housekeeping(std::function<void()> task);

    // run: serves `app` until SIGTERM/SIGINT or stop(), then lets running requests finish (up to
    // the grace period) and returns.
    void run(App& app);
    // stop: as a signal would; safe from any thread.
    void stop();

private:
    struct Impl;
    explicit HttpServer(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace sterk::http
