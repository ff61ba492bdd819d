"""The QR link staff show on site: an employer claims the case (signed in, or with the
one-time code), fills it in and staff see it; links are single use, expire and lock."""

from __future__ import annotations

import secrets
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from backend.accounts import service as accounts
from backend.accounts.queries import ensure_unit
from backend.accounts.roles import Role
from backend.claims import links
from backend.claims import queries as link_queries
from backend.claims.jobs import expire_link_guests
from backend.demo.seed import DEMO_PASSWORD, DEMO_UNIT_USCC
from tests.integration.conftest import GraphQL, error_codes
from tests.integration.sync.device import Device, new_id

pytestmark = pytest.mark.usefixtures("demo")

CASE = "query($id: ID!) { case(id: $id) { id status fields } }"
CLAIM = """mutation($caseId: ID!, $secret: String!) {
  claimEmployerLink(caseId: $caseId, secret: $secret) { id status } }"""
REDEEM = """mutation($caseId: ID!, $secret: String!, $code: String!) {
  redeemEmployerCode(caseId: $caseId, secret: $secret, code: $code) {
    token user { username role } } }"""
OTHER_UNIT = uuid.UUID("00000000-0000-4000-8000-00000000b001")


class Offer:
    """What the staff's tablet draws: a secret for the link and a code to read out."""

    def __init__(self) -> None:
        self.id = new_id()
        self.secret = secrets.token_urlsafe(16)
        self.code = f"{secrets.randbelow(10**6):06d}"

    def args(self, case_id: str) -> dict[str, Any]:
        return {
            "id": self.id,
            "caseId": case_id,
            "tokenHash": links.token_hash(self.secret),
            "codeHash": links.code_hash(self.secret, self.code),
        }


async def _staff_case(gql: GraphQL, *, synced: bool = True) -> tuple[Device, str, Offer]:
    """staff1 opens a registration and shows its QR code; ``synced``: the tablet pushed both."""
    staff = Device(gql, await gql.login("staff1"))
    case_id, offer = new_id(), Offer()
    if synced:
        result = await staff.push(
            staff.mutation(
                "createCase",
                {"id": case_id, "kind": "unit_registration", "fields": {"unit_name": "某公司"}},
            ),
            staff.mutation("offerEmployerLink", offer.args(case_id)),
        )
        assert [r["status"] for r in result["results"]] == ["applied", "applied"], result
    return staff, case_id, offer


async def _other_employer(gql: GraphQL) -> str:
    await ensure_unit(OTHER_UNIT, "另一家公司", "91520221MA677WCG7A")
    await accounts.create_user(
        "employer2", DEMO_PASSWORD, "employer2", Role.EMPLOYER, unit_id=OTHER_UNIT
    )
    return await gql.login("employer2")


async def _claim(gql: GraphQL, token: str, case_id: str, secret: str) -> dict[str, Any]:
    return await gql(CLAIM, {"caseId": case_id, "secret": secret}, token=token)


async def _redeem(gql: GraphQL, case_id: str, offer: Offer, code: str | None = None) -> Any:
    variables = {"caseId": case_id, "secret": offer.secret, "code": code or offer.code}
    return await gql(REDEEM, variables)


async def test_a_signed_in_employer_claims_the_case_fills_it_and_staff_see_it(
    gql: GraphQL,
) -> None:
    staff, case_id, offer = await _staff_case(gql)
    employer = Device(gql, await gql.login("employer1"))
    assert error_codes(await gql(CASE, {"id": case_id}, token=employer.token)) == ["FORBIDDEN"]

    body = await _claim(gql, employer.token, case_id, offer.secret)
    assert body["data"]["claimEmployerLink"]["id"] == case_id, body
    pulled = {c["id"] for c in await employer.sync() if c["entity"] == "case"}
    assert case_id in pulled
    outcome = await employer.do(
        "updateCase", {"id": case_id, "fields": {"uscc": DEMO_UNIT_USCC, "payday": "15"}}
    )
    assert outcome["status"] == "applied", outcome
    assert (await employer.do("submitCase", {"id": case_id}))["status"] == "applied"

    await staff.sync()
    seen = staff.entities[("case", case_id)]["data"]
    assert seen["fields"]["uscc"] == DEMO_UNIT_USCC
    assert seen["status"] in {"submitted", "processing", "needs_review"}
    # Opening the same link again (the same unit) is fine.
    assert "errors" not in await _claim(gql, employer.token, case_id, offer.secret)


