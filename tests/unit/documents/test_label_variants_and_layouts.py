"""General label and layout behaviours found with the harder evaluation set
(bench/harder_documents.py): label tails (借款人姓名), bare ratios under a (%) label, the
ID number of the right party whatever the field order, values under their labels and in
two-column rows."""

from __future__ import annotations

from ocr_lines import rows_of

from backend.documents import parsers as p
from backend.documents.extractors import (
    loan_contract,
    marital_status_certificate,
    no_housing_certificate,
    rental_contract,
    repayment_statement,
    unit_registration_form,
)

BORROWER_ID = "520203198303196889"
OTHER_ID = "52028119760109136X"


def values(extraction: object) -> dict[str, str]:
    return {k: v.value for k, v in extraction.fields.items()}  # type: ignore[attr-defined]


def test_a_label_with_a_name_tail_is_the_label_itself() -> None:
    for text in ("借款人姓名：马军萍", "借款人姓名 马军萍", "借款人姓名:马军萍"):
        got = values(loan_contract.extract(rows_of(text)))
        assert got["borrower_name"] == "马军萍", text


def test_a_label_word_is_never_read_as_a_name() -> None:
    assert p.person_name("姓名") is None
    assert p.person_name("名称") is None
    assert p.person_name("马军萍") == "马军萍"


def test_name_tail_in_a_table_cell_with_the_value_to_its_right() -> None:
    rows = rows_of([(100, "借款人姓名"), (400, "朱超")], [(100, "贷款金额"), (400, "510000.00元")])
    got = values(loan_contract.extract(rows))
    assert got["borrower_name"] == "朱超"
    assert got["loan_amount"] == "510000.00"


def test_value_printed_under_its_label() -> None:
    rows = rows_of(
        [(100, "借款人姓名：")], [(130, "马军萍")],
        [(100, "房屋坐落：")], [(130, "贵州省盘州市人民路12号丽景天城3栋1单元502号")],
        [(100, "贷款年限")], [(130, "20年")],
    )
    got = values(loan_contract.extract(rows))
    assert got["borrower_name"] == "马军萍"
    assert got["property_address"] == "贵州省盘州市人民路12号丽景天城3栋1单元502号"
    assert got["term_months"] == "240"


def test_borrower_id_found_wherever_the_field_order_puts_it() -> None:
    # The ID row is far from the borrower's name: no longer only "the next two rows".
    rows = rows_of(
        f"证件号码：{BORROWER_ID}",
        "执行年利率：2.85%",
        "还款方法：等额本息",
        "合同编号：GJJ-SC-2019-92282",
        "借款人姓名：丁娜",
    )
    got = values(loan_contract.extract(rows))
    assert got["borrower_id_number"] == BORROWER_ID
    assert got["borrower_name"] == "丁娜"
    assert got["annual_rate"] == "2.85%"


def test_tenant_id_is_the_one_labelled_for_the_tenant_not_the_nearest() -> None:
    rows = rows_of(
        "承租方（乙方）：周鹏",
        f"出租方身份证号：{OTHER_ID}",
        "出租方（甲方）：郭慧",
        f"承租人身份证号：{BORROWER_ID}",
    )
    got = values(rental_contract.extract(rows))
    assert got["tenant_id_number"] == BORROWER_ID
    assert got["tenant_name"] == "周鹏"
    assert got["landlord_name"] == "郭慧"


def test_landlord_id_is_never_taken_for_the_tenant() -> None:
    rows = rows_of("承租方（乙方）：周鹏", f"出租方身份证号：{OTHER_ID}")
    assert "tenant_id_number" not in values(rental_contract.extract(rows))


def test_ratio_without_percent_sign_under_a_percent_label() -> None:
    rows = rows_of(
        [(100, "单位缴存比例（%）"), (500, "12")],
        [(100, "职工缴存比例（%）"), (500, "8")],
        [(100, "职工人数"), (500, "35")],
    )
    got = values(unit_registration_form.extract(rows))
    assert got["unit_deposit_ratio"] == "12%"
    assert got["personal_deposit_ratio"] == "8%"
    assert got["employee_count"] == "35"
    assert p.ratio("12%") == "12%"
    assert p.ratio("150") is None


def test_two_pairs_per_row_each_label_keeps_its_own_value() -> None:
    rows = rows_of(
        [(100, "法定代表人"), (330, "夏磊凯"), (640, "联系手机"), (860, "17083766296")],
        [(100, "经办人姓名"), (330, "马林俊"), (640, "缴存人数"), (860, "483")],
        [(100, "单位全称"), (330, "六盘水市金诚房地产开发有限公司")],
    )
    got = values(unit_registration_form.extract(rows))
    assert got["legal_representative"] == "夏磊凯"
    assert got["contact_phone"] == "17083766296"
    assert got["contact_name"] == "马林俊"
    assert got["employee_count"] == "483"
    assert got["unit_name"] == "六盘水市金诚房地产开发有限公司"


