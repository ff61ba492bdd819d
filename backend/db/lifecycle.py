"""Database start-up, health and migrations, independent of the engine."""

from __future__ import annotations

import importlib

from piccolo.apps.migrations.commands.forwards import run_forwards
from piccolo.engine import engine_finder
from piccolo.engine.postgres import PostgresEngine

from backend.errors import ConfigurationError
from backend.settings import get_settings

# Data every installation needs, production included (written once, safe to repeat): after
# the migrations, ``doorstep migrate`` awaits each "module:function" (domains append theirs).
SEEDS: list[str] = [
    "backend.verification.service:seed_default_policy",
]


def current_engine() -> object:
    engine = engine_finder()
    if engine is None:
        raise ConfigurationError("Piccolo 找不到数据库配置 (PICCOLO_CONF)")
    return engine


async def open_pool() -> None:
    engine = current_engine()
    size = get_settings().db_pool_max_size
    if isinstance(engine, PostgresEngine) and size > 0:
        await engine.start_connection_pool(min_size=1, max_size=size)


async def close_pool() -> None:
    engine = current_engine()
    if isinstance(engine, PostgresEngine) and engine.pool is not None:
        await engine.close_connection_pool()


async def database_answers() -> bool:
    engine = current_engine()
    try:
        rows = await engine.run_ddl("SELECT 1 AS ok")  # type: ignore[attr-defined]
    except Exception:  # any driver error means "not healthy", reported as such
        return False
    return bool(rows)


async def migrate() -> None:
    """Applies every domain's migrations in dependency order; safe to run again."""
    result = await run_forwards(app_name="all")
    if not result.success:
        raise ConfigurationError(f"数据库迁移失败：{result.message}")
    if isinstance(current_engine(), PostgresEngine):
        # procrastinate's tables, so either job mode can run on this database.
        from backend.jobs.distributed import ensure_schema

        await ensure_schema()
    for seed in SEEDS:
        module, _, function = seed.partition(":")
        await getattr(importlib.import_module(module), function)()
