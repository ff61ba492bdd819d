"""One end-to-end test per rule family, on the real database: a stored case of staff1's
team is verified by the queued job (``verification.verify_case``), the supervisor reads the
flag (code, evidence, Chinese message) through ``case { flags }``, and the field worker and
supervisor find it in their inbox. Each family also has a case that must not be flagged."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest

from backend.accounts import queries as accounts
from backend.demo.seed import DEMO_TEAM_ID
from backend.jobs import worker
from backend.verification import queries
from backend.verification.jobs import request_verification
from backend.verification.service import now
from tests.integration.conftest import GraphQL
from tests.integration.verification.case_rows import add_case

pytestmark = pytest.mark.usefixtures("demo")

CASE = "query($id: ID!) { case(id: $id) { flags { code severity field message evidence } } }"
INBOX = "query { inbox(first: 50) { edges { node { kind body caseId } } } }"
ZHANG = {
    "name": "张伟",
    "id_number": "520201199001011239",
    "phone": "13800000000",
    "amount": "20000.00",
    "bank_account": "6222020200112233",
}
LI = ZHANG | {"name": "李娜", "id_number": "520202198805060011"}
ID_CARD = ("id_card", {"name": "张伟", "id_number": ZHANG["id_number"]})
HOME = "贵州省六盘水市钟山区钟山西路363号1栋3单元1301号"


async def _staff1() -> UUID:
    found = await accounts.user_by_username("staff1")
    assert found is not None
    return found[0].id


async def staff1_case(
    fields: dict[str, str], documents: list[tuple[str, dict[str, str]]], **kwargs: Any
) -> UUID:
    """A submitted case of staff1 (so their team's supervisor reviews it)."""
    kwargs.setdefault("submitted", "2026-03-02")
    return await add_case(fields, documents, creator=await _staff1(), team=DEMO_TEAM_ID, **kwargs)


async def verified(gql: GraphQL, case_id: UUID) -> list[dict[str, Any]]:
    """Runs the queued verification job, then reads the flags as the supervisor does."""
    await request_verification(case_id)
    await worker.drain()  # the demo's own jobs run too
    assert await queries.case_flags(case_id) is not None  # the job verified this case
    body = await gql(CASE, {"id": str(case_id)}, token=await gql.login("supervisor1"))
    assert "errors" not in body, body
    flags: list[dict[str, Any]] = body["data"]["case"]["flags"]
    return flags


def only(flags: list[dict[str, Any]], code: str) -> dict[str, Any]:
    found = [f for f in flags if f["code"] == code]
    assert len(found) == 1, flags
    return found[0]


def codes(flags: list[dict[str, Any]]) -> set[str]:
    return {f["code"] for f in flags}


async def assert_told(gql: GraphQL, case_id: UUID, message: str) -> None:
    """The worker and their supervisor have a risk notice of the case quoting the message."""
    for username in ("staff1", "supervisor1"):
        body = await gql(INBOX, token=await gql.login(username))
        notices = [
            e["node"]["body"]
            for e in body["data"]["inbox"]["edges"]
            if e["node"]["kind"] == "risk_flagged" and e["node"]["caseId"] == str(case_id)
        ]
        assert any(message in n for n in notices), (username, notices)


# Completeness ---------------------------------------------------------------------------


async def test_completeness_a_missing_material_and_field_are_flagged(gql: GraphQL) -> None:
    case = await staff1_case(ZHANG | {"withdrawal_reason": "03", "phone": ""}, [])
    flags = await verified(gql, case)
    missing = only(flags, "DOCUMENT_MISSING")
    assert missing["severity"] == "error"
    assert missing["evidence"]["docType"] == "id_card"
    assert missing["evidence"]["business"] == "withdrawal.03"
    assert missing["message"].endswith("须提交身份证，案件中尚未添加。")
    field = only(flags, "FIELD_MISSING")
    assert (field["field"], field["evidence"]["field"]) == ("phone", "phone")
    assert "请填写手机号码" in field["message"]
    await assert_told(gql, case, missing["message"])


async def test_completeness_a_complete_case_has_no_completeness_flags(gql: GraphQL) -> None:
    case = await staff1_case(ZHANG | {"withdrawal_reason": "03"}, [ID_CARD])
    assert codes(await verified(gql, case)) & {"DOCUMENT_MISSING", "FIELD_MISSING"} == set()


# Cross-document consistency -------------------------------------------------------------


async def test_consistency_an_id_card_of_another_name_is_a_mismatch(gql: GraphQL) -> None:
    card = ("id_card", {"name": "张玮", "id_number": ZHANG["id_number"]})
    case = await staff1_case(ZHANG | {"withdrawal_reason": "03"}, [card])
    mismatch = only(await verified(gql, case), "ID_MISMATCH")
    assert mismatch["severity"] == "error"
    assert mismatch["evidence"]["docType"] == "id_card"
    assert mismatch["evidence"]["differences"] == [
        {"field": "name", "case": "张伟", "document": "张玮"}
    ]
    assert (
        "身份证上的申请人信息与案件不一致（姓名：案件为“张伟”，材料为“张玮”）"
        in mismatch["message"]
    )
    await assert_told(gql, case, mismatch["message"])


async def test_consistency_documents_that_agree_raise_no_mismatch(gql: GraphQL) -> None:
    case = await staff1_case(ZHANG | {"withdrawal_reason": "03"}, [ID_CARD])
    assert "ID_MISMATCH" not in codes(await verified(gql, case))


# Marital status -------------------------------------------------------------------------


async def _married_last_year() -> UUID:
    return await staff1_case(
        ZHANG | {"withdrawal_reason": "02"},
        [ID_CARD, ("marital_status_certificate", {"marital_status": "已婚"})],
        submitted="2025-03-02",
        status="approved",
        decided="2025-03-09",
    )


async def test_marital_married_last_time_never_married_now_is_reversed(gql: GraphQL) -> None:
    earlier = await _married_last_year()
    certificate = (
        "marital_status_certificate",
        {"marital_status": "未婚", "issue_date": "2026-02-20"},
    )
    case = await staff1_case(ZHANG | {"withdrawal_reason": "03"}, [ID_CARD, certificate])
    reversed_ = only(await verified(gql, case), "MARITAL_STATUS_REVERSED")
    assert reversed_["severity"] == "error"
    assert reversed_["evidence"]["before"] == "已婚"
    assert reversed_["evidence"]["now"] == "未婚"
    assert reversed_["evidence"]["earlierCaseId"] == str(earlier)
    assert reversed_["message"].startswith("婚姻状况由“已婚”变为“未婚”（上次提交：2025-03-02")
    await assert_told(gql, case, reversed_["message"])


async def test_marital_still_married_is_not_reversed(gql: GraphQL) -> None:
    await _married_last_year()
    certificate = (
        "marital_status_certificate",
        {"marital_status": "已婚", "issue_date": "2026-02-20"},
    )
    case = await staff1_case(ZHANG | {"withdrawal_reason": "03"}, [ID_CARD, certificate])
    flags = await verified(gql, case)
    assert codes(flags) & {"MARITAL_STATUS_REVERSED", "MARITAL_STATUS_CHANGED_RECENTLY"} == set()


async def test_marital_a_divorce_within_the_window_is_a_recent_change(gql: GraphQL) -> None:
    certificate = (
        "marital_status_certificate",
        {"marital_status": "离婚", "issue_date": "2026-02-20"},
    )
    case = await staff1_case(ZHANG | {"withdrawal_reason": "03"}, [ID_CARD, certificate])
    recent = only(await verified(gql, case), "MARITAL_STATUS_CHANGED_RECENTLY")
    assert recent["severity"] == "warning"
    assert recent["evidence"]["issueDate"] == "2026-02-20"
    assert recent["evidence"]["windowDays"] == 365
    assert "申请人在申请前 365 天内变更为离婚（离婚证明出具于 2026-02-20）" in recent["message"]
    await assert_told(gql, case, recent["message"])


async def test_marital_a_divorce_before_the_window_is_not_recent(gql: GraphQL) -> None:
    certificate = (
        "marital_status_certificate",
        {"marital_status": "离婚", "issue_date": "2025-03-01"},
    )
    case = await staff1_case(ZHANG | {"withdrawal_reason": "03"}, [ID_CARD, certificate])
    assert "MARITAL_STATUS_CHANGED_RECENTLY" not in codes(await verified(gql, case))


# Certificates ---------------------------------------------------------------------------


def _no_housing(issued: str, has_property: str = "false", result: str = "无房产") -> Any:
    return (
        "no_housing_certificate",
        {
            "name": "张伟",
            "id_number": ZHANG["id_number"],
            "issue_date": issued,
            "has_property": has_property,
            "query_result": result,
        },
    )


async def test_certificate_older_than_policy_allows_is_expired(gql: GraphQL) -> None:
    case = await staff1_case(
        ZHANG | {"withdrawal_reason": "07"}, [ID_CARD, _no_housing("2026-01-15")]
    )
    expired = only(await verified(gql, case), "CERTIFICATE_EXPIRED")
    assert expired["severity"] == "error"
    assert expired["evidence"]["validUntil"] == "2026-02-14"
    assert expired["evidence"]["submittedOn"] == "2026-03-02"
    assert expired["message"] == (
        "无房证明出具于 2026-01-15，有效期 30 天（至 2026-02-14），"
        "提交日 2026-03-02 已过期，请重新开具。"
    )
    await assert_told(gql, case, expired["message"])


async def test_certificate_within_its_validity_is_not_expired(gql: GraphQL) -> None:
    case = await staff1_case(
        ZHANG | {"withdrawal_reason": "07"}, [ID_CARD, _no_housing("2026-02-20")]
    )
    assert "CERTIFICATE_EXPIRED" not in codes(await verified(gql, case))


# Property -------------------------------------------------------------------------------


async def test_property_a_no_housing_certificate_showing_a_home_is_found(gql: GraphQL) -> None:
    certificate = _no_housing("2026-02-20", "true", "有房产1套")
    case = await staff1_case(ZHANG | {"withdrawal_reason": "07"}, [ID_CARD, certificate])
    found = only(await verified(gql, case), "PROPERTY_FOUND")
    assert found["severity"] == "error"
    assert (found["evidence"]["hasProperty"], found["evidence"]["reason"]) == ("true", "07")
    assert (
        "提取要求名下无房，但无房证明显示有房产（查询结果：有房产1套），请核实。"
        in found["message"]
    )
    await assert_told(gql, case, found["message"])


async def test_property_a_clean_no_housing_certificate_finds_nothing(gql: GraphQL) -> None:
    case = await staff1_case(
        ZHANG | {"withdrawal_reason": "07"}, [ID_CARD, _no_housing("2026-02-20")]
    )
    assert "PROPERTY_FOUND" not in codes(await verified(gql, case))


async def _lis_home() -> UUID:
    theirs = await staff1_case(
        LI | {"withdrawal_reason": "01", "property_address": HOME},
        [("loan_contract", {"property_address": HOME})],
        submitted="2025-10-01",
        status="approved",
        decided="2025-10-08",
    )
    await request_verification(theirs)
    await worker.drain()
    return theirs


async def test_property_a_home_used_by_another_person_is_reused(gql: GraphQL) -> None:
    theirs = await _lis_home()
    same_home = "钟山区钟山西路363号1幢3单元1301室"  # written differently
    case = await staff1_case(
        ZHANG | {"withdrawal_reason": "01"},
        [ID_CARD, ("loan_contract", {"property_address": same_home})],
    )
    reused = only(await verified(gql, case), "PROPERTY_REUSED")
    assert reused["severity"] == "warning"
    assert reused["evidence"]["earlierCaseId"] == str(theirs)
    assert reused["evidence"]["earlierApplicant"] == "李娜"
    assert reused["evidence"]["samePerson"] is False
    assert reused["message"].startswith(f"同一住房已被他人（李娜）用于提取：“{same_home}”")
    await assert_told(gql, case, reused["message"])


async def test_property_another_home_is_not_reused(gql: GraphQL) -> None:
    await _lis_home()
    other = "贵州省六盘水市钟山区凉都大道8号2栋1单元502号"
    case = await staff1_case(
        ZHANG | {"withdrawal_reason": "01"},
        [ID_CARD, ("loan_contract", {"property_address": other})],
    )
    assert "PROPERTY_REUSED" not in codes(await verified(gql, case))


# Images ---------------------------------------------------------------------------------


async def _lis_photo(photo_hash: str) -> UUID:
    await queries.save_photo_hash("a" * 64, "f" * 60 + "0000", now())
    await queries.save_photo_hash("b" * 64, photo_hash, now())
    return await staff1_case(
        LI | {"withdrawal_reason": "03"},
        [("id_card", {"name": "李娜", "id_number": LI["id_number"]})],
        submitted="2025-12-01",
        shas=["a" * 64],
    )


async def test_image_a_near_identical_photo_of_another_person_is_reused(gql: GraphQL) -> None:
    theirs = await _lis_photo("f" * 60 + "0001")  # one bit apart
    case = await staff1_case(ZHANG | {"withdrawal_reason": "03"}, [ID_CARD], shas=["b" * 64])
    reused = only(await verified(gql, case), "IMAGE_REUSED")
    assert reused["severity"] == "error"
    assert reused["evidence"]["otherCaseId"] == str(theirs)
    assert reused["evidence"]["distance"] == 1
    assert reused["message"].startswith(
        f"身份证照片与他人案件（李娜，案件 {theirs}，2025-12-01 提交）"
    )
    await assert_told(gql, case, reused["message"])


async def test_image_a_different_photo_is_not_reused(gql: GraphQL) -> None:
    await _lis_photo("0" * 64)
    case = await staff1_case(ZHANG | {"withdrawal_reason": "03"}, [ID_CARD], shas=["b" * 64])
    assert "IMAGE_REUSED" not in codes(await verified(gql, case))


# Amounts --------------------------------------------------------------------------------


def _repayment(total: str) -> tuple[str, dict[str, str]]:
    return ("repayment_statement", {"borrower_name": "张伟", "last_12_months_total": total})


async def test_amount_above_last_years_repayments_exceeds_the_limit(gql: GraphQL) -> None:
    case = await staff1_case(ZHANG | {"withdrawal_reason": "06"}, [ID_CARD, _repayment("15000.00")])
    exceeds = only(await verified(gql, case), "AMOUNT_EXCEEDS_LIMIT")
    assert exceeds["severity"] == "error"
    assert exceeds["evidence"]["amount"] == "20000.00"
    assert exceeds["evidence"]["limit"] == "15000.00"
    assert exceeds["evidence"]["basis"] == "last_12_months_total"
    assert exceeds["message"] == (
        "提取金额 20000.00 元超过还款明细中近12个月的还款合计（15000.00 元），"
        "请核减金额或核实材料。"
    )
    await assert_told(gql, case, exceeds["message"])


async def test_amount_within_last_years_repayments_is_allowed(gql: GraphQL) -> None:
    case = await staff1_case(ZHANG | {"withdrawal_reason": "06"}, [ID_CARD, _repayment("25000.00")])
    assert "AMOUNT_EXCEEDS_LIMIT" not in codes(await verified(gql, case))


# Withdrawal interval --------------------------------------------------------------------


async def _approved_06(decided: str) -> UUID:
    return await staff1_case(
        ZHANG | {"withdrawal_reason": "06"},
        [],
        submitted=decided,
        status="approved",
        decided=decided,
    )


async def test_interval_a_withdrawal_before_the_next_eligible_date_is_too_soon(
    gql: GraphQL,
) -> None:
    earlier = await _approved_06("2025-06-10")
    case = await staff1_case(ZHANG | {"withdrawal_reason": "06"}, [ID_CARD])
    soon = only(await verified(gql, case), "WITHDRAWAL_TOO_SOON")
    assert soon["severity"] == "error"
    assert soon["evidence"]["earlierCaseId"] == str(earlier)
    assert soon["evidence"]["nextEligibleOn"] == "2026-06-10"
    assert soon["evidence"]["intervalMonths"] == 12
    assert soon["message"].endswith("间隔 12 个月，下次可提取日为 2026-06-10。")
    assert "提取于 2025-06-10 办结" in soon["message"]
    await assert_told(gql, case, soon["message"])


async def test_interval_a_withdrawal_after_the_eligible_date_is_not_too_soon(
    gql: GraphQL,
) -> None:
    await _approved_06("2025-02-10")
    case = await staff1_case(ZHANG | {"withdrawal_reason": "06"}, [ID_CARD])
    assert "WITHDRAWAL_TOO_SOON" not in codes(await verified(gql, case))
