// The only translation unit with Beast in it (Beast is slow to compile).
#include <utility>  // before Asio: g++ 12 needs std::exchange declared first

// g++ 12 at -O2 reports Asio's coroutine-frame allocator (recycling_allocator: operator new in
// thread_info_base, the matching sized delete in awaitable_frame_base) as mismatched; it is not.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

#include "adapters/http/server.h"

#include "adapters/http/beast_request.h"
#include "adapters/http/error_mapping.h"

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

#include <array>
#include <atomic>
#include <csignal>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace sterk::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

struct Connection {
    beast::tcp_stream* stream = nullptr;
    bool idle = true;
};

}  // namespace

struct HttpServer::Impl {
    explicit Impl(ServerOptions options)
        : options(std::move(options)),
          ioc(this->options.io_threads),
          acceptor(ioc),
          workers(static_cast<std::size_t>(this->options.worker_threads)),
          signals(ioc, SIGINT, SIGTERM),
          drain_timer(ioc),
          housekeeping_timer(asio::make_strand(ioc))
    {
    }

    asio::awaitable<void> accept_loop();
    asio::awaitable<void> housekeeping_loop();
    asio::awaitable<void> serve(tcp::socket socket);
    asio::awaitable<Response> on_workers(Request const& request);
    void begin_shutdown();
    void check_drained();

    std::uint64_t add_connection(beast::tcp_stream* stream);
    void remove_connection(std::uint64_t id);
    void set_idle(std::uint64_t id, bool idle);

    App* app = nullptr;  // set by run()
    ServerOptions options;
    asio::io_context ioc;
    tcp::acceptor acceptor;
    asio::thread_pool workers;
    asio::signal_set signals;
    asio::steady_timer drain_timer;
    asio::steady_timer housekeeping_timer;  // on its own strand
    std::chrono::steady_clock::time_point drain_deadline;
    std::atomic<bool> stopping{false};
    std::mutex mutex;
    std::map<std::uint64_t, Connection> connections;
    std::uint64_t next_id = 1;
};

std::uint64_t HttpServer::Impl::add_connection(beast::tcp_stream* stream)
{
    std::lock_guard lock(mutex);
    std::uint64_t const id = next_id++;
    connections[id] = Connection{stream, true};
    return id;
}

void HttpServer::Impl::remove_connection(std::uint64_t id)
{
    std::lock_guard lock(mutex);
    connections.erase(id);
}

void HttpServer::Impl::set_idle(std::uint64_t id, bool idle)
{
    std::lock_guard lock(mutex);
    connections[id].idle = idle;
}

asio::awaitable<Response> HttpServer::Impl::on_workers(Request const& request)
{
    // Runs app.handle on the worker pool; co_spawn's completion brings us back to this
    // connection's strand.
    co_return co_await asio::co_spawn(
        workers, [this, &request]() -> asio::awaitable<Response> { co_return app->handle(request); },
        asio::use_awaitable);
}

namespace {

// One log line per request, `request key=value ...` (--log-format json makes it an object). The
// path is the target as sent without its query: still percent-encoded, so a client cannot put a
// line break or a space into the log, and tokens in queries stay out of it.
void log_request(Request const& request, Response const& response, std::chrono::steady_clock::time_point start)
{
    double const ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::string const user = response.log_user_id ? std::to_string(*response.log_user_id) : "-";
    std::string_view path = request.target;
    path = path.substr(0, path.find('?'));
    spdlog::info("request method={} path={} status={} ms={:.1f} user={} ip={}", request.method,
                 path.empty() ? "-" : path, response.status, ms, user, request.remote_ip.empty() ? "-" : request.remote_ip);
}

bhttp::response<bhttp::string_body> to_beast(Response const& response, unsigned version, bool keep_alive, bool head)
{
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), version};
    if (!response.content_type.empty()) {
        out.set(bhttp::field::content_type, response.content_type);
    }
    for (auto const& [name, value] : response.headers) {
        out.insert(name, value);
    }
    out.keep_alive(keep_alive);
    if (head) {
        out.content_length(response.body.size());
    } else {
        out.body() = response.body;
        out.prepare_payload();
    }
    return out;
}

