#!/usr/bin/env bash
# Runs every suite, keeps going after a failure, and exits non-zero if any failed.
#
# Two lanes, one per core: each pytest process is single-threaded and has its own data
# directory, database and free ports, so two run side by side without meeting. The suites
# wait in one queue, longest first, and each lane takes the next one as it comes free, so
# the lanes end close together whichever suite turns out slower on the day (a fixed split
# left one lane idle for minutes). Each suite's output is shown whole once it ends, so the
# two lanes never interleave.
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

PYTEST=(.venv/bin/pytest -q -p no:cacheprovider)
EXTRA=("$@")
# Playwright's sync API keeps an event loop marked as running in the main thread for the
# whole session, which asyncio tests cannot share: the browser tests are a process of their
# own. No reruns anywhere: a test waits on states (an element, a request, a stored value),
# never on time, so it passes the first time or has a bug to fix.
# The integration tests run as two halves per engine, so that the lanes can share them out
# evenly (one whole pass per lane left one lane idle for minutes at the end). The first half
# is these folders; the second is every other folder, new ones included.
INTEGRATION_FIRST_HALF=(documents registry jobs web scaleout throttling corrections training visits
  knowledge)
integration_half() {  # integration_half first|second: the pytest arguments of that half
  local dir
  for dir in "${INTEGRATION_FIRST_HALF[@]}"; do
    if [ "$1" = first ]; then echo "tests/integration/$dir"; else echo "--ignore=tests/integration/$dir"; fi
  done
  [ "$1" = second ] && echo tests/integration
  return 0
}
integration() {  # integration <lane> sqlite|postgres first|second
  local lane=$1 engine=$2 half=$3 label=SQLite
  local -a args env_engine=()
  mapfile -t args < <(integration_half "$half")
  if [ "$engine" = postgres ]; then label=PostgreSQL; env_engine=(DOORSTEP_TEST_ENGINE=postgres); fi
  suite "$lane" "Python integration ($label, $half half)" \
    env "${env_engine[@]}" "${PYTEST[@]}" "${args[@]}" "${EXTRA[@]}"
}
integration_postgres_first() { integration "$1" postgres first; }
integration_postgres_second() { integration "$1" postgres second; }
integration_sqlite_first() { integration "$1" sqlite first; }
integration_sqlite_second() { integration "$1" sqlite second; }
browser() { suite "$1" "Browser tests in Chromium" "${PYTEST[@]}" tests/browser "${EXTRA[@]}"; }
unit() {
  suite "$1" "Python unit + security + chaos + generated artefacts" \
    "${PYTEST[@]}" tests/unit tests/security tests/chaos tests/test_generated_artefacts.py \
    "${EXTRA[@]}"
}
lint() { suite "$1" "Lint: ruff, mypy, import rules, vue-tsc, tsc" scripts/lint.sh; }
pwa_unit() { suite "$1" "PWA unit tests" npm --prefix pwa test --silent; }
sync_client_unit() { suite "$1" "Sync client unit tests" npm --prefix sync/client test --silent; }
sync_client_browser() {
  suite "$1" "Sync client in Chromium" npm --prefix sync/client run test:browser --silent
}

# Longest first (seconds on an idle 2-core machine, roughly: browser 450, each integration
# half 150-250, unit 150, lint 55, PWA unit 45, sync client 8 and 7).
queue="$results_dir/queue"
: >"$queue"
echo browser >>"$queue"
if [ -n "${DOORSTEP_TEST_PG:-}" ]; then
  printf '%s\n' integration_postgres_second integration_postgres_first >>"$queue"
else
  echo "DOORSTEP_TEST_PG is not set: PostgreSQL integration tests skipped"
fi
printf '%s\n' integration_sqlite_second integration_sqlite_first unit lint pwa_unit \
  sync_client_unit sync_client_browser >>"$queue"

next_suite() {  # takes the first suite off the queue (empty when none is left)
  {
    flock 9
    head -n 1 "$queue"
    sed -i 1d "$queue"
  } 9>"$results_dir/queue.lock"
}

lane() {
  local lane=$1 name
  while name=$(next_suite) && [ -n "$name" ]; do
    "$name" "$lane" >"$results_dir/$name.log" 2>&1
    { flock 9; cat "$results_dir/$name.log"; } 9>"$results_dir/output.lock"
  done
}

test_start=$(now)
lane 2 &
lane_two_pid=$!
lane 1
wait "$lane_two_pid"

echo
echo "Wall time of each suite (lane 1 and lane 2 ran side by side, each taking the next suite as it came free):"
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
