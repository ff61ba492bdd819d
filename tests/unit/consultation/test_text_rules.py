from __future__ import annotations

import pytest

from backend.consultation.text_rules import contact, mask_contact, mask_personal, plain_text
from backend.errors import DoorstepError, ErrorCode


def _plain(raw: str, limit: int = 50) -> str:
    return plain_text(raw, field="text", limit=limit, label="问题")


def test_markup_is_stripped_and_whitespace_tidied() -> None:
    assert _plain("  <p>租房<b>提取</b></p>\n\n\n\n<script>x()</script>吗  ") == "租房 提取\n\n吗"
    assert _plain("a &lt;b&gt; c") == "a c"  # escaped markup is markup too
    assert _plain("1 < 2 > 0") == "1 ＜ 2 ＞ 0"


@pytest.mark.parametrize("raw", ["租房\x00", "\x1b[31m", "乱码\ufffd", "\ud800"])
def test_binary_content_is_refused(raw: str) -> None:
    with pytest.raises(DoorstepError) as refused:
        _plain(raw)
    assert refused.value.code == ErrorCode.TEXT_NOT_PLAIN
    assert refused.value.message == "问题含有无法识别的内容，请只输入文字。"


def test_oversize_text_is_refused_with_the_limit_in_the_message() -> None:
    with pytest.raises(DoorstepError) as refused:
        _plain("问" * 51)
    assert refused.value.code == ErrorCode.TEXT_TOO_LONG
    assert refused.value.message == "问题不能超过 50 个字。"


def test_id_numbers_phones_and_long_numbers_are_masked() -> None:
    text = (
        "身份证520201199001011237，旧证520201900101123，手机13885861234，"
        "座机0858-8221234，卡号6222021234567890123"
    )
    assert mask_personal(text) == (
        "身份证520201********1237，旧证520201******123，手机138****1234，"
        "座机0858-***1234，卡号6222********0123"
    )


def test_contacts_are_phones_or_emails_and_are_masked_in_lists() -> None:
    assert contact(" 138 8586 1234 ") == "13885861234"
    assert contact(None) == ""
    with pytest.raises(DoorstepError):
        contact("call me maybe")
    assert mask_contact("13885861234") == "138****1234"
    assert mask_contact("wang@example.com") == "w***@example.com"
