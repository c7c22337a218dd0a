#!/usr/bin/env bash
# `make bench`: figures for the server on this machine (wrk over loopback, bounded in time) and for
# the CLI. Prints requests/s, latency percentiles and the server's peak memory. Not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk ontbreekt: apt-get install wrk"; exit 1; }
# The load section holds 1,000 slow connections besides its 500 clients: the server and Node each
# need a descriptor per connection.
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 4096 ]; then
  ulimit -n 4096 2>/dev/null || echo "ulimit -n is $(ulimit -n) and cannot be raised: the load section may fail"
fi
dir=$(mktemp -d /tmp/sterk-bench.XXXXXX)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
STERK_DEMO_PASSWORD=bench-wachtwoord-123 build/sterklabel serve --db "sqlite:$dir/bench.db" \
  --listen 127.0.0.1:0 --web-root web/dist --demo >"$dir/out" 2>"$dir/err" &
pid=$!
for _ in $(seq 50); do grep -q "luistert op" "$dir/out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o "http://[0-9.:]*" "$dir/out" | head -1)
echo "server: $url (pid $pid)"
cookie=$(curl -s -i -H 'Content-Type: application/json' \
  -d '{"email":"secretariaat@sociaalwerk.example","password":"bench-wachtwoord-123"}' "$url/api/v1/session" |
  grep -i '^set-cookie:' | sed 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/')
run() {
  echo; echo "== $1"
  shift
  wrk --latency "$@" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors"
}
# row: one line of the closing table: what, our figure, the anchor measured in this run, the goal,
# and whether it holds (met / NOT met / no goal).
row() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" >>"$dir/summary"; }
met() { awk -v c="$1" 'BEGIN { print (c ? "met" : "NOT met") }'; }
# ms: wrk's latency ("812.00us", "6.52ms", "1.02s") in milliseconds.
ms() { awk -v t="$1" 'BEGIN { v = t + 0; if (t ~ /us$/) v /= 1000; else if (t ~ /[^m]s$/) v *= 1000; printf "%.2f", v }'; }
rps() { awk '/Requests\/sec/ {printf "%.0f", $2}' "$1"; }
p99() { ms "$(awk '$1 == "99%" {print $2}' "$1")"; }
run "GET /healthz, 64 connections, 2 threads, 10 s" -t2 -c64 -d10s "$url/healthz"
run "GET /api/v1/frameworks/2019 (49 norms, ~100 kB JSON), 16 connections, 10 s" -t2 -c16 -d10s "$url/api/v1/frameworks/2019"
run "GET /api/v1/me with a session (session lookup in SQLite), 16 connections, 10 s" -t2 -c16 -d10s -H "Cookie: $cookie" "$url/api/v1/me"
run "GET /api/v1/trajectories as the secretariat (every demo trajectory replayed from its stored events), 16 connections, 10 s" -t2 -c16 -d10s -H "Cookie: $cookie" "$url/api/v1/trajectories"
echo; echo "== self-evaluation: 49 answered norms, then an autosave burst (scripts/bench-self-evaluation.mjs)"
node scripts/bench-self-evaluation.mjs "$url" bench-wachtwoord-123 >"$dir/se" || { cat "$dir/se"; exit 1; }
grep -v '^COOKIE=' "$dir/se" | grep -v '^SELF_EVALUATION_ID='
se_id=$(sed -n 's/^SELF_EVALUATION_ID=//p' "$dir/se")
member_cookie=$(sed -n 's/^COOKIE=//p' "$dir/se")
run "GET /api/v1/self-evaluations/$se_id (the page's data: 49 answered norms with progress), 16 connections, 10 s" \
  -t2 -c16 -d10s -H "Cookie: $member_cookie" "$url/api/v1/self-evaluations/$se_id"
echo; echo "== open actions on the home page with 500 trajectories in the database (sterklabel demo-data)"
build/sterklabel demo-data --db "sqlite:$dir/bench.db" --audits 500
run "GET /api/v1/me/actions as the secretariat (every trajectory replayed), 16 connections, 10 s" \
  -t2 -c16 -d10s -H "Cookie: $cookie" "$url/api/v1/me/actions"
run "GET /api/v1/trajectories?overdue=true as the secretariat (the overview's filter), 4 connections, 10 s" \
  -t2 -c4 -d10s -H "Cookie: $cookie" "$url/api/v1/trajectories?overdue=true"
echo; echo "== register search: the server vs nginx serving the same JSON as a static file (300 fictitious certified members)"
awk 'BEGIN {
  print "lidnummer;naam;kvk;plaats;scope;certificaatnummer;uitgegeven;verloopt"
  split("Welzijn,Sociaal Werk,Buurtwerk,Wijkteam,Jongerenwerk,Mantelzorg", kind, ",")
  split("Assen,Breda,Delft,Ede,Gouda,Hoorn,Leiden,Venlo,Zwolle,Emmen", town, ",")
  for (i = 1; i <= 300; i++) {
    month = 1 + i % 11; day = 1 + i % 27
    printf "BENCH-%04d;Stichting %s %s %d (fictief);%08d;%s;Het hele lid;SSW-2026-%04d;2026-%02d-%02d;2028-%02d-%02d\n",
      i, kind[1 + i % 6], town[1 + i % 10], i, 91000000 + i, town[1 + i % 10], 5000 + i, month, day, month, day
  }
}' >"$dir/register.csv"
build/sterklabel import register "$dir/register.csv" --db "sqlite:$dir/bench.db" | tail -1
search="/api/v1/register?q=welzijn"
sleep 2.5  # the server keeps the register's rows for 2 s; the next request reads the imported ones
curl -sf "$url$search" >"$dir/register.json"
echo "answer: $(node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1])); console.log(r.entries.length + " entries")' "$dir/register.json"), $(wc -c <"$dir/register.json") bytes"
if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  mkdir -p "$dir/nginx/www/api/v1" "$dir/nginx/tmp"
  cp "$dir/register.json" "$dir/nginx/www/api/v1/register"
  echo '{"status":"ok"}' >"$dir/nginx/www/healthz"
  chmod -R a+rX "$dir"
  nginx_port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
  cat >"$dir/nginx/nginx.conf" <<CONF
