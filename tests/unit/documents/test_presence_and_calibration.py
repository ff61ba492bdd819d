"""Fields not read are "not found" only when they are not on the page; confidence is a
calibrated probability that falls for what rules doubt and rises for what they confirm."""

from __future__ import annotations

from ocr_lines import rows_of

from backend.documents.calibration import calibrate, needs_check, table
from backend.documents.checks import Check
from backend.documents.fields import FieldValue
from backend.documents.presence import classify_unfound
from backend.documents.quality import QualityMetrics
from backend.documents.shapes import looks_right

SHARP = QualityMetrics(softness=0.5, unsure_share=0.0, glare_share=0.0, text_height=30,
                       line_count=10)
BLURRED = QualityMetrics(softness=0.9, unsure_share=0.8, glare_share=0.0, text_height=30,
                         line_count=10)
LOAN = ("个人住房公积金借款合同", "借款人（乙方）：熊瑶", "身份证号码：520221197212046745",
        "借款金额（小写）：人民币736000.00元", "贷款期限：240个月", "年利率：3.1%",
        "还款方式：等额本息")


def test_a_field_whose_label_is_not_on_the_page_is_not_found() -> None:
    result = classify_unfound("loan_contract", rows_of(*LOAN), ["trustee_bank"])
    assert result.missing == ["trustee_bank"]
    assert result.unread == []


def test_a_label_with_its_value_whited_out_is_not_found() -> None:
    result = classify_unfound("loan_contract", rows_of(*LOAN, "受托银行："), ["trustee_bank"])
    assert result.missing == ["trustee_bank"]


def test_a_label_with_text_that_did_not_parse_is_not_legible() -> None:
    result = classify_unfound("loan_contract", rows_of(*LOAN, "受托银行：#### ##"),
                              ["trustee_bank"])
    assert result.missing == []
    assert result.unread == ["trustee_bank"]


def test_a_label_inside_a_longer_one_counts_as_present() -> None:
    result = classify_unfound("loan_contract", rows_of(*LOAN, [(100, "借款合同编号"),
                                                              (400, "GJJ-SC-2021-26101")]),
                              ["contract_number"])
    assert result.unread == ["contract_number"]


def test_on_a_blurred_or_glared_photo_nothing_unread_is_called_absent() -> None:
    result = classify_unfound("loan_contract", rows_of(*LOAN), ["trustee_bank"], legible=False)
    assert result.missing == []
    assert result.unread == ["trustee_bank"]


def test_a_page_missing_most_of_its_type_is_not_legible_rather_than_absent() -> None:
    result = classify_unfound("id_card", rows_of("姓名 石英芳"),
                              ["sex", "ethnicity", "birth_date", "address", "id_number"])
    assert result.missing == []
    assert len(result.unread) == 5


MARITAL = ("婚姻登记记录证明", "证件号码 520302196012128983", "婚姻状况 离婚", "姓名 梁超",
           "经查询，该当事人婚姻状况为离婚。", "六枝特区民政局婚姻登记处")


def test_a_date_misread_beyond_parsing_is_not_legible_rather_than_absent() -> None:
    misread = classify_unfound("marital_status_certificate", rows_of(*MARITAL, "2025/01/0%"),
                               ["issue_date"])
    assert misread.missing == []
    assert misread.unread == ["issue_date"]
    left_out = classify_unfound("marital_status_certificate", rows_of(*MARITAL),
                                ["issue_date"])
    assert left_out.missing == ["issue_date"]
    # the seal took 11 out of 2025.11.10
    lost_month = classify_unfound("marital_status_certificate", rows_of(*MARITAL, "2025..10"),
                                  ["issue_date"])
    assert lost_month.unread == ["issue_date"]


ID_CARD = ("中华人民共和国居民身份证", "姓名：潘欣", "性别：男", "民族：侗", "出生：1980年12月7日",
           "公民身份号码：520203198012072836")


def test_a_whole_address_whose_label_was_lost_is_not_legible_rather_than_absent() -> None:
    # 住址 misread as 佳址; 民族路 inside the address is no label
    misread = classify_unfound("id_card", rows_of(
        *ID_CARD, "佳址：贵州省遵义市红花岗区民族路376号阳光小区14栋3单元1705号"), ["address"])
    assert (misread.missing, misread.unread) == ([], ["address"])
    washed = classify_unfound("id_card", rows_of(*ID_CARD, "遵义市红花岗区民族路376号"),
                              ["address"])
    assert washed.unread == ["address"]
    # a place word alone is no address: the field is absent
    absent = classify_unfound("id_card", rows_of(*ID_CARD, "遵义市公安局"), ["address"])
    assert absent.missing == ["address"]


