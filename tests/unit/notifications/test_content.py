from uuid import UUID

from backend.notifications.content import (
    PUSH_BODY_LIMIT,
    TITLE_LIMIT,
    clean_body,
    clean_title,
    mask_id_numbers,
    push_payload,
)

CASE = UUID("6f1c2a9e-0000-4000-8000-000000000042")


def test_an_18_digit_id_number_is_masked_like_in_case_lists() -> None:
    masked = mask_id_numbers("申请人 520201199001011237 材料不全")
    assert masked == "申请人 520201********1237 材料不全"


def test_an_id_number_ending_in_x_is_masked() -> None:
    assert mask_id_numbers("52020119900101123X") == "520201********123X"


def test_old_15_digit_id_numbers_and_bank_card_numbers_are_masked() -> None:
    assert mask_id_numbers("旧证 520201900101123") == "旧证 520201*****1123"
    assert mask_id_numbers("卡号6222021234567890123") == "卡号622202*********0123"


def test_short_numbers_amounts_and_dates_are_left_alone() -> None:
    text = "金额 350000.00 元，2025-06-01，电话 13800138000"
    assert mask_id_numbers(text) == text


def test_a_number_inside_a_longer_identifier_is_not_cut() -> None:
    assert mask_id_numbers("91520201027915438B") == "91520201027915438B"


def test_titles_and_bodies_are_bounded_and_single_line() -> None:
    assert len(clean_title("退回" * 100)) == TITLE_LIMIT
    assert clean_body("第一行\n  第二行") == "第一行 第二行"


def test_the_push_payload_has_only_title_body_case_and_url() -> None:
    payload = push_payload("案件被退回", "身份证 520201199001011237 模糊" + "。" * 300, CASE)
    assert set(payload) == {"title", "body", "caseId", "url"}
    assert payload["caseId"] == str(CASE)
    assert payload["url"] == f"/cases/{CASE}"
    assert "199001011237" not in payload["body"]
    assert len(payload["body"]) == PUSH_BODY_LIMIT


def test_a_notification_without_a_case_opens_the_inbox() -> None:
    payload = push_payload("知识库更新", "《提取指南》已发布", None)
    assert payload["caseId"] is None
    assert payload["url"] == "/inbox"