def test_statement_header_variants() -> None:
    rows = rows_of(
        [(100, "客户姓名：高建"), (600, "打印时间：2025.05.23")],
        "贷款账户：3748477718341704",
        [(100, "序号"), (200, "扣款日期"), (400, "归还本金"), (600, "归还利息"),
         (800, "月还款额"), (1000, "剩余本金")],
        [(100, "1"), (200, "2025-04-10"), (400, "2041.67"), (600, "1223.64"),
         (800, "3265.31"), (1000, "471624.97")],
    )
    got = values(repayment_statement.extract(rows))
    assert got["borrower_name"] == "高建"
    assert got["statement_date"] == "2025-05-23"
    assert got["loan_account"] == "3748477718341704"
    assert got["total_paid"] == "3265.31"


def test_unreadable_tenant_id_is_not_replaced_by_the_landlords() -> None:
    rows = rows_of(
        "出租方（甲方）：郭慧",
        f"身份证号：{OTHER_ID}",
        "承租方（乙方）：周鹏",
        "身份证号：5202O1l9640B31",  # blurred beyond reading
    )
    assert "tenant_id_number" not in values(rental_contract.extract(rows))


def test_the_only_id_on_a_loan_contract_is_the_borrowers() -> None:
    rows = rows_of(
        "贷款人（甲方）：六盘水市住房公积金管理中心",
        f"身份证号 {BORROWER_ID}",
        "还款方法 等额本息",
        "乙方（借款人） 苏霞国",
    )
    assert values(loan_contract.extract(rows))["borrower_id_number"] == BORROWER_ID


def test_a_label_misread_in_one_character_still_finds_its_value() -> None:
    rows = rows_of("借款金颔（小写）：人民币130000.00元", "贷款期恨：60个月", "还款方式：等额本息")
    got = values(loan_contract.extract(rows))
    assert got["loan_amount"] == "130000.00"
    assert got["term_months"] == "60"
    loan = loan_contract.extract(rows).fields["term_months"]
    exact = loan_contract.extract(rows_of("贷款期限：60个月")).fields["term_months"]
    assert loan.confidence < exact.confidence  # trusted a little less


def test_a_misread_label_never_wins_over_an_exact_one() -> None:
    rows = rows_of("贷款期恨：99个月", "贷款期限：60个月")
    assert values(loan_contract.extract(rows))["term_months"] == "60"


def test_another_known_label_is_not_taken_for_a_misread_one() -> None:
    # 出生日期 differs from 出具日期 in one character, but it is a label of its own
    rows = rows_of("姓名：田琳婷", "出生日期：1972年7月15日", "婚姻状况：已婚")
    got = values(marital_status_certificate.extract(rows))
    assert got.get("issue_date") != "1972-07-15"


def test_loan_terms_in_chinese_numerals() -> None:
    assert p.months("二十年") == "240"
    assert p.months("十五年") == "180"
    assert p.months("三百六十个月") == "360"
    assert p.months("20年") == "240"
    assert p.months("年") is None


def test_upper_amount_under_a_caption_that_puts_the_word_first() -> None:
    rows = rows_of([(100, "大写金额"), (400, "人民币贰拾捌万元整")],
                   [(100, "贷款金额"), (400, "280000.00元")])
    got = values(loan_contract.extract(rows))
    assert got["loan_amount_upper"] == "贰拾捌万元整"
    assert got["loan_amount"] == "280000.00"


def test_a_foot_date_boxed_as_two_cells_is_read_whole() -> None:
    rows = rows_of("不动产登记信息查询结果证明", "查询申请人：罗婷",
                   "说明：本证明自出具之日起90日内有效", [(100, "2025年05"), (300, "月06日")])
    got = values(no_housing_certificate.extract(rows))
    assert got["issue_date"] == "2025-05-06"


def test_house_numbers_misread_as_letters_are_repaired_in_addresses() -> None:
    assert p.address("塔山路65号翡翠湾18栋1单元10Q2号") == "塔山路65号翡翠湾18栋1单元1002号"
    assert p.address("钟山大道3OO2号") == "钟山大道3002号"
    assert p.address("水西路2l栋1单元") == "水西路21栋1单元"
    # letters that are not between digits are left as printed
    assert p.address("贵州省六盘水市OK广场5号") == "贵州省六盘水市OK广场5号"


def test_an_amount_whose_leading_digit_was_misread_is_not_read_as_zero() -> None:
    assert p.amount("t000元（大写：登仟元整）") is None
    assert p.amount("¥ 0800") is None
    assert p.amount("0.50万元") == "5000.00"
    assert p.amount("人民币1000元") == "1000.00"


def test_a_short_name_glued_to_its_label_with_the_sex_to_its_right() -> None:
    # 姓名程萍 | 女: the seal ate 性别, and 程萍 is the name, not the tail of a longer label
    rows = rows_of("婚姻状况证明", [(100, "姓名程萍"), (700, "女")], "婚姻状况：已婚")
    assert values(marital_status_certificate.extract(rows))["name"] == "程萍"


def test_a_label_that_lost_its_last_character_still_finds_the_value_to_its_right() -> None:
    rows = rows_of("婚姻状况证明", [(100, "申请"), (220, "魏建")], "婚姻状况：未婚")
    assert values(marital_status_certificate.extract(rows))["name"] == "魏建"
