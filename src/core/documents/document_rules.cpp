#include "core/documents/document_rules.h"

#include "core/ascii.h"
#include "core/utf8.h"

#include <array>
#include <cstdint>

namespace sterk {

namespace {

constexpr char const* DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr char const* XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr char const* ODT = "application/vnd.oasis.opendocument.text";

// A zip-based office file: libmagic names it by its office type when the archive starts the way
// the office program writes it, and calls it application/zip otherwise. Then the extension says
// which office type it is meant to be.
struct OfficeType {
    char const* extension;
    char const* media_type;
};
constexpr std::array<OfficeType, 3> OFFICE_TYPES{{{".docx", DOCX}, {".xlsx", XLSX}, {".odt", ODT}}};

constexpr std::array<char const*, 7> ACCEPTED{
    {"application/pdf", "image/png", "image/jpeg", "text/plain", DOCX, XLSX, ODT}};

bool ends_with(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// base_name: the part after the last '/' or '\' (a browser on Windows may send the whole path),
// without spaces around it.
std::string base_name(std::string_view name)
{
    auto const slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) {
        name.remove_prefix(slash + 1);
    }
    while (!name.empty() && name.front() == ' ') {
        name.remove_prefix(1);
    }
    while (!name.empty() && name.back() == ' ') {
        name.remove_suffix(1);
    }
    return std::string{name};
}

Error wrong_type(std::string const& sniffed)
{
    return Error::invalid("file", "Dit bestandstype wordt niet aanvaard: " + (sniffed.empty() ? "onbekend" : sniffed) +
                                      ". Toegestaan: " + accepted_document_types() + ".");
}

}  // namespace

std::string format_megabytes(std::size_t bytes)
{
    return std::to_string(bytes / (1024 * 1024)) + " MB";
}

std::string accepted_document_types()
{
    return "PDF, Word (.docx), Excel (.xlsx), OpenDocument-tekst (.odt), PNG, JPEG en platte tekst (.txt)";
}

Error document_too_large()
{
    return Error::invalid("file", "Het bestand is te groot. Een document mag hoogstens " +
                                      format_megabytes(DOCUMENT_MAX_BYTES) + " zijn.");
}

Result<AcceptedUpload> accept_upload(UploadCandidate const& candidate)
{
    std::string const filename = base_name(candidate.filename);
    if (filename.empty()) {
        return Error::invalid("filename", "Geef de naam van het bestand op.");
    }
    if (filename.size() > DOCUMENT_FILENAME_MAX_BYTES) {
        return Error::invalid("filename", "De bestandsnaam is te lang (hoogstens " +
                                              std::to_string(DOCUMENT_FILENAME_MAX_BYTES) + " tekens).");
    }
    for (char const c : filename) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            return Error::invalid("filename", "De bestandsnaam bevat een stuurteken; geef het bestand een gewone naam.");
        }
    }
    if (!valid_utf8(filename) || filename == "." || filename == "..") {
        return Error::invalid("filename", "De bestandsnaam is ongeldig; geef het bestand een gewone naam.");
    }
    if (candidate.size == 0) {
        return Error::invalid("file", "Het bestand is leeg.");
    }
    if (candidate.size > DOCUMENT_MAX_BYTES) {
        return document_too_large();
    }
    std::string const sniffed = ascii_lower(candidate.sniffed_media_type);
    std::string const extension_of = ascii_lower(filename);
    for (char const* accepted : ACCEPTED) {
        if (sniffed == accepted) {
            return AcceptedUpload{filename, sniffed};
        }
    }
    if (sniffed == "application/zip") {
        for (auto const& office : OFFICE_TYPES) {
            if (ends_with(extension_of, office.extension)) {
                return AcceptedUpload{filename, office.media_type};
            }
        }
    }
    return wrong_type(candidate.sniffed_media_type);
}

}  // namespace sterk
