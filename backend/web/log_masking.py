"""Resident ID numbers never reach a log: a filter masks them in every record (and drops the
query string of GraphQL GET requests, whose variables may hold any personal data).

Installed on the app's log handlers (``backend.app``) and on uvicorn's, so messages,
arguments and tracebacks alike show ``520201********1237``.
"""

from __future__ import annotations

import logging
import re

# An 18-character GB 11643 number standing alone: 17 digits and a digit or X.
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")
FILTER_NAME = "mask_id_numbers"


# A GraphQL query sent by GET (backend/graphql/http.py) carries its variables in the URL:
# log lines keep the path and drop the query string.
GRAPHQL_QUERY_STRING = re.compile(r"(/graphql)\?[^\s\"']*")


def mask_id_numbers(text: str) -> str:
    return ID_NUMBER.sub(lambda m: f"{m.group(1)}{'*' * 8}{m.group(2)}", text)


def _mask(text: str) -> str:
    return mask_id_numbers(GRAPHQL_QUERY_STRING.sub(r"\1?…", text))


class MaskIdNumbers(logging.Filter):
    """Rewrites the record's message (and traceback text) with ID numbers masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        # Arguments are masked one by one and keep their shape: some formatters (uvicorn's
        # access log) read ``record.args`` themselves.
        if isinstance(record.msg, str):
            record.msg = _mask(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_masked(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _masked(value) for key, value in record.args.items()}
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = _mask(record.exc_text)
        if record.stack_info:
            record.stack_info = _mask(record.stack_info)
        return True


def _masked(value: object) -> object:
    if isinstance(value, str):
        return _mask(value)
    if isinstance(value, int | float | bool | None):
        return value
    text = str(value)  # objects whose text shows a number (e.g. an exception)
    masked = _mask(text)
    return masked if masked != text else value


def install_on_server_loggers() -> None:
    """uvicorn configures its own handlers before the app exists: add the filter there."""
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(f, MaskIdNumbers) for f in handler.filters):
                handler.addFilter(MaskIdNumbers())
