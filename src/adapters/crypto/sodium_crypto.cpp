#include "adapters/crypto/sodium_crypto.h"

#include <sodium.h>

#include <array>

namespace sterk {

Status init_sodium()
{
    if (sodium_init() < 0) {
        return Error::internal("libsodium kon niet starten");
    }
    return ok_status();
}

Result<std::string> SodiumPasswordHasher::hash(std::string const& password)
{
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0) {
        return Error::internal("wachtwoord hashen mislukt (onvoldoende geheugen)");
    }
    return std::string{out.data()};
}

bool SodiumPasswordHasher::verify(std::string const& encoded, std::string const& password)
{
    if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES) {
        return false;
    }
    return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

std::string SodiumTokenGenerator::new_token()
{
    std::array<unsigned char, 32> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)> text{};
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return std::string{text.data()};
}

std::string SodiumTokenGenerator::hash_token(std::string const& token)
{
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<unsigned char const*>(token.data()), token.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string{hex.data()};
}

std::string SodiumContentDigest::sha256_hex(std::string_view content)
{
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<unsigned char const*>(content.data()), content.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string{hex.data()};
}

std::string SodiumTokenGenerator::new_password()
{
    // No look-alike characters (0/O, 1/l/I): people type these from a terminal.
    constexpr std::string_view ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string password;
    for (int i = 0; i < 16; ++i) {
        password += ALPHABET[randombytes_uniform(static_cast<std::uint32_t>(ALPHABET.size()))];
    }
    return password;
}

bool constant_time_equal(std::string_view a, std::string_view b)
{
    if (a.size() != b.size() || a.empty()) {
        return false;
    }
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace sterk
