#include "adapters/crypto/sodium_signer.h"

#include <sodium.h>

#include <optional>
#include <vector>

namespace sterk {

namespace {

std::string to_base64(unsigned char const* data, std::size_t size, int variant)
{
    std::string out(sodium_base64_encoded_len(size, variant), '\0');
    sodium_bin2base64(out.data(), out.size(), data, size, variant);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

std::optional<std::vector<unsigned char>> from_base64(std::string const& text, std::size_t expected, int variant)
{
    std::vector<unsigned char> out(expected + 8);
    std::size_t length = 0;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, nullptr, variant) != 0 ||
        length != expected) {
        return std::nullopt;
    }
    out.resize(length);
    return out;
}

}  // namespace

SigningKeyPair SodiumCertificateSigner::new_key_pair()
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    SigningKeyPair pair{to_base64(pk, sizeof pk, sodium_base64_VARIANT_ORIGINAL),
                        to_base64(sk, sizeof sk, sodium_base64_VARIANT_ORIGINAL)};
    sodium_memzero(sk, sizeof sk);
    return pair;
}

Result<std::string> SodiumCertificateSigner::sign(SigningKeyPair const& key, std::string const& payload)
{
    auto const sk = from_base64(key.secret_key, crypto_sign_SECRETKEYBYTES, sodium_base64_VARIANT_ORIGINAL);
    if (!sk) {
        return Error::internal("de geheime sleutel van het register is onleesbaar");
    }
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, nullptr, reinterpret_cast<unsigned char const*>(payload.data()), payload.size(),
                         sk->data());
    return to_base64(signature, sizeof signature, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

bool verify_certificate_signature(std::string const& public_key, std::string const& payload,
                                  std::string const& signature)
{
    auto const pk = from_base64(public_key, crypto_sign_PUBLICKEYBYTES, sodium_base64_VARIANT_ORIGINAL);
    auto const sig = from_base64(signature, crypto_sign_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    if (!pk || !sig) {
        return false;
    }
    return crypto_sign_verify_detached(sig->data(), reinterpret_cast<unsigned char const*>(payload.data()),
                                       payload.size(), pk->data()) == 0;
}

bool SodiumCertificateSigner::verify(std::string const& public_key, std::string const& payload,
                                     std::string const& signature)
{
    return verify_certificate_signature(public_key, payload, signature);
}

}  // namespace sterk
