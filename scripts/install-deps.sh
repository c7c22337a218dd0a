#!/usr/bin/env bash
# Installs what Sterklabel needs on a Debian 12 machine, from Debian's packages only.
# Quick no-op when everything is already there, so `make run` and `make test` can always call it.
set -euo pipefail
packages=(
  g++ cmake make pkg-config git ca-certificates libboost-dev nlohmann-json3-dev libsoci-dev
  libyaml-cpp-dev libcairo2-dev libpango1.0-dev fonts-noto-core fonts-dejavu-core libqrencode-dev
  libsodium-dev libcurl4-openssl-dev libspdlog-dev libfmt-dev libcli11-dev libxlsxwriter-dev
  libmagic-dev libgtest-dev libgmock-dev postgresql poppler-utils zbar-tools python3-aiosmtpd
  sqlite3 chromium chromium-driver nodejs npm curl wrk
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node and npm may come from outside Debian on some machines; only install Debian's when absent.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
