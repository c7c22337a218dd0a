// sterklabel-bench-pdf: renders Bijlage 8's example report (Part A and Part B) N times with the
// in-process PDF renderer and prints p50/p95 per document and the process's peak memory.
// scripts/bench.sh runs it next to Chromium printing the same report's HTML.
//
//   sterklabel-bench-pdf [--runs N] [--write-pdf DIR] [--write-html FILE]
#include "adapters/pdf/report_html.h"
#include "adapters/pdf/report_pdf.h"
#include "adapters/demo/example_report.h"

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    auto const rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
    return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

// The process's CPU time in ms: next to the wall time, what a run costs when other work shares the
// machine's cores.
double cpu_ms()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

bool write_file(std::string const& path, std::string const& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv)
{
    int runs = 50;
    std::string pdf_dir;
    std::string html_file;
    for (int i = 1; i < argc; ++i) {
        std::string const arg = argv[i];
        if (arg == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--write-pdf" && i + 1 < argc) {
            pdf_dir = argv[++i];
        } else if (arg == "--write-html" && i + 1 < argc) {
            html_file = argv[++i];
        } else {
            std::fprintf(stderr, "gebruik: %s [--runs N] [--write-pdf MAP] [--write-html BESTAND]\n", argv[0]);
            return 2;
        }
    }

    auto const report = sterk::example_report();
    if (!html_file.empty() && !write_file(html_file, sterk::render_report_html(report))) {
        std::fprintf(stderr, "kan %s niet schrijven\n", html_file.c_str());
        return 1;
    }

    std::vector<double> part_a;
    std::vector<double> part_b;
    std::vector<double> full;
    std::vector<double> full_cpu;
    size_t bytes_a = 0;
    size_t bytes_b = 0;
    using Clock = std::chrono::steady_clock;
    auto const ms = [](Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
    for (int run = 0; run < runs; ++run) {
        double const cpu0 = cpu_ms();
        auto const t0 = Clock::now();
        auto a = sterk::render_report_pdf(report, sterk::ReportPart::A);
        auto const t1 = Clock::now();
        auto b = sterk::render_report_pdf(report, sterk::ReportPart::B);
        auto const t2 = Clock::now();
        full_cpu.push_back(cpu_ms() - cpu0);
        if (!a || !b) {
            std::fprintf(stderr, "renderen mislukt: %s\n", (!a ? a.error() : b.error()).message.c_str());
            return 1;
        }
        part_a.push_back(ms(t1 - t0));
        part_b.push_back(ms(t2 - t1));
        full.push_back(ms(t2 - t0));
        bytes_a = a->size();
        bytes_b = b->size();
        if (run == 0 && !pdf_dir.empty()) {
            if (!write_file(pdf_dir + "/deel-a.pdf", *a) || !write_file(pdf_dir + "/deel-b.pdf", *b)) {
                std::fprintf(stderr, "kan niet schrijven in %s\n", pdf_dir.c_str());
                return 1;
            }
        }
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    double const peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux

    std::printf("runs: %d, each Part A then Part B of the same report, the first run included\n", runs);
    std::printf("part A: p50 %.1f ms  p95 %.1f ms  (%zu bytes)\n", percentile(part_a, 50), percentile(part_a, 95), bytes_a);
    std::printf("part B: p50 %.1f ms  p95 %.1f ms  (%zu bytes)\n", percentile(part_b, 50), percentile(part_b, 95), bytes_b);
    std::printf("full report (A + B): p50 %.1f ms  p95 %.1f ms\n", percentile(full, 50), percentile(full, 95));
    std::printf("full report, CPU time: p50 %.1f ms  p95 %.1f ms (the wall time above includes waiting for a core)\n",
                percentile(full_cpu, 50), percentile(full_cpu, 95));
    std::printf("first run: %.1f ms (includes what a process does once per thread: fontconfig, the fonts, "
                "pango's font map and context; in the percentiles above)\n",
                full.front());
    std::printf("peak RSS: %.1f MB\n", peak_mb);
    std::printf("goals: full report under 150 ms: p50 %s, p95 %s; peak memory under 60 MB: %s\n",
                percentile(full, 50) < 150 ? "met" : "NOT met", percentile(full, 95) < 150 ? "met" : "NOT met",
                peak_mb < 60 ? "met" : "NOT met");
    std::printf("PDF_FULL_P50_MS=%.3f\nPDF_FULL_P95_MS=%.3f\nPDF_PEAK_MB=%.1f\n", percentile(full, 50),
                percentile(full, 95), peak_mb);
    return 0;
}