async def test_the_one_time_code_gives_a_session_for_that_case_only(gql: GraphQL) -> None:
    _, case_id, offer = await _staff_case(gql)
    body = await _redeem(gql, case_id, offer, f" {offer.code[:3]} {offer.code[3:]} ")
    session = body["data"]["redeemEmployerCode"]
    assert session["user"]["role"] == "EMPLOYER"
    guest = Device(gql, session["token"])
    pulled = {c["id"] for c in await guest.sync() if c["entity"] == "case"}
    assert pulled == {case_id}  # nothing of the demo unit or anyone else
    outcome = await guest.do("updateCase", {"id": case_id, "fields": {"payday": "10"}})
    assert outcome["status"] == "applied", outcome
    # It may not open a registration of its own.
    created = await guest.do(
        "createCase", {"id": new_id(), "kind": "unit_registration", "fields": {}}
    )
    assert created["status"] == "rejected"
    assert created["error"]["code"] == "FORBIDDEN"
    # Nor claim another link as if it were a unit's account.
    _, other_case, other_offer = await _staff_case(gql)
    refused = await _claim(gql, session["token"], other_case, other_offer.secret)
    assert error_codes(refused) == ["FORBIDDEN"]


async def test_a_wrong_code_is_refused_and_says_how_many_tries_are_left(gql: GraphQL) -> None:
    _, case_id, offer = await _staff_case(gql)
    wrong = "000000" if offer.code != "000000" else "111111"
    body = await _redeem(gql, case_id, offer, wrong)
    assert error_codes(body) == ["LINK_CODE_WRONG"]
    assert body["errors"][0]["extensions"]["details"]["attemptsLeft"] == 4
    assert "还可以再试 4 次" in body["errors"][0]["message"]
    assert "errors" not in await _redeem(gql, case_id, offer)  # the right one still works


async def test_a_used_code_cannot_be_used_again(gql: GraphQL) -> None:
    _, case_id, offer = await _staff_case(gql)
    assert "errors" not in await _redeem(gql, case_id, offer)
    assert error_codes(await _redeem(gql, case_id, offer)) == ["LINK_USED"]
    # Nor can a unit take the case over with the same link afterwards.
    employer = await gql.login("employer1")
    assert error_codes(await _claim(gql, employer, case_id, offer.secret)) == ["LINK_USED"]


async def test_a_claimed_link_cannot_be_claimed_by_another_unit(gql: GraphQL) -> None:
    _, case_id, offer = await _staff_case(gql)
    assert "errors" not in await _claim(gql, await gql.login("employer1"), case_id, offer.secret)
    other = await _other_employer(gql)
    assert error_codes(await _claim(gql, other, case_id, offer.secret)) == ["LINK_USED"]
    assert error_codes(await gql(CASE, {"id": case_id}, token=other)) == ["FORBIDDEN"]
    assert error_codes(await _redeem(gql, case_id, offer)) == ["LINK_USED"]


async def test_a_second_link_for_a_claimed_case_does_not_move_it_to_another_unit(
    gql: GraphQL,
) -> None:
    staff, case_id, offer = await _staff_case(gql)
    assert "errors" not in await _claim(gql, await gql.login("employer1"), case_id, offer.secret)
    second = Offer()
    assert (await staff.do("offerEmployerLink", second.args(case_id)))["status"] == "applied"
    other = await _other_employer(gql)
    assert error_codes(await _claim(gql, other, case_id, second.secret)) == ["LINK_USED"]
    assert error_codes(await _redeem(gql, case_id, second)) == ["LINK_USED"]


