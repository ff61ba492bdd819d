"""Test set-up shared by every suite: an isolated data directory and database per run.

The engine is chosen before the backend is imported: SQLite by default;
``DOORSTEP_TEST_ENGINE=postgres`` with ``DOORSTEP_TEST_PG`` (a server URL) makes a fresh
PostgreSQL database for the run and drops it afterwards.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.support.sample_documents import FIXTURES as SAMPLE_DOCUMENTS

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = SAMPLE_DOCUMENTS  # the sample photos, in the repository (tests/fixtures/documents)

_run_dir = Path(tempfile.mkdtemp(prefix="doorstep-test-"))
_pg_database: str | None = None


def _server_url(database: str) -> str:
    base = os.environ["DOORSTEP_TEST_PG"].rstrip("/")
    scheme, _, rest = base.partition("://")
    host = rest.split("/", 1)[0]
    return f"{scheme}://{host}/{database}"


def _admin_execute(sql: str) -> None:
    import asyncio

    import asyncpg

    async def run() -> None:
        connection = await asyncpg.connect(_server_url("postgres"))
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    asyncio.run(run())


def pytest_configure(config: pytest.Config) -> None:
    global _pg_database
    os.environ["DOORSTEP_DATA_DIR"] = str(_run_dir)
    os.environ["DOORSTEP_MODE"] = "demo"
    # In-process tests run jobs explicitly (backend.jobs.worker.drain); servers started as
    # subprocesses by tests override this to get the real embedded worker.
    os.environ["DOORSTEP_EMBEDDED_WORKERS"] = "0"
    # argon2id at its lowest cost: seeding the demo and signing in happen hundreds of times
    # (servers started by tests inherit it; production mode ignores it).
    os.environ["DOORSTEP_TEST_LOW_COST_PASSWORD_HASHING"] = "true"
    # The in-process test client runs the app on its own event-loop thread; a connection
    # pool opened there must not be shared with queries made by the test itself.
    os.environ["DOORSTEP_DB_POOL_MAX_SIZE"] = "0"
    # `serve --demo` leaves out the registry simulator and its demo cases (other suites count
    # the demo cases); tests/integration/registry turns it on where it needs it.
    os.environ["DOORSTEP_DEMO_REGISTRY"] = "false"
    os.environ.pop("DOORSTEP_SECRET_KEY", None)
    engine = os.environ.get("DOORSTEP_TEST_ENGINE", "sqlite")
    if engine == "postgres":
        if not os.environ.get("DOORSTEP_TEST_PG"):
            raise pytest.UsageError("DOORSTEP_TEST_ENGINE=postgres needs DOORSTEP_TEST_PG")
        _pg_database = f"doorstep_test_{os.getpid()}_{secrets.token_hex(3)}"
        _admin_execute(f'CREATE DATABASE "{_pg_database}"')
        os.environ["DOORSTEP_DATABASE_URL"] = _server_url(_pg_database)
    else:
        os.environ["DOORSTEP_DATABASE_URL"] = f"sqlite:///{_run_dir / 'doorstep.sqlite3'}"
    # tests/integration/conftest.py imports the app (and so reads the settings) before this
    # hook runs: without this the run would use the default database under var/.
    from backend.settings import get_settings

    get_settings.cache_clear()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The PostgreSQL pass leaves out what touches no database: the SQLite pass ran it."""
    if os.environ.get("DOORSTEP_TEST_ENGINE") != "postgres":
        return
    once = [item for item in items if item.get_closest_marker("engine_independent")]
    if once:
        config.hook.pytest_deselected(items=once)
        items[:] = [item for item in items if item not in once]


def pytest_unconfigure(config: pytest.Config) -> None:
    # The OCR pool's processes keep their engines loaded from one test to the next (loading
    # them costs seconds per test); they end with the run.
    from backend.jobs import cpu

    cpu.shutdown()
    if _pg_database:
        _admin_execute(f'DROP DATABASE IF EXISTS "{_pg_database}" WITH (FORCE)')
    shutil.rmtree(_run_dir, ignore_errors=True)


def pytest_report_header(config: pytest.Config) -> str:
    return f"doorstep database: {os.environ.get('DOORSTEP_DATABASE_URL')}"
