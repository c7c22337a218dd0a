#!/usr/bin/env bash
# Installs what Sterklabel needs on a Debian 12 machine, from Debian's packages only.
# Quick no-op when everything is already there, so `make run` and `make test` can always call it.
set -euo pipefail
packages=(
  # build
  g++ cmake make pkg-config git ca-certificates
  # the fuzz harnesses (tests/fuzz): clang with libFuzzer and the sanitizers' runtimes; llvm-14 has
  # llvm-symbolizer, for readable stacks in a sanitizer's report
  clang-14 libclang-rt-14-dev llvm-14
  # libraries (SOCI's headers include libpq's and sqlite3's, which libsoci-dev does not pull in)
  libboost-dev nlohmann-json3-dev libsoci-dev libpq-dev libsqlite3-dev libyaml-cpp-dev libsodium-dev
  libcurl4-openssl-dev libmagic-dev libspdlog-dev libfmt-dev libcli11-dev libgtest-dev libgmock-dev
  # the audit report as PDF: cairo + pango, drawn with an embedded DejaVu Sans
  libcairo2-dev libpango1.0-dev fonts-dejavu-core
  # each user's calendar feed of deadlines (iCalendar), read back in the tests by python3-icalendar
  libical-dev python3-icalendar
  # tests: PostgreSQL server, SMTP sink, browser; tools
  postgresql python3-aiosmtpd sqlite3 chromium curl wrk nginx-light
  # `make bench` prints its closing table with column(1)
  bsdextrautils
  # tests: a PDF's text, pages and fonts read back (pdftotext, pdfinfo, pdffonts)
  poppler-utils
  # the certificate's QR code (libqrencode), decoded again in the tests (zbarimg)
  libqrencode-dev zbar-tools
  # lists and trends as Excel files (libxlsxwriter), read back in the tests by a second reader (openpyxl)
  libxlsxwriter-dev python3-openpyxl
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The web app's toolchain (Vite 8, Playwright) needs Node.js >= 20.19; Debian 12's nodejs is 18.
# Without any Node, Debian's nodejs and npm come first: their npm fetches a newer Node below.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# A Node.js >= 20.19 for the web app: the system's, or a project-local one in .tools/ (fetched once
# from the npm registry; the system stays as it is). The Makefile puts .tools/bin first on PATH.
bash "$(dirname "$0")/ensure-node.sh" >/dev/null
