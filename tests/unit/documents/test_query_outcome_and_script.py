"""A query result that says neither yes nor no, and values holding a traditional character."""

from backend.documents.query_outcome import has_property, states_outcome
from backend.documents.shapes import has_traditional, looks_right


def test_a_result_says_whether_anything_was_found() -> None:
    for said in ("经查询，该申请人名下无不动产登记记录。",
                 "经查询，未发现该申请人名下有不动产登记记录。",
                 "经查询，该申请人名下有不动产登记记录1条。",
                 "查询到该申请人名下房屋登记信息。",
                 "经核查，该申请人在本市存在住房登记记录。", "该申请人名下有住房0套。"):
        assert states_outcome(said), said
    # glare wiped 人名下无不动产 / 无: what is left says nothing either way
    for cut in ("经查询，该申请登记记录。", "经查询，该申请人名下不动产登记记录。"):
        assert not states_outcome(cut), cut
        assert has_property(cut) is True  # never cleared on a reading that cannot show absence
        assert not looks_right("no_housing_certificate", "query_result", cut)
    whole = "经查询，该申请人名下无不动产登记记录。"
    assert looks_right("no_housing_certificate", "query_result", whole)


def test_a_traditional_character_in_a_name_or_address_is_a_misread() -> None:
    assert has_traditional("徐靜")
    assert has_traditional("贵州省六盘水市钟山區人民路1号")
    assert not has_traditional("徐静")
    assert not has_traditional("乾县人民路1号")  # 乾 stays in 规范汉字 (乾县)
    assert not has_traditional("於明")  # 於 as a surname
    assert not looks_right("loan_contract", "borrower_name", "黃伟")
    assert looks_right("loan_contract", "borrower_name", "黄伟")
    assert not looks_right("id_card", "address", "贵州省盘州市塔山路324號")
    # codes, dates and amounts are not judged by script
    assert looks_right("loan_contract", "contract_number", "GJJ-SC-2022-62331")


def test_a_bank_named_with_its_legal_form_is_whole() -> None:
    assert looks_right("unit_registration_form", "bank", "六盘水农村商业银行股份有限公司")
    assert not looks_right("unit_registration_form", "bank", "中国工商银行六")


def test_an_organisation_with_its_legal_form_or_place_cut_short_is_doubted() -> None:
    assert not looks_right("business_licence", "company_name", "六盘水市顺达房地产开发有公司")
    assert not looks_right("business_licence", "company_name", "六盘水市顺达房地产股有限公司")
    assert looks_right("business_licence", "company_name", "六盘水市顺达房地产开发有限公司")
    assert looks_right("business_licence", "company_name", "贵州顺达股份有限公司")
    # 六盘水 lost 水农村 before 商业银行: a piece of a place of the service area
    assert not looks_right("unit_registration_form", "bank", "六盘商业银行股份有限公司")
    assert looks_right("unit_registration_form", "bank", "水城农村商业银行股份有限公司")
    assert looks_right("unit_registration_form", "bank", "中国建设银行股份有限公司六盘水分行")
    # 六盘水市 lost its 六: what is left of a place is no place
    assert not looks_right("business_licence", "company_name", "盘水市宏泰商贸有限公司")
    assert looks_right("business_licence", "company_name", "盘州市宏泰商贸有限公司")
    assert looks_right("business_licence", "company_name", "水城区宏泰商贸有限公司")


def test_a_name_holding_zi_is_doubted_it_is_the_misread_of_yu() -> None:
    assert not looks_right("unit_registration_form", "contact_name", "曹强字")
    assert looks_right("unit_registration_form", "contact_name", "曹强宇")


def test_a_place_of_the_service_area_misread_by_one_character_is_doubted() -> None:
    assert not looks_right("unit_registration_form", "unit_address",
                           "贵州省六盘永市钟山区钟山大道11号")  # 水 read 永
    assert looks_right("unit_registration_form", "unit_address", "贵州省六盘水市钟山区钟山大道11号")
    # places elsewhere are not judged against ours (胶州市 is one edit from 盘州市)
    assert looks_right("id_card", "address", "山东省胶州市人民路1号")
    assert looks_right("id_card", "address", "贵州省遵义市红花岗区凤凰街道荷泉路89号")


def test_values_cut_in_the_middle_or_at_the_end_are_doubted() -> None:
    assert not looks_right("no_housing_certificate", "query_result",
                           "经查请人名下无不动产登记记录。")  # 询，该申 lost
    assert looks_right("no_housing_certificate", "query_result",
                       "经核查，暂未查询到该申请人名下房屋登记信息。")
    assert looks_right("no_housing_certificate", "query_result", "经系统查询，该申请人名下无住房。")
    # the opening clause no longer says how it was found: 查询，该 lost
    assert not looks_right("no_housing_certificate", "query_result",
                           "经亥申请人名下无不动产登记记录。")
    assert looks_right("no_housing_certificate", "query_result",
                       "经不动产登记信息系统查询，该申请人名下无不动产登记记录。")
    assert not looks_right("business_licence", "company_type", "份有限公司（非上市）")  # 股 lost
    assert looks_right("business_licence", "company_type", "股份有限公司（非上市）")
    assert not looks_right("loan_contract", "contract_number", "GJJ-SC")  # its serial lost


def test_a_company_type_with_its_qualifier_cut_is_doubted() -> None:
    assert not looks_right("business_licence", "company_type",
                           "有限责任公司（自然人投资或股）")  # 控 lost
    assert looks_right("business_licence", "company_type", "有限责任公司（自然人投资或控股）")
    assert looks_right("business_licence", "company_type",
                       "有限责任公司（非自然人投资或控股的法人独资）")


def test_a_value_carrying_a_neighbours_bracket_or_comma_is_doubted() -> None:
    # the ）of the label 受托银行（丙方）read into the value
    assert not looks_right("loan_contract", "trustee_bank", "）中国银行盘州支行")
    assert not looks_right("loan_contract", "trustee_bank", ")中国银行盘州支行")
    assert not looks_right("id_card", "name", "，张伟")
    assert not looks_right("id_card", "address", "贵州省六盘水市钟山区人民路12号（")
    assert looks_right("loan_contract", "trustee_bank", "中国银行盘州支行")
    assert looks_right("id_card", "address", "贵州省六盘水市钟山区人民路12号")
