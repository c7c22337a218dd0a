// sterklabel-bench-certificate: signs and draws one certificate (A4 with its QR code) and the
// label's logo N times in-process, and prints p50/p95 per document and the peak memory.
// scripts/bench.sh runs it; the goal (issue 11) is a certificate PDF under 10 ms.
//
//   sterklabel-bench-certificate [--runs N]
#include "adapters/crypto/sodium_signer.h"
#include "adapters/pdf/certificate_pdf.h"
#include "adapters/pdf/label_logo.h"
#include "core/certificate/verification.h"

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    auto const rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
    return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

sterk::Certificate sample()
{
    using sterk::Date;
    auto const day = Date::from_ymd(2026, 11, 30);
    sterk::CertificateTerm const term{day, day, day.add_months(24).add_days(-1), day.add_months(24)};
    return sterk::issue_certificate({1, "Stichting Welzijn en Buurtwerk Zuidoost-Drenthe", "Emmen", "41023456",
                                     "SWN-1042",
                                     "Werksoorten: jongerenwerk, buurtbemiddeling, opbouwwerk, mantelzorgondersteuning "
                                     "en schuldhulpverlening",
                                     std::nullopt},
                                    day, term, 42)
        .value();
}

// The process's CPU time in ms: what a document costs when other work shares the machine's cores.
double cpu_ms()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv)
{
    int runs = 200;
    for (int i = 1; i < argc; ++i) {
        std::string const arg = argv[i];
        if (arg == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else {
            std::fprintf(stderr, "gebruik: %s [--runs N]\n", argv[0]);
            return 2;
        }
    }
    sterk::SodiumCertificateSigner signer;
    auto const key = signer.new_key_pair();
    auto const certificate = sample();
    using Clock = std::chrono::steady_clock;
    auto const ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };

    std::vector<double> pdf;
    std::vector<double> pdf_cpu;
    std::vector<double> svg;
    std::vector<double> png;
    size_t pdf_bytes = 0;
    for (int run = 0; run < runs; ++run) {
        double const cpu0 = cpu_ms();
        auto const t0 = Clock::now();
        auto const signature = signer.sign(key, sterk::signed_payload(certificate));
        if (!signature) {
            std::fprintf(stderr, "ondertekenen mislukt\n");
            return 1;
        }
        sterk::SignedCertificate const signed_certificate{sterk::verification_data(certificate), *signature};
        auto const url = sterk::verification_url("https://sterklabel.example", signed_certificate);
        auto const document = sterk::render_certificate_pdf(certificate, url);
        auto const t1 = Clock::now();
        pdf_cpu.push_back(cpu_ms() - cpu0);
        sterk::LabelLogo const logo{certificate.number, 2026, "Kwaliteitslabel Sterk Sociaal Werk, gecertificeerd 2026"};
        auto const as_svg = sterk::render_label_logo(logo, sterk::LogoFormat::Svg);
        auto const t2 = Clock::now();
        auto const as_png = sterk::render_label_logo(logo, sterk::LogoFormat::Png);
        auto const t3 = Clock::now();
        if (!document || !as_svg || !as_png) {
            std::fprintf(stderr, "tekenen mislukt\n");
            return 1;
        }
        pdf.push_back(ms(t1 - t0));
        svg.push_back(ms(t2 - t1));
        png.push_back(ms(t3 - t2));
        pdf_bytes = document->size();
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("runs: %d, the first included (it loads fontconfig and the fonts)\n", runs);
    std::printf("certificate PDF (signature, QR code, A4 page): p50 %.2f ms  p95 %.2f ms  (%zu bytes)\n",
                percentile(pdf, 50), percentile(pdf, 95), pdf_bytes);
    std::printf("certificate PDF, CPU time: p50 %.2f ms  p95 %.2f ms (the wall time includes waiting for a core)\n",
                percentile(pdf_cpu, 50), percentile(pdf_cpu, 95));
    std::printf("logo SVG: p50 %.2f ms  p95 %.2f ms; logo PNG 1200x1200: p50 %.2f ms  p95 %.2f ms\n",
                percentile(svg, 50), percentile(svg, 95), percentile(png, 50), percentile(png, 95));
    std::printf("first certificate: %.1f ms; peak RSS: %.1f MB\n", pdf.front(),
                static_cast<double>(usage.ru_maxrss) / 1024.0);
    std::printf("goal: certificate PDF under 10 ms in-process: p50 %s, p95 %s\n",
                percentile(pdf, 50) < 10 ? "met" : "NOT met", percentile(pdf, 95) < 10 ? "met" : "NOT met");
    return 0;
}
