"""Runs the benchmarks: ``python -m bench [name ...] [-- options passed to each]``."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

BENCHMARKS = sorted(
    path.stem for path in Path(__file__).parent.glob("*.py") if not path.stem.startswith("_")
)
# Run only when named (`just bench peak`): the month-end load test takes ten minutes or more.
ON_REQUEST = {"peak"}


def main(argv: list[str]) -> int:
    names = [arg for arg in argv if not arg.startswith("-")] or [
        name for name in BENCHMARKS if name not in ON_REQUEST
    ]
    options = [arg for arg in argv if arg.startswith("-")]
    unknown = set(names) - set(BENCHMARKS)
    if unknown:
        print(f"unknown benchmark(s): {', '.join(sorted(unknown))}; known: {', '.join(BENCHMARKS)}")
        return 2
    for name in names:
        print(f"\n=== bench/{name}.py ===", flush=True)
        sys.argv = [f"bench/{name}.py", *options]
        try:
            runpy.run_module(f"bench.{name}", run_name="__main__")
        except SystemExit as exit_:
            if exit_.code not in (None, 0):
                print(f"bench/{name}.py exited with {exit_.code}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
