# Doorstep task runner. Every recipe installs only what is missing first.
set shell := ["bash", "-euo", "pipefail", "-c"]

export PATH := justfile_directory() + "/.tools/bin:" + env_var("PATH")
export PICCOLO_CONF := "backend.db.piccolo_conf"

# Set everything up and run the app in demo mode at http://127.0.0.1:8000 (SQLite under var/)
serve host="127.0.0.1" port="8000":
    scripts/setup.sh all
    .venv/bin/doorstep serve --demo --host {{host}} --port {{port}}

# Run every test (SQLite; PostgreSQL too when DOORSTEP_TEST_PG names a server)
test *args:
    scripts/setup.sh all
    scripts/test.sh {{args}}

# ruff, mypy (strict for backend/ and sync/), the import rules (.importlinter), vue-tsc and tsc
lint:
    scripts/setup.sh python
    scripts/setup.sh node
    scripts/lint.sh

# Regenerate schema.graphql from the code and the PWA's GraphQL types from both (tests fail when either is stale)
schema:
    scripts/setup.sh python
    scripts/setup.sh node
    .venv/bin/strawberry export-schema backend.graphql.schema:schema --output schema.graphql
    npm --prefix pwa run codegen --silent

# Apply database migrations (safe to run again)
migrate:
    scripts/setup.sh python
    .venv/bin/doorstep migrate

# Create a migration after changing a domain's tables: just makemigration cases
makemigration app:
    scripts/setup.sh python
    .venv/bin/piccolo migrations new {{app}} --auto

# Background workers for the distributed mode
worker:
    scripts/setup.sh python
    .venv/bin/doorstep worker

# Benchmarks: ratios against baselines measured in the same run (not timed tests)
bench *args:
    scripts/setup.sh all
    .venv/bin/python -m bench {{args}}

# Build the PWA (also done by serve and test when sources changed)
pwa:
    scripts/setup.sh pwa
