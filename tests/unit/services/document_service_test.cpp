// DocumentService on a real SQLite store with the real libmagic and SHA-256: an upload is judged by
// its content, belongs to the uploader's organisation and is audited; only that organisation and
// the secretariat read it, everyone else gets NotFound.
#include "adapters/content/libmagic_sniffer.h"
#include "adapters/crypto/sodium_crypto.h"
#include "adapters/storage/open_store.h"
#include "core/services/document_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

namespace sterk {
namespace {

constexpr UnixTime NOW = 1'780'000'000;
std::string const PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

class DocumentServiceTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(init_sodium().ok());
        std::random_device random;
        m_dir = std::filesystem::temp_directory_path() / ("sterk-documents-" + std::to_string(random()));
        std::filesystem::create_directories(m_dir);
        m_store = std::move(open_store("sqlite:" + (m_dir / "d.db").string(), MigrationMode::Migrate).value());
        m_sniffer = std::move(LibmagicSniffer::open().value());
        m_service = std::make_unique<DocumentService>(*m_store, *m_sniffer, m_digest);
        Organisation org;
        org.name = "Stichting WijkKracht";
        m_member = m_store->organisations().create(org).value();
        org.name = "Welzijn Samen";
        m_other = m_store->organisations().create(org).value();
    }

    void TearDown() override
    {
        m_service.reset();
        m_store.reset();
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }

    Principal member() const { return {1, Role::Member, m_member}; }
    Principal other_member() const { return {2, Role::Member, m_other}; }
    static Principal secretariat() { return {3, Role::Secretariat, std::nullopt}; }
    static Principal committee() { return {4, Role::Committee, std::nullopt}; }
    static Actor actor() { return {std::nullopt, "kwaliteit@wijkkracht.example", "127.0.0.1"}; }

    std::filesystem::path m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<LibmagicSniffer> m_sniffer;
    SodiumContentDigest m_digest;
    std::unique_ptr<DocumentService> m_service;
    Id m_member = 0;
    Id m_other = 0;
};

TEST_F(DocumentServiceTest, AnUploadIsStoredForTheUploadersOrganisationAndAudited)
{
    auto const stored = m_service->upload(member(), actor(), "map/Beleid.pdf", PDF, NOW);
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    EXPECT_EQ(stored->owner_id, m_member);
    EXPECT_EQ(stored->filename, "Beleid.pdf");
    EXPECT_EQ(stored->media_type, "application/pdf");
    EXPECT_EQ(stored->size, static_cast<std::int64_t>(PDF.size()));
    EXPECT_EQ(stored->sha256, m_digest.sha256_hex(PDF));
    EXPECT_EQ(stored->sha256.size(), 64u);
    auto const log = m_store->audit_log().recent(1).value();
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].action, "document.upload");
    EXPECT_EQ(log[0].subject, "document:" + std::to_string(stored->id));
    EXPECT_NE(log[0].detail.find("Beleid.pdf"), std::string::npos);

    auto const own = m_service->download(member(), stored->id);
    ASSERT_TRUE(own.ok());
    EXPECT_EQ(own->content, PDF);
    EXPECT_TRUE(m_service->download(secretariat(), stored->id).ok());
    EXPECT_EQ(m_service->download(other_member(), stored->id).error().code, ErrorCode::NotFound);
    EXPECT_EQ(m_service->meta(other_member(), stored->id).error().code, ErrorCode::NotFound);
    EXPECT_EQ(m_service->meta(committee(), stored->id).error().code, ErrorCode::NotFound);
    EXPECT_EQ(m_service->meta(member(), 987654).error().code, ErrorCode::NotFound);
}

TEST_F(DocumentServiceTest, TheContentDecidesAndNothingIsStoredOnARefusal)
{
    std::string const html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n";
    auto const refused = m_service->upload(member(), actor(), "jaarverslag.pdf", html, NOW);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().field, "file");
    EXPECT_NE(refused.error().message.find("text/html"), std::string::npos) << refused.error().message;
    EXPECT_EQ(m_service->upload(member(), actor(), "leeg.pdf", "", NOW).error().message, "Het bestand is leeg.");
    EXPECT_TRUE(m_store->audit_log().recent(5).value().empty());
    EXPECT_EQ(m_service->upload(committee(), actor(), "x.pdf", PDF, NOW).error().code, ErrorCode::PermissionDenied);
}

}  // namespace
}  // namespace sterk
