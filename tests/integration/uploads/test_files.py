"""GET /files/{sha256}: the photo of a document, only for users who may see its case."""

from __future__ import annotations

import uuid
from typing import Any

from litestar.testing import AsyncTestClient

from tests.integration.conftest import GraphQL
from tests.integration.uploads.conftest import Tus, sha256
from tests.support.upload_files import photo

PUSH = """mutation($input: PushInput!) {
  push(input: $input) { results { id status error { code message } } }
}"""


async def attach_to_new_case(gql: GraphQL, token: str, digest: str) -> None:
    case_id, document_id = str(uuid.uuid4()), str(uuid.uuid4())
    mutations = [
        {
            "id": 1,
            "name": "createCase",
            "args": {"id": case_id, "kind": "withdrawal", "fields": {}},
        },
        {
            "id": 2,
            "name": "attachDocument",
            "args": {
                "caseId": case_id,
                "documentId": document_id,
                "sha256": digest,
                "docType": "id_card",
            },
        },
    ]
    push = {"clientId": str(uuid.uuid4()), "protocolVersion": 1, "mutations": mutations}
    body = await gql(PUSH, {"input": push}, token)
    assert [r["status"] for r in body["data"]["push"]["results"]] == ["applied", "applied"], body


async def get_file(client: AsyncTestClient[Any], digest: str, token: str | None) -> Any:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return await client.get(f"/files/{digest}", headers=headers)


async def test_the_case_owner_and_the_teams_supervisor_get_the_photo_others_do_not(
    tus: Tus, gql: GraphQL, client: AsyncTestClient[Any]
) -> None:
    data = photo(23)
    digest = sha256(data)
    assert (await tus.upload(data)).status_code == 204
    assert tus.token is not None
    await attach_to_new_case(gql, tus.token, digest)

    for username in ("staff1", "supervisor1"):
        response = await get_file(client, digest, await gql.login(username))
        assert response.status_code == 200, (username, response.text)
        assert response.content == data
        assert response.headers["content-type"].startswith("image/jpeg")
        assert "no-store" in response.headers["cache-control"]

    employer = await get_file(client, digest, await gql.login("employer1"))
    assert employer.status_code == 404
    assert (await get_file(client, digest, None)).status_code == 401


async def test_a_verified_file_no_case_references_is_not_served(
    tus: Tus, gql: GraphQL, client: AsyncTestClient[Any]
) -> None:
    data = photo(24)
    assert (await tus.upload(data)).status_code == 204
    response = await get_file(client, sha256(data), await gql.login("staff1"))
    assert response.status_code == 404
    assert (await get_file(client, "not-a-hash", await gql.login("staff1"))).status_code == 404
