"""Demo cases for shared-data verification: each registry flag appears at least once once
the simulator (seeded with ``registry_data.json``) has answered. Created by staff1 and
submitted, so they reach processing and the automatic checks run in the job queue.

- 赵敏 (07 租房) owns a home in the registry: REGISTRY_PROPERTY_FOUND
- 孙浩 (02 建造) declares 未婚, registered 已婚: REGISTRY_MARITAL_MISMATCH
- 周婕 (06 还贷, signed consent) filing number and price differ from the loan contract:
  REGISTRY_FILING_MISMATCH; a bank housing loan not declared: CREDIT_LOAN_UNDECLARED
- 钱进 (01 购房) has not signed the authorisation: REGISTRY_UNAVAILABLE for credit
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from uuid import UUID

from backend.accounts import service as accounts
from backend.cases import queries, service
from backend.cases.models import Actor
from backend.cases.status import CaseKind
from backend.settings import Settings
from backend.uploads import queries as uploads
from backend.uploads.models import BlobRecord
from backend.uploads.service import blob_store

# A 1×1 white PNG standing for the applicant's drawn signature.
SIGNATURE_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4ba0000000049454e44ae426082"
)
SIGNATURE_SHA256 = hashlib.sha256(SIGNATURE_PNG).hexdigest()
SIGNATURE_DOCUMENT = UUID("00000000-0000-4000-8000-000000000391")

REGISTRY_CASES: list[tuple[UUID, dict[str, str], bool]] = [
    (UUID("00000000-0000-4000-8000-000000000301"),
     {"name": "赵敏", "id_number": "520201199003120025", "phone": "13885860301",
      "withdrawal_reason": "07", "amount": "9600.00", "marital_status": "未婚",
      "rental_address": "六盘水市钟山区人民路 66 号", "monthly_rent": "800.00"}, False),
    (UUID("00000000-0000-4000-8000-000000000302"),
     {"name": "孙浩", "id_number": "520201198805060031", "phone": "13885860302",
      "withdrawal_reason": "02", "amount": "50000.00", "marital_status": "未婚"}, False),
    (UUID("00000000-0000-4000-8000-000000000303"),
     {"name": "周婕", "id_number": "520201198207150045", "phone": "13885860303",
      "withdrawal_reason": "06", "amount": "30000.00", "marital_status": "已婚",
      "contract_number": "GJJ-2024-0815", "property_address": "六盘水市钟山区荷城花园3栋2单元501",
      "loan_amount": "800000.00"}, True),
    (UUID("00000000-0000-4000-8000-000000000304"),
     {"name": "钱进", "id_number": "520201199501200052", "phone": "13885860304",
      "withdrawal_reason": "01", "amount": "80000.00", "marital_status": "未婚"}, False),
]


async def _store_signature(settings: Settings, owner: UUID) -> None:
    if await uploads.blob_exists(SIGNATURE_SHA256):
        return
    store = blob_store(settings)
    upload_id = str(uuid.uuid4())

    async def chunks() -> AsyncIterator[bytes]:
        yield SIGNATURE_PNG

    await store.append_partial(upload_id, 0, chunks())
    await store.finalize(upload_id, SIGNATURE_SHA256)
    await uploads.insert_blob_if_absent(BlobRecord(
        sha256=SIGNATURE_SHA256, size=len(SIGNATURE_PNG), content_type="image/png",
        filename="signature-demo.png", uploaded_by=owner, created_at=datetime.now(UTC),
    ))


async def seed_registry_demo_cases(settings: Settings, staff_id: UUID) -> int:
    staff = await accounts.get_user(staff_id)
    if staff is None:
        return 0
    actor = Actor(staff, client_id="demo-seed")
    created = 0
    for case_id, fields, signed in REGISTRY_CASES:
        if await queries.case_by_id(case_id) is not None:
            continue
        values = {**fields, "signature": SIGNATURE_SHA256} if signed else fields
        await service.create_case(actor, case_id, CaseKind.WITHDRAWAL, values)
        if signed:
            await _store_signature(settings, staff.id)
            await service.attach_document(
                actor, case_id, SIGNATURE_DOCUMENT, SIGNATURE_SHA256, None
            )
        await service.submit_case(actor, case_id)
        created += 1
    return created
