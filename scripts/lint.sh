#!/usr/bin/env bash
# ruff, mypy (strict for backend/ and sync/), the import rules (.importlinter), vue-tsc and
# tsc: `just lint`, and one of the suites `scripts/test.sh` runs.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check backend sync tests bench
.venv/bin/mypy
.venv/bin/lint-imports
npm --prefix pwa run typecheck --silent
npm --prefix sync/client run typecheck --silent
