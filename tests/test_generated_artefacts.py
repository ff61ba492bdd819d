"""Generated files must match the code that generates them (regenerate with `just schema`)."""

from pathlib import Path

from backend.graphql.schema import schema

REPO_ROOT = Path(__file__).resolve().parent.parent


def test_schema_graphql_matches_the_code() -> None:
    committed = (REPO_ROOT / "schema.graphql").read_text(encoding="utf-8")
    stale = "schema.graphql is stale: run `just schema`"
    assert committed.strip() == schema.as_str().strip(), stale
