#!/usr/bin/env bash
# Runs every suite, keeps going after a failure, and exits non-zero if any failed.
#
# Two lanes, one per core: each pytest process is single-threaded and has its own data
# directory, database and free ports, so two run side by side without meeting.
#   lane 1: Python integration on SQLite, then the browser tests in Chromium
#   lane 2: Python integration on PostgreSQL (when DOORSTEP_TEST_PG names a server), then
#           unit + security + chaos + generated artefacts, then the TypeScript suites
# Lane 2's output goes to a file, shown once lane 1 is done, so the two never interleave.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$(pwd)/.tools/bin:$PATH"

now() { date +%s.%N; }
results_dir="$(mktemp -d -t doorstep-test.XXXXXX)"
trap 'rm -rf "$results_dir"' EXIT

# suite <lane> <name> <command…>: runs one suite and records "<seconds>|<status>|<name>".
suite() {
  local lane=$1 name=$2; shift 2
  printf '\n\033[1;34m==> %s\033[0m\n' "$name"
  local start status=0; start=$(now)
  "$@" || status=$?
  awk -v a="$start" -v b="$(now)" -v s="$status" -v n="$name" \
    'BEGIN { printf "%.1f|%d|%s\n", b - a, s, n }' >>"$results_dir/$lane"
}

lane_two() {
  if [ -n "${DOORSTEP_TEST_PG:-}" ]; then
    suite 2 "Python integration (PostgreSQL)" \
      env DOORSTEP_TEST_ENGINE=postgres .venv/bin/pytest -q -p no:cacheprovider tests/integration "$@"
  else
    echo "DOORSTEP_TEST_PG is not set: PostgreSQL integration tests skipped"
  fi
  suite 2 "Python unit + security + chaos + generated artefacts" \
    .venv/bin/pytest -q -p no:cacheprovider tests/unit tests/security tests/chaos \
    tests/test_generated_artefacts.py "$@"
  suite 2 "Sync client unit tests" npm --prefix sync/client test --silent
  suite 2 "Sync client in Chromium" npm --prefix sync/client run test:browser --silent
  suite 2 "PWA unit tests" npm --prefix pwa test --silent
}

test_start=$(now)
lane_two "$@" >"$results_dir/lane2.log" 2>&1 &
lane_two_pid=$!

suite 1 "Python integration (SQLite)" .venv/bin/pytest -q -p no:cacheprovider tests/integration "$@"
# Browser tests run in their own pytest process: Playwright's sync API keeps an event loop
# marked as running in the main thread for the whole session, which asyncio tests cannot share.
# No reruns: a browser test waits on states (an element, a request, a stored value), never on
# time, so it passes the first time or has a bug to fix.
suite 1 "Browser tests in Chromium" .venv/bin/pytest -q -p no:cacheprovider tests/browser "$@"

wait "$lane_two_pid"
printf '\n\033[1;34m==> %s\033[0m\n' "Lane 2 (ran beside the SQLite integration and browser tests)"
cat "$results_dir/lane2.log"

echo
echo "Wall time of each suite (lane 1 and lane 2 ran side by side):"
failed=0
for lane in 1 2; do
  [ -f "$results_dir/$lane" ] || continue
  while IFS='|' read -r seconds status name; do
    mark="ok"; [ "$status" -ne 0 ] && { mark="FAILED"; failed=1; }
    printf '  lane %s %8.1f s  %-6s %s\n' "$lane" "$seconds" "$mark" "$name"
  done <"$results_dir/$lane"
done
awk -v a="$test_start" -v b="$(now)" 'BEGIN { printf "  in all %8.1f s\n", b - a }'
if [ "$failed" -ne 0 ]; then
  echo "FAILED: see the suites marked above."
  exit 1
fi
echo "All suites passed."
