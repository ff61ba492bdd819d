#!/usr/bin/env bash
# Runs every suite, keeps going after a failure, and exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$(pwd)/.tools/bin:$PATH"
failed=()
timings=()

now() { date +%s.%N; }
# Appends "<seconds>  <suite>" to the closing table of wall times.
timed() { timings+=("$(awk -v a="$2" -v b="$3" 'BEGIN { printf "%7.1f s", b - a }')  $1"); }

run() {
  local name=$1; shift
  printf '\n\033[1;34m==> %s\033[0m\n' "$name"
  local start; start=$(now)
  "$@" || failed+=("$name")
  timed "$name" "$start" "$(now)"
}

# The PostgreSQL pass runs beside the SQLite pass: each pytest process is single-threaded and
# has its own data directory, database and free ports, so two passes use both cores. Its output
# is kept in a file and shown once the SQLite pass is done, so the two never interleave.
test_start=$(now)
pg_pid=""
pg_log="$(mktemp -t doorstep-pg-pass.XXXXXX)"
pg_time="$(mktemp -t doorstep-pg-time.XXXXXX)"
if [ -n "${DOORSTEP_TEST_PG:-}" ]; then
  (
    start=$(now)
    env DOORSTEP_TEST_ENGINE=postgres .venv/bin/pytest -q -p no:cacheprovider tests/integration "$@" >"$pg_log" 2>&1
    status=$?
    printf '%s %s\n' "$start" "$(now)" >"$pg_time"
    exit $status
  ) &
  pg_pid=$!
else
  echo "DOORSTEP_TEST_PG is not set: PostgreSQL integration tests skipped"
fi
run "Python unit + integration + security + chaos (SQLite)" .venv/bin/pytest -q --ignore=tests/browser "$@"
if [ -n "$pg_pid" ]; then
  printf '\n\033[1;34m==> %s\033[0m\n' "Python integration (PostgreSQL, ran beside the SQLite pass)"
  wait "$pg_pid" || failed+=("Python integration (PostgreSQL)")
  cat "$pg_log"
  read -r pg_start pg_end <"$pg_time" && timed "Python integration (PostgreSQL, beside SQLite)" "$pg_start" "$pg_end"
fi
rm -f "$pg_log" "$pg_time"
# Browser tests run in their own pytest process: Playwright's sync API keeps an event loop
# marked as running in the main thread for the whole session, which asyncio tests cannot share.
# No reruns: a browser test waits on states (an element, a request, a stored value), never on
# time, so it passes the first time or has a bug to fix.
run "Browser tests in Chromium" .venv/bin/pytest -q tests/browser "$@"
run "Sync client unit tests" npm --prefix sync/client test --silent
run "Sync client in Chromium" npm --prefix sync/client run test:browser --silent
run "PWA unit tests" npm --prefix pwa test --silent

echo
echo "Wall time of each suite:"
printf '  %s\n' "${timings[@]}"
timed "in all" "$test_start" "$(now)"
printf '  %s\n' "${timings[-1]}"
if [ ${#failed[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}"
  exit 1
fi
echo "All suites passed."
