"""Web Push end to end: notify → job → pywebpush → a real push service on loopback."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID

import pytest

from backend.demo.seed import demo_user_id
from backend.jobs import worker
from backend.jobs.tables import Job
from backend.notifications.delivery import DELIVER_PUSH as PUSH_JOB
from backend.notifications.service import notify
from backend.notifications.tables import PushDelivery, PushSubscription
from tests.integration.conftest import GraphQL
from tests.integration.notifications.helpers import (
    make_retries_due,
    pending_push_jobs,
    register,
)
from tests.integration.notifications.push_service import LocalPushService

pytestmark = pytest.mark.usefixtures("demo_settled")

CASE = UUID("6f1c2a9e-0000-4000-8000-0000000000c1")
STAFF1 = demo_user_id("staff1")


async def test_a_notification_reaches_the_device_encrypted_and_vapid_signed(
    gql: GraphQL, push_service: LocalPushService
) -> None:
    token = await gql.login("staff1")
    public_key = (await gql("{ vapidPublicKey }"))["data"]["vapidPublicKey"]
    phone = push_service.subscribe("phone")
    body = await register(gql, token, phone)
    assert body["data"]["registerPushSubscription"]["id"]

    await notify([STAFF1], "case_returned", "案件已退回", "请补充材料。", case_id=CASE)
    assert await worker.drain() == 1

    [received] = push_service.for_("phone")
    assert received.problems == []
    assert received.payload == {
        "title": "案件已退回",
        "body": "请补充材料。",
        "caseId": str(CASE),
        "url": f"/cases/{CASE}",
    }
    assert received.vapid_key == public_key
    assert received.claims is not None
    assert received.claims["aud"] == push_service.origin
    assert received.claims["sub"].startswith("mailto:")
    assert received.claims["exp"] > datetime.now(UTC).timestamp()
    assert int(received.headers["ttl"]) > 0
    delivery = await PushDelivery.select().first()
    assert delivery is not None
    assert (delivery["status"], delivery["attempts"], delivery["last_status"]) == (
        "delivered",
        1,
        201,
    )


async def test_the_push_payload_never_carries_an_id_number(
    gql: GraphQL, push_service: LocalPushService
) -> None:
    token = await gql.login("staff1")
    await register(gql, token, push_service.subscribe("phone"))
    await notify(
        [STAFF1],
        "risk_flagged",
        "风险提示 520201199001011237",
        "申请人 520201199001011237 的身份证与合同不一致",
        case_id=CASE,
    )
    await worker.drain()
    [received] = push_service.for_("phone")
    assert received.payload is not None
    text = str(received.payload)
    assert "199001011237" not in text
    assert "520201********1237" in received.payload["body"]


async def test_a_failing_push_service_is_retried_with_growing_backoff_until_delivered(
    gql: GraphQL, push_service: LocalPushService
) -> None:
    token = await gql.login("staff1")
    await register(gql, token, push_service.subscribe("phone"))
    push_service.answer("phone", 500, 500)  # then 201
    await notify([STAFF1], "case_approved", "案件已批准", "提取申请已批准。", case_id=CASE)

    delays = []
    for attempt in (1, 2):
        started = datetime.now(UTC)
        assert await worker.drain() == 1
        [job] = await pending_push_jobs()
        assert job["attempts"] == attempt
        assert "500" in job["last_error"]
        delays.append(job["run_at"] - started)
        delivery = await PushDelivery.select().first()
        assert delivery is not None
        assert (delivery["status"], delivery["attempts"], delivery["last_status"]) == (
            "pending",
            attempt,
            500,
        )
        assert await worker.drain() == 0  # nothing is due before the backoff has passed
        await make_retries_due()

    assert timedelta(seconds=20) < delays[0] < delays[1]
    assert await worker.drain() == 1
    assert [r.answered for r in push_service.for_("phone")] == [500, 500, 201]
    delivery = await PushDelivery.select().first()
    assert delivery is not None
    assert (delivery["status"], delivery["attempts"]) == ("delivered", 3)
    assert await Job.count().where((Job.name == PUSH_JOB) & (Job.status == "done")) == 1


async def test_a_subscription_the_push_service_calls_gone_is_removed_and_not_retried(
    gql: GraphQL, push_service: LocalPushService
) -> None:
    token = await gql.login("staff1")
    await register(gql, token, push_service.subscribe("old-phone"))
    await register(gql, token, push_service.subscribe("new-phone"))
    push_service.answer("old-phone", 410)
    await notify([STAFF1], "case_returned", "案件已退回", "请补充材料。", case_id=CASE)

    assert await worker.drain() == 2
    await make_retries_due()
    assert await worker.drain() == 0
    assert len(push_service.for_("old-phone")) == 1
    assert len(push_service.for_("new-phone")) == 1
    endpoints = await PushSubscription.select(PushSubscription.endpoint)
    assert [row["endpoint"] for row in endpoints] == [f"{push_service.origin}/push/new-phone"]
    statuses = sorted(row["status"] for row in await PushDelivery.select(PushDelivery.status))
    assert statuses == ["delivered", "gone"]

    # The next notification goes only to the subscription that is still there.
    await notify([STAFF1], "case_approved", "案件已批准", "提取申请已批准。", case_id=CASE)
    assert await worker.drain() == 1
    assert len(push_service.for_("old-phone")) == 1


async def test_404_also_removes_the_subscription(
    gql: GraphQL, push_service: LocalPushService
) -> None:
    token = await gql.login("staff1")
    await register(gql, token, push_service.subscribe("phone"))
    push_service.answer("phone", 404)
    await notify([STAFF1], "case_returned", "案件已退回", "请补充材料。", case_id=CASE)
    await worker.drain()
    assert await PushSubscription.count() == 0


async def test_a_push_service_that_stays_down_fails_for_good_after_the_last_attempt(
    gql: GraphQL, push_service: LocalPushService
) -> None:
    token = await gql.login("staff1")
    await register(gql, token, push_service.subscribe("phone"))
    push_service.answer("phone", *[503] * 20)
    await notify([STAFF1], "case_returned", "案件已退回", "请补充材料。", case_id=CASE)
    for _ in range(10):
        await worker.drain()
        await make_retries_due()
    attempts = len(push_service.for_("phone"))
    delivery = await PushDelivery.select().first()
    assert delivery is not None
    assert (delivery["status"], delivery["attempts"], delivery["last_status"]) == (
        "failed",
        attempts,
        503,
    )
    assert attempts == 6
    assert await Job.count().where((Job.name == PUSH_JOB) & (Job.status == "failed")) == 1
    assert await PushSubscription.count() == 1  # a broken service is not a gone subscription


async def test_an_unreachable_push_service_is_retried(
    gql: GraphQL, push_service: LocalPushService
) -> None:
    token = await gql.login("staff1")
    phone = push_service.subscribe("phone")
    await push_service.stop()  # nothing listens on the endpoint's port any more
    await register(gql, token, phone)
    await notify([STAFF1], "case_returned", "案件已退回", "请补充材料。", case_id=CASE)
    assert await worker.drain() == 1
    [job] = await pending_push_jobs()
    assert job["attempts"] == 1
    delivery = await PushDelivery.select().first()
    assert delivery is not None
    assert (delivery["status"], delivery["last_status"]) == ("pending", None)


async def test_users_without_a_subscription_get_no_push_job(gql: GraphQL) -> None:
    await notify([STAFF1, demo_user_id("staff2")], "article_published", "新文章", "《指南》发布")
    assert await pending_push_jobs() == []
