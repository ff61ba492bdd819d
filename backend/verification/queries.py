"""Every database query of the verification domain, including its reads of the cases tables.

The cases tables are the cases domain's; verification only reads them, to see a person's
earlier cases and other people's cases that share a home or a photo.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any
from uuid import UUID

from backend.cases.tables import Case, CaseDocument, CaseHistory
from backend.centre import CENTRE_TIMEZONE
from backend.verification.models import CaseSnapshot, DocumentSnapshot, EarlierCase
from backend.verification.policy import PolicyEntry
from backend.verification.tables import (
    CaseFlags,
    PhotoFingerprint,
    PolicyValue,
    PropertyFingerprint,
)

_SUBJECT = re.compile(r"[0-9A-Z]{15,18}")  # ID number or USCC: safe inside a LIKE pattern
DECISIONS = ("approve", "return")


def local_date(at: datetime) -> date:
    return at.astimezone(CENTRE_TIMEZONE).date()


# Policy -----------------------------------------------------------------------------------


def _entry(row: dict[str, Any]) -> PolicyEntry:
    return PolicyEntry(
        key=row["key"],
        value=json.loads(row["value"]),
        effective_from=row["effective_from"],
        source=row["source"],
        created_by=row["created_by"],
        created_at=row["created_at"],
    )


async def policy_rows(up_to: date | None = None) -> list[PolicyEntry]:
    query = PolicyValue.select().order_by(PolicyValue.id)
    if up_to is not None:
        query = query.where(PolicyValue.effective_from <= up_to)
    return [_entry(row) for row in await query]


async def policy_history(key: str) -> list[PolicyEntry]:
    rows = await PolicyValue.select().where(PolicyValue.key == key).order_by(PolicyValue.id)
    return [_entry(row) for row in rows]


async def insert_policy_rows(entries: Iterable[PolicyEntry]) -> None:
    rows = [
        PolicyValue(
            key=e.key,
            value=json.dumps(e.value, ensure_ascii=False),
            effective_from=e.effective_from,
            source=e.source,
            created_by=e.created_by or "system",
            created_at=e.created_at,
        )
        for e in entries
    ]
    if rows:
        await PolicyValue.insert(*rows)


async def policy_keys_with_rows() -> set[str]:
    rows = await PolicyValue.select(PolicyValue.key).distinct()
    return {row["key"] for row in rows}


# Fingerprints -----------------------------------------------------------------------------


async def save_photo_hash(sha256: str, photo_hash: str, at: datetime) -> None:
    await PhotoFingerprint.insert(
        PhotoFingerprint(sha256=sha256, photo_hash=photo_hash, created_at=at)
    ).on_conflict(target=PhotoFingerprint.sha256, action="DO NOTHING")


async def photo_hashes_of(sha256s: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(sha256s))
    if not wanted:
        return {}
    rows = await PhotoFingerprint.select().where(PhotoFingerprint.sha256.is_in(wanted))
    return {row["sha256"]: row["photo_hash"] for row in rows}


async def all_photo_hashes() -> list[tuple[str, str]]:
    """Every (sha256, hash): near matches need a distance, which SQL cannot index here."""
    rows = await PhotoFingerprint.select(PhotoFingerprint.sha256, PhotoFingerprint.photo_hash)
    return [(row["sha256"], row["photo_hash"]) for row in rows]


async def replace_property_fingerprints(case_id: UUID, address_keys: Iterable[str]) -> None:
    await PropertyFingerprint.delete().where(PropertyFingerprint.case_id == case_id)
    rows = [
        PropertyFingerprint(case_id=case_id, address_key=key) for key in sorted(set(address_keys))
    ]
    if rows:
        await PropertyFingerprint.insert(*rows)


async def case_ids_at_addresses(address_keys: Iterable[str]) -> set[UUID]:
    keys = sorted(set(address_keys))
    if not keys:
        return set()
    rows = await PropertyFingerprint.select(PropertyFingerprint.case_id).where(
        PropertyFingerprint.address_key.is_in(keys)
    )
    return {row["case_id"] for row in rows}


async def case_ids_with_blobs(sha256s: Iterable[str]) -> set[UUID]:
    wanted = sorted(set(sha256s))
    if not wanted:
        return set()
    rows = await CaseDocument.select(CaseDocument.case_id).where(CaseDocument.sha256.is_in(wanted))
    return {row["case_id"] for row in rows}


async def case_ids_mentioning(subject: str) -> set[UUID]:
    """Cases whose fields contain an ID number or USCC (the rules check which field)."""
    if not _SUBJECT.fullmatch(subject):
        return set()
    rows = await Case.select(Case.id).where(Case.fields.like(f"%{subject}%"))
    return {row["id"] for row in rows}


# Case flags -------------------------------------------------------------------------------


async def save_case_flags(
    case_id: UUID, flags: list[dict[str, Any]], policy_on: date, at: datetime, risk: str
) -> None:
    encoded = json.dumps(flags, ensure_ascii=False)
    await CaseFlags.insert(
        CaseFlags(case_id=case_id, flags=encoded, policy_on=policy_on, verified_at=at, risk=risk)
    ).on_conflict(
        target=CaseFlags.case_id,
        action="DO UPDATE",
        values=[CaseFlags.flags, CaseFlags.policy_on, CaseFlags.verified_at, CaseFlags.risk],
    )


async def save_case_checks(case_id: UUID, checks: list[dict[str, Any]], risk: str) -> None:
    """After ``save_case_flags``: the document checks seen and the case's risk level."""
    await CaseFlags.update(
        {CaseFlags.checks: json.dumps(checks, ensure_ascii=False), CaseFlags.risk: risk}
    ).where(CaseFlags.case_id == case_id)


