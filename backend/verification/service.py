"""Use cases of verification: the policy in force, editing it, verifying a case.

``verify_case`` is the seam for the cases domain: call it when a case is submitted (and
again on resubmission); it loads the person's history and other people's look-alike cases,
applies the policy in force on the submission date, records what later cases need to find
this one, stores the flags and returns them. Nothing is decided automatically.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from PIL import UnidentifiedImageError

from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.errors import DoorstepError, ErrorCode
from backend.verification import queries
from backend.verification.evaluate import evaluate
from backend.verification.images import is_near, photo_hash
from backend.verification.models import CaseSnapshot, EarlierCase, Flag, PersonHistory
from backend.verification.policy import Policy, PolicyEntry, build_policy
from backend.verification.policy_keys import KEY_SPECS, parse_value
from backend.verification.property_rules import property_addresses
from backend.verification.risk import risk_level

log = logging.getLogger("doorstep.verification")

# Seeded defaults apply to every case this system will see.
DEFAULTS_EFFECTIVE_FROM = date(2000, 1, 1)
SYSTEM_USER = "system"
MAX_SOURCE_LENGTH = 500


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return queries.local_date(now())


# Policy -----------------------------------------------------------------------------------


async def policy_in_force(on: date) -> Policy:
    """The policy a case submitted on ``on`` is checked against."""
    return build_policy(on, await queries.policy_rows(up_to=on))


async def policy_history(key: str) -> list[PolicyEntry]:
    """Every row ever written for a key, superseded ones included, oldest first."""
    if key not in KEY_SPECS:
        raise DoorstepError(ErrorCode.UNKNOWN_FIELD, f"没有这个策略项：{key}", field="key")
    return await queries.policy_history(key)


async def set_policy_value(
    actor: UserRecord, key: str, value: Any, effective_from: date, source: str
) -> PolicyEntry:
    """Adds a row superseding the key's earlier ones from ``effective_from`` (never edits)."""
    if actor.role != Role.ADMIN:
        raise DoorstepError(ErrorCode.FORBIDDEN)
    parse_value(key, value)
    source = source.strip()
    if not source or len(source) > MAX_SOURCE_LENGTH:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, "请写明依据（文件名称、文号或“假设”）", field="source"
        )
    entry = PolicyEntry(key, value, effective_from, source, actor.username, now())
    await queries.insert_policy_rows([entry])
    return entry


async def seed_default_policy() -> int:
    """Writes the default row of every key that has none yet; safe to run again."""
    present = await queries.policy_keys_with_rows()
    at = now()
    missing = [
        PolicyEntry(key, spec.default, DEFAULTS_EFFECTIVE_FROM, spec.source, SYSTEM_USER, at)
        for key, spec in KEY_SPECS.items()
        if key not in present
    ]
    await queries.insert_policy_rows(missing)
    return len(missing)


# Photos -----------------------------------------------------------------------------------


async def record_photo_hash(sha256: str) -> str | None:
    """After an upload is verified: remember its perceptual hash (None for non-images).

    Meant for ``backend.uploads.events.blob_verified_handlers``.
    """
    from backend.uploads.service import open_blob

    known = await queries.photo_hashes_of([sha256])
    if sha256 in known:
        return known[sha256]
    content = await open_blob(sha256)
    try:
        value = await asyncio.to_thread(photo_hash, content)  # CPU work off the event loop
    except (UnidentifiedImageError, OSError):
        return None  # a PDF or a file PIL cannot read has no photo to compare
    await queries.save_photo_hash(sha256, value, now())
    return value


# Verifying a case -------------------------------------------------------------------------


async def person_history(case: CaseSnapshot) -> PersonHistory:
    ids = await queries.case_ids_mentioning(case.subject)
    cases = await queries.case_snapshots([i for i in ids if str(i) != case.id])
    same = tuple(e for e in cases if e.snapshot.subject == case.subject)
    return PersonHistory(case.subject, same)


async def look_alike_cases(case: CaseSnapshot) -> list[EarlierCase]:
    """Other people's cases sharing a home or a near-identical photo with this one."""
    ids = await queries.case_ids_at_addresses(property_addresses(case, owned_only=False))
    mine = [d.photo_hash for d in case.documents if d.photo_hash]
    if mine:
        near = [
            sha for sha, h in await queries.all_photo_hashes() if any(is_near(h, m) for m in mine)
        ]
        ids |= await queries.case_ids_with_blobs(near)
    cases = await queries.case_snapshots([i for i in ids if str(i) != case.id])
    return [e for e in cases if e.snapshot.subject != case.subject]


async def verify_case(case: CaseSnapshot) -> list[Flag]:
    policy = await policy_in_force(case.submitted_on)
    history = await person_history(case)
    others = await look_alike_cases(case)
    flags = evaluate(case, history, others, policy)
    case_id = UUID(case.id)
    await queries.replace_property_fingerprints(case_id, property_addresses(case, owned_only=False))
    stored = [f.to_json() for f in flags]
    await queries.save_case_flags(case_id, stored, case.submitted_on, now(), risk_level(stored))
    log.info("case %s verified: %d flag(s)", case.id, len(flags))
    return flags


async def case_snapshot(case_id: UUID) -> CaseSnapshot:
    """The stored case as the rules see it (submission date from its history)."""
    found = await queries.case_snapshots([case_id])
    if not found:
        raise DoorstepError(ErrorCode.NOT_FOUND, field="id")
    return found[0].snapshot


async def verify_case_by_id(case_id: UUID) -> list[Flag]:
    return await verify_case(await case_snapshot(case_id))


async def record_case_checks(case_id: UUID, checks: list[dict[str, Any]]) -> None:
    """After ``verify_case``: the document checks seen now; the risk level counts them too."""
    flags = await queries.case_flags(case_id) or []
    await queries.save_case_checks(case_id, checks, risk_level([*flags, *checks]))


async def told_of(case_id: UUID) -> list[dict[str, Any]]:
    """The flags and document checks of the latest verification: what people were told."""
    return await queries.case_flags_and_checks(case_id)


async def flags_of(case_id: UUID) -> list[dict[str, Any]]:
    """The flags of the case's latest verification (empty if never verified)."""
    return await queries.case_flags(case_id) or []
