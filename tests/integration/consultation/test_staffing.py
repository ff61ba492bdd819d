"""Who answers: department members see and answer only their department's feedback queue;
the 在线客服 roster says who is on duty, tells them of new questions, and tells the member
when someone is on duty."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from backend.accounts.handover import HandoverContext, handover_steps
from backend.centre import CENTRE_TIMEZONE
from backend.demo.seed import demo_user_id
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.consultation.conftest import (
    FEEDBACK,
    FEEDBACK_TICKET,
    RESPOND,
    SUBMIT_FEEDBACK,
    ask,
    data,
)

pytestmark = pytest.mark.usefixtures("demo")

SET_MEMBERS = """mutation($department: String!, $userIds: [ID!]!) {
  setDepartmentMembers(department: $department, userIds: $userIds) {
    code name mine members { username } } }"""
DEPARTMENTS = "query { departments { code name mine members { username } } }"
ADD_SHIFT = """mutation($userId: ID!, $startsAt: DateTime!, $endsAt: DateTime!) {
  addDutyShift(userId: $userId, startsAt: $startsAt, endsAt: $endsAt) {
    id startsAt endsAt user { username } } }"""
REMOVE_SHIFT = "mutation($id: ID!) { removeDutyShift(id: $id) }"
ONLINE_DUTY = """query { onlineDuty { iAmOnDuty nextStart
  onDuty { user { username } } myShift { id startsAt user { username } } } }"""
ROSTER = """query($from: Date!, $to: Date!) {
  dutyRoster(from: $from, to: $to) { id startsAt endsAt user { username } } }"""
TICKET_DUTY = """query($ticket: String!) {
  consultation(ticket: $ticket) { status staffOnDuty nextDutyStart } }"""
INBOX = "query { inbox { edges { node { kind title body } } } }"


def _id(username: str) -> str:
    return str(demo_user_id(username))


async def _feedback(gql: GraphQL, category: str, text: str) -> dict[str, Any]:
    receipt: dict[str, Any] = data(
        await gql(SUBMIT_FEEDBACK, {"input": {"category": category, "text": text}})
    )
    return receipt


async def test_department_members_see_and_answer_only_their_departments_queue(
    gql: GraphQL,
) -> None:
    admin = await gql.login("admin")
    member = await gql.login("staff2")
    outsider = await gql.login("staff1")
    supervisor = await gql.login("supervisor1")
    business = await _feedback(gql, "unnecessary_material", "已有电子证照还要交复印件")
    policy = await _feedback(gql, "policy_unclear", "租房提取比例看不懂")
    assert (business["department"], policy["department"]) == ("business", "policy")

    refused = await gql(SET_MEMBERS, {"department": "business", "userIds": []}, token=supervisor)
    assert error_codes(refused) == ["FORBIDDEN"]
    employer = await gql(
        SET_MEMBERS, {"department": "business", "userIds": [_id("employer1")]}, token=admin
    )
    assert error_codes(employer) == ["VALIDATION_FAILED"]
    unknown = await gql(SET_MEMBERS, {"department": "nowhere", "userIds": []}, token=admin)
    assert error_codes(unknown) == ["VALIDATION_FAILED"]
    set_ = data(
        await gql(SET_MEMBERS, {"department": "business", "userIds": [_id("staff2")]}, token=admin)
    )
    assert set_ == {"code": "business", "name": "业务管理科", "mine": False,
                    "members": [{"username": "staff2"}]}
    listed = {d["code"]: d for d in data(await gql(DEPARTMENTS, token=member))}
    assert set(listed) == {"business", "policy", "service", "it"}
    assert listed["business"]["mine"]
    assert not listed["policy"]["mine"]

    # The member: their department's queue, answered; never another department's.
    queue = data(await gql(FEEDBACK, {"department": "business"}, token=member))["edges"]
    assert [e["node"]["id"] for e in queue] == [business["id"]]
    assert [e["node"]["id"] for e in data(await gql(FEEDBACK, {}, token=member))["edges"]] == [
        business["id"]
    ]
    other = await gql(FEEDBACK, {"department": "policy"}, token=member)
    assert error_codes(other) == ["FORBIDDEN"]
    answer = {"id": business["id"], "response": "下月起可用电子证照", "status": "resolved"}
    assert data(await gql(RESPOND, answer, token=member))["status"] == "resolved"
    shown = data(await gql(FEEDBACK_TICKET, {"ticket": business["ticket"]}))
    assert (shown["response"], shown["status"]) == ("下月起可用电子证照", "resolved")
    foreign = {"id": policy["id"], "response": "x", "status": "resolved"}
    assert error_codes(await gql(RESPOND, foreign, token=member)) == ["FORBIDDEN"]

    # Not a member: neither the queue nor an answer; supervisors oversee every department.
    assert error_codes(await gql(FEEDBACK, {"department": "business"}, token=outsider)) == [
        "FORBIDDEN"
    ]
    assert data(await gql(FEEDBACK, {}, token=outsider))["edges"] == []
    assert error_codes(await gql(RESPOND, {**answer, "status": "open"}, token=outsider)) == [
        "FORBIDDEN"
    ]
    overseen = data(await gql(FEEDBACK, {"department": "policy"}, token=supervisor))["edges"]
    assert [e["node"]["id"] for e in overseen] == [policy["id"]]

    # Membership is the admin's to take away, and with it the queue.
    await gql(SET_MEMBERS, {"department": "business", "userIds": []}, token=admin)
    assert error_codes(await gql(FEEDBACK, {"department": "business"}, token=member)) == [
        "FORBIDDEN"
    ]


def _at(moment: datetime) -> str:
    return moment.isoformat()


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value)


async def test_the_roster_says_who_is_on_duty_tells_them_and_tells_the_member_when(
    gql: GraphQL,
) -> None:
    supervisor = await gql.login("supervisor1")
    on_duty, later = await gql.login("staff1"), await gql.login("staff2")
    now = datetime.now(UTC).replace(microsecond=0)
    current = data(
        await gql(
            ADD_SHIFT,
            {"userId": _id("staff1"), "startsAt": _at(now - timedelta(hours=1)),
             "endsAt": _at(now + timedelta(hours=2))},
            token=supervisor,
        )
    )
    next_start = now + timedelta(hours=3)
    upcoming = data(
        await gql(
            ADD_SHIFT,
            {"userId": _id("staff2"), "startsAt": _at(next_start),
             "endsAt": _at(now + timedelta(hours=6))},
            token=supervisor,
        )
    )
    twice = {"userId": _id("staff1"), "startsAt": _at(now), "endsAt": _at(now + timedelta(hours=4))}
    assert error_codes(await gql(ADD_SHIFT, twice, token=supervisor)) == ["CONFLICT"]
    too_long = {**twice, "startsAt": _at(now + timedelta(days=1)),
                "endsAt": _at(now + timedelta(days=1, hours=13))}
    assert error_codes(await gql(ADD_SHIFT, too_long, token=supervisor)) == ["VALIDATION_FAILED"]
    backwards = {**twice, "startsAt": _at(now + timedelta(days=2)),
                 "endsAt": _at(now + timedelta(days=1))}
    assert error_codes(await gql(ADD_SHIFT, backwards, token=supervisor)) == ["VALIDATION_FAILED"]
    employer = {**twice, "userId": _id("employer1"), "startsAt": _at(now + timedelta(days=3)),
                "endsAt": _at(now + timedelta(days=3, hours=1))}
    assert error_codes(await gql(ADD_SHIFT, employer, token=supervisor)) == ["VALIDATION_FAILED"]
    by_staff = {**twice, "startsAt": _at(now + timedelta(days=4)),
                "endsAt": _at(now + timedelta(days=4, hours=1))}
    assert error_codes(await gql(ADD_SHIFT, by_staff, token=on_duty)) == ["FORBIDDEN"]

    mine = data(await gql(ONLINE_DUTY, token=on_duty))
    assert mine["iAmOnDuty"] is True
    assert [s["user"]["username"] for s in mine["onDuty"]] == ["staff1"]
    assert mine["myShift"]["id"] == current["id"]
    theirs = data(await gql(ONLINE_DUTY, token=later))
    assert theirs["iAmOnDuty"] is False
    assert theirs["myShift"]["id"] == upcoming["id"]
    assert _parse(theirs["nextStart"]) == next_start
    today = now.astimezone(CENTRE_TIMEZONE).date()
    days = {"from": today.isoformat(), "to": (today + timedelta(days=1)).isoformat()}
    roster = data(await gql(ROSTER, days, token=later))
    assert {s["id"] for s in roster} == {current["id"], upcoming["id"]}

    # A question arrives: whoever is on duty hears of it (ID number masked), nobody else.
    asked = await ask(gql, "身份证520201198503150023的账户能提取吗")
    heard = data(await gql(INBOX, token=on_duty))["edges"]
    assert heard[0]["node"]["kind"] == "consultation_waiting"
    assert "520201198503150023" not in heard[0]["node"]["body"]
    assert all(e["node"]["kind"] != "consultation_waiting"
               for e in data(await gql(INBOX, token=later))["edges"])
    page = data(await gql(TICKET_DUTY, {"ticket": asked["ticket"]}))
    assert (page["staffOnDuty"], page["nextDutyStart"]) == (True, None)

    # Nobody on duty now: the member is told when the next shift begins.
    assert data(await gql(REMOVE_SHIFT, {"id": current["id"]}, token=supervisor)) is True
    assert error_codes(await gql(REMOVE_SHIFT, {"id": current["id"]}, token=supervisor)) == [
        "NOT_FOUND"
    ]
    page = data(await gql(TICKET_DUTY, {"ticket": asked["ticket"]}))
    assert page["staffOnDuty"] is False
    assert _parse(page["nextDutyStart"]) == next_start

    # A leaver's shifts still to come go to their successor.
    context = HandoverContext(demo_user_id("staff2"), demo_user_id("staff1"),
                              demo_user_id("supervisor1"), "调岗", datetime.now(UTC))
    assert await handover_steps()["dutyShifts"](context) == 1
    assert data(await gql(ONLINE_DUTY, token=on_duty))["myShift"]["id"] == upcoming["id"]


async def test_the_roster_and_departments_pick_from_active_staff_only(gql: GraphQL) -> None:
    supervisor = await gql.login("supervisor1")
    query = "query { assignableStaff { username role } }"
    people = data(await gql(query, token=supervisor))
    names = [p["username"] for p in people]
    assert {"staff1", "staff2", "supervisor1", "admin"} <= set(names)
    assert "employer1" not in names
    staff = await gql.login("staff1")
    assert error_codes(await gql(query, token=staff)) == ["FORBIDDEN"]