// framing_error: the answer for a request Beast could not parse (a bad or conflicting
// Content-Length / Transfer-Encoding, oversized headers, a garbled line). nullopt for what is
// not the client's malformed request: end of stream, a half-sent request, timeouts, I/O errors;
// those connections are just closed.
std::optional<HttpOnlyError> framing_error(boost::system::error_code const& ec)
{
    if (!ec || ec.category() != bhttp::make_error_code(bhttp::error::bad_method).category()) {
        return std::nullopt;
    }
    switch (static_cast<bhttp::error>(ec.value())) {
    case bhttp::error::end_of_stream:
    case bhttp::error::partial_message:
    case bhttp::error::need_more:
    case bhttp::error::need_buffer:
    case bhttp::error::end_of_chunk:
    case bhttp::error::short_read:
    case bhttp::error::body_limit:  // answered as 413 by the caller
        return std::nullopt;
    case bhttp::error::header_limit:
    case bhttp::error::buffer_overflow:
        return HttpOnlyError::HeadersTooLarge;
    case bhttp::error::bad_content_length:
        return HttpOnlyError::BadContentLength;
    case bhttp::error::bad_transfer_encoding:
        return HttpOnlyError::BadTransferEncoding;
    default:
        return HttpOnlyError::BadRequest;
    }
}

}  // namespace