$( [ "$(id -u)" = 0 ] && echo "user root;" )
worker_processes auto;
daemon off;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/nginx/tmp; proxy_temp_path $dir/nginx/tmp; fastcgi_temp_path $dir/nginx/tmp;
  uwsgi_temp_path $dir/nginx/tmp; scgi_temp_path $dir/nginx/tmp;
  server {
    listen 127.0.0.1:$nginx_port;
    root $dir/nginx/www;
    location / { default_type application/json; }
  }
}
CONF
  "$nginx_bin" -p "$dir/nginx" -c "$dir/nginx/nginx.conf" &
  nginx_pid=$!
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/api/v1/register" >/dev/null 2>&1 && break; sleep 0.1; done
  wrk --latency -t2 -c64 -d10s "$url$search" >"$dir/wrk-server"
  wrk --latency -t2 -c64 -d10s "http://127.0.0.1:$nginx_port/api/v1/register" >"$dir/wrk-nginx"
  wrk --latency -t2 -c64 -d10s "$url/healthz" >"$dir/wrk-health"
  wrk --latency -t2 -c64 -d10s "http://127.0.0.1:$nginx_port/healthz" >"$dir/wrk-nginx-health"
  kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true
  for who in server nginx; do
    echo "$who: $(grep -E 'Requests/sec' "$dir/wrk-$who" | tr -s ' ')  p50 $(awk '$1 == "50%" {print $2}' "$dir/wrk-$who")  p99 $(awk '$1 == "99%" {print $2}' "$dir/wrk-$who")$(grep -E 'Non-2xx|Socket errors' "$dir/wrk-$who" | tr -s ' ' | sed 's/^/  /')"
  done
  echo "GET /healthz: server $(rps "$dir/wrk-health") req/s p99 $(p99 "$dir/wrk-health") ms; nginx (the same bytes, static) $(rps "$dir/wrk-nginx-health") req/s p99 $(p99 "$dir/wrk-nginx-health") ms"
  ratio=$(awk -v s="$(rps "$dir/wrk-server")" -v n="$(rps "$dir/wrk-nginx")" 'BEGIN { printf "%.2f", s / n }')
  row "register search ?q=welzijn, 64 conn." "$(rps "$dir/wrk-server") req/s" "nginx $(rps "$dir/wrk-nginx") req/s" "at least 0.40 of nginx" "$ratio of nginx: $(met "$ratio >= 0.40")"
  row "register search p99" "$(p99 "$dir/wrk-server") ms" "nginx $(p99 "$dir/wrk-nginx") ms" "under 10 ms" "$(met "$(p99 "$dir/wrk-server") < 10")"
  row "GET /healthz, 64 conn." "$(rps "$dir/wrk-health") req/s" "nginx $(rps "$dir/wrk-nginx-health") req/s" "(no goal)" "$(awk -v s="$(rps "$dir/wrk-health")" -v n="$(rps "$dir/wrk-nginx-health")" 'BEGIN { printf "%.2f of nginx", s / n }')"
  awk -v s="$(awk '/Requests\/sec/ {print $2}' "$dir/wrk-server")" -v n="$(awk '/Requests\/sec/ {print $2}' "$dir/wrk-nginx")" \
      -v p99="$(awk '$1 == "99%" {print $2}' "$dir/wrk-server")" 'BEGIN {
    ms = p99 + 0; if (p99 ~ /us$/) ms /= 1000; else if (p99 ~ /[^m]s$/) ms *= 1000
    printf "ratio server/nginx: %.2f of nginx'"'"'s rate (goal: at least 0.40: %s); server p99 %.2f ms (goal: under 10 ms: %s)\n",
      s / n, (s / n >= 0.4 ? "met" : "NOT met"), ms, (ms < 10 ? "met" : "NOT met") }'