async def test_before_the_tablet_syncs_the_employer_is_told_to_try_again_later(
    gql: GraphQL,
) -> None:
    staff, case_id, offer = await _staff_case(gql, synced=False)
    employer = await gql.login("employer1")
    body = await _claim(gql, employer, case_id, offer.secret)
    assert error_codes(body) == ["LINK_NOT_SYNCED"]
    assert body["errors"][0]["message"] == "工作人员的平板尚未同步此案件，请稍后再试"
    assert error_codes(await _redeem(gql, case_id, offer)) == ["LINK_NOT_SYNCED"]
    # The tablet comes online: the same link now works.
    await staff.push(
        staff.mutation("createCase", {"id": case_id, "kind": "unit_registration", "fields": {}}),
        staff.mutation("offerEmployerLink", offer.args(case_id)),
    )
    assert "errors" not in await _claim(gql, employer, case_id, offer.secret)


async def test_a_link_for_another_case_or_a_forged_secret_finds_nothing(gql: GraphQL) -> None:
    _, case_id, offer = await _staff_case(gql)
    _, other_case, _ = await _staff_case(gql)
    employer = await gql.login("employer1")
    assert error_codes(await _claim(gql, employer, other_case, offer.secret)) == ["LINK_NOT_SYNCED"]
    assert error_codes(await _claim(gql, employer, case_id, "forged")) == ["LINK_NOT_SYNCED"]


async def test_an_expired_link_is_refused(gql: GraphQL) -> None:
    _, case_id, offer = await _staff_case(gql)
    await link_queries.expire_link(uuid.UUID(offer.id), datetime.now(UTC) - timedelta(seconds=1))
    assert error_codes(await _redeem(gql, case_id, offer)) == ["LINK_EXPIRED"]
    employer = await gql.login("employer1")
    assert error_codes(await _claim(gql, employer, case_id, offer.secret)) == ["LINK_EXPIRED"]


async def test_guessing_the_code_locks_the_link_after_five_tries(gql: GraphQL) -> None:
    _, case_id, offer = await _staff_case(gql)
    wrong = [f"{(int(offer.code) + n) % 10**6:06d}" for n in range(1, 6)]
    codes = [error_codes(await _redeem(gql, case_id, offer, code)) for code in wrong]
    assert codes == [["LINK_CODE_WRONG"]] * 4 + [["TOO_MANY_ATTEMPTS"]]
    locked = await _redeem(gql, case_id, offer)  # even the right code now
    assert error_codes(locked) == ["TOO_MANY_ATTEMPTS"]
    assert "重新生成" in locked["errors"][0]["message"]


async def test_only_the_cases_staff_may_offer_a_link_and_only_for_registrations(
    gql: GraphQL,
) -> None:
    _, case_id, _ = await _staff_case(gql)
    employer = Device(gql, await gql.login("employer1"))
    refused = await employer.do("offerEmployerLink", Offer().args(case_id))
    assert refused["error"]["code"] == "FORBIDDEN"
    staff = Device(gql, await gql.login("staff1"))
    withdrawal = new_id()
    await staff.do("createCase", {"id": withdrawal, "kind": "withdrawal", "fields": {}})
    wrong_kind = await staff.do("offerEmployerLink", Offer().args(withdrawal))
    assert wrong_kind["error"]["code"] == "VALIDATION_FAILED"


async def test_a_one_time_code_session_ends_after_its_lifetime(gql: GraphQL) -> None:
    _, case_id, offer = await _staff_case(gql)
    guest = (await _redeem(gql, case_id, offer))["data"]["redeemEmployerCode"]["token"]
    _, other_case, other_offer = await _staff_case(gql)
    employer = await gql.login("employer1")
    assert "errors" not in await _claim(gql, employer, other_case, other_offer.secret)

    await expire_link_guests(datetime.now(UTC) + timedelta(minutes=1))  # still within it
    assert "errors" not in await gql(CASE, {"id": case_id}, token=guest)
    report = await expire_link_guests(datetime.now(UTC) + links.GUEST_SESSION)
    assert report == "ended 1 one-time-code sessions"
    assert error_codes(await gql(CASE, {"id": case_id}, token=guest)) == ["ACCOUNT_DISABLED"]
    assert "errors" not in await gql(CASE, {"id": other_case}, token=employer)  # accounts stay
