"""The cases bench/load.py reads: ``python -m bench._load_data`` on the seeded database.

Enough team cases for a full ``cases(first: 50)`` page (the ID numbers in them get masked),
and one submitted and verified case with documents, flags and a history (what the review
page opens with ``case(id)``). Written through the domain services, as staff would, so the
rows are the real ones. Prints the detail case's id.
"""

from __future__ import annotations

import asyncio
import hashlib
import uuid

from backend.accounts import service as accounts
from backend.cases import service
from backend.cases.models import Actor
from backend.cases.status import CaseKind
from backend.demo.seed import demo_user_id
from backend.verification.service import verify_case_by_id

LIST_CASES = 60


def _fields(n: int) -> dict[str, str]:
    return {"name": f"测试{n:03d}", "id_number": "520201198503150023",
            "phone": f"1388586{n:04d}", "withdrawal_reason": "02",
            "amount": f"{1000 + n}.00", "address": f"六盘水市钟山区人民路 {n} 号"}


async def _write() -> uuid.UUID:
    staff = [await accounts.get_user(demo_user_id(name)) for name in ("staff1", "staff2")]
    actors = [Actor(user, client_id="bench-load") for user in staff if user is not None]
    for n in range(LIST_CASES):
        await service.create_case(actors[n % len(actors)], uuid.uuid4(), CaseKind.WITHDRAWAL,
                                  _fields(n))
    detail, actor = uuid.uuid4(), actors[0]
    await service.create_case(actor, detail, CaseKind.WITHDRAWAL, _fields(0))
    await service.update_case(actor, detail, {"note": "复核：材料已补齐"})
    for n, doc_type in enumerate(("id_card", "loan_contract", "repayment_statement")):
        sha256 = hashlib.sha256(f"bench-load-{n}".encode()).hexdigest()
        await service.attach_document(actor, detail, uuid.uuid4(), sha256, doc_type)
    await service.submit_case(actor, detail)
    await verify_case_by_id(detail)  # the job a worker would run: the case's flags
    return detail


if __name__ == "__main__":
    print(asyncio.run(_write()))
