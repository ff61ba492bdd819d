"""Reading mutator arguments (pure): each failure names the argument."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from uuid import UUID

from backend.errors import DoorstepError, ErrorCode

_SHA256 = re.compile(r"[0-9a-f]{64}")


def _invalid(name: str, message: str) -> DoorstepError:
    return DoorstepError(ErrorCode.VALIDATION_FAILED, message, field=name)


def as_object(args: Any) -> Mapping[str, Any]:
    if not isinstance(args, Mapping):
        raise DoorstepError(ErrorCode.BAD_REQUEST, "args 应为 JSON 对象", field="args")
    return args


def only(args: Mapping[str, Any], *names: str) -> None:
    for key in args:
        if key not in names:
            raise DoorstepError(ErrorCode.UNKNOWN_FIELD, f"不认识的参数：{key}", field=key)


def uuid_arg(args: Mapping[str, Any], name: str) -> UUID:
    value = args.get(name)
    if isinstance(value, str):
        try:
            return UUID(value)
        except ValueError:
            pass
    raise _invalid(name, f"{name} 应为 UUID")


def fields_arg(args: Mapping[str, Any], name: str = "fields") -> Mapping[str, Any]:
    value = args.get(name, {})
    if not isinstance(value, Mapping):
        raise _invalid(name, f"{name} 应为 JSON 对象")
    return value


def optional_int(args: Mapping[str, Any], name: str) -> int | None:
    value = args.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _invalid(name, f"{name} 应为非负整数")
    return value


def sha256_arg(args: Mapping[str, Any], name: str = "sha256") -> str:
    value = args.get(name)
    if not isinstance(value, str) or not _SHA256.fullmatch(value.lower()):
        raise _invalid(name, "sha256 应为 64 位十六进制")
    return value.lower()


def optional_str(args: Mapping[str, Any], name: str) -> str | None:
    value = args.get(name)
    if value is None or isinstance(value, str):
        return value
    raise _invalid(name, f"{name} 应为文字或 null")
