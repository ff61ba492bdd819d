"""Parsing what a tus client declares: Upload-Length and Upload-Metadata (pure functions).

Upload-Metadata is ``key base64value,key2 base64value2`` (tus 1.0.0). Doorstep requires
``sha256`` (hex of the whole file) and ``filename``; ``contentType`` is an optional hint.
The filename is only ever a display name: it must be a plain name (no directory parts,
no control characters) and is never used to build a path.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata

from backend.errors import DoorstepError, ErrorCode
from backend.uploads.models import UploadRequest

SHA256_HEX = re.compile(r"[0-9a-f]{64}")
MAX_FILENAME_CHARS = 255
MAX_CONTENT_TYPE_CHARS = 100
_FORBIDDEN_IN_NAMES = ("/", "\\", "\x00")


def parse_metadata_header(header: str | None) -> dict[str, str]:
    """Decodes the header into a dict; a malformed pair is a BAD_REQUEST."""
    pairs: dict[str, str] = {}
    for item in (header or "").split(","):
        item = item.strip()
        if not item:
            continue
        key, _, encoded = item.partition(" ")
        if not key or " " in encoded.strip() or key in pairs:
            raise DoorstepError(ErrorCode.BAD_REQUEST, "Upload-Metadata 格式不正确。")
        try:
            pairs[key] = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise DoorstepError(
                ErrorCode.BAD_REQUEST, f"Upload-Metadata 中的 {key} 不是有效的 base64/UTF-8。"
            ) from None
    return pairs


def parse_length(header: str | None, max_bytes: int) -> int:
    """Upload-Length: a non-negative integer no larger than the configured maximum."""
    if header is None or not header.isdigit() or len(header) > 19:
        raise DoorstepError(
            ErrorCode.BAD_REQUEST, "缺少或无效的 Upload-Length。", field="Upload-Length"
        )
    length = int(header)
    if length > max_bytes:
        raise DoorstepError(
            ErrorCode.UPLOAD_TOO_LARGE,
            f"文件太大（{length} 字节），上限为 {max_bytes} 字节。",
            details={"maxBytes": max_bytes, "length": length},
        )
    if length == 0:
        raise DoorstepError(ErrorCode.UNSUPPORTED_FILE, "文件为空，无法上传。")
    return length


def normalise_sha256(value: str | None) -> str:
    digest = (value or "").strip().lower()
    if not SHA256_HEX.fullmatch(digest):
        raise DoorstepError(
            ErrorCode.BAD_REQUEST,
            "上传信息中缺少有效的 sha256（64 位十六进制）。",
            field="sha256",
        )
    return digest


def display_filename(value: str | None) -> str:
    """A plain display name; anything that looks like a path or hides characters is refused."""
    name = unicodedata.normalize("NFC", (value or "").strip())
    if not name:
        raise DoorstepError(ErrorCode.BAD_REQUEST, "上传信息中缺少文件名。", field="filename")
    unsafe = (
        any(mark in name for mark in _FORBIDDEN_IN_NAMES)
        or name in {".", ".."}
        or any(unicodedata.category(char).startswith("C") for char in name)
        or len(name) > MAX_FILENAME_CHARS
    )
    if unsafe:
        raise DoorstepError(
            ErrorCode.BAD_REQUEST, "文件名不能包含路径或控制字符。", field="filename"
        )
    return name


def content_type_hint(value: str | None) -> str | None:
    hint = (value or "").strip()
    if not hint:
        return None
    if len(hint) > MAX_CONTENT_TYPE_CHARS or not hint.isascii() or not hint.isprintable():
        raise DoorstepError(ErrorCode.BAD_REQUEST, "contentType 无效。", field="contentType")
    return hint


def upload_request(
    length_header: str | None, metadata_header: str | None, max_bytes: int
) -> UploadRequest:
    """Everything a creation request declares, validated; the size limit is checked first."""
    length = parse_length(length_header, max_bytes)
    metadata = parse_metadata_header(metadata_header)
    return UploadRequest(
        length=length,
        sha256=normalise_sha256(metadata.get("sha256")),
        filename=display_filename(metadata.get("filename")),
        content_type=content_type_hint(metadata.get("contentType")),
    )
