"""The ``doorstep`` console script (spec section 1)."""

from __future__ import annotations

import asyncio
import sys
from typing import TYPE_CHECKING

import click

from backend.errors import ConfigurationError

if TYPE_CHECKING:
    from backend.settings import Settings


def _settings() -> Settings:
    from backend.settings import get_settings

    return get_settings()


def _fail(error: ConfigurationError) -> None:
    click.echo(str(error), err=True)
    sys.exit(2)


@click.group(help="Doorstep 住房公积金上门服务")
def main() -> None:
    pass


@main.command(help="应用数据库迁移（可重复运行）")
def migrate() -> None:
    from backend.db.lifecycle import migrate as run_migrations

    try:
        _settings()
        asyncio.run(run_migrations())
    except ConfigurationError as error:
        _fail(error)
    click.echo("数据库已是最新 (migrations applied)")


@main.command(help="创建演示数据（可重复运行）")
@click.option("--demo", is_flag=True, required=True, help="演示用户、单位、案件和知识库")
def seed(demo: bool) -> None:
    from backend.db.lifecycle import migrate as run_migrations
    from backend.demo.seed import seed_demo

    async def run() -> list[str]:
        await run_migrations()
        return await seed_demo(_settings())

    try:
        created = asyncio.run(run())
    except ConfigurationError as error:
        _fail(error)
    click.echo(f"演示数据已就绪 (demo data ready; new users: {', '.join(created) or 'none'})")


@main.command(help="运行服务（GraphQL、上传、PWA）")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--demo", is_flag=True, help="先创建演示数据")
@click.option("--workers", default=1, show_default=True, type=int, help="应用进程数")
def serve(host: str, port: int, demo: bool, workers: int) -> None:
    import uvicorn

    from backend.db.lifecycle import migrate as run_migrations
    from backend.demo.seed import seed_demo

    async def prepare() -> None:
        await run_migrations()
        if demo:
            await seed_demo(_settings())
        if _settings().mode == "production":
            from backend.demo.guard import refuse_demo_passwords

            await refuse_demo_passwords()

    try:
        settings = _settings()
        asyncio.run(prepare())
    except ConfigurationError as error:
        _fail(error)
    click.echo(f"Doorstep ({settings.mode}) on http://{host}:{port}  database: "
               f"{'SQLite' if settings.is_sqlite else 'PostgreSQL'}")
    uvicorn.run(
        "backend.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=settings.mode == "production",
        log_level="info",
    )


@main.command(help="运行后台任务进程（OCR、通知），用于分布式部署")
@click.option("--processes", default=1, show_default=True, type=int, help="OCR 进程数")
def worker(processes: int) -> None:
    from backend.jobs.worker import run_worker

    try:
        _settings()
        asyncio.run(run_worker(processes))
    except ConfigurationError as error:
        _fail(error)


@main.command(help="识别证件照片并输出 JSON（无需服务器或数据库）")
@click.option("--type", "doc_type", default="auto", show_default=True, help="auto 或文档类型")
@click.argument("files", nargs=-1, required=True)
def extract(doc_type: str, files: tuple[str, ...]) -> None:
    from backend.documents.extract_command import run_extract

    sys.exit(run_extract(list(files), doc_type, sys.stdout))


@main.group(help="识别更正记录")
def corrections() -> None:
    pass


@corrections.command("export", help="把更正记录导出为 JSONL（与样例照片 truth.jsonl 同格式）")
@click.option("--out", "out_path", default="-", show_default=True, help="输出文件，- 为标准输出")
def export_corrections(out_path: str) -> None:
    from backend.corrections.export_command import run_export

    try:
        _settings()
        count = run_export(out_path)
    except ConfigurationError as error:
        _fail(error)
    click.echo(f"已导出 {count} 份材料的更正 (corrections exported)", err=True)
