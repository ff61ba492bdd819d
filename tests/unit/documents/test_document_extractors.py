"""Extractors on OCR-line inputs (no OCR): label variants, field order, tables."""

from __future__ import annotations

from ocr_lines import rows_of

from backend.documents.extractors import (
    business_licence,
    id_card,
    loan_contract,
    marital_status_certificate,
    no_housing_certificate,
    rental_contract,
    unit_registration_form,
)


def values(extraction: object) -> dict[str, str]:
    return {k: v.value for k, v in extraction.fields.items()}  # type: ignore[attr-defined]


def test_id_card_fields_with_wrapped_address() -> None:
    rows = rows_of(
        [(100, "姓名"), (220, "莫晨芳")],
        [(100, "性别女"), (300, "民族汉")],
        [(100, "出生"), (220, "1989年4月27日")],
        [(100, "住址"), (220, "贵州省六盘水市六枝特区")],
        [(220, "九龙街道塔山路328号")],
        [(220, "14栋1单元1104号")],
        [(100, "公民身份号码"), (400, "520203198904273326")],
    )
    assert values(id_card.extract(rows)) == {
        "name": "莫晨芳", "sex": "女", "ethnicity": "汉", "birth_date": "1989-04-27",
        "address": "贵州省六盘水市六枝特区九龙街道塔山路328号14栋1单元1104号",
        "id_number": "520203198904273326",
    }


def test_id_card_with_sex_and_ethnicity_in_one_cell() -> None:
    rows = rows_of("姓名 石英芳", "性别 女 民族 苗", "公民身份号码 520203197001175843")
    got = values(id_card.extract(rows))
    assert got["sex"] == "女"
    assert got["ethnicity"] == "苗"


def test_loan_contract_label_variants_and_any_order() -> None:
    rows = rows_of(
        "合同编号: GJJ-LPS-2025-61794",
        "还款方式：等额本息",
        "贷款金额（大写）：人民币柒拾叁万陆仟元整",
        "贷款金额（小写）：人民币736000.00元",
        "借款人（乙方）：熊瑶",
        "身份证号码：520221197212046745",
        "房屋地址:六盘水市六枝特区塔山路198号金桥御府9栋3单元3202号",
        "贷款期限：15年",
        "年利率:3.325%",
        "受托银行（丙方）：贵州银行股份有限公司六盘水分行",
    )
    assert values(loan_contract.extract(rows)) == {
        "contract_number": "GJJ-LPS-2025-61794",
        "borrower_name": "熊瑶",
        "borrower_id_number": "520221197212046745",
        "property_address": "六盘水市六枝特区塔山路198号金桥御府9栋3单元3202号",
        "loan_amount": "736000.00",
        "loan_amount_upper": "柒拾叁万陆仟元整",
        "term_months": "180",
        "annual_rate": "3.325%",
        "repayment_method": "等额本息",
        "trustee_bank": "贵州银行股份有限公司六盘水分行",
    }


def test_loan_contract_other_wording() -> None:
    rows = rows_of("借款人：张磊成", "身份证号：520281197711224514", "房屋坐落：盘州市文博路144号",
                   "借款金额：630,000.00元", "借款金额（大写）：陆拾叁万元整")
    got = values(loan_contract.extract(rows))
    assert got["loan_amount"] == "630000.00"
    assert got["loan_amount_upper"] == "陆拾叁万元整"
    assert got["property_address"] == "盘州市文博路144号"
    assert got["borrower_id_number"] == "520281197711224514"


def test_business_licence_spaced_labels_and_code_under_caption() -> None:
    rows = rows_of(
        "营业执照",
        "统一社会信用代码",
        "91520221MA677WCG7A",
        [(100, "名"), (300, "称六枝特区乌蒙农业科技有限责任公司")],
        [(100, "类"), (250, "型"), (300, "有限责任公司（自然人投资或控股）")],
        [(100, "法定代表人"), (300, "肖顺德")],
        [(100, "注册资本"), (300, "1000万元")],
        [(100, "成立日期"), (300, "2023年08月03日")],
        [(100, "住"), (250, "所"), (300, "贵州省六盘水市水城区老鹰山街道民族路281号")],
    )
    assert values(business_licence.extract(rows)) == {
        "company_name": "六枝特区乌蒙农业科技有限责任公司",
        "uscc": "91520221MA677WCG7A",
        "company_type": "有限责任公司（自然人投资或控股）",
        "legal_representative": "肖顺德",
        "registered_capital": "1000万元",
        "established_date": "2023-08-03",
        "address": "贵州省六盘水市水城区老鹰山街道民族路281号",
    }


def test_rental_contract_tenant_id_is_the_one_after_the_tenant() -> None:
    rows = rows_of(
        "出租方（甲方）：张鹏贵", "身份证号：520281199708262316",
        "承租方（乙方）：肖萱丽", "身份证号：520204196910188627",
        "房屋地址：六盘水市钟山区大河镇水西路273号7栋3单元1604号",
        "租赁期限：自2025年03月01日起至2026年02月28日止，共12个月。",
        "月租金：人民币2650元（大写：贰仟陆佰伍拾元整）",
        [(100, "甲方（签字）："), (500, "乙方（签字）：")],
    )
    assert values(rental_contract.extract(rows)) == {
        "tenant_name": "肖萱丽", "tenant_id_number": "520204196910188627",
        "landlord_name": "张鹏贵",
        "rental_address": "六盘水市钟山区大河镇水西路273号7栋3单元1604号",
        "monthly_rent": "2650.00", "lease_start": "2025-03-01", "lease_end": "2026-02-28",
    }