else
  echo "skipped: needs nginx (Debian nginx-light; scripts/install-deps.sh installs it)"
fi
echo; echo "== load: 500 clients (register searches, findings saves, logins), 1,000 slow connections, a login storm (scripts/load.mjs)"
node scripts/load.mjs "$url" bench-wachtwoord-123 >"$dir/load" || true
grep -v '^[A-Z0-9_]*=' "$dir/load"
load() { sed -n "s/^$1=//p" "$dir/load"; }
if [ -n "$(load LOAD_MIXED_ERRORS)" ]; then
  row "500 clients 60 s (register, findings, logins)" "$(load LOAD_MIXED_REQUESTS) requests, p99 $(load LOAD_MIXED_P99_MS) ms" "-" "no errors" "$(load LOAD_MIXED_ERRORS) errors: $(met "$(load LOAD_MIXED_ERRORS) == 0")"
  row "fresh request p99 with 1,000 slow conn." "$(load LOAD_FRESH_WITH_P99_MS) ms" "without them $(load LOAD_FRESH_WITHOUT_P99_MS) ms" "at most 10 ms slower, no errors" "$(met "$(load LOAD_FRESH_WITH_P99_MS) - $(load LOAD_FRESH_WITHOUT_P99_MS) <= 10 && $(load LOAD_FRESH_ERRORS) == 0")"
  row "register p99 during 200 logins" "$(load LOAD_STORM_REGISTER_P99_MS) ms" "-" "under 50 ms, no errors" "$(met "$(load LOAD_STORM_REGISTER_P99_MS) < 50 && $(load LOAD_STORM_ERRORS) == 0")"
else
  row "load (scripts/load.mjs)" "failed" "-" "-" "NOT met"
