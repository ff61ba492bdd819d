"""Demo cases: a few members' cases assigned to staff1 (fixed ids, so seeding again is a no-op)."""

from __future__ import annotations

from uuid import UUID

from backend.accounts.models import UserRecord
from backend.cases import queries, service
from backend.cases.models import Actor
from backend.cases.status import CaseKind

DEMO_CASES: list[tuple[UUID, CaseKind, dict[str, str], bool]] = [
    (
        UUID("00000000-0000-4000-8000-000000000201"),
        CaseKind.WITHDRAWAL,
        {"name": "张伟", "id_number": "520201198503150023", "phone": "13885861234",
         "withdrawal_reason": "02", "amount": "36000.00", "address": "六盘水市钟山区人民路 12 号"},
        False,
    ),
    (
        UUID("00000000-0000-4000-8000-000000000202"),
        CaseKind.WITHDRAWAL,
        {"name": "李娜", "id_number": "520201197806224419", "phone": "13985862345",
         "withdrawal_reason": "05", "amount": "12000.00", "bank_account": "6217002710000123456"},
        True,
    ),
    (
        UUID("00000000-0000-4000-8000-000000000203"),
        CaseKind.WITHDRAWAL,
        {"name": "王磊", "phone": "15085863456", "withdrawal_reason": "01"},
        False,
    ),
    (
        UUID("00000000-0000-4000-8000-000000000204"),
        CaseKind.UNIT_REGISTRATION,
        {"unit_name": "六盘水凉都餐饮管理有限公司", "uscc": "91520201027915438B",
         "contact_name": "陈经办", "contact_phone": "18685864567"},
        False,
    ),
]


async def seed_demo_cases(staff: UserRecord) -> int:
    """Creates the missing demo cases as ``staff`` (so they are assigned to them)."""
    actor = Actor(staff, client_id="demo-seed")
    created = 0
    for case_id, kind, fields, submitted in DEMO_CASES:
        if await queries.case_by_id(case_id) is not None:
            continue
        await service.create_case(actor, case_id, kind, fields)
        if submitted:
            await service.submit_case(actor, case_id)
        created += 1
    return created
