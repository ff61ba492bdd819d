from typing import Any

from litestar.testing import AsyncTestClient


async def test_health_answers_ok_once_the_database_answers(client: AsyncTestClient[Any]) -> None:
    response = await client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_responses_carry_security_headers(client: AsyncTestClient[Any]) -> None:
    response = await client.get("/health")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in response.headers["content-security-policy"]


async def test_graphql_errors_have_codes_for_malformed_queries(
    client: AsyncTestClient[Any],
) -> None:
    response = await client.post("/graphql", json={"query": "{ me { nope } }"})
    codes = [e["extensions"]["code"] for e in response.json()["errors"]]
    assert codes == ["BAD_REQUEST"]


async def test_too_deep_or_aliased_queries_are_refused(client: AsyncTestClient[Any]) -> None:
    aliases = " ".join(f"a{i}: me {{ id }}" for i in range(40))
    response = await client.post("/graphql", json={"query": "{ " + aliases + " }"})
    codes = {e["extensions"]["code"] for e in response.json()["errors"]}
    assert codes == {"QUERY_TOO_COMPLEX"}
