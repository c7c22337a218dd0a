#include "adapters/http/static_files.h"

#include "adapters/http/error_mapping.h"
#include "core/ascii.h"

#include <array>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

namespace sterk::http {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 22> MIME_TYPES{{
    {".html", "text/html; charset=utf-8"},
    {".htm", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json; charset=utf-8"},
    {".map", "application/json; charset=utf-8"},
    {".webmanifest", "application/manifest+json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".gif", "image/gif"},
    {".webp", "image/webp"},
    {".ico", "image/x-icon"},
    {".woff", "font/woff"},
    {".woff2", "font/woff2"},
    {".ttf", "font/ttf"},
    {".otf", "font/otf"},
    {".txt", "text/plain; charset=utf-8"},
    {".pdf", "application/pdf"},
    {".xml", "application/xml"},
}};

bool safe_relative(std::string_view path)
{
    // Reject anything that could climb out or confuse the file system.
    if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) {
        return false;
    }
    for (std::string_view const segment : split_path(path)) {
        if (segment == ".." || segment == ".") {
            return false;
        }
    }
    return true;
}

bool inside(std::filesystem::path const& root, std::filesystem::path const& candidate)
{
    auto const root_text = root.native();
    auto const text = candidate.native();
    return text.size() > root_text.size() && text.compare(0, root_text.size(), root_text) == 0
           && text[root_text.size()] == '/';
}

}  // namespace

std::string mime_type(std::string_view extension)
{
    std::string const lower = ascii_lower(extension);
    for (auto const& [ext, type] : MIME_TYPES) {
        if (ext == lower) {
            return std::string{type};
        }
    }
    return "application/octet-stream";
}

StaticFiles::StaticFiles(std::filesystem::path root)
{
    if (root.empty()) {
        return;
    }
    std::error_code ec;
    auto canonical = std::filesystem::canonical(root, ec);
    if (!ec && std::filesystem::is_directory(canonical, ec)) {
        m_root = canonical;
    }
}

Response StaticFiles::file_response(std::filesystem::path const& file) const
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return error_response(HttpOnlyError::NotFound, "GET", file.filename().string());
    }
    std::ostringstream content;
    content << in.rdbuf();
    Response response;
    response.status = 200;
    response.content_type = mime_type(file.extension().string());
    response.body = content.str();
    // Vite puts content-hashed files under assets/: those never change.
    auto const relative = file.lexically_relative(m_root).generic_string();
    if (relative.starts_with("assets/")) {
        response.set_header("Cache-Control", "public, max-age=31536000, immutable");
    } else {
        response.set_header("Cache-Control", "no-cache");
    }
    return response;
}

Response StaticFiles::serve(std::string const& decoded_path) const
{
    if (m_root.empty()) {
        return error_response(HttpOnlyError::NotFound, "GET", decoded_path);
    }
    std::string relative = decoded_path;
    while (!relative.empty() && relative.front() == '/') {
        relative.erase(0, 1);
    }
    if (!relative.empty() && safe_relative(relative)) {
        std::error_code ec;
        auto const candidate = std::filesystem::canonical(m_root / relative, ec);
        if (!ec && inside(m_root, candidate) && std::filesystem::is_regular_file(candidate, ec)) {
            return file_response(candidate);
        }
    }
    // Client-side routing: every other GET gets the app.
    std::error_code ec;
    auto const index = m_root / "index.html";
    if (!std::filesystem::is_regular_file(index, ec)) {
        return error_response(HttpOnlyError::NotFound, "GET", decoded_path);
    }
    return file_response(index);
}

}  // namespace sterk::http
