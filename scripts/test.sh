#!/usr/bin/env bash
# Runs every suite, keeps going after a failure, and exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$(pwd)/.tools/bin:$PATH"
failed=()

run() {
  local name=$1; shift
  printf '\n\033[1;34m==> %s\033[0m\n' "$name"
  "$@" || failed+=("$name")
}

# The PostgreSQL pass runs beside the SQLite pass: each pytest process is single-threaded and
# has its own data directory, database and free ports, so two passes use both cores. Its output
# is kept in a file and shown once the SQLite pass is done, so the two never interleave.
pg_pid=""
pg_log="$(mktemp -t doorstep-pg-pass.XXXXXX)"
if [ -n "${DOORSTEP_TEST_PG:-}" ]; then
  env DOORSTEP_TEST_ENGINE=postgres .venv/bin/pytest -q -p no:cacheprovider tests/integration "$@" >"$pg_log" 2>&1 &
  pg_pid=$!
else
  echo "DOORSTEP_TEST_PG is not set: PostgreSQL integration tests skipped"
fi
run "Python unit + integration + security + chaos (SQLite)" .venv/bin/pytest -q --ignore=tests/browser "$@"
if [ -n "$pg_pid" ]; then
  printf '\n\033[1;34m==> %s\033[0m\n' "Python integration (PostgreSQL, ran beside the SQLite pass)"
  wait "$pg_pid" || failed+=("Python integration (PostgreSQL)")
  cat "$pg_log"
fi
rm -f "$pg_log"
# Browser tests run in their own pytest process: Playwright's sync API keeps an event loop
# marked as running in the main thread for the whole session, which asyncio tests cannot share.
# UI timing under a loaded CI machine is the one source of flakiness we accept: a browser test
# must pass within three tries, and every rerun is reported in the output.
run "Browser tests in Chromium" .venv/bin/pytest -q --reruns 2 --reruns-delay 2 tests/browser "$@"
run "Sync client unit tests" npm --prefix sync/client test --silent
run "Sync client in Chromium" npm --prefix sync/client run test:browser --silent
run "PWA unit tests" npm --prefix pwa test --silent

echo
if [ ${#failed[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}"
  exit 1
fi
echo "All suites passed."
