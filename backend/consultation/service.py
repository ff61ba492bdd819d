"""Use cases of consultation: members ask online, staff answer from the queue or log a
question from the hotline, the window or a visit, always against the same articles."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from uuid import UUID

from backend.accounts.models import UserRecord
from backend.consultation import duty_service, queries
from backend.consultation.citation import cited_passage
from backend.consultation.limits import count_lookup, count_submission
from backend.consultation.models import (
    Asked,
    Channel,
    Citation,
    ConsultationRecord,
    ConsultationStatus,
    DutyState,
    Page,
)
from backend.consultation.similarity import normalise
from backend.consultation.text_rules import (
    ANSWER_LIMIT,
    QUESTION_LIMIT,
    mask_personal,
    plain_text,
)
from backend.consultation.text_rules import (
    contact as parse_contact,
)
from backend.consultation.tickets import new_ticket, ticket_hash
from backend.errors import DoorstepError, ErrorCode
from backend.jobs.queue import enqueue
from backend.knowledge import service as knowledge
from backend.knowledge.models import SearchHit
from backend.notifications.cursor import decode_cursor, encode_cursor
from backend.notifications.subscription_rules import check_endpoint, check_keys
from backend.settings import Settings
from sync.changelog import changes as sync_changes

SUGGESTIONS = 5
PAGE_DEFAULT = 30
PAGE_MAX = 100
PUSH_ANSWER = "consultation.push_answer"
LOGGED_CHANNELS = (Channel.HOTLINE, Channel.WINDOW, Channel.VISIT)


def _now() -> datetime:
    return datetime.now(UTC)


def _not_found() -> DoorstepError:
    return DoorstepError(ErrorCode.NOT_FOUND, "找不到该咨询，请检查链接是否完整。")


def question_text(raw: str) -> str:
    return plain_text(raw, field="text", limit=QUESTION_LIMIT, label="问题")


async def suggestions(text: str, address: str) -> list[SearchHit]:
    """Articles (the version in force) matching what the member has typed so far."""
    await count_lookup("consultation.suggest", address)
    query = plain_text(text, field="text", limit=QUESTION_LIMIT, label="问题", required=False)
    return await knowledge.search(query, SUGGESTIONS) if query else []


async def ask(
    raw_text: str, raw_contact: str | None, address: str, settings: Settings
) -> tuple[Asked, list[SearchHit]]:
    """A member's question (no account): counted against the address and phone limits
    first, then stored with a new ticket; the matching articles come back with it."""
    await count_submission("consultation.ask", address, raw_contact, settings)
    text = question_text(raw_text)
    contact = parse_contact(raw_contact)
    ticket = new_ticket()
    record = ConsultationRecord(
        id=uuid.uuid4(),
        channel=Channel.ONLINE,
        status=ConsultationStatus.OPEN,
        question=text,
        contact=contact,
        assignee_id=None,
        answer="",
        citation=None,
        knowledge_gap=False,
        answered_by=None,
        created_at=_now(),
        answered_at=None,
    )
    async with sync_changes.write_transaction():
        await queries.insert(record, normalise(text), ticket_hash(ticket))
        await duty_service.tell_on_duty(mask_personal(text))
    return Asked(record, ticket), await knowledge.search(text, SUGGESTIONS)


async def by_ticket(ticket: str, address: str) -> ConsultationRecord:
    """The member's own question and its answer; nothing else is reachable by a ticket."""
    await count_lookup("consultation.ticket", address)
    digest = ticket_hash(ticket.strip())
    record = await queries.by_ticket(digest) if digest else None
    if record is None:
        raise _not_found()
    return record


async def ticket_view(ticket: str, address: str) -> tuple[ConsultationRecord, DutyState]:
    """The member's ticket page: their question and answer, and whether someone is on
    在线客服 duty now (else when the next shift begins)."""
    record = await by_ticket(ticket, address)
    return record, await duty_service.duty_now()


async def subscribe_push(
    ticket: str, endpoint: str, p256dh: str, auth: str, address: str, settings: Settings
) -> None:
    """The member allows a push when the answer is ready (best effort; the page polls too)."""
    record = await by_ticket(ticket, address)
    check_endpoint(endpoint, production=settings.mode == "production")
    check_keys(p256dh, auth)
    await queries.set_push(record.id, endpoint, p256dh.strip(), auth.strip())


async def queue(
    actor: UserRecord, status: str | None, first: int | None, after: str | None
) -> Page[ConsultationRecord]:
    """在线客服 queue: waiting questions oldest first (longest wait on top); answered ones,
    newest first. Access: staff (``backend.graphql.access``); the questions still to answer
    only to staff on duty now, supervisors and admins."""
    wanted = status or "waiting"
    if wanted == "waiting":
        statuses, oldest_first = list(queries.OPEN_STATUSES), True
    else:
        try:
            statuses = [str(ConsultationStatus(wanted))]
        except ValueError:
            raise DoorstepError(
                ErrorCode.VALIDATION_FAILED, "未知的咨询状态。", field="status"
            ) from None
        oldest_first = wanted != ConsultationStatus.ANSWERED
    if wanted != ConsultationStatus.ANSWERED:
        await duty_service.require_on_duty(actor)
    limit = PAGE_DEFAULT if first is None else max(1, min(first, PAGE_MAX))
    rows = await queries.page(
        statuses, decode_cursor(after) if after else None, limit + 1, oldest_first
    )
    items = rows[:limit]
    end = encode_cursor(items[-1].created_at, items[-1].id) if items else None
    return Page(items=items, end_cursor=end, has_next_page=len(rows) > limit)


