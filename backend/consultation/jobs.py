"""Job of the consultation domain: tell a member by Web Push that their answer is ready.

Best effort on top of the ticket page (which shows the answer anyway): the member's
subscription lives on their question only; the payload holds no question and no answer.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from backend.consultation import queries
from backend.consultation.service import PUSH_ANSWER
from backend.jobs.registry import job
from backend.notifications.outcome import PushOutcome, classify
from backend.notifications.sender import Subscription, WebPushSender
from backend.notifications.vapid import vapid_keys
from backend.settings import get_settings

PAYLOAD = {"title": "您的咨询已答复", "body": "点击查看答复内容。", "caseId": None, "url": "/ask"}


class AnswerPushNotDeliveredError(Exception):
    """The push service did not take the message; the job queue tries again later."""


@job(PUSH_ANSWER, max_attempts=4, backoff_seconds=30.0)
async def push_answer(payload: dict[str, Any]) -> None:
    consultation_id = UUID(payload["consultationId"])
    target = await queries.push_target(consultation_id)
    if target is None:
        return
    endpoint, p256dh, auth = target
    sender = WebPushSender(vapid_keys(get_settings()))
    result = await sender.send(Subscription(endpoint, p256dh, auth), dict(PAYLOAD))
    outcome = classify(result.status)
    if outcome is PushOutcome.RETRY:
        raise AnswerPushNotDeliveredError(f"push service answered {result.status}")
    if outcome is PushOutcome.GONE:
        await queries.set_push(consultation_id, "", "", "")
