"""Completeness: the materials and fields a case's business type requires (pure)."""

from __future__ import annotations

from backend.verification.codes import FlagCode, Severity
from backend.verification.models import CaseSnapshot, Flag
from backend.verification.policy import Policy
from backend.verification.policy_keys import REASON_ZH
from backend.verification.texts import DOC_ZH, FIELD_ZH

# A document still waiting for its upload is attached but cannot be relied on yet.
NOT_YET_RECEIVED = frozenset({"pending_upload"})
PROXY_KEYS = ("proxy_name", "proxy_id_number")


def business_key(case: CaseSnapshot) -> str | None:
    """The policy's name for the case's business: ``withdrawal.06`` or ``unit_registration``."""
    if case.kind == "withdrawal":
        reason = (case.fields.get("withdrawal_reason") or "").strip()
        return f"withdrawal.{reason}" if reason else None
    return case.kind


def is_represented(case: CaseSnapshot) -> bool:
    return any((case.fields.get(key) or "").strip() for key in PROXY_KEYS)


def missing_documents(case: CaseSnapshot, policy: Policy) -> list[Flag]:
    key = business_key(case)
    required = policy.materials.get(key or "", ())
    flags = []
    for doc_type in required:
        attached = case.documents_of(doc_type)
        received = [d for d in attached if d.status not in NOT_YET_RECEIVED]
        if received:
            continue
        evidence = {
            "docType": doc_type,
            "business": key,
            "policy": policy.source_of(f"materials.{key}"),
            "attached": [d.id for d in attached],
        }
        if attached:
            flags.append(
                Flag(
                    FlagCode.DOCUMENT_MISSING,
                    Severity.WARNING,
                    f"{DOC_ZH[doc_type]}已添加但尚未上传完成，请确认照片已上传。",
                    evidence,
                    document_id=attached[0].id,
                )
            )
        else:
            flags.append(
                Flag(
                    FlagCode.DOCUMENT_MISSING,
                    Severity.ERROR,
                    f"{_business_zh(key)}须提交{DOC_ZH[doc_type]}，案件中尚未添加。",
                    evidence,
                )
            )
    return flags


def missing_fields(case: CaseSnapshot, policy: Policy) -> list[Flag]:
    groups = [case.kind] + ([f"{case.kind}.proxy"] if is_represented(case) else [])
    flags = []
    for group in groups:
        for field in policy.required_fields.get(group, ()):
            if (case.fields.get(field) or "").strip():
                continue
            flags.append(
                Flag(
                    FlagCode.FIELD_MISSING,
                    Severity.ERROR,
                    f"请填写{FIELD_ZH.get(field, field)}"
                    + ("（由代理人办理）。" if group.endswith(".proxy") else "。"),
                    {"field": field, "policy": policy.source_of(f"required_fields.{group}")},
                    field=field,
                )
            )
    return flags


def _business_zh(key: str | None) -> str:
    if key == "unit_registration":
        return "单位缴存登记"
    reason = (key or "").removeprefix("withdrawal.")
    return f"{REASON_ZH.get(reason, reason)}提取"
