// `sterklabel verify-certificate PAYLOAD_OR_URL [--public-key KEY | --db URL]`: checks a scanned QR
// code (the verification URL, or its query) against the register's public key, offline. Exit 0:
// the signature holds; 1: it does not (a forged or altered certificate); 2: unreadable input.
#include "adapters/crypto/sodium_crypto.h"
#include "adapters/crypto/sodium_signer.h"
#include "adapters/storage/open_store.h"
#include "cli/commands.h"
#include "core/certificate/verification.h"

#include <iostream>
#include <memory>

namespace sterk::cli {

namespace {

struct VerifyOptions {
    std::string payload;
    std::string public_key;
    std::string db;
};

int run_verify(VerifyOptions const& options)
{
    if (auto sodium = init_sodium(); !sodium) {
        std::cerr << "fout: " << sodium.error().message << "\n";
        return 1;
    }
    auto const scanned = parse_verification(options.payload);
    if (!scanned) {
        std::cerr << "fout: " << scanned.error().message << "\n";
        return 2;
    }
    std::string key = options.public_key;
    if (key.empty() && !options.db.empty()) {
        auto store = open_store(options.db, MigrationMode::RequireCurrent);
        if (!store) {
            std::cerr << "fout: " << store.error().message << "\n";
            return 2;
        }
        auto const stored = (*store)->certificates().signing_key();
        if (!stored || !*stored) {
            std::cerr << "fout: deze database heeft (nog) geen sleutel van het register\n";
            return 2;
        }
        key = (*stored)->public_key;
    }
    if (key.empty()) {
        std::cerr << "fout: geef de publieke sleutel van het register met --public-key (zie GET "
                     "/api/v1/register/public-key) of een database met --db\n";
        return 2;
    }
    auto const& d = scanned->data;
    if (!verify_certificate_signature(key, signed_payload(d), scanned->signature)) {
        std::cout << "ONGELDIG: de handtekening klopt niet. Dit certificaat (" << d.number
                  << ") is niet door het Kwaliteitsregister uitgegeven of is veranderd.\n";
        return 1;
    }
    std::cout << "ECHT: de handtekening van het Kwaliteitsregister klopt.\n"
              << "  Certificaat: " << d.number << "\n  Lid: " << d.member << "\n  Scope: " << d.scope
              << "\n  Geldig vanaf: " << d.valid_from << "\n  Geldig tot en met: " << d.valid_through
              << "\n  Verloopt op: " << d.expires
              << "\nDe actuele status (geldig, geschorst, vervallen of ingetrokken) staat in het register.\n";
    return 0;
}

}  // namespace

void add_verify_certificate_command(CLI::App& app, CommandContext& context)
{
    auto options = std::make_shared<VerifyOptions>();
    auto* cmd = app.add_subcommand("verify-certificate",
                                   "Controleer de QR-code van een certificaat (de URL of de gegevens) zonder de site");
    cmd->add_option("payload", options->payload, "De gescande URL ({basis}/register/NUMMER?member=…&sig=…)")
        ->required();
    cmd->add_option("--public-key", options->public_key, "Publieke sleutel van het register (base64)");
    cmd->add_option("--db", options->db, "Of: lees de sleutel uit deze database");
    cmd->callback([options, &context] { context.exit_code = run_verify(*options); });
}

}  // namespace sterk::cli
