// File: static_files.h
// StaticFiles: the built web app from --web-root. Correct MIME types, no way out of the root
// (no "..", no symlinks pointing outside), and every GET that is not a file gets index.html so the
// app's client-side routes work. Files are read per request (the OS caches them).
#pragma once

#include "adapters/http/http_types.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace sterk::http {

class StaticFiles {
public:
    // An empty root serves nothing (404 for every non-API path).
    explicit StaticFiles(std::filesystem::path root);

    Response serve(std::string const& decoded_path) const;

private:
    Response file_response(std::filesystem::path const& file) const;

    std::filesystem::path m_root;  // canonical, or empty
};

// mime_type: by extension; "application/octet-stream" when unknown.
std::string mime_type(std::string_view extension);

}  // namespace sterk::http
