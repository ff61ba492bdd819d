"""Small builders of case snapshots for the rule tests (valid GB 11643 numbers)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from backend.verification.models import CaseSnapshot, DocumentSnapshot, EarlierCase, PersonHistory

ZHANG_ID = "520201199001011239"
ZHANG_SPOUSE_ID = "52020119920304002X"
LI_ID = "520202198805060011"
WANG_ID = "52020419800101002X"  # ends in X: tests x/X
SUBMITTED = date(2026, 3, 2)


def doc(
    doc_type: str,
    doc_id: str | None = None,
    status: str = "uploaded",
    photo_hash: str | None = None,
    **fields: str,
) -> DocumentSnapshot:
    return DocumentSnapshot(doc_id or f"doc-{doc_type}", doc_type, status, dict(fields), photo_hash)


def withdrawal(
    reason: str = "06",
    *documents: DocumentSnapshot,
    case_id: str = "case-now",
    submitted_on: date = SUBMITTED,
    balance: Decimal | None = None,
    **fields: str,
) -> CaseSnapshot:
    base = {
        "name": "张伟",
        "id_number": ZHANG_ID,
        "phone": "13800000000",
        "withdrawal_reason": reason,
        "amount": "20000.00",
        "bank_account": "6222020200112233",
    }
    return CaseSnapshot(
        case_id, "withdrawal", base | fields, submitted_on, tuple(documents), balance
    )


def registration(*documents: DocumentSnapshot, **fields: str) -> CaseSnapshot:
    base = {
        "unit_name": "六盘水凉都餐饮管理有限公司",
        "uscc": "91520201027915438B",
        "unit_address": "钟山区人民中路1号",
        "legal_representative": "段雪佳",
        "contact_name": "陈经办",
        "contact_phone": "13900000000",
        "unit_deposit_ratio": "12%",
        "personal_deposit_ratio": "12%",
    }
    return CaseSnapshot(
        "case-unit", "unit_registration", base | fields, SUBMITTED, tuple(documents)
    )


def earlier(
    case: CaseSnapshot, status: str = "approved", decided_on: date | None = None
) -> EarlierCase:
    return EarlierCase(case, status, decided_on)


def history(*cases: EarlierCase) -> PersonHistory:
    return PersonHistory(ZHANG_ID, tuple(cases))


def id_card(
    name: str = "张伟", id_number: str = ZHANG_ID, doc_id: str = "doc-id"
) -> DocumentSnapshot:
    return doc("id_card", doc_id, name=name, id_number=id_number)


def marital(
    status: str,
    issue_date: str = "2026-02-20",
    doc_id: str = "doc-marital",
    name: str = "张伟",
    id_number: str = ZHANG_ID,
) -> DocumentSnapshot:
    return doc(
        "marital_status_certificate",
        doc_id,
        name=name,
        id_number=id_number,
        marital_status=status,
        issue_date=issue_date,
    )
