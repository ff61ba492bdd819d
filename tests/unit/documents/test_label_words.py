"""Labels no synonym table lists, found by their key word; other papers are no type."""

from __future__ import annotations

from ocr_lines import rows_of

from backend.documents import parsers as p
from backend.documents.classify import classify
from backend.documents.extractors import extractor_for
from backend.documents.label_words import keyword_candidates


def _values(rows: object, doc_type: str) -> dict[str, str]:
    return {k: v.value for k, v in extractor_for(doc_type)(rows).fields.items()}  # type: ignore[arg-type]


def test_value_right_of_below_and_glued_to_an_unlisted_label() -> None:
    rows = rows_of([(100, "贷款经办银行"), (400, "中国银行盘州支行")],
                   "所购房屋坐落贵州省盘州市民族路265号",
                   [(100, "偿还方式"), (300, "等额本息"), (500, "借款期数"), (700, "240")],
                   "金额大写：柒拾捌万元整")
    got = _values(rows, "loan_contract")
    assert got["trustee_bank"] == "中国银行盘州支行"
    assert got["property_address"] == "贵州省盘州市民族路265号"
    assert got["repayment_method"] == "等额本息"  # the next label ends the value
    assert got["term_months"] == "240"
    assert got["loan_amount_upper"] == "柒拾捌万元整"


def test_a_longer_label_is_not_its_own_value() -> None:
    rows = rows_of([(100, "住所地"), (400, "贵州省遵义市红花岗区建设路268号")],
                   [(100, "法人代表"), (400, "沈超辉")])
    got = _values(rows, "business_licence")
    assert got["address"] == "贵州省遵义市红花岗区建设路268号"
    assert got["legal_representative"] == "沈超辉"


def test_key_word_candidates_skip_avoided_words() -> None:
    rows = rows_of("承租人证件号码：520203198207010731", "承租人姓名：徐文丽")
    cands = [c.text for c in keyword_candidates(rows, ("承租",), avoid=("证件",))]
    assert cands == ["徐文丽"]


def test_lease_without_a_listed_label() -> None:
    rows = rows_of("房屋租赁合同", "承租人姓名：许婷", "租赁起止日期 2024.12.01—2025.11.30")
    got = _values(rows, "rental_contract")
    assert (got["lease_start"], got["lease_end"]) == ("2024-12-01", "2025-11-30")


def test_addresses_name_a_place() -> None:
    assert p.address("贵州省六盘水市钟山区人民路1号") is not None
    assert p.address("公积金缴存登记表") is None


def test_a_household_register_is_none_of_the_eight() -> None:
    rows = rows_of("常住人口登记卡", "姓名：谢军", "性别：男", "出生地：贵州省六盘水市",
                   "公民身份号码：520221197106088650")
    assert classify(rows)[0] is None
    card = rows_of("姓名 谢军", "性别 男 民族 汉", "出生 1971年6月8日", "住址 贵州省六盘水市",
                   "公民身份号码 520221197106088650")
    assert classify(card)[0] == "id_card"


def test_a_far_cell_on_the_row_is_the_next_field_not_more_value() -> None:
    rows = rows_of("婚姻登记记录证明",
                   [(100, "姓名"), (300, "彭平建"), (700, "性"), (760, "别"), (900, "女")],
                   "婚姻状况：丧偶")
    assert _values(rows, "marital_status_certificate")["name"] == "彭平建"


def test_has_property_in_the_wordings_certificates_use() -> None:
    from backend.documents.extractors.no_housing_certificate import has_property

    for text in ("经查询，未发现该申请人名下有不动产登记记录。", "经查询，该人名下无房。",
                 "经核查，暂未查询到该申请人名下房屋登记信息。", "查无登记信息。",
                 "经查询，该申请人在本市没有登记的住房。", "该申请人名下有住房0套。"):
        assert has_property(text) is False, text
    for text in ("经查询，该申请人名下有不动产登记记录1条。", "登记有住房2套，无查封记录。",
                 "查询到该申请人名下房屋登记信息一处。", "该申请人在本市有住房登记记录。"):
        assert has_property(text) is True, text


def test_values_with_a_lost_separator_or_a_misread_numeral() -> None:
    assert p.date("202505.13") == "2025-05-13"
    assert p.upper_amount("陆抬伍万元整") == "陆拾伍万元整"
    assert p.upper_amount("柒拾损万元整") == "柒拾捌万元整"
    assert p.upper_amount("参考资料") is None
