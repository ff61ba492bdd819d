"""A device as the sync client is one: a client id, numbered mutations, push and pull."""

from __future__ import annotations

import uuid
from typing import Any

from tests.integration.conftest import GraphQL

PUSH = """mutation($input: PushInput!) {
  push(input: $input) { lastMutationId results { id status error { code message field } } }
}"""
PULL = """query($clientId: ID!, $cursor: String) {
  pull(clientId: $clientId, cursor: $cursor) {
    cursor lastMutationId reset changes { entity id op version data } }
}"""


class Device:
    def __init__(self, gql: GraphQL, token: str, client_id: str | None = None) -> None:
        self.gql = gql
        self.token = token
        self.client_id = client_id or str(uuid.uuid4())
        self.next_id = 1
        self.cursor: str | None = None
        self.entities: dict[tuple[str, str], dict[str, Any]] = {}

    def mutation(self, name: str, args: dict[str, Any]) -> dict[str, Any]:
        mutation = {"id": self.next_id, "name": name, "args": args}
        self.next_id += 1
        return mutation

    async def send(
        self, mutations: list[dict[str, Any]], protocol_version: int = 1
    ) -> dict[str, Any]:
        variables = {
            "input": {
                "clientId": self.client_id,
                "protocolVersion": protocol_version,
                "mutations": mutations,
            }
        }
        return await self.gql(PUSH, variables, token=self.token)

    async def push(self, *mutations: dict[str, Any]) -> dict[str, Any]:
        body = await self.send(list(mutations))
        assert "errors" not in body, body
        result: dict[str, Any] = body["data"]["push"]
        return result

    async def do(self, name: str, args: dict[str, Any]) -> dict[str, Any]:
        """Pushes one mutation and returns its result."""
        result = await self.push(self.mutation(name, args))
        outcome: dict[str, Any] = result["results"][0]
        return outcome

    async def pull_page(self, cursor: str | None) -> dict[str, Any]:
        variables = {"clientId": self.client_id, "cursor": cursor}
        body = await self.gql(PULL, variables, token=self.token)
        assert "errors" not in body, body
        page: dict[str, Any] = body["data"]["pull"]
        return page

    async def sync(self) -> list[dict[str, Any]]:
        """Pulls to the end like the client does; returns every change received, in order."""
        received: list[dict[str, Any]] = []
        while True:
            page = await self.pull_page(self.cursor)
            if page["reset"]:
                self.entities.clear()
            for change in page["changes"]:
                key = (change["entity"], change["id"])
                if change["op"] == "delete":
                    self.entities.pop(key, None)
                else:
                    self.entities[key] = change
            received += page["changes"]
            moved = page["cursor"] != self.cursor
            self.cursor = page["cursor"]
            if not page["changes"] or not moved:
                return received

    def has(self, entity: str, entity_id: str) -> bool:
        return (entity, entity_id) in self.entities

    def case(self, case_id: str) -> dict[str, Any]:
        change = self.entities.get(("case", case_id))
        assert change is not None, f"case {case_id} not on the device"
        data: dict[str, Any] = change["data"]
        return data


def new_id() -> str:
    return str(uuid.uuid4())
