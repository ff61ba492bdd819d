"""Which document fields feed which case fields, and what to do with a value read (pure).

A value read from a document fills a case field only while that field is empty; what staff
typed is never overwritten. A value that differs from the typed one becomes a check on the
case (``ID_MISMATCH`` for a person's or a unit's name or number, ``FIELD_DISAGREES``
otherwise) so a reviewer sees both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from backend.verification import normalise

# Per case kind: document type → {document field: case field}. A withdrawal is about one
# person (the applicant), a unit registration about one unit; a loan contract's borrower may
# be the spouse, so it is compared by the verification rules rather than copied here.
_PERSON = {"name": "name", "id_number": "id_number"}
FIELD_MAP: dict[str, dict[str, dict[str, str]]] = {
    "withdrawal": {
        "id_card": {
            **_PERSON, "sex": "sex", "ethnicity": "ethnicity", "birth_date": "birth_date",
            "address": "address",
        },
        "marital_status_certificate": {**_PERSON, "marital_status": "marital_status"},
        "no_housing_certificate": dict(_PERSON),
        "rental_contract": {
            "tenant_name": "name", "tenant_id_number": "id_number",
            "rental_address": "rental_address", "monthly_rent": "monthly_rent",
            "lease_start": "lease_start", "lease_end": "lease_end",
        },
        "loan_contract": {
            "contract_number": "contract_number", "property_address": "property_address",
            "loan_amount": "loan_amount",
        },
        "repayment_statement": {"loan_account": "loan_account"},
    },
    "unit_registration": {
        "business_licence": {
            "company_name": "unit_name", "uscc": "uscc", "company_type": "company_type",
            "legal_representative": "legal_representative",
            "registered_capital": "registered_capital", "established_date": "established_date",
            "address": "unit_address",
        },
        "unit_registration_form": {
            key: key
            for key in (
                "unit_name", "uscc", "unit_address", "legal_representative", "contact_name",
                "contact_phone", "unit_deposit_ratio", "personal_deposit_ratio",
                "employee_count", "payday", "bank",
            )
        },
    },
}

IDENTITY_KEYS = frozenset({"name", "id_number", "unit_name", "uscc"})
_NORMALISERS = {
    "id_number": normalise.id_number,
    "uscc": normalise.uscc,
    "name": normalise.name,
    "unit_name": normalise.name,
}


@dataclass(frozen=True, slots=True)
class Comparison:
    fills: dict[str, str]  # case field → value read, for fields that were empty
    checks: list[dict[str, Any]]  # disagreements, as case checks


def case_values(kind: str, doc_type: str | None, fields: dict[str, Any]) -> dict[str, str]:
    """The document's values under case field keys (only text values; booleans stay out)."""
    mapping = FIELD_MAP.get(kind, {}).get(doc_type or "", {})
    out: dict[str, str] = {}
    for doc_key, case_key in mapping.items():
        value = fields.get(doc_key)
        if isinstance(value, str) and value.strip():
            out[case_key] = value.strip()
    return out


def same_value(key: str, typed: str, read: str) -> bool:
    normaliser = _NORMALISERS.get(key)
    if normaliser is not None:
        return normaliser(typed) == normaliser(read)
    return "".join(typed.split()) == "".join(read.split())


def compare(
    case_fields: dict[str, Any], read: dict[str, str], document_id: str, doc_type: str | None
) -> Comparison:
    """Fill what is empty; record what disagrees; never overwrite."""
    fills: dict[str, str] = {}
    checks: list[dict[str, Any]] = []
    for key, value in sorted(read.items()):
        typed = case_fields.get(key)
        if typed is None or (isinstance(typed, str) and not typed.strip()):
            fills[key] = value
        elif not same_value(key, str(typed), value):
            code = "ID_MISMATCH" if key in IDENTITY_KEYS else "FIELD_DISAGREES"
            checks.append(
                {
                    "code": code,
                    "severity": "error" if code == "ID_MISMATCH" else "warning",
                    "field": key,
                    "documentId": document_id,
                    "message": f"案件填写的“{typed}”与材料识别的“{value}”不一致，请核对。",
                    "evidence": {
                        "typed": typed, "read": value, "documentId": document_id,
                        "docType": doc_type,
                    },
                }
            )
    return Comparison(fills, checks)


def unreadable_check(document_id: str, doc_type: str | None, code: str, why: str) -> dict[str, Any]:
    """The case check of a document that could not be read: a person decides."""
    return {
        "code": "DOCUMENT_UNREADABLE",
        "severity": "error",
        "field": None,
        "documentId": document_id,
        "message": "有一份材料无法自动识别，请人工查看原件。",
        "evidence": {"documentId": document_id, "docType": doc_type, "error": code, "why": why},
    }
