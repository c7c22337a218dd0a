#!/usr/bin/env bash
# `make run`: serves Sterklabel with demo data. Usage: scripts/run.sh "<db-url>" "<port>"
set -euo pipefail
cd "$(dirname "$0")/.."
db="${1:-sqlite:data/sterklabel.db}"
port="${2:-8080}"
mkdir -p data
echo "Open http://localhost:${port} in uw browser (stoppen: Ctrl+C)."
exec build/sterklabel serve --db "$db" --listen "0.0.0.0:${port}" --web-root web/dist --demo