UNIT = ("单位住房公积金缴存登记表", "统一社会信用代码：91520203NWMWDGY4KJ", "单位负责人：李洋刚")


def test_an_organisation_name_whose_label_was_lost_is_not_legible_rather_than_absent() -> None:
    # glare wiped 单位 off 单位名称 and 六盘水 off the name: what is left still names a company
    lost = classify_unfound("unit_registration_form",
                            rows_of(*UNIT, "立名称：", "市鑫源农业科技有限责任公司"), ["unit_name"])
    assert (lost.missing, lost.unread) == ([], ["unit_name"])
    absent = classify_unfound("unit_registration_form", rows_of(*UNIT), ["unit_name"])
    assert absent.missing == ["unit_name"]


def _fields() -> dict[str, FieldValue]:
    return {"id_number": FieldValue("520221197212046745", 0.95),
            "borrower_name": FieldValue("熊瑶", 0.95)}


def test_confidence_is_a_probability_lowered_by_a_blurred_photo() -> None:
    sharp = calibrate("loan_contract", _fields(), [], SHARP)
    blurred = calibrate("loan_contract", _fields(), [], BLURRED)
    assert all(0 < p <= 1 for p in sharp.values())  # rounded to 3 places
    assert blurred["borrower_name"] < sharp["borrower_name"]


def test_a_checksum_confirms_and_a_check_on_the_field_doubts() -> None:
    fields = _fields()
    valid = calibrate("loan_contract", fields, [], SHARP)["id_number"]
    fields["id_number"] = FieldValue("520221197212046746", 0.95)
    doubted = calibrate("loan_contract", fields,
                        [Check("ID_CHECKSUM_INVALID", "error", "id_number", "")], SHARP)
    assert doubted["id_number"] < 0.9 <= valid


def test_a_value_of_the_wrong_shape_is_marked_for_checking() -> None:
    fields = {"borrower_name": FieldValue("经查询", 0.99)}
    confidence = calibrate("loan_contract", fields, [], SHARP)
    assert needs_check(confidence) == ["borrower_name"]


def test_has_property_read_off_a_query_result_cut_short_shares_its_doubt() -> None:
    cut = {"query_result": FieldValue("经查询", 0.99), "has_property": FieldValue("true", 0.99)}
    assert needs_check(calibrate("no_housing_certificate", cut, [], SHARP)) == [
        "query_result", "has_property"]
    whole = {"query_result": FieldValue("经查询，该申请人名下无不动产登记记录。", 0.99),
             "has_property": FieldValue("false", 0.99)}
    assert needs_check(calibrate("no_housing_certificate", whole, [], SHARP)) == []