async def case_flags_and_checks(case_id: UUID) -> list[dict[str, Any]]:
    """The flags and document checks of the case's latest verification (what was told)."""
    row = (
        await CaseFlags.select(CaseFlags.flags, CaseFlags.checks)
        .where(CaseFlags.case_id == case_id)
        .first()
    )
    if row is None:
        return []
    return [*json.loads(row["flags"]), *json.loads(row["checks"])]


async def risk_levels(case_ids: Sequence[UUID]) -> dict[UUID, str]:
    """The risk level of each verified case among ``case_ids``."""
    rows = await CaseFlags.select(CaseFlags.case_id, CaseFlags.risk).where(
        CaseFlags.case_id.is_in(list(case_ids))
    )
    return {UUID(str(row["case_id"])): row["risk"] for row in rows}


def case_ids_at_risk(levels: Sequence[str]) -> Any:
    """A subquery of the ids of cases whose latest verification gave one of ``levels``."""
    return CaseFlags.select(CaseFlags.case_id).where(CaseFlags.risk.is_in(list(levels)))


async def case_flags(case_id: UUID) -> list[dict[str, Any]] | None:
    row = await CaseFlags.select(CaseFlags.flags).where(CaseFlags.case_id == case_id).first()
    return None if row is None else list(json.loads(row["flags"]))


# Case snapshots (reads of the cases domain's tables) -------------------------------------


def _text_fields(raw: str) -> dict[str, str]:
    """Field values as text; an extractor's {value, confidence} counts as its value."""
    fields: dict[str, str] = {}
    for key, value in json.loads(raw or "{}").items():
        if isinstance(value, dict):
            value = value.get("value")
        if value is not None:
            fields[key] = str(value)
    return fields


async def case_snapshots(case_ids: Sequence[UUID]) -> list[EarlierCase]:
    """Cases as the rules see them: fields, documents with photo hashes, dates, status."""
    ids = sorted(set(case_ids))
    if not ids:
        return []
    cases = await Case.select().where(Case.id.is_in(ids)).order_by(Case.id)
    documents = (
        await CaseDocument.select()
        .where(CaseDocument.case_id.is_in(ids))
        .order_by(CaseDocument.created_at)
    )
    events = (
        await CaseHistory.select(CaseHistory.case_id, CaseHistory.action, CaseHistory.at)
        .where(CaseHistory.case_id.is_in(ids) & CaseHistory.action.is_in(["submit", *DECISIONS]))
        .order_by(CaseHistory.id)
    )
    hashes = await photo_hashes_of(d["sha256"] for d in documents)
    submitted: dict[UUID, date] = {}
    decided: dict[UUID, date] = {}
    for event in events:  # oldest first: the latest submission and decision win
        target = submitted if event["action"] == "submit" else decided
        target[event["case_id"]] = local_date(event["at"])
    by_case: dict[UUID, list[DocumentSnapshot]] = {}
    for d in documents:
        by_case.setdefault(d["case_id"], []).append(
            DocumentSnapshot(
                str(d["id"]),
                d["doc_type"],
                d["status"],
                _text_fields(d["fields"]),
                hashes.get(d["sha256"]),
            )
        )
    return [
        EarlierCase(
            CaseSnapshot(
                id=str(c["id"]),
                kind=c["kind"],
                fields=_text_fields(c["fields"]),
                submitted_on=submitted.get(c["id"], local_date(c["updated_at"])),
                documents=tuple(by_case.get(c["id"], [])),
            ),
            status=c["status"],
            decided_on=decided.get(c["id"]),
        )
        for c in cases
    ]
