"""Policy checks (政策必知): a must-know article version reaches every staff member's inbox
with its changes against the previous version; they acknowledge it, answering its
questions if it has any; supervisors see who has not acknowledged the version in force."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from backend.accounts import queries as accounts
from backend.accounts.models import UserRecord
from backend.accounts.roles import Role
from backend.errors import DoorstepError, ErrorCode
from backend.knowledge import queries as knowledge
from backend.knowledge.models import VersionStatus
from backend.notifications.kinds import NotificationKind
from backend.notifications.service import notify
from backend.training import queries
from backend.training.diff import DiffLine, diff_lines, grade, summary
from backend.training.models import AcknowledgementRecord, PolicyCheckRecord
from sync.changelog import changes

STAFF_ROLES = (Role.FIELD_STAFF, Role.SUPERVISOR)


@dataclass(frozen=True, slots=True)
class PendingCheck:
    check: PolicyCheckRecord
    title: str
    changes: list[DiffLine]
    acknowledged: AcknowledgementRecord | None


def _parse_questions(raw: Any) -> list[dict[str, Any]]:
    if raw is None:
        return []
    ok = isinstance(raw, list) and all(
        isinstance(q, dict) and isinstance(q.get("question"), str)
        and isinstance(q.get("options"), list) and "answer" in q
        for q in raw
    )
    if not ok or len(raw) > 20:
        message = "题目格式应为 [{question, options, answer}]（最多 20 题）"
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, message, field="questions")
    return [{"question": q["question"], "options": [str(o) for o in q["options"]],
             "answer": str(q["answer"])} for q in raw]


async def _staff() -> list[UserRecord]:
    users = [u for role in STAFF_ROLES for u in await accounts.users_with_role(role)]
    return [u for u in users if u.active]


async def _changes(article_id: UUID, version: int) -> tuple[str, list[DiffLine]]:
    current = await knowledge.version_of(article_id, version)
    if current is None or current.status != VersionStatus.PUBLISHED:
        raise DoorstepError(ErrorCode.NOT_FOUND, "该文章版本不存在或尚未发布", field="version")
    previous = await knowledge.version_of(article_id, version - 1) if version > 1 else None
    old = previous.content.body if previous else ""
    return current.content.title, diff_lines(old, current.content.body)


async def require_policy_check(
    user: UserRecord, article_id: UUID, version: int, questions: Any, due_days: int
) -> PolicyCheckRecord:
    """Flags the version must-know and sends each active staff member an inbox entry."""
    if user.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    if not 1 <= due_days <= 90:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "确认期限应为 1–90 天", field="dueDays")
    title, lines = await _changes(article_id, version)
    check = PolicyCheckRecord(
        article_id=article_id, version=version, questions=tuple(_parse_questions(questions)),
        required_by=user.id, required_at=datetime.now(UTC), due_days=due_days,
    )
    async with changes.write_transaction():
        if await queries.policy_check(article_id, version) is not None:
            raise DoorstepError(ErrorCode.CONFLICT, "该版本已设为必知", field="version")
        await queries.insert_policy_check(check)
        body = f"请在 {due_days} 天内阅读并确认。变化：\n{summary(lines)}"
        await notify([u.id for u in await _staff()], str(NotificationKind.POLICY_CHECK),
                     f"政策必知：《{title}》第 {version} 版", body)
    return check


async def pending_checks(user: UserRecord) -> list[PendingCheck]:
    """Every must-know version, newest first, with its changes and the caller's answer."""
    mine = {(a.article_id, a.version): a for a in await queries.acknowledgements([user.id])}
    out = []
    for check in reversed(await queries.policy_checks()):
        title, lines = await _changes(check.article_id, check.version)
        out.append(PendingCheck(check, title, lines, mine.get((check.article_id, check.version))))
    return out


async def acknowledge(
    user: UserRecord, article_id: UUID, version: int, answers: Any
) -> AcknowledgementRecord:
    check = await queries.policy_check(article_id, version)
    if check is None:
        raise DoorstepError(ErrorCode.NOT_FOUND, "该版本无需确认", field="version")
    passed = grade(list(check.questions), answers) if check.questions else None
    ack = AcknowledgementRecord(user.id, article_id, version, passed, datetime.now(UTC))
    await queries.insert_acknowledgement(ack, answers)
    return ack


async def unacknowledged(user: UserRecord, article_id: UUID) -> tuple[int, list[UserRecord]]:
    """The version in force of the article and the staff (a supervisor: their team) who have
    not acknowledged it."""
    if user.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    state = await knowledge.article_state(article_id)
    if state is None:
        raise DoorstepError(ErrorCode.NOT_FOUND, field="articleId")
    version = state[1]
    staff = await _staff()
    if user.role == Role.SUPERVISOR:
        staff = [u for u in staff if u.team_id == user.team_id and u.team_id is not None]
    done = {a.user_id for a in await queries.acknowledgements([u.id for u in staff])
            if a.article_id == article_id and a.version == version}
    return version, [u for u in staff if u.id not in done]
