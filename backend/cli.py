"""The ``doorstep`` console script (spec section 1)."""

from __future__ import annotations

import asyncio
import os
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
    from backend.demo.seed import seed_demo, seed_registry_demo

    async def run() -> list[str]:
        await run_migrations()
        created = await seed_demo(_settings())
        if _settings().demo_registry:
            await seed_registry_demo(_settings())
        return created

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
    from backend.demo.seed import seed_demo, seed_registry_demo

    async def prepare() -> None:
        await run_migrations()
        if demo:
            await seed_demo(_settings())
            if _settings().demo_registry:
                await seed_registry_demo(_settings())
        if _settings().mode == "production":
            from backend.demo.guard import refuse_demo_passwords

            await refuse_demo_passwords()

    if demo and _settings().demo_registry:
        from backend.registry.sim.beside import start_beside_app

        start_beside_app(host)
    if workers > 1 and "DOORSTEP_EMBEDDED_WORKERS" not in os.environ:
        from backend.capacity import default_ocr_processes, share_per_app_process

        # Every app process runs the embedded worker; together they should fill the cores
        # once, not once each. (The app processes read this when they start.)
        os.environ["DOORSTEP_EMBEDDED_WORKERS"] = str(
            share_per_app_process(default_ocr_processes(), workers)
        )
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


@main.command("registry-sim", help="运行共享数据接口模拟器（不动产、婚姻、备案、征信）")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8100, show_default=True, type=int)
@click.option("--data", "data_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="种子数据文件（JSON，见 docs/registry-contract.md）")
@click.option("--latency-ms", type=int, default=None, help="每次应答前的延迟（毫秒）")
@click.option("--error-rate", type=float, default=None, help="随机 503 的比例（0–1）")
@click.option("--outage", multiple=True, help="SOURCE:SECONDS，该来源停机若干秒（* 为全部）")
@click.option("--seed", type=int, default=None, help="随机数种子（错误率可复现）")
@click.option("--exit-with-parent", is_flag=True, help="父进程退出时一同退出")
def registry_sim(
    host: str, port: int, data_file: str | None, latency_ms: int | None,
    error_rate: float | None, outage: tuple[str, ...], seed: int | None, exit_with_parent: bool,
) -> None:
    from pathlib import Path

    from backend.registry.sim.serve import run

    outages = {}
    for item in outage:
        name, _, seconds = item.partition(":")
        outages[name] = float(seconds or 3600)
    run(host, port, Path(data_file) if data_file else None, latency_ms=latency_ms,
        error_rate=error_rate, outages=outages, seed=seed, exit_with_parent=exit_with_parent)


@main.command(help="运行后台任务进程（OCR、通知），用于分布式部署")
@click.option(
    "--processes", type=click.IntRange(min=1),
    help="OCR 进程数（默认：本进程可用的核数，受 cgroup 配额与内存限制）",
)
def worker(processes: int | None) -> None:
    from backend.capacity import default_ocr_processes
    from backend.jobs.worker import run_worker

    try:
        _settings()
        asyncio.run(run_worker(processes or default_ocr_processes()))
    except ConfigurationError as error:
        _fail(error)


@main.command(help="识别证件照片并输出 JSON（无需服务器或数据库）")
@click.option("--type", "doc_type", default="auto", show_default=True, help="auto 或文档类型")
@click.argument("files", nargs=-1, required=True)
def extract(doc_type: str, files: tuple[str, ...]) -> None:
    from backend.documents.extract_command import run_extract

    sys.exit(run_extract(list(files), doc_type, sys.stdout))


@main.group(help="模拟演练")
def drills() -> None:
    pass


@drills.command(name="generate", help="生成演练：材料照片与答案由文档生成器给出（已知答案）")
@click.option("--count", default=20, show_default=True, type=click.IntRange(1, 500))
@click.option("--seed", default=None, type=int, help="随机种子（同一种子生成相同的演练内容）")
@click.option("--first-mix", default=0, show_default=True, type=click.IntRange(0),
              help="从第几种风险组合开始（0 无风险，1–5 单项风险，其后两两组合）")
def drills_generate(count: int, seed: int | None, first_mix: int) -> None:
    from backend.db.lifecycle import migrate as run_migrations
    from backend.training.drills import generate_drills

    async def run() -> int:
        await run_migrations()
        return len(await generate_drills(count, seed, first_mix))

    try:
        _settings()
        made = asyncio.run(run())
    except ConfigurationError as error:
        _fail(error)
    click.echo(f"已生成 {made} 个演练 (drills generated)")


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


if __name__ == "__main__":
    main()
