// File: libmagic_sniffer.h
// LibmagicSniffer: the ContentSniffer port on libmagic (Debian's libmagic1, the library behind
// `file --mime-type`), with the compiled magic database Debian installs. libmagic's handle is not
// thread-safe, so calls take turns on one handle.
#pragma once

#include "core/ports/content_inspection.h"

#include <memory>
#include <mutex>

namespace sterk {

class LibmagicSniffer final : public ContentSniffer {
public:
    // open: Internal when libmagic cannot start or load its database.
    static Result<std::unique_ptr<LibmagicSniffer>> open();
    ~LibmagicSniffer() override;
    LibmagicSniffer(LibmagicSniffer const&) = delete;
    LibmagicSniffer& operator=(LibmagicSniffer const&) = delete;

    Result<std::string> media_type(std::string_view content) override;

private:
    explicit LibmagicSniffer(void* cookie) : m_cookie(cookie) {}

    std::mutex m_mutex;
    void* m_cookie;  // magic_t
};

}  // namespace sterk
