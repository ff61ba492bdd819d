"""The import rules of docs/architecture.md (``.importlinter``): they hold, they bite when a
forbidden import appears, and every package of the tree is placed in a layer."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
CONFIG = REPO / ".importlinter"


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(root / ".importlinter")],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _copy(tmp: Path) -> Path:
    skip = shutil.ignore_patterns("__pycache__", "client", "*.md", "py.typed")
    for package in ("backend", "sync"):
        shutil.copytree(REPO / package, tmp / package, ignore=skip)
    shutil.copy(CONFIG, tmp / ".importlinter")
    return tmp


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_the_tree_keeps_the_contracts() -> None:
    result = _lint(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_a_forbidden_import_breaks_the_contracts(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    # the circle this rule broke: cases queued verification's job by importing it
    _append(root / "backend/cases/processing.py", "import backend.verification.jobs  # noqa")
    # a domain reaching the sync edge instead of writing through sync.changelog
    _append(root / "backend/knowledge/service.py", "import sync.push  # noqa")
    # a pure rule module opening the database
    _append(root / "backend/claims/links.py", "import backend.db.lifecycle  # noqa")
    result = _lint(root)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert "backend.cases is not allowed to import backend.verification" in out
    assert "backend.knowledge is not allowed to import sync.push" in out
    assert "backend.claims.links is not allowed to import backend.db" in out


def _layer_modules() -> set[str]:
    parser = configparser.ConfigParser()
    parser.read(CONFIG, encoding="utf-8")
    names: set[str] = set()
    for line in parser["importlinter:contract:layers"]["layers"].split("\n"):
        for item in line.replace("|", ":").split(":"):
            if item.strip():
                names.add(item.strip().strip("()"))
    return names


def _covered(module: str, layers: set[str]) -> bool:
    parts = module.split(".")
    return any(".".join(parts[:i]) in layers for i in range(1, len(parts) + 1))


def test_every_package_is_placed_in_a_layer() -> None:
    """A new domain (or top-level module) must be given its place in ``.importlinter``."""
    layers = _layer_modules()
    missing = []
    for package in ("backend", "sync"):
        for path in sorted((REPO / package).iterdir()):
            if path.name.startswith(("_", ".")) or path.name in ("client", "piccolo_migrations"):
                continue
            if path.is_dir() and (path / "__init__.py").exists():
                module = f"{package}.{path.name}"
                if module in layers:
                    continue
                children = [
                    f"{module}.{child.stem}"
                    for child in sorted(path.glob("*.py"))
                    if child.stem != "__init__"
                ]
                missing += [child for child in children if not _covered(child, layers)]
            elif path.suffix == ".py" and not _covered(f"{package}.{path.stem}", layers):
                missing.append(f"{package}.{path.stem}")
    assert not missing, f"not placed in a layer of .importlinter: {missing}"
