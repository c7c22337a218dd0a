// The certificate rules (core/certificate): signed payload, verification URL, search folding,
// the Part A checklist, and the ed25519 signer over them.
#include "adapters/crypto/sodium_crypto.h"
#include "adapters/crypto/sodium_signer.h"
#include "core/certificate/certificate.h"
#include "core/certificate/part_a_check.h"
#include "core/certificate/verification.h"

#include <gtest/gtest.h>

namespace sterk {
namespace {

Certificate sample()
{
    ProcedureSettings procedure;
    CertificateTerm const term{Date::from_ymd(2026, 3, 15), Date::from_ymd(2026, 3, 15), Date::from_ymd(2028, 3, 14),
                               Date::from_ymd(2028, 3, 15)};
    return issue_certificate({7, "Stichting  Wélzijn\nSamen", "'s-Hertogenbosch", "12345678", "L-0042",
                              "Werksoorten: jongerenwerk, buurtbemiddeling", 3},
                             Date::from_ymd(2026, 3, 15), term, 4)
        .value();
}

TEST(Certificate, IsNumberedByYearAndPrintsNormalisedLines)
{
    auto const c = sample();
    EXPECT_EQ(c.number, "SSW-2026-0004");
    EXPECT_EQ(c.member_name, "Stichting Wélzijn Samen");
    EXPECT_EQ(next_certificate_sequence({}), 1);
    EXPECT_EQ(next_certificate_sequence({3, 1, 2}), 4);
}

TEST(Certificate, SignedPayloadNamesEveryPrintedFact)
{
    EXPECT_EQ(signed_payload(sample()),
              "sterklabel-certificaat-v1\nnummer: SSW-2026-0004\nlid: Stichting Wélzijn Samen\n"
              "scope: Werksoorten: jongerenwerk, buurtbemiddeling\ngeldig vanaf: 2026-03-15\n"
              "geldig tot en met: 2028-03-14\nverloopt: 2028-03-15\n");
}

TEST(Certificate, VerificationUrlRoundTrips)
{
    auto const c = sample();
    SignedCertificate const s{verification_data(c), "abc-_DEF"};
    auto const url = verification_url("https://register.example/", s);
    EXPECT_EQ(url.rfind("https://register.example/register/SSW-2026-0004?member=Stichting%20W%C3%A9lzijn%20Samen", 0),
              0u);
    auto const back = parse_verification(url).value();
    EXPECT_EQ(signed_payload(back.data), signed_payload(c));
    EXPECT_EQ(back.signature, "abc-_DEF");
    EXPECT_FALSE(parse_verification("https://x/register/SSW-2026-0004?member=A").ok());
    EXPECT_FALSE(parse_verification("geen url").ok());
}

TEST(Certificate, SignatureVerifiesAndFailsAfterAnyChange)
{
    ASSERT_TRUE(init_sodium().ok());
    SodiumCertificateSigner signer;
    auto const key = signer.new_key_pair();
    auto const c = sample();
    auto const signature = signer.sign(key, signed_payload(c)).value();
    EXPECT_TRUE(signer.verify(key.public_key, signed_payload(c), signature));
    using Change = void (*)(VerificationData&);
    for (Change change : {+[](VerificationData& d) { d.number = "SSW-2026-0005"; },
                          +[](VerificationData& d) { d.member += "X"; },
                          +[](VerificationData& d) { d.scope = "De hele organisatie"; },
                          +[](VerificationData& d) { d.valid_from = "2026-03-14"; },
                          +[](VerificationData& d) { d.valid_through = "2029-03-14"; },
                          +[](VerificationData& d) { d.expires = "2029-03-15"; }}) {
        auto changed = verification_data(c);
        change(changed);
        EXPECT_FALSE(signer.verify(key.public_key, signed_payload(changed), signature)) << signed_payload(changed);
    }
    EXPECT_FALSE(signer.verify(signer.new_key_pair().public_key, signed_payload(c), signature));
    EXPECT_FALSE(signer.verify(key.public_key, signed_payload(c), "nonsense"));
}

TEST(Certificate, SearchFoldsCaseAndAccents)
{
    auto const c = sample();
    auto const text = search_text(c);
    EXPECT_TRUE(matches_search(text, "WELZIJN samen"));
    EXPECT_TRUE(matches_search(text, "hertogenbosch"));
    EXPECT_TRUE(matches_search(text, "12345678"));
    EXPECT_TRUE(matches_search(text, "l-0042"));
    EXPECT_TRUE(matches_search(text, "Buurtbemiddeling"));
    EXPECT_TRUE(matches_search(text, "SSW-2026-0004"));
    EXPECT_FALSE(matches_search(text, "welzijn utrecht"));
    EXPECT_EQ(fold_for_search("Ångström ŒUVRE"), "angstrom oeuvre");
}

TEST(PartACheck, ListsWhatIsMissing)
{
    TrajectoryView view;
    PartACheckInput input;
    input.view = &view;
    auto const check = check_part_a(input);
    EXPECT_FALSE(check.complete);
    ASSERT_EQ(check.items.size(), 4u);
    EXPECT_EQ(check.items[0].key, "fields");
    EXPECT_FALSE(check.items[0].ok());
    EXPECT_FALSE(check.items[1].ok());
    EXPECT_TRUE(check.items[2].ok()) << "no plan asked before the findings";
    EXPECT_FALSE(check.items[3].ok());
    EXPECT_FALSE(check.remarks().empty());
}

}  // namespace
}  // namespace sterk
