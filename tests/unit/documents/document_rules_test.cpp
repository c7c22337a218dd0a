// What may be uploaded (document_rules.h): the decision on name, size and the sniffed type, and
// libmagic's verdict on real bytes of each kind, among them files dressed up as a PDF.
#include "adapters/content/libmagic_sniffer.h"
#include "core/documents/document_rules.h"

#include <gtest/gtest.h>

namespace sterk {
namespace {

constexpr char const* DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

AcceptedUpload accepted(std::string name, std::size_t size, std::string type)
{
    auto result = accept_upload({std::move(name), size, std::move(type)});
    EXPECT_TRUE(result.ok()) << result.error().message;
    return result.ok() ? *result : AcceptedUpload{};
}

Error refused(std::string name, std::size_t size, std::string type)
{
    auto result = accept_upload({std::move(name), size, std::move(type)});
    EXPECT_FALSE(result.ok());
    return result.ok() ? Error{} : result.error();
}

TEST(DocumentRules, TheAcceptedTypesPassAsTheContentSays)
{
    EXPECT_EQ(accepted("beleid.pdf", 100, "application/pdf").media_type, "application/pdf");
    EXPECT_EQ(accepted("foto.png", 100, "image/png").media_type, "image/png");
    EXPECT_EQ(accepted("scan.jpg", 100, "image/jpeg").media_type, "image/jpeg");
    EXPECT_EQ(accepted("notities.txt", 100, "text/plain").media_type, "text/plain");
    EXPECT_EQ(accepted("plan.docx", 100, DOCX).media_type, DOCX);
    // A PDF named .png is still a PDF: the content decides, and it is served as what it is.
    EXPECT_EQ(accepted("verkeerd.png", 100, "application/pdf").media_type, "application/pdf");
}

TEST(DocumentRules, AZipIsAnOfficeFileOnlyWhenItsNameSaysSo)
{
    EXPECT_EQ(accepted("Plan.DOCX", 100, "application/zip").media_type, DOCX);
    EXPECT_EQ(accepted("cijfers.xlsx", 100, "application/zip").media_type,
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(accepted("tekst.odt", 100, "application/zip").media_type, "application/vnd.oasis.opendocument.text");
    auto const zip = refused("archief.zip", 100, "application/zip");
    EXPECT_EQ(zip.field, "file");
    EXPECT_NE(zip.message.find("application/zip"), std::string::npos);
}

TEST(DocumentRules, OtherTypesAreRefusedNamingWhatIsAllowed)
{
    for (char const* type : {"application/x-executable", "application/x-dosexec", "text/html", "image/svg+xml",
                             "application/octet-stream", "application/x-sharedlib"}) {
        auto const error = refused("jaarverslag.pdf", 100, type);
        EXPECT_EQ(error.code, ErrorCode::InvalidArgument) << type;
        EXPECT_EQ(error.field, "file") << type;
        EXPECT_EQ(error.message, std::string("Dit bestandstype wordt niet aanvaard: ") + type +
                                     ". Toegestaan: PDF, Word (.docx), Excel (.xlsx), OpenDocument-tekst (.odt), PNG, "
                                     "JPEG en platte tekst (.txt).");
    }
}

TEST(DocumentRules, EmptyAndTooLargeAreRefusedWithTheLimit)
{
    auto const empty = refused("leeg.pdf", 0, "application/x-empty");
    EXPECT_EQ(empty.field, "file");
    EXPECT_EQ(empty.message, "Het bestand is leeg.");
    EXPECT_EQ(accepted("precies.pdf", DOCUMENT_MAX_BYTES, "application/pdf").filename, "precies.pdf");
    auto const large = refused("groot.pdf", DOCUMENT_MAX_BYTES + 1, "application/pdf");
    EXPECT_EQ(large.field, "file");
    EXPECT_EQ(large.message, "Het bestand is te groot. Een document mag hoogstens 10 MB zijn.");
    EXPECT_EQ(document_too_large().message, large.message);
}

TEST(DocumentRules, TheNameLosesItsDirectoryAndMustBePrintable)
{
    EXPECT_EQ(accepted("C:\\Users\\anna\\Documenten\\beleid.pdf", 10, "application/pdf").filename, "beleid.pdf");
    EXPECT_EQ(accepted("../../etc/passwd.txt", 10, "text/plain").filename, "passwd.txt");
    EXPECT_EQ(accepted("  jaarverslag – 2025.pdf ", 10, "application/pdf").filename, "jaarverslag – 2025.pdf");
    EXPECT_EQ(refused("", 10, "application/pdf").field, "filename");
    EXPECT_EQ(refused("map/", 10, "application/pdf").field, "filename");
    EXPECT_EQ(refused("a\nb.pdf", 10, "application/pdf").field, "filename");
    EXPECT_EQ(refused("\xC3(.pdf", 10, "application/pdf").field, "filename") << "not UTF-8";
    EXPECT_EQ(refused(std::string(256, 'a'), 10, "application/pdf").field, "filename");
    // The name is checked before the content: a bad name is named even for a bad file.
    EXPECT_EQ(refused("", 0, "text/html").field, "filename");
}

// libmagic on real bytes.
class Sniffing : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto opened = LibmagicSniffer::open();
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        m_sniffer = std::move(*opened);
    }
    std::string type_of(std::string const& bytes) { return m_sniffer->media_type(bytes).value(); }
    std::unique_ptr<LibmagicSniffer> m_sniffer;
};

TEST_F(Sniffing, RecognisesTheAcceptedKindsByContent)
{
    std::string const pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
    EXPECT_EQ(type_of(pdf), "application/pdf");
    std::string const png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", 33);
    EXPECT_EQ(type_of(png), "image/png");
    std::string const jpeg("\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 20);
    EXPECT_EQ(type_of(jpeg), "image/jpeg");
    EXPECT_EQ(type_of("Dit is een gewone tekst over het beleid.\n"), "text/plain");
}

TEST_F(Sniffing, AProgramOrWebPageNamedPdfIsNotAPdf)
{
    std::string elf("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3E\0\x01\0\0\0", 24);
    elf += std::string(64, '\0');
    auto const elf_type = type_of(elf);
    EXPECT_FALSE(accept_upload({"jaarverslag.pdf", elf.size(), elf_type}).ok()) << elf_type;
    std::string const exe = std::string("MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0", 16) + std::string(48, '\0');
    auto const exe_type = type_of(exe);
    EXPECT_FALSE(accept_upload({"jaarverslag.pdf", exe.size(), exe_type}).ok()) << exe_type;
    std::string const html = "<!DOCTYPE html>\n<html><head><title>x</title></head><body><script>alert(1)</script></body></html>\n";
    EXPECT_EQ(type_of(html), "text/html");
    EXPECT_FALSE(accept_upload({"jaarverslag.pdf", html.size(), type_of(html)}).ok());
}

}  // namespace
}  // namespace sterk
