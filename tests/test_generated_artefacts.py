"""Generated files must match the code that generates them (regenerate with `just schema`)."""

import shutil
import subprocess
from pathlib import Path

from backend.graphql.schema import schema

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_schema_graphql_matches_the_code() -> None:
    committed = (REPO_ROOT / "schema.graphql").read_text(encoding="utf-8")
    stale = "schema.graphql is stale: run `just schema`"
    assert committed.strip() == schema.as_str().strip(), stale


def test_pwa_graphql_types_match_the_schema_and_operations() -> None:
    """graphql-codegen --check also fails when a PWA operation no longer fits the schema."""
    npx = shutil.which("npx")
    assert npx is not None, "Node.js is needed: scripts/setup.sh node"
    result = subprocess.run(
        [npx, "--no-install", "graphql-codegen", "--config", "codegen.ts", "--check"],
        cwd=REPO_ROOT / "pwa",
        capture_output=True,
        text=True,
        timeout=300,
    )
    stale = "pwa/src/api/graphql-types.ts is stale or a PWA operation is invalid: run `just schema`"
    assert result.returncode == 0, f"{stale}\n{(result.stdout + result.stderr)[-3000:]}"