async def claim(actor: UserRecord, consultation_id: UUID) -> ConsultationRecord:
    """A staff member on duty takes a waiting question (others then see it in progress)."""
    await duty_service.require_on_duty(actor)
    if not await queries.claim(consultation_id, actor.id):
        record = await queries.by_id(consultation_id)
        if record is None:
            raise _not_found()
        if record.assignee_id != actor.id:
            raise DoorstepError(ErrorCode.INVALID_STATE, "该咨询已由其他客服处理。")
    record = await queries.by_id(consultation_id)
    assert record is not None
    return record


async def citation_for(
    article_id: UUID | None, version: int | None, question: str, answer: str
) -> Citation | None:
    """The cited article version with its passage; None when answered in own words."""
    if article_id is None:
        if version is not None:
            raise DoorstepError(
                ErrorCode.VALIDATION_FAILED, "引用版本时须同时指定文章。", field="articleId"
            )
        return None
    found = await knowledge.published_version(article_id, version)
    if found is None:
        raise DoorstepError(
            ErrorCode.NOT_FOUND, "找不到引用的知识库文章或版本。", field="articleId"
        )
    passage = cited_passage(found.content.body, question, answer)
    return Citation(article_id, found.version, found.content.title, passage)


async def answer(
    actor: UserRecord,
    consultation_id: UUID,
    raw_text: str,
    article_id: UUID | None,
    version: int | None,
) -> ConsultationRecord:
    """Answers a waiting question by citing an article version (the member sees the passage)
    or in own words, which marks a knowledge gap for the editors."""
    text = plain_text(raw_text, field="text", limit=ANSWER_LIMIT, label="答复")
    await duty_service.require_on_duty(actor)
    record = await queries.by_id(consultation_id)
    if record is None:
        raise _not_found()
    if record.status is ConsultationStatus.ANSWERED:
        raise DoorstepError(ErrorCode.INVALID_STATE, "该咨询已经答复。")
    citation = await citation_for(article_id, version, record.question, text)
    answered = _answered(record, actor, text, citation)
    async with queries.transaction():
        if not await queries.answer(consultation_id, answered):
            raise DoorstepError(ErrorCode.INVALID_STATE, "该咨询已经答复。")
        if await queries.push_target(consultation_id) is not None:
            await enqueue(PUSH_ANSWER, {"consultationId": str(consultation_id)})
    return answered


def _answered(
    record: ConsultationRecord, actor: UserRecord, text: str, citation: Citation | None
) -> ConsultationRecord:
    return ConsultationRecord(
        id=record.id,
        channel=record.channel,
        status=ConsultationStatus.ANSWERED,
        question=record.question,
        contact=record.contact,
        assignee_id=actor.id,
        answer=text,
        citation=citation,
        knowledge_gap=citation is None,
        answered_by=actor.id,
        created_at=record.created_at,
        answered_at=_now(),
    )


async def log(
    actor: UserRecord,
    channel: str,
    raw_question: str,
    article_id: UUID | None,
    version: int | None,
    raw_answer: str | None,
    consultation_id: UUID | None = None,
    at: datetime | None = None,
) -> ConsultationRecord:
    """A question answered on the hotline, at the window or during a visit, logged against
    the article version used (none: a knowledge gap). ``consultation_id`` makes a pushed
    log idempotent (an id already there is ``CONFLICT``)."""
    try:
        kind = Channel(channel)
    except ValueError:
        kind = None
    if kind not in LOGGED_CHANNELS:
        raise DoorstepError(
            ErrorCode.VALIDATION_FAILED, "渠道应为热线、窗口或上门。", field="channel"
        )
    question = question_text(raw_question)
    text = plain_text(
        raw_answer or "", field="answer", limit=ANSWER_LIMIT, label="答复", required=False
    )
    citation = await citation_for(article_id, version, question, text)
    now = _now()
    record = ConsultationRecord(
        id=consultation_id or uuid.uuid4(),
        channel=kind,
        status=ConsultationStatus.ANSWERED,
        question=question,
        contact="",
        assignee_id=actor.id,
        answer=text,
        citation=citation,
        knowledge_gap=citation is None,
        answered_by=actor.id,
        created_at=min(at or now, now),
        answered_at=now,
    )
    async with queries.transaction():
        if consultation_id is not None and await queries.exists(consultation_id):
            raise DoorstepError(ErrorCode.CONFLICT, "该咨询记录已存在。", field="id")
        await queries.insert(record, normalise(question), None)
    return record