fi
echo; echo "== certificate: its PDF (signature, QR code, A4) and the label's logo, in-process (sterklabel-bench-certificate)"
build/tests/pdf/sterklabel-bench-certificate --runs 200 | tee "$dir/certificate"
cert_p50=$(awk '/^certificate PDF \(/ { for (i = 1; i <= NF; i++) if ($i == "p50") print $(i + 1) }' "$dir/certificate")
row "certificate PDF, in-process" "p50 $cert_p50 ms" "-" "under 10 ms" "$(met "$cert_p50 < 10")"
echo; echo "== server memory after load"
grep -E "VmHWM|VmRSS" "/proc/$pid/status"
peak_rss=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")
row "server peak memory after the load above" "$peak_rss MB" "-" "(no goal)" "-"
echo; echo "== CLI: 100 x sterklabel advise (B8 example)"
verdicts=$(build/sterklabel framework --json | node -e '
  const fw = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const v = Object.fromEntries(fw.norms.map((n) => [n.code, "+"]));
  for (const c of ["VM5","VM7","DV5","DV6","DV8","OB10","OB16"]) v[c] = "+/-";
  console.log(JSON.stringify({ framework: "2019", verdicts: v }));')
echo "$verdicts" >"$dir/b8.json"
start=$(date +%s%N)
for _ in $(seq 100); do build/sterklabel advise "$dir/b8.json" --json >/dev/null; done
end=$(date +%s%N)
echo "mean $(( (end - start) / 100000 )) µs per run (process start, framework parse and validation included)"

echo; echo "== CLI: 100 x sterklabel trajectory (scenario c renewal: 14 events, two sets of 49 verdicts)"
start=$(date +%s%N)
for _ in $(seq 100); do
  build/sterklabel trajectory examples/trajectories/scenario-c-renewal.json --today 2026-10-26 --json >/dev/null
done
end=$(date +%s%N)
echo "mean $(( (end - start) / 100000 )) µs per run (process start, framework load, replay and view)"

echo; echo "== report PDF: Bijlage 8's example (Part A + Part B, 49 norms of ~120 words), in-process (cairo + pango)"
build/tests/pdf/sterklabel-bench-pdf --runs 30 --write-html "$dir/report.html" >"$dir/pdf"
grep -v '^PDF_' "$dir/pdf"
ours_p50=$(sed -n 's/^PDF_FULL_P50_MS=//p' "$dir/pdf")
ours_p95=$(sed -n 's/^PDF_FULL_P95_MS=//p' "$dir/pdf")
echo; echo "== report PDF: the same report's HTML printed by Chromium kept running (page.pdf over CDP)"
if [ -x /usr/bin/chromium ] && [ -d web/node_modules ]; then
  node scripts/bench-report-chromium.mjs "$dir/report.html" 20 >"$dir/chromium" || { cat "$dir/chromium"; exit 1; }
  grep -v '^CHROMIUM_' "$dir/chromium"
  chromium_p50=$(sed -n 's/^CHROMIUM_P50_MS=//p' "$dir/chromium")
  chromium_p95=$(sed -n 's/^CHROMIUM_P95_MS=//p' "$dir/chromium")
  awk -v o50="$ours_p50" -v o95="$ours_p95" -v c50="$chromium_p50" -v c95="$chromium_p95" 'BEGIN {
    r50 = o50 / c50; r95 = o95 / c95
    printf "ratio ours/chromium: p50 %.2f, p95 %.2f (goal: at most 0.25): p50 %s, p95 %s\n", r50, r95,
      (r50 <= 0.25 ? "met" : "NOT met"), (r95 <= 0.25 ? "met" : "NOT met") }'
  ratio=$(awk -v o="$ours_p50" -v c="$chromium_p50" 'BEGIN { printf "%.2f", o / c }')
  row "report PDF (B8, 49 norms), in-process" "p50 $ours_p50 ms" "Chromium p50 $chromium_p50 ms" "at most 0.25 of Chromium" "$ratio: $(met "$ratio <= 0.25")"
