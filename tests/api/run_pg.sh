#!/bin/sh
# api_tests_pg: the API suite on PostgreSQL. Usage: run_pg.sh NODE TEST_DIR
if [ -z "${TEST_PG_URL:-}" ]; then
  if [ -n "${CI:-}" ]; then
    echo "api_tests_pg: TEST_PG_URL is not set, but CI is: PostgreSQL tests must run in CI" >&2
    exit 1
  fi
  echo "api_tests_pg: TEST_PG_URL is not set; skipped (source scripts/pg-throwaway.sh; pg_throwaway_start)"
  exit 77
fi
exec "$1" --test "$2"
