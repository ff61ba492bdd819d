"""Helpers of the consultation and feedback tests: the public page's and staff's calls."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from backend.consultation.limits import forget_refusals
from backend.demo.seed import demo_user_id
from backend.settings import get_settings
from tests.integration.conftest import GraphQL

ASK = """mutation($text: String!, $contact: String) {
  askQuestion(text: $text, contact: $contact) {
    id ticket suggestions { id title snippet version } } }"""
TICKET = """query($ticket: String!) {
  consultation(ticket: $ticket) {
    status question answer { text articleId version articleTitle passage } } }"""
QUEUE = """query($status: String) {
  consultations(status: $status) {
    edges { node { id text status channel createdAt waitingSeconds contact knowledgeGap } } } }"""
ANSWER = """mutation($id: ID!, $text: String!, $articleId: ID, $version: Int) {
  answerConsultation(id: $id, text: $text, articleId: $articleId, version: $version) {
    id status knowledgeGap } }"""
LOG = """mutation($channel: String!, $question: String!, $articleId: ID, $version: Int,
  $answer: String) {
  logConsultation(channel: $channel, question: $question, articleId: $articleId,
    version: $version, answer: $answer) { id status channel } }"""
CONSISTENCY = """query($from: Date!, $to: Date!) {
  answerConsistency(from: $from, to: $to) {
    question channels count reasons articles { articleId version count outdated } } }"""
SUBMIT_FEEDBACK = """mutation($input: FeedbackInput!) {
  submitFeedback(input: $input) { id status department ticket } }"""
FEEDBACK = """query($status: String, $department: String) {
  feedback(status: $status, department: $department) {
    edges { node { id category text status department response createdAt contact } } } }"""
RESPOND = """mutation($id: ID!, $response: String!, $status: String!) {
  respondFeedback(id: $id, response: $response, status: $status) { id status response } }"""
FEEDBACK_TICKET = """query($ticket: String!) {
  feedbackByTicket(ticket: $ticket) { id status response department text } }"""


ADD_SHIFT = """mutation($userId: ID!, $startsAt: DateTime!, $endsAt: DateTime!) {
  addDutyShift(userId: $userId, startsAt: $startsAt, endsAt: $endsAt) {
    id startsAt endsAt user { username } } }"""


def data(body: dict[str, Any]) -> Any:
    assert "errors" not in body, body
    return next(iter(body["data"].values()))


async def ask(gql: GraphQL, text: str, contact: str | None = None) -> dict[str, Any]:
    result: dict[str, Any] = data(await gql(ASK, {"text": text, "contact": contact}))
    return result


async def put_on_duty(gql: GraphQL, username: str) -> str:
    """The supervisor puts ``username`` on 在线客服 duty from an hour ago for three hours
    (the online queue is theirs only then); the shift's id."""
    supervisor = await gql.login("supervisor1")
    now = datetime.now(UTC).replace(microsecond=0)
    shift = {
        "userId": str(demo_user_id(username)),
        "startsAt": (now - timedelta(hours=1)).isoformat(),
        "endsAt": (now + timedelta(hours=2)).isoformat(),
    }
    added: dict[str, Any] = data(await gql(ADD_SHIFT, shift, token=supervisor))
    return str(added["id"])


async def published_article(gql: GraphQL, admin: str, title: str, body: str) -> dict[str, Any]:
    created = data(
        await gql(
            """mutation($input: ArticleInput!) { createArticle(input: $input) { id } }""",
            {
                "input": {
                    "title": title,
                    "body": body,
                    "category": "提取",
                    "effectiveDate": "2026-01-01",
                }
            },
            token=admin,
        )
    )
    published: dict[str, Any] = data(
        await gql(
            "mutation($id: ID!) { publishArticle(id: $id) { id version } }",
            {"id": created["id"]},
            token=admin,
        )
    )
    return published


@pytest.fixture(autouse=True)
def _no_remembered_refusals() -> Iterator[None]:
    """Each test starts with empty rate windows (the database is emptied) and so must this
    process's memory of refused subjects."""
    forget_refusals()
    yield
    forget_refusals()


@pytest.fixture
def limits(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Sets the public limits for one test (the settings are read per request)."""

    def set_limits(per_address: int, per_phone: int) -> None:
        monkeypatch.setenv("DOORSTEP_PUBLIC_QUESTIONS_PER_ADDRESS", str(per_address))
        monkeypatch.setenv("DOORSTEP_PUBLIC_QUESTIONS_PER_PHONE", str(per_phone))
        get_settings.cache_clear()

    yield set_limits
    monkeypatch.undo()
    get_settings.cache_clear()