def test_marital_certificate_issue_date_is_not_the_registration_date() -> None:
    rows = rows_of(
        "婚姻状况证明",
        [(100, "姓名"), (300, "田琳婷")],
        [(100, "公民身份号码"), (300, "520203197207154925")],
        [(100, "婚姻状况"), (300, "已婚")],
        [(100, "登记日期"), (300, "2017年2月6日")],
        "经查询，该当事人在婚姻登记机关有结婚登记记录，婚姻状况为已婚。",
        [(600, "六盘水市钟山区民政局婚姻登记处")],
        [(600, "婚姻登026年9月17日")],  # seal ate the year's first digit
    )
    got = values(marital_status_certificate.extract(rows))
    assert got["issue_date"] == "2026-09-17"
    assert got["issuer"] == "六盘水市钟山区民政局婚姻登记处"
    assert got["marital_status"] == "已婚"


def test_no_housing_certificate_reads_result_and_has_property() -> None:
    rows = rows_of(
        "不动产登记信息查询结果证明",
        [(100, "查询申请人"), (300, "赵涛俊")],
        [(100, "证件号码"), (300, "520204198611238371")],
        [(100, "查询结果"), (300, "经查询，未发现该申请人名下有不动产登记记录。")],
        [(600, "六盘水市不动产登记中心")],
        [(600, "2026年10月26日")],
    )
    got = values(no_housing_certificate.extract(rows))
    assert got["has_property"] == "false"
    assert got["issue_date"] == "2026-10-26"
    assert got["issuer"] == "六盘水市不动产登记中心"
    assert no_housing_certificate.has_property("经查询，该申请人名下有不动产登记记录1条。")


def test_unit_form_table_with_values_beside_labels() -> None:
    rows = rows_of(
        [(100, "单位名称"), (300, "贵州黔源装饰工程有限责任公司")],
        [(100, "统一社会信用代码"), (300, "9152020034712781XA")],
        [(100, "法定代表人"), (300, "江昌宇"), (600, "单位性质"), (800, "私营企业")],
        [(100, "经办人"), (300, "孙祥林"), (600, "联系电话"), (800, "15912761785")],
        [(100, "单位缴存比例"), (300, "9%"), (600, "个人缴存比例"), (800, "12%")],
        [(100, "职工人数"), (300, "52"), (600, "发薪日（每月）"), (800, "1")],
        [(100, "开户银行"), (300, "中国银行六盘水分行")],
        [(100, "单位地址"), (300, "贵州省盘州市两河街道两河大道55号")],
    )
    got = values(unit_registration_form.extract(rows))
    assert got == {
        "unit_name": "贵州黔源装饰工程有限责任公司", "uscc": "9152020034712781XA",
        "unit_address": "贵州省盘州市两河街道两河大道55号", "legal_representative": "江昌宇",
        "contact_name": "孙祥林", "contact_phone": "15912761785", "unit_deposit_ratio": "9%",
        "personal_deposit_ratio": "12%", "employee_count": "52", "payday": "1",
        "bank": "中国银行六盘水分行",
    }


def test_tilted_photo_rows_still_pair_labels_with_values() -> None:
    rows = rows_of([(100, "单位名称"), (600, "贵州水城商贸有限责任公司")],
                   [(100, "职工人数"), (600, "520")], tilt_deg=4.0)
    got = values(unit_registration_form.extract(rows))
    assert got["unit_name"] == "贵州水城商贸有限责任公司"
    assert got["employee_count"] == "520"


def test_label_with_a_prefix_and_colon_and_value_printed_under_a_label() -> None:
    rows = rows_of("借款合同编号：LPS2025JK522585",
                   [(100, "借款人"), (400, "身份证号码")],
                   [(100, "江丽华"), (400, "520281198306161163")])
    got = values(loan_contract.extract(rows))
    assert got["contract_number"] == "LPS2025JK522585"
    assert got["borrower_name"] == "江丽华"
    assert got["borrower_id_number"] == "520281198306161163"


def test_registered_capital_in_chinese_numerals_is_kept_as_printed() -> None:
    rows = rows_of("营业执照", [(100, "注册资本"), (300, "人民币伍佰万元整")])
    assert values(business_licence.extract(rows))["registered_capital"] == "伍佰万元整"


def test_a_sentence_starting_with_a_party_word_is_not_taken_for_a_name() -> None:
    rows = rows_of("房屋租赁合同", "甲方保证对该房屋享有合法的出租权利。", "出租人：毛晨萱")
    assert values(rental_contract.extract(rows))["landlord_name"] == "毛晨萱"


def test_a_repayment_method_is_the_method_named_without_marks_read_beside_it() -> None:
    rows = rows_of("还款方法 ☑等额本金", "借款合同编号 GJJ-SC-2019-67780")
    assert values(loan_contract.extract(rows))["repayment_method"] == "等额本金"
    ticked = rows_of("还款方式 ☐等额本息 ☑等额本金")  # which box is ticked is not guessed
    assert values(loan_contract.extract(ticked))["repayment_method"] == "☐等额本息☑等额本金"


def test_an_ethnicity_is_one_of_the_groups_a_card_prints() -> None:
    wiped = rows_of([(100, "性别"), (220, "女")], [(100, "民族"), (220, "出生日期")],
                    [(100, "公民身份号码"), (400, "520221197006058761")])
    assert "ethnicity" not in values(id_card.extract(wiped))  # the next label is no group
    assert values(id_card.extract(rows_of("性别 男 民族 布依族")))["ethnicity"] == "布依"
    guizhou = rows_of("民族 穿青人", "出生 1990年1月2日")
    assert values(id_card.extract(guizhou))["ethnicity"] == "穿青人"
