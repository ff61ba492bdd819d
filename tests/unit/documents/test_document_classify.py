"""Document type from page words (--type auto)."""

from __future__ import annotations

import pytest
from ocr_lines import rows_of

from backend.documents.classify import classify


@pytest.mark.parametrize(("title", "body", "expected"), [
    ("营业执照", "统一社会信用代码", "business_licence"),
    ("个人住房公积金借款合同", "借款人（乙方）：熊瑶", "loan_contract"),
    ("个人住房公积金贷款还款明细", "期次 还款日期 应还本金", "repayment_statement"),
    ("婚姻登记记录证明", "婚姻状况 已婚", "marital_status_certificate"),
    ("不动产登记信息查询结果证明", "查询结果", "no_housing_certificate"),
    ("单位住房公积金缴存登记表", "单位名称", "unit_registration_form"),
    ("房屋租赁合同", "出租方（甲方）", "rental_contract"),
    ("姓名 石英芳", "公民身份号码 520203197001175843", "id_card"),
])
def test_titles_and_body_words_pick_the_type(title: str, body: str, expected: str) -> None:
    assert classify(rows_of(title, body))[0] == expected


def test_a_blurred_title_with_one_wrong_character_still_counts() -> None:
    assert classify(rows_of("个人住用业积全借款合间"))[0] == "loan_contract"


def test_unrelated_text_has_no_type() -> None:
    assert classify(rows_of("今天天气很好"))[0] is None


def test_another_papers_title_misread_in_one_character_still_means_no_type() -> None:
    rows = rows_of("常住人口登记下", "姓名：王芳", "性别：男", "出生地：贵州省六盘水市",
                   "公民身份号码：520203197001175843")
    assert classify(rows)[0] is None
