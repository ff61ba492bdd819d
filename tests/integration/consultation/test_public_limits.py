"""The public limits follow a member's phone number across addresses: a new network (a
phone moving from Wi-Fi to mobile data, or many addresses) does not reset them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest

from backend.errors import DEFAULT_MESSAGES, ErrorCode
from tests.integration.conftest import error_codes
from tests.integration.consultation.conftest import ASK, SUBMIT_FEEDBACK

pytestmark = pytest.mark.usefixtures("demo")

PHONE = "138 8586 1234"
Post = Callable[[str, str, dict[str, Any]], Awaitable[dict[str, Any]]]


@pytest.fixture
async def from_address(client: Any) -> AsyncIterator[Post]:
    """Posts GraphQL to the running app as a client at a given address."""
    opened: dict[str, httpx.AsyncClient] = {}

    async def post(address: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        if address not in opened:
            transport = httpx.ASGITransport(app=client.app, client=(address, 40000))
            opened[address] = httpx.AsyncClient(transport=transport, base_url="http://doorstep")
        response = await opened[address].post(
            "/graphql", json={"query": query, "variables": variables}
        )
        body: dict[str, Any] = response.json()
        return body

    yield post
    for http in opened.values():
        await http.aclose()


async def test_one_phone_on_many_addresses_is_throttled_with_its_own_code(
    from_address: Post, limits: Any
) -> None:
    limits(100, 2)
    for address in ("10.0.0.1", "10.0.0.2"):
        asked = await from_address(address, ASK, {"text": "租房提取要什么材料", "contact": PHONE})
        assert "errors" not in asked, asked
    refused = await from_address("10.0.0.3", ASK, {"text": "租房提取", "contact": "13885861234"})
    assert error_codes(refused) == ["PHONE_RATE_LIMITED"]
    assert refused["errors"][0]["message"] == DEFAULT_MESSAGES[ErrorCode.PHONE_RATE_LIMITED]
    assert "手机号" in refused["errors"][0]["message"]
    assert refused["errors"][0]["extensions"]["details"]["retryAfterSeconds"] > 0
    # Remembered in this process: refused again without counting, still with its own code.
    again = await from_address("10.0.0.4", ASK, {"text": "租房提取", "contact": PHONE})
    assert error_codes(again) == ["PHONE_RATE_LIMITED"]
    # The same new address with another phone, or none, goes on.
    other = await from_address("10.0.0.3", ASK, {"text": "租房提取", "contact": "13900001111"})
    assert "errors" not in other, other
    assert "errors" not in await from_address("10.0.0.3", ASK, {"text": "租房提取"})


async def test_public_feedback_from_one_phone_on_many_addresses_is_throttled(
    from_address: Post, limits: Any
) -> None:
    limits(100, 1)
    feedback = {"category": "too_slow", "text": "提取等了两周", "contact": PHONE}
    accepted = await from_address("10.0.1.1", SUBMIT_FEEDBACK, {"input": feedback})
    assert "errors" not in accepted, accepted
    refused = await from_address("10.0.1.2", SUBMIT_FEEDBACK, {"input": feedback})
    assert error_codes(refused) == ["PHONE_RATE_LIMITED"]
