#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz, with clang) and runs each for SECONDS over its stored
# corpus (tests/fuzz/corpus/<name>/; new inputs go to a scratch copy, the stored one stays as it
# is). Prints per harness: executions, exec/s, corpus size, coverage and the result; exits 1 when
# any harness crashed, leaked, timed out or tripped a sanitizer (the input is kept under
# BUILD_DIR/artifacts/ and named in the output).
#   tests/fuzz/run.sh BUILD_DIR SECONDS [HARNESS...]
# `make fuzz` runs it for 5 minutes each (FUZZ_SECONDS), CTest's fuzz_smoke for 25 s each.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$1"
seconds="$2"
shift 2
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(framework trajectory json_body register_csv http_request)

cxx="${STERK_FUZZ_CXX:-clang++-14}"
if ! command -v "$cxx" >/dev/null; then
  echo "fuzz: $cxx not found; scripts/install-deps.sh installs clang-14 and libclang-rt-14-dev" >&2
  exit 1
fi
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$here" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" >/dev/null
fi
cmake --build "$build" -j "${JOBS:-$(nproc)}" >"$build.log" 2>&1 || { cat "$build.log"; echo "fuzz: build failed" >&2; exit 1; }

# Symbolised stacks in reports; leaks count as failures; undefined behaviour stops the run.
symbolizer="$(command -v llvm-symbolizer-14 || ls /usr/lib/llvm-14/bin/llvm-symbolizer 2>/dev/null || true)"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0${symbolizer:+:external_symbolizer_path=$symbolizer}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

mkdir -p "$build/artifacts" "$build/logs"
printf '%-14s %12s %10s %8s %8s %8s  %s\n' harness executions exec/s corpus cov ft result
failed=0
for name in "${harnesses[@]}"; do
  work="$build/work/$name"
  rm -rf "$work"
  mkdir -p "$work"
  args=(-max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 -print_final_stats=1
        -artifact_prefix="$build/artifacts/$name-")
  [ -f "$here/$name.dict" ] && args+=(-dict="$here/$name.dict")
  log="$build/logs/$name.log"
  status=0
  "$build/${name}_fuzz" "${args[@]}" "$work" "$here/corpus/$name" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | grep -E 'cov: ' | tail -1 || true)
  cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corpus=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
  result=ok
  if [ "$status" -ne 0 ]; then
    result="FAILED (exit $status, log $log)"
    failed=1
  fi
  printf '%-14s %12s %10s %8s %8s %8s  %s\n' "$name" "${execs:-?}" "${rate:-?}" "${corpus:-?}" "${cov:-?}" "${ft:-?}" "$result"
  if [ "$status" -ne 0 ]; then
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written|artifact_prefix|==[0-9]+==' "$log" | head -20 >&2 || true
  fi
done
exit $failed
