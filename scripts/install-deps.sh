#!/usr/bin/env bash
# Installs what Sterklabel needs on a Debian 12 machine, from Debian's packages only.
# Quick no-op when everything is already there, so `make run` and `make test` can always call it.
set -euo pipefail
packages=(
  # build
  g++ cmake make pkg-config git ca-certificates
  # libraries (SOCI's headers include libpq's and sqlite3's, which libsoci-dev does not pull in)
  libboost-dev nlohmann-json3-dev libsoci-dev libpq-dev libsqlite3-dev libyaml-cpp-dev libsodium-dev
  libcurl4-openssl-dev libspdlog-dev libfmt-dev libcli11-dev libgtest-dev libgmock-dev
  # tests: PostgreSQL server, SMTP sink, browser; tools
  postgresql python3-aiosmtpd sqlite3 chromium curl wrk
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The web app's toolchain (Vite 8, Playwright) needs Node.js >= 20.19; Debian 12's nodejs is 18,
# so use Debian's only when no Node is present at all, and then say clearly that it is too old.
command -v node >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
node_version=$(node -p 'process.versions.node')
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "Node.js $node_version is too old for the web app: install Node.js 20.19 or newer." >&2
  exit 1
fi
