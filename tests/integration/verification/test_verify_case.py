"""verify_case over stored cases: history by ID number, shared homes and photos, policy by date."""

from __future__ import annotations

from datetime import date

from backend.verification import queries, service
from backend.verification.codes import FlagCode
from backend.verification.models import Flag
from backend.verification.policy import PolicyEntry
from tests.integration.verification.case_rows import add_case

ZHANG = {
    "name": "张伟",
    "id_number": "520201199001011239",
    "phone": "13800000000",
    "amount": "20000.00",
    "bank_account": "6222020200112233",
}
LI = ZHANG | {"name": "李娜", "id_number": "520202198805060011"}
HOME = "贵州省六盘水市钟山区钟山西路363号1栋3单元1301号"
ID_CARD = ("id_card", {"name": "张伟", "id_number": "520201199001011239"})


def codes(flags: list[Flag]) -> list[str]:
    return sorted(str(f.code) for f in flags)


async def test_the_persons_earlier_case_is_found_by_id_number() -> None:
    await add_case(
        ZHANG | {"withdrawal_reason": "06"},
        [("marital_status_certificate", {"marital_status": "已婚"})],
        submitted="2025-03-02",
        status="approved",
        decided="2025-03-09",
    )
    now = await add_case(
        ZHANG | {"withdrawal_reason": "03"},
        [ID_CARD, ("marital_status_certificate", {"marital_status": "未婚"})],
        submitted="2026-03-02",
    )
    flags = await service.verify_case_by_id(now)
    assert codes(flags) == ["MARITAL_STATUS_REVERSED"]
    assert "上次提交：2025-03-02" in flags[0].message


async def test_an_earlier_approval_within_the_interval_is_too_soon() -> None:
    await add_case(
        ZHANG | {"withdrawal_reason": "06"},
        [],
        submitted="2025-06-01",
        status="approved",
        decided="2025-06-10",
    )
    now = await add_case(
        ZHANG | {"withdrawal_reason": "06"},
        [ID_CARD],
        submitted="2026-03-02",
    )
    snapshot = await service.case_snapshot(now)
    flags = await service.verify_case(snapshot)
    assert FlagCode.WITHDRAWAL_TOO_SOON in {f.code for f in flags}
    too_soon = next(f for f in flags if f.code == FlagCode.WITHDRAWAL_TOO_SOON)
    assert too_soon.evidence["nextEligibleOn"] == "2026-06-10"


async def test_a_home_used_by_another_person_is_found_once_that_case_was_verified() -> None:
    loan = ("loan_contract", {"property_address": HOME})
    theirs = await add_case(
        LI | {"withdrawal_reason": "01", "property_address": HOME},
        [loan],
        submitted="2025-10-01",
        status="approved",
        decided="2025-10-08",
    )
    await service.verify_case_by_id(theirs)
    mine = await add_case(
        ZHANG | {"withdrawal_reason": "01"},
        [ID_CARD, ("loan_contract", {"property_address": "钟山区钟山西路363号1幢3单元1301室"})],
        submitted="2026-03-02",
    )
    flags = await service.verify_case_by_id(mine)
    reuse = [f for f in flags if f.code == FlagCode.PROPERTY_REUSED]
    assert [f.evidence["earlierCaseId"] for f in reuse] == [str(theirs)]


async def test_a_near_identical_photo_in_another_persons_case_is_found() -> None:
    photo = "f" * 60 + "0000"
    retouched = "f" * 60 + "0001"  # one bit apart
    await queries.save_photo_hash("a" * 64, photo, service.now())
    await queries.save_photo_hash("b" * 64, retouched, service.now())
    theirs = await add_case(
        LI | {"withdrawal_reason": "03"},
        [("id_card", {"name": "李娜"})],
        submitted="2025-12-01",
        shas=["a" * 64],
    )
    mine = await add_case(
        ZHANG | {"withdrawal_reason": "03"}, [ID_CARD], submitted="2026-03-02", shas=["b" * 64]
    )
    flags = await service.verify_case_by_id(mine)
    assert codes(flags) == ["IMAGE_REUSED"]
    reused = next(f for f in flags if f.code == FlagCode.IMAGE_REUSED)
    assert reused.evidence["otherCaseId"] == str(theirs)


async def test_the_policy_in_force_on_the_submission_date_is_applied() -> None:
    certificate = ("no_housing_certificate", {"issue_date": "2026-01-15", "has_property": "false"})
    case = await add_case(
        ZHANG | {"withdrawal_reason": "07"}, [ID_CARD, certificate], submitted="2026-03-02"
    )
    assert FlagCode.CERTIFICATE_EXPIRED in {f.code for f in await service.verify_case_by_id(case)}
    longer = PolicyEntry(
        "certificate_validity_days.no_housing_certificate",
        90,
        date(2026, 3, 1),
        "测试：延长至90天",
        "admin",
        service.now(),
    )
    later = PolicyEntry(
        "certificate_validity_days.no_housing_certificate",
        10,
        date(2026, 3, 3),
        "测试：缩短至10天",
        "admin",
        service.now(),
    )
    await queries.insert_policy_rows([longer, later])
    flags = await service.verify_case_by_id(case)
    assert FlagCode.CERTIFICATE_EXPIRED not in {f.code for f in flags}


async def test_the_latest_flags_are_stored_for_the_case() -> None:
    case = await add_case(
        ZHANG | {"withdrawal_reason": "06", "amount": ""}, [ID_CARD], submitted="2026-03-02"
    )
    assert await service.flags_of(case) == []
    flags = await service.verify_case_by_id(case)
    stored = await service.flags_of(case)
    assert [f["code"] for f in stored] == [str(f.code) for f in flags]
    assert "FIELD_MISSING" in {f["code"] for f in stored}
    await service.verify_case_by_id(case)
    assert len(await service.flags_of(case)) == len(flags)