asio::awaitable<void> HttpServer::Impl::serve(tcp::socket socket)
{
    boost::system::error_code ec;
    socket.set_option(tcp::no_delay(true), ec);
    std::string remote_ip;
    if (auto endpoint = socket.remote_endpoint(ec); !ec) {
        remote_ip = endpoint.address().to_string();
    }
    beast::tcp_stream stream(std::move(socket));
    std::uint64_t const id = add_connection(&stream);
    beast::flat_buffer buffer;
    bool first = true;

    // reply_and_close: answers a request whose body is not read (413), then reads and discards
    // what the client is still sending for a moment before closing ("lingering close"), so the
    // client sees the answer instead of a connection reset.
    std::size_t body_limit = options.max_body_bytes;
    auto reply_and_close = [&](Response response, Request const& request,
                               std::chrono::steady_clock::time_point start) -> asio::awaitable<void> {
        add_standard_headers(response, true);
        auto out = to_beast(response, 11, false, false);
        stream.expires_after(options.header_timeout);
        boost::system::error_code linger_ec;
        co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, linger_ec));
        log_request(request, response, start);
        if (linger_ec) {
            co_return;
        }
        stream.socket().shutdown(tcp::socket::shutdown_send, linger_ec);
        stream.expires_after(std::chrono::seconds(2));
        std::array<char, 16 * 1024> scratch{};
        std::size_t discarded = 0;
        while (discarded < 4 * body_limit) {
            std::size_t const n = co_await stream.async_read_some(
                asio::buffer(scratch), asio::redirect_error(asio::use_awaitable, linger_ec));
            if (linger_ec) {
                break;
            }
            discarded += n;
        }
    };

    for (;;) {
        {
            std::lock_guard lock(mutex);
            connections[id].idle = true;
            if (stopping) {
                break;
            }
        }
        // Wait for the first byte of the next request: the first request gets the header timeout,
        // an idle keep-alive connection the idle timeout.
        if (buffer.size() == 0) {
            stream.expires_after(first ? options.header_timeout : options.idle_timeout);
            std::size_t const n = co_await stream.async_read_some(buffer.prepare(8192),
                                                                   asio::redirect_error(asio::use_awaitable, ec));
            if (ec) {
                break;
            }
            buffer.commit(n);
        }
        set_idle(id, false);
        first = false;
        auto const start = std::chrono::steady_clock::now();

        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(16 * 1024);
        // No body limit while reading the header (Beast would fail the header read on a large
        // Content-Length without a response); it is checked below, then set for chunked bodies.
        parser.body_limit(std::numeric_limits<std::uint64_t>::max());
        stream.expires_after(options.header_timeout);
        co_await bhttp::async_read_header(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
        Request request;
        request.remote_ip = remote_ip;
        if (auto refusal = framing_error(ec)) {
            co_await reply_and_close(error_response(*refusal, request.method, request.target), request, start);
            break;
        }
        if (ec) {
            break;
        }
        read_request_line(parser.get(), request);
        // An upload route has its own limit (App::body_limit); every other route the default.
        body_limit = app->body_limit(request.method, request.target, options.max_body_bytes);
        // A request body is either chunked or has a Content-Length: a Transfer-Encoding that does not
        // end in chunked leaves its length unknown (RFC 9112 6.3), and Beast would read no body.
        if (parser.get().count(bhttp::field::transfer_encoding) > 0 && !parser.chunked()) {
            co_await reply_and_close(error_response(HttpOnlyError::BadTransferEncoding, request.method, request.target),
                                     request, start);
            break;
        }
        if (auto length = parser.content_length(); length && *length > body_limit) {
            co_await reply_and_close(app->too_large(request.method, request.target), request, start);
            break;
        }
        parser.body_limit(body_limit);
        if (beast::iequals(parser.get()[bhttp::field::expect], "100-continue")) {
            bhttp::response<bhttp::empty_body> proceed{bhttp::status::continue_, 11};
            co_await bhttp::async_write(stream, proceed, asio::redirect_error(asio::use_awaitable, ec));
            if (ec) {
                break;
            }
        }
        // An upload of up to 10 MB gets four times as long as a JSON body (a slow uplink).
        stream.expires_after(body_limit > options.max_body_bytes ? 4 * options.body_timeout : options.body_timeout);
        co_await bhttp::async_read(stream, buffer, parser, asio::redirect_error(asio::use_awaitable, ec));
        if (ec == bhttp::error::body_limit) {
            co_await reply_and_close(app->too_large(request.method, request.target), request, start);
            break;
        }
        if (auto refusal = framing_error(ec)) {
            co_await reply_and_close(error_response(*refusal, request.method, request.target), request, start);
            break;
        }
        if (ec) {
            break;
        }
        auto message = parser.release();
        bool const keep_alive = message.keep_alive();
        bool const head = message.method() == bhttp::verb::head;

        Response response;
        if (!fill_request(message, request)) {
            response = error_response(HttpOnlyError::BadRequest, request.method, request.target);
            add_standard_headers(response, true);
        } else if (app->needs_worker(request)) {
            response = co_await on_workers(request);
        } else {
            response = app->handle(request);
        }
        if (response.hold_seconds > 0) {
            asio::steady_timer hold(stream.get_executor(), std::chrono::seconds(response.hold_seconds));
            co_await hold.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        }
        bool const again = keep_alive && !stopping;
        auto out = to_beast(response, message.version(), again, head);
        stream.expires_after(options.body_timeout);
        co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
        log_request(request, response, start);
        if (ec || !again) {
            break;
        }
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.close();
    remove_connection(id);
}

asio::awaitable<void> HttpServer::Impl::accept_loop()
{
    for (;;) {
        boost::system::error_code ec;
        tcp::socket socket = co_await acceptor.async_accept(asio::make_strand(ioc),
                                                             asio::redirect_error(asio::use_awaitable, ec));
        if (stopping || !acceptor.is_open()) {
            co_return;
        }
        if (ec) {
            // Out of file descriptors and the like: wait a moment rather than spin.
            spdlog::warn("accept mislukt: {}", ec.message());
            asio::steady_timer pause(ioc, std::chrono::milliseconds(100));
            co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
            continue;
        }
        auto executor = socket.get_executor();
        asio::co_spawn(executor, serve(std::move(socket)), asio::detached);
    }
}

asio::awaitable<void> HttpServer::Impl::housekeeping_loop()
{
    for (;;) {
        co_await asio::co_spawn(
            workers,
            [this]() -> asio::awaitable<void> {
                options.housekeeping();
                co_return;
            },
            asio::use_awaitable);
        if (stopping) {
            co_return;
        }
        boost::system::error_code ec;
        housekeeping_timer.expires_after(options.housekeeping_interval);
        co_await housekeeping_timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        if (ec || stopping) {
            co_return;
        }
    }
}

void HttpServer::Impl::begin_shutdown()
{
    if (stopping.exchange(true)) {
        return;
    }
    spdlog::info("stoppen: geen nieuwe verbindingen; lopende verzoeken worden afgemaakt");
    boost::system::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    asio::post(housekeeping_timer.get_executor(), [this] { housekeeping_timer.cancel(); });
    {
        // Idle connections are closed now; busy ones close after their current response.
        std::lock_guard lock(mutex);
        for (auto& [id, connection] : connections) {
            if (!connection.idle) {
                continue;
            }
            asio::post(connection.stream->get_executor(), [this, id = id] {
                std::lock_guard inner(mutex);
                auto found = connections.find(id);
                if (found != connections.end()) {
                    found->second.stream->cancel();
                }
            });
        }
    }
    drain_deadline = std::chrono::steady_clock::now() + options.shutdown_grace;
    check_drained();
}

void HttpServer::Impl::check_drained()
{
    bool empty = false;
    {
        std::lock_guard lock(mutex);
        empty = connections.empty();
    }
    if (empty || std::chrono::steady_clock::now() >= drain_deadline) {
        ioc.stop();
        return;
    }
    drain_timer.expires_after(std::chrono::milliseconds(20));
    drain_timer.async_wait([this](boost::system::error_code const&) { check_drained(); });
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

HttpServer::~HttpServer()
{
    if (m_impl) {
        m_impl->workers.join();
    }
}

Result<std::unique_ptr<HttpServer>> HttpServer::bind(ServerOptions const& options)
{
    boost::system::error_code ec;
    std::string host = options.host == "localhost" ? "127.0.0.1" : options.host;
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    auto const address = asio::ip::make_address(host, ec);
    if (ec) {
        return Error::invalid("--listen", "ongeldig adres om op te luisteren: " + options.host);
    }
    auto impl = std::make_unique<Impl>(options);
    tcp::endpoint const endpoint{address, options.port};
    impl->acceptor.open(endpoint.protocol(), ec);
    if (!ec) {
        impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    }
    if (!ec) {
        impl->acceptor.bind(endpoint, ec);
    }
    if (!ec) {
        impl->acceptor.listen(asio::socket_base::max_listen_connections, ec);
    }
    if (ec) {
        return Error{ErrorCode::Unavailable,
                     "kan niet luisteren op " + options.host + ":" + std::to_string(options.port) + ": " + ec.message(),
                     "--listen"};
    }
    return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

std::uint16_t HttpServer::port() const
{
    boost::system::error_code ec;
    auto const endpoint = m_impl->acceptor.local_endpoint(ec);
    return ec ? 0 : endpoint.port();
}

void HttpServer::set_housekeeping(std::function<void()> task)
{
    m_impl->options.housekeeping = std::move(task);
}

void HttpServer::run(App& app)
{
    Impl& impl = *m_impl;
    impl.app = &app;
    impl.signals.async_wait([&impl](boost::system::error_code const& ec, int) {
        if (!ec) {
            impl.begin_shutdown();
        }
    });
    asio::co_spawn(impl.ioc, impl.accept_loop(), asio::detached);
    if (impl.options.housekeeping) {
        asio::co_spawn(impl.housekeeping_timer.get_executor(), impl.housekeeping_loop(), asio::detached);
    }
    std::vector<std::thread> threads;
    for (int i = 1; i < impl.options.io_threads; ++i) {
        threads.emplace_back([&impl] { impl.ioc.run(); });
    }
    impl.ioc.run();
    for (auto& thread : threads) {
        thread.join();
    }
    impl.workers.join();
    spdlog::info("gestopt");
}

void HttpServer::stop()
{
    asio::post(m_impl->ioc, [impl = m_impl.get()] { impl->begin_shutdown(); });
}

}  // namespace sterk::http