else
  echo "skipped: needs /usr/bin/chromium and web/node_modules (cd web && npm ci)"
fi
echo "goals: in-process at most 1/4 of Chromium's time, under 150 ms per full report, peak memory under 60 MB"
row "report PDF p95" "$ours_p95 ms" "-" "under 150 ms" "$(met "$ours_p95 < 150")"
pdf_peak=$(sed -n 's/^PDF_PEAK_MB=//p' "$dir/pdf")
row "report PDF peak memory" "$pdf_peak MB" "-" "under 60 MB" "$(met "$pdf_peak < 60")"

echo; echo "== outbox: 300 messages queued, then sent one by one to a local SMTP sink (aiosmtpd, Maildir)"
if [ -x /usr/bin/aiosmtpd ]; then
  smtp_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  /usr/bin/aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$dir/Maildir" &
  smtp_pid=$!
  for _ in $(seq 50); do (echo >"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break; sleep 0.1; done
  build/tests/bench/sterklabel-bench-outbox --smtp-url "smtp://127.0.0.1:$smtp_port" --count 300 >"$dir/outbox"
  grep -v '^[A-Z_]*=' "$dir/outbox"
  row "outbox to a local SMTP sink" "$(sed -n 's/^MSGS_PER_S=//p' "$dir/outbox") mails/s" "-" "(no goal)" "-"
  kill "$smtp_pid"; wait "$smtp_pid" 2>/dev/null || true
  echo "in the Maildir: $(ls "$dir/Maildir/new" | wc -l) messages"
else
  echo "skipped: needs /usr/bin/aiosmtpd (python3-aiosmtpd)"
fi

echo; echo "== trends: the trends page's data from the kept counters vs a plain GROUP BY over the stored verdicts (SQLite)"
for audits in 2000 20000; do
  rm -f "$dir/trends-$audits.db"
  build/sterklabel demo-data --db "sqlite:$dir/trends-$audits.db" --audits "$audits" 2>/dev/null | tail -1
  build/sterklabel trends time --db "sqlite:$dir/trends-$audits.db" --runs 50 | tee "$dir/trends-$audits" | grep -v '^[A-Z_]*='
done
p50() { grep -o 'TRENDS_P50_MS=[0-9.]*' "$1" | cut -d= -f2; }
anchor() { grep -o 'GROUPBY_P50_MS=[0-9.]*' "$1" | cut -d= -f2; }
small=$(p50 "$dir/trends-2000"); large=$(p50 "$dir/trends-20000"); group=$(anchor "$dir/trends-20000")
awk -v s="$small" -v l="$large" -v g="$group" 'BEGIN {
  printf "growth 2,000 -> 20,000 audits: %.2f ms -> %.2f ms (x%.1f for 10x the data)\n", s, l, l / s
  printf "goals: under 50 ms (%s), at least 4x faster than the GROUP BY (%.0fx: %s), flat: under 2x for 10x the audits (%s)\n",
    (l < 50 ? "met" : "NOT met"), g / l, (g / l >= 4 ? "met" : "NOT met"), (l / s < 2 ? "met" : "NOT met") }'
row "trends page data, 20,000 audits" "p50 $large ms" "GROUP BY p50 $group ms" "under 50 ms, 4x the GROUP BY" "$(awk -v l="$large" -v g="$group" 'BEGIN { printf "%.0fx", g / l }'): $(met "$large < 50 && $group / $large >= 4")"
row "trends growth 2,000 -> 20,000 audits" "$small -> $large ms" "-" "under 2x for 10x the audits" "$(met "$large / $small < 2")"

echo; echo "== summary: each figure of this run next to its anchor from the same run and its goal"
{ printf 'what\tours\tanchor (same run)\tgoal\tresult\n'; cat "$dir/summary"; } | column -t -s "$(printf '\t')"
if grep -q "NOT met" "$dir/summary"; then echo "not every goal holds in this run: see the NOT met rows"; fi
