"""``doorstep extract [--type auto|TYPE] FILE...``: one JSON line per file (spec section 4).

Works without server or database. A file that cannot be read still gets a line with an
``error`` object, and the command goes on with the next file. Consecutive files that are
pages of one repayment statement are joined (statement_pages.py): each page's line carries
the whole statement's totals.
"""

from __future__ import annotations

import argparse
import json
import sys
import typing

from backend.errors import DEFAULT_MESSAGES, DoorstepError, ErrorCode


def run_extract(paths: list[str], doc_type: str, out: typing.TextIO) -> int:
    """Prints one JSON object per file per line; returns 0 when every file got a result
    (unreadable files get an error line and make the exit code 1)."""
    from backend.documents.pipeline import extract_document  # loads OCR only when used
    from backend.documents.statement_pages import continues, join

    status = 0
    pending: list[dict[str, typing.Any]] = []  # pages of one repayment statement so far

    def flush() -> None:
        for done in join(pending):
            out.write(json.dumps(done, ensure_ascii=False) + "\n")
        out.flush()
        pending.clear()

    for path in paths:
        line: dict[str, typing.Any] = {"file": path}
        try:
            with open(path, "rb") as fh:
                data = fh.read()
            line.update(extract_document(data, doc_type).to_json())
        except DoorstepError as exc:
            line["error"] = {"code": str(exc.code), "message": exc.message}
            status = 1
        except OSError:
            line["error"] = {"code": str(ErrorCode.IMAGE_UNREADABLE),
                             "message": "无法打开该文件，请检查路径后重试。"}
            status = 1
        except Exception:  # one bad file must not stop the batch
            line["error"] = {"code": str(ErrorCode.INTERNAL_ERROR),
                             "message": DEFAULT_MESSAGES[ErrorCode.INTERNAL_ERROR]}
            status = 1
        if pending and not continues(pending[-1], line):
            flush()
        pending.append(line)
        if line.get("type") != "repayment_statement":
            flush()
    flush()
    return status


def main(argv: list[str] | None = None) -> int:
    from backend.documents.types import DOCUMENT_TYPES

    parser = argparse.ArgumentParser(prog="doorstep extract")
    parser.add_argument("--type", default="auto", choices=("auto", *DOCUMENT_TYPES))
    parser.add_argument("files", nargs="+")
    args = parser.parse_args(argv)
    return run_extract(args.files, args.type, sys.stdout)


if __name__ == "__main__":
    sys.exit(main())
