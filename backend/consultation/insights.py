"""Use cases for editors and supervisors: where answers disagree, what the articles miss."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from backend.consultation import queries
from backend.consultation.models import ConsultationRecord
from backend.consultation.similarity import Group, inconsistencies
from backend.errors import DoorstepError, ErrorCode
from backend.knowledge import service as knowledge

MAX_COMPARED = 3000  # questions compared pairwise in one report (the oldest first)
MAX_DAYS = 366


def day_range(start: date, end: date) -> tuple[datetime, datetime]:
    """[start 00:00, end + 1 day 00:00) in UTC; at most a year."""
    if end < start:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "结束日期不能早于开始日期。", field="to")
    if (end - start).days > MAX_DAYS:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "时间范围不能超过一年。", field="to")
    return (
        datetime.combine(start, time(), UTC),
        datetime.combine(end + timedelta(days=1), time(), UTC),
    )


async def answer_consistency(start: date, end: date) -> list[Group]:
    """Similar questions, across channels, answered from different articles, from outdated
    versions, or some without an article (答复不一致)."""
    since, until = day_range(start, end)
    answered = await queries.answered_between(since, until, MAX_COMPARED)
    cited = [item.article_id for item in answered if item.article_id is not None]
    in_force = await knowledge.versions_in_force(cited)
    return inconsistencies(answered, in_force)


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


async def knowledge_gaps(week: date) -> list[ConsultationRecord]:
    """The week's (Monday to Sunday) questions answered without an article: the editors'
    to-do list."""
    monday = week_of(week)
    since, until = day_range(monday, monday + timedelta(days=6))
    return await queries.gaps_between(since, until, 500)