def test_value_shapes() -> None:
    assert looks_right("loan_contract", "repayment_method", "等额本金")
    assert looks_right("loan_contract", "repayment_method", "☑等额本息 □等额本金")
    assert not looks_right("loan_contract", "repayment_method", "等额本")
    assert not looks_right("rental_contract", "rental_address", "州省六盘水市六枝特区人民路129号")
    assert looks_right("rental_contract", "rental_address", "贵州省六盘水市六枝特区人民路129号")
    assert not looks_right("marital_status_certificate", "issuer", "区民政局婚姻登记处")
    assert looks_right("marital_status_certificate", "issuer", "六枝特区民政局婚姻登记处")
    assert looks_right("no_housing_certificate", "query_result",
                       "经查询，该申请人名下有不动产登记记录1条。")
    assert not looks_right("no_housing_certificate", "query_result",
                           "经查询，该申名下有不动产登记记录1条。")
    assert looks_right("id_card", "name", "石英芳")
    assert not looks_right("id_card", "name", "经查询")
    assert not looks_right("rental_contract", "rental_address",
                           "贵州省六盘水市钟山区人民路189号锦绣华庭1")
    assert looks_right("rental_contract", "rental_address", "贵州省六盘水市钟山区人民路189号")
    # a house number lost under glare: 号 right after the road's name
    assert not looks_right("id_card", "address", "贵州省盘州市塔山路号")
    assert looks_right("id_card", "address", "贵州省盘州市塔山路324号锦绣华庭7栋2单元2804室")
    assert looks_right("id_card", "address", "贵州省盘州市塔山路三号")
    assert not looks_right("id_card", "address", "贵州省州市民族路319号")  # 盘 lost
    # the city and district between the province and the street lost under glare
    assert not looks_right("loan_contract", "property_address", "贵州省建荷城街道双水大道344号")
    assert looks_right("loan_contract", "property_address",
                       "贵州省黔西南布依族苗族自治州兴义市桔山街道坪东路8号")
    assert looks_right("id_card", "address", "贵州省威宁彝族回族苗族自治县草海镇建设路12号")
    assert not looks_right("no_housing_certificate", "query_result",
                           "该申请人名下有不动产登记记录1条。")  # 经查询， lost
    assert not looks_right("loan_contract", "loan_amount_upper", "壹拾壹万")  # 元整 lost
    assert looks_right("loan_contract", "loan_amount_upper", "壹拾壹万元整")
    assert not looks_right("loan_contract", "contract_number", "GJJ-SC-2022")  # serial lost
    assert looks_right("loan_contract", "contract_number", "GJJ-SC-2022-62331")
    assert looks_right("loan_contract", "contract_number", "2022")
    assert not looks_right("loan_contract", "contract_number", "GJJSC-2020-77375")  # - lost
    assert looks_right("loan_contract", "contract_number", "GJJ-LPS-2020-77375")
    assert looks_right("loan_contract", "contract_number", "LPS2023JK123456")
    assert not looks_right("business_licence", "company_type", "有限责任公")
    assert not looks_right("business_licence", "company_type", "其他有限任公司")  # 责 lost
    assert not looks_right("business_licence", "company_type", "有限责任公司（自然人投资")
    assert looks_right("business_licence", "company_type", "有限责任公司（自然人独资)")
    assert looks_right("business_licence", "company_type", "其他有限责任公司")
    assert not looks_right("no_housing_certificate", "query_result", "经查询，未发现该申")
    assert not looks_right("marital_status_certificate", "issuer", "州市民政局")  # place cut
    assert looks_right("marital_status_certificate", "issuer", "盘州市民政局")
    assert not looks_right("unit_registration_form", "bank", "中国工商银行六")  # branch cut
    assert looks_right("unit_registration_form", "bank", "中国工商银行六盘水分行")
    assert not looks_right("loan_contract", "trustee_bank", "（受托银行")  # the label's tail
    assert not looks_right("id_card", "address", "贵州省六盘水市钟山区塔山路319号阳光小区5栋1单元")
    assert not looks_right("rental_contract", "rental_address", "贵州省贵阳市南明区金色家园26栋")
    assert looks_right("business_licence", "address", "贵州省六盘水市钟山区人民路8号金山大厦5栋")
    assert looks_right("loan_contract", "trustee_bank", "中国农业银行六盘水钟山支行")
    assert not looks_right("loan_contract", "trustee_bank", "托银行)六盘水农村商业银行股份有限公司")
    assert looks_right("loan_contract", "trustee_bank", "六盘水农村商业银行股份有限公司")
    assert looks_right("business_licence", "company_type", "有限责任公司（自然人独资)")
    assert not looks_right("no_housing_certificate", "issuer", "六盘水重自然资源局")
    assert looks_right("no_housing_certificate", "issuer", "六盘水市自然资源局")
    assert not looks_right("no_housing_certificate", "query_result",
                           "经查询，该申请人名下无不动产己录。")
    assert not looks_right("business_licence", "company_name", "六盘水市顺达农责任公司")
    assert looks_right("business_licence", "company_name", "六盘水市顺达农业科技有限责任公司")
    assert not looks_right("rental_contract", "monthly_rent", "2.00")  # 600 of 2600.00 lost
    assert looks_right("rental_contract", "monthly_rent", "800.00")
    assert not looks_right("loan_contract", "loan_amount", "0.00")
    assert looks_right("loan_contract", "loan_amount", "100000.00")


def test_the_committed_table_was_fitted_and_met_its_goal_on_held_out_documents() -> None:
    fitted = table()
    assert "raw_logit" in fitted["weights"]
    held = fitted["held_out"]["measured"]
    assert held["accuracy_at_threshold"] >= 0.995
    assert held["coverage"] >= 0.90


def test_figures_and_words_that_disagree_are_both_doubted() -> None:
    # either may be the one misread: 肆万元整 lost 陆拾 under glare, ¥640,000.00 is right
    fields = {"loan_amount": FieldValue("640000.00", 0.994),
              "loan_amount_upper": FieldValue("肆万元整", 1.0)}
    mismatch = Check("AMOUNT_UPPER_MISMATCH", "error", "loan_amount", "不一致")
    confidence = calibrate("loan_contract", fields, [mismatch], SHARP)
    assert sorted(needs_check(confidence)) == ["loan_amount", "loan_amount_upper"]
