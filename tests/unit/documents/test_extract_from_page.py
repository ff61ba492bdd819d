"""The pipeline after OCR: JSON shape, missing fields, checks (spec sections 4 and 5)."""

from __future__ import annotations

import datetime as dt

from ocr_lines import page

from backend.documents.ocr.base import OcrPage
from backend.documents.pipeline import extract_from_page
from backend.documents.quality import QualityMetrics

SHARP = QualityMetrics(softness=0.5, unsure_share=0.0, glare_share=0.0, text_height=30,
                       line_count=10)


def run(*rows: object, metrics: QualityMetrics = SHARP,
        doc_type: str = "auto") -> dict:  # type: ignore[type-arg]
    ocr = OcrPage(page(*rows), 1240, 1754, 0, "test")  # type: ignore[arg-type]
    return extract_from_page(ocr, doc_type, metrics, today=dt.date(2026, 11, 1)).to_json()


def codes(result: dict) -> list[str]:  # type: ignore[type-arg]
    return [c["code"] for c in result["checks"]]


def test_json_has_the_spec_keys_and_lists_missing_fields() -> None:
    result = run("个人住房公积金借款合同", "合同编号：GJJ2023001", "借款人（乙方）：熊瑶",
                 "身份证号码：520221197212046745", "借款金额（小写）：人民币736000.00元",
                 "贷款期限：240个月", "年利率：3.1%", "还款方式：等额本息")
    assert set(result) >= {"type", "fields", "confidence", "missing", "quality", "checks"}
    assert result["type"] == "loan_contract"
    assert result["fields"]["loan_amount"] == "736000.00"
    assert 0 < result["confidence"]["borrower_name"] <= 1
    assert "trustee_bank" in result["missing"]
    assert result["quality"] == {"blurry": False, "glare": False, "rotated_degrees": 0,
                                 "low_resolution": False}
    assert "FIELD_MISSING" in codes(result)


def test_on_a_photo_cut_through_the_print_what_was_not_found_is_unread_not_missing() -> None:
    # the title runs off the photo's right side (1240 px): the page goes on beyond the frame
    result = run([(1000, "个人住房公积金借款合同")], "合同编号：GJJ2023001", "借款人（乙方）：熊瑶",
                 "身份证号码：520221197212046745", "借款金额（小写）：人民币736000.00元",
                 "贷款期限：240个月", "年利率：3.1%", "还款方式：等额本息")
    assert result["type"] == "loan_contract"
    assert result["missing"] == []
    assert "trustee_bank" in result["unread"]


def test_upper_amount_disagreeing_with_figures_is_an_error() -> None:
    result = run("个人住房公积金借款合同", "借款金额（小写）：人民币368500.00元",
                 "借款金额（大写）：人民币叁拾陆万捌仟元整")
    mismatch = [c for c in result["checks"] if c["code"] == "AMOUNT_UPPER_MISMATCH"]
    assert mismatch
    assert mismatch[0]["severity"] == "error"


def test_id_number_misread_is_repaired_when_only_one_repair_fits_and_says_so() -> None:
    result = run("姓名 石英芳", "性别 女 民族 汉", "出生 1949年12月31日",
                 "公民身份号码 11010619491231002X", doc_type="id_card")
    assert result["fields"]["id_number"] == "11010519491231002X"
    assert "VALUE_CORRECTED" in codes(result)
    assert "ID_CHECKSUM_INVALID" not in codes(result)


def test_invalid_id_number_without_a_unique_repair_is_flagged() -> None:
    result = run("姓名 石英芳", "公民身份号码 71010519491231002X", doc_type="id_card")
    assert "ID_CHECKSUM_INVALID" in codes(result)


def test_blurred_photo_is_flagged_for_a_retake() -> None:
    blurred = QualityMetrics(softness=0.9, unsure_share=0.9, glare_share=0.0, text_height=30,
                             line_count=5)
    result = run("个人住房公积金借款合同", metrics=blurred)
    assert result["quality"]["blurry"] is True
    assert "IMAGE_BLURRY" in codes(result)


def test_has_property_is_a_boolean() -> None:
    result = run("不动产登记信息查询结果证明",
                 "查询结果：经查询，未发现该申请人名下有不动产登记记录。")
    assert result["fields"]["has_property"] is False


def test_declared_type_that_the_page_contradicts_is_flagged() -> None:
    result = run("营业执照", "统一社会信用代码 91520201027915438B", "注册资本 500万元",
                 doc_type="id_card")
    assert result["type"] == "id_card"
    assert "DOCUMENT_TYPE_MISMATCH" in codes(result)
