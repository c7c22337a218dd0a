#include "adapters/content/libmagic_sniffer.h"

#include <magic.h>

#include <string>

namespace sterk {

Result<std::unique_ptr<LibmagicSniffer>> LibmagicSniffer::open()
{
    // MAGIC_MIME_TYPE: only "type/subtype"; MAGIC_NO_CHECK_COMPRESS: never look inside compressed
    // data (a zip bomb stays a zip). What libmagic cannot place is application/octet-stream.
    magic_t cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS);
    if (cookie == nullptr) {
        return Error::internal("libmagic kan niet starten");
    }
    if (magic_load(cookie, nullptr) != 0) {
        std::string const why = magic_error(cookie) ? magic_error(cookie) : "onbekende fout";
        magic_close(cookie);
        return Error::internal("libmagic kan zijn database niet laden: " + why);
    }
    return std::unique_ptr<LibmagicSniffer>(new LibmagicSniffer(cookie));
}

LibmagicSniffer::~LibmagicSniffer()
{
    magic_close(static_cast<magic_t>(m_cookie));
}

Result<std::string> LibmagicSniffer::media_type(std::string_view content)
{
    std::lock_guard lock(m_mutex);
    auto* cookie = static_cast<magic_t>(m_cookie);
    char const* type = magic_buffer(cookie, content.data(), content.size());
    if (type == nullptr) {
        std::string const why = magic_error(cookie) ? magic_error(cookie) : "onbekende fout";
        return Error::internal("libmagic kan het bestand niet onderzoeken: " + why);
    }
    return std::string{type};
}

}  // namespace sterk
