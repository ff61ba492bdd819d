"""``doorstep corrections export``: corrected documents as JSONL in the fixtures' format."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from backend.corrections.service import export_lines


def write_lines(lines: list[dict[str, Any]], out_path: str) -> None:
    text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    if out_path == "-":
        sys.stdout.write(text)
    else:
        Path(out_path).write_text(text, encoding="utf-8")


def run_export(out_path: str) -> int:
    """Writes the export; returns how many documents it holds."""
    lines = asyncio.run(export_lines())
    write_lines(lines, out_path)
    return len(lines)
