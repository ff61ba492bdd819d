"""The monthly 考核 table: the scheme version in force, each staff member's breakdown;
scheme changes (admins) and manual scores (supervisors, with a reason, audited)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any
from uuid import UUID

from backend.accounts import queries as accounts
from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.assessment import queries
from backend.assessment.indicators import measure
from backend.assessment.queries import Employment, ManualScoreRecord, SchemeVersion
from backend.assessment.scheme import DEFAULT_SCHEME, parse_scheme
from backend.assessment.scoring import Row, score_month
from backend.errors import DoorstepError, ErrorCode
from sync.changelog import changes

CENTRE = timezone(timedelta(hours=8))
_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")
MAX_REASON = 500


@dataclass(frozen=True, slots=True)
class StaffRow:
    user: UserRecord
    employment: Employment | None
    row: Row


@dataclass(frozen=True, slots=True)
class MonthTable:
    scheme: SchemeVersion
    rows: list[StaffRow]


def month_bounds(month: str) -> tuple[date, datetime, datetime]:
    """First day, and the month as [start, end) instants in the centre's time zone."""
    found = _MONTH.fullmatch(month or "")
    if not found:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "月份格式应为 YYYY-MM", field="month")
    first = date(int(found[1]), int(found[2]), 1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    start = datetime.combine(first, time.min, tzinfo=CENTRE)
    return first, start, datetime.combine(following, time.min, tzinfo=CENTRE)


def scheme_for(versions: list[SchemeVersion], last_day: date, version: int | None) -> SchemeVersion:
    """A given version, else the one in force on the month's last day (default: version 0)."""
    default = SchemeVersion(0, None, DEFAULT_SCHEME, None, None)
    if version is not None:
        found = next((v for v in versions if v.version == version), None)
        if found is None and version != 0:
            raise DoorstepError(ErrorCode.NOT_FOUND, "没有该版本的考核方案", field="schemeVersion")
        return found or default
    in_force = [v for v in versions if v.effective_from and v.effective_from <= last_day]
    return max(in_force, key=lambda v: (v.effective_from, v.version)) if in_force else default


async def staff_in_scope(user: UserRecord, unit_id: UUID | None) -> list[UserRecord]:
    if user.role == Role.ADMIN:
        staff = await accounts.users_with_role(Role.FIELD_STAFF)
    elif user.role == Role.SUPERVISOR:
        members = await accounts.team_members(user.team_id) if user.team_id else []
        staff = [m for m in members if m.role == Role.FIELD_STAFF]
    elif user.role == Role.FIELD_STAFF:
        staff = [user]  # staff see their own
    else:
        raise DoorstepError(ErrorCode.FORBIDDEN)
    staff = [s for s in staff if s.active or s.id == user.id]
    if unit_id is not None:
        employment = await queries.employments([s.id for s in staff])
        staff = [s for s in staff if s.id in employment and employment[s.id].unit_id == unit_id]
    return sorted(staff, key=lambda s: s.username)


def _latest(scores: list[ManualScoreRecord]) -> dict[UUID, dict[str, float]]:
    latest: dict[UUID, dict[str, float]] = {}
    for score in scores:  # oldest first: later ones win
        latest.setdefault(score.user_id, {})[score.key] = score.points
    return latest


async def assessment(
    user: UserRecord, month: str, unit_id: UUID | None, version: int | None = None
) -> MonthTable:
    _, start, end = month_bounds(month)
    chosen = scheme_for(await queries.scheme_versions(), end.date() - timedelta(days=1), version)
    scheme = parse_scheme(chosen.scheme)
    staff = await staff_in_scope(user, unit_id)
    ids = [s.id for s in staff]
    measured = await measure(ids, start.astimezone(UTC), end.astimezone(UTC))
    manual = _latest(await queries.manual_scores(month, ids))
    employment = await queries.employments(ids)
    rows = [
        StaffRow(s, employment.get(s.id), score_month(scheme, measured[s.id], manual.get(s.id, {})))
        for s in staff
    ]
    return MonthTable(chosen, rows)


async def scheme_history() -> list[SchemeVersion]:
    return [SchemeVersion(0, None, DEFAULT_SCHEME, None, None), *await queries.scheme_versions()]


async def set_scheme(user: UserRecord, raw: Any, effective_from: date) -> SchemeVersion:
    if user.role != Role.ADMIN:
        raise DoorstepError(ErrorCode.FORBIDDEN)
    parse_scheme(raw)
    async with changes.write_transaction():
        versions = await queries.scheme_versions()
        version = SchemeVersion(
            version=max((v.version for v in versions), default=0) + 1,
            effective_from=effective_from, scheme=raw, changed_by=user.id,
            changed_at=datetime.now(UTC),
        )
        await queries.insert_scheme(version)
    return version


async def score_staff(
    user: UserRecord, user_id: UUID, month: str, key: str, points: float, reason: str
) -> ManualScoreRecord:
    """A manual item's points (e.g. 服务态度) with the reason; every score is kept."""
    _, _, end = month_bounds(month)
    reason = (reason or "").strip()
    if not reason or len(reason) > MAX_REASON:
        message = "请填写打分理由（500 字以内）"
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, message, field="reason")
    person = await accounts.user_by_id(user_id)
    if person is None:
        raise DoorstepError(ErrorCode.NOT_FOUND, field="userId")
    supervises = user.role == Role.SUPERVISOR and user.team_id is not None \
        and person.team_id == user.team_id
    if not (user.role == Role.ADMIN or supervises) or person.id == user.id:
        raise DoorstepError(ErrorCode.FORBIDDEN)
    chosen = scheme_for(await queries.scheme_versions(), end.date() - timedelta(days=1), None)
    indicator = parse_scheme(chosen.scheme).indicator(key)
    if indicator is None or indicator.source != "manual":
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "该指标不是手工打分项", field="key")
    if not 0 <= points <= indicator.max_points:
        message = f"分数应在 0–{indicator.max_points:g} 之间"
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, message, field="points")
    score = ManualScoreRecord(user_id, month, key, points, reason, user.id, datetime.now(UTC))
    await queries.insert_manual_score(score)
    return score


async def score_history(user: UserRecord, month: str) -> list[ManualScoreRecord]:
    staff = await staff_in_scope(user, None)
    month_bounds(month)
    return await queries.manual_scores(month, [s.id for s in staff])
