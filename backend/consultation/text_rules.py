"""Pure rules for text members and staff send: plain text only, bounded, personal data masked.

Public pages accept only what a person types: markup is stripped, binary content (control
characters, NUL, replacement characters from a wrong encoding) is refused with a Chinese
message, and length is bounded. Lists and reports show ID and phone numbers masked.
"""

from __future__ import annotations

import html
import re
import unicodedata

from backend.errors import DoorstepError, ErrorCode

QUESTION_LIMIT = 500
ANSWER_LIMIT = 2000
FEEDBACK_LIMIT = 1000
CONTACT_LIMIT = 64

_TAG = re.compile(r"<(?:[/?]?[A-Za-z][^>]{0,500}|!--.{0,500}?--|![A-Za-z][^>]{0,500})>", re.S)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_ALLOWED_CONTROL = {"\n", "\t", "\r"}
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")
_OLD_ID = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{6})(\d{3})(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3}-?)(\d{3,4})(\d{4})(?!\d)")
_LONG_NUMBER = re.compile(r"(?<!\d)(\d{4})\d{8,11}(\d{4})(?!\d)")
_PHONE = re.compile(r"^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
_EMAIL = re.compile(r"^[^@\s]{1,40}@[^@\s]{1,40}\.[A-Za-z]{2,10}$")


def _invalid(code: ErrorCode, message: str, field: str) -> DoorstepError:
    return DoorstepError(code, message, field=field)


def plain_text(raw: str, *, field: str, limit: int, label: str, required: bool = True) -> str:
    """The text as stored: checked for binary content, markup removed, whitespace tidied."""
    if len(raw) > limit * 4:
        raise _invalid(ErrorCode.TEXT_TOO_LONG, f"{label}不能超过 {limit} 个字。", field)
    for char in raw:
        category = unicodedata.category(char)
        if char == "\ufffd" or (category in ("Cc", "Cs", "Co") and char not in _ALLOWED_CONTROL):
            raise _invalid(
                ErrorCode.TEXT_NOT_PLAIN, f"{label}含有无法识别的内容，请只输入文字。", field
            )
    text = html.unescape(_TAG.sub(" ", _SCRIPT.sub(" ", raw)))
    text = _TAG.sub(" ", text).replace("<", "＜").replace(">", "＞")
    text = "\n".join(" ".join(line.split()) for line in text.replace("\r", "").split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if required and not text:
        raise _invalid(ErrorCode.VALIDATION_FAILED, f"请填写{label}。", field)
    if len(text) > limit:
        raise _invalid(ErrorCode.TEXT_TOO_LONG, f"{label}不能超过 {limit} 个字。", field)
    return text


def contact(raw: str | None) -> str:
    """A phone number or e-mail address, or empty; anything else is refused."""
    if raw is None or not raw.strip():
        return ""
    value = "".join(raw.split()).replace("－", "-")
    if len(value) > CONTACT_LIMIT or not (_PHONE.match(value) or _EMAIL.match(value)):
        raise _invalid(
            ErrorCode.VALIDATION_FAILED, "联系方式应为手机号、固定电话或电子邮箱。", "contact"
        )
    return value


def is_phone(value: str) -> bool:
    return bool(_PHONE.match(value))


def mask_personal(text: str) -> str:
    """ID numbers, phone numbers and other long numbers masked, as in the case lists."""
    text = _ID_NUMBER.sub(lambda m: m.group(1) + "*" * 8 + m.group(3), text)
    text = _OLD_ID.sub(lambda m: m.group(1) + "*" * 6 + m.group(3), text)
    text = _MOBILE.sub(lambda m: m.group(1) + "****" + m.group(3), text)
    text = _LANDLINE.sub(lambda m: m.group(1) + "*" * len(m.group(2)) + m.group(3), text)
    return _LONG_NUMBER.sub(lambda m: m.group(1) + "********" + m.group(2), text)


def mask_contact(value: str) -> str:
    """``13812345678`` → ``138****5678``; ``wang@example.com`` → ``w***@example.com``."""
    if not value:
        return ""
    if "@" in value:
        name, _, domain = value.partition("@")
        return f"{name[:1]}***@{domain}"
    return value[:3] + "*" * max(0, len(value) - 7) + value[-4:] if len(value) > 7 else "****"
