"""A device that follows the sync protocol over an unreliable network (Python, httpx).

It numbers its mutations 1, 2, 3…, pushes them in batches and, on any transport error,
sends the very same batch again; it pulls to the end after each push, retrying a page on
error from the cursor it last stored (like sync/client does).
"""

from __future__ import annotations

import asyncio
import random
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

PUSH = """mutation($input: PushInput!) {
  push(input: $input) { lastMutationId results { id status error { code message } } }
}"""
PULL = """query($clientId: ID!, $cursor: String) {
  pull(clientId: $clientId, cursor: $cursor) {
    cursor lastMutationId reset changes { entity id op version data } }
}"""
LOGIN = "mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }"
PASSWORD = "doorstep-demo"


def client(base_url: str) -> httpx.AsyncClient:
    # One request per connection: the proxy decides the fate of each request.
    return httpx.AsyncClient(
        base_url=base_url,
        timeout=60,
        limits=httpx.Limits(max_keepalive_connections=0),
        headers={"Connection": "close"},
    )


@dataclass
class Expected:
    """What the server must hold for one case after every mutation applied exactly once."""

    note: str | None = None
    version: int = 1


@dataclass
class DeviceStats:
    pushes: int = 0
    push_retries: int = 0
    pull_retries: int = 0
    duplicates: int = 0


@dataclass
class ChaosDevice:
    http: httpx.AsyncClient
    username: str
    number: int
    mutations: int
    batch: int
    cases: int = 20
    client_id: str = field(default_factory=lambda: f"chaos-{uuid.uuid4()}")
    token: str = ""
    cursor: str | None = None
    entities: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    expected: dict[str, Expected] = field(default_factory=dict)
    applied: set[int] = field(default_factory=set)
    stats: DeviceStats = field(default_factory=DeviceStats)
    last_mutation_id: int = 0

    async def _post(self, query: str, variables: dict[str, Any]) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables}, headers=headers
        )
        assert response.status_code == 200, (response.status_code, response.text[:500])
        body: dict[str, Any] = response.json()
        assert "errors" not in body, body
        return body

    async def _retrying(self, query: str, variables: dict[str, Any], counter: str) -> Any:
        while True:
            try:
                return (await self._post(query, variables))["data"]
            except httpx.TransportError:
                setattr(self.stats, counter, getattr(self.stats, counter) + 1)
                await asyncio.sleep(random.uniform(0.05, 0.3))

    async def login(self) -> None:
        data = await self._retrying(LOGIN, {"u": self.username, "p": PASSWORD}, "pull_retries")
        self.token = data["login"]["token"]

    def plan(self) -> list[dict[str, Any]]:
        """createCase for each of its cases first, then updateCase with unique notes."""
        rng = random.Random(self.number)
        case_ids = [str(uuid.uuid4()) for _ in range(self.cases)]
        planned: list[dict[str, Any]] = []
        for mutation_id in range(1, self.mutations + 1):
            if mutation_id <= self.cases:
                case_id = case_ids[mutation_id - 1]
                self.expected[case_id] = Expected()
                args = {"id": case_id, "kind": "withdrawal", "fields": {}}
                planned.append({"id": mutation_id, "name": "createCase", "args": args})
                continue
            case_id = rng.choice(case_ids)
            note = f"设备{self.number}-操作{mutation_id}"
            self.expected[case_id].note = note
            self.expected[case_id].version += 1
            args = {"id": case_id, "fields": {"note": note}}
            planned.append({"id": mutation_id, "name": "updateCase", "args": args})
        return planned

    async def push(self, batch: list[dict[str, Any]]) -> None:
        variables = {
            "input": {"clientId": self.client_id, "protocolVersion": 1, "mutations": batch}
        }
        data = await self._retrying(PUSH, variables, "push_retries")
        result = data["push"]
        self.stats.pushes += 1
        for outcome in result["results"]:
            assert outcome["status"] in ("applied", "duplicate"), outcome
            if outcome["status"] == "applied":
                assert outcome["id"] not in self.applied, f"mutation {outcome['id']} applied twice"
                self.applied.add(outcome["id"])
            else:
                self.stats.duplicates += 1
        assert result["lastMutationId"] == batch[-1]["id"], result["lastMutationId"]
        self.last_mutation_id = result["lastMutationId"]

    async def pull(self) -> int:
        """Pulls to the end; returns the server's lastMutationId for this client."""
        while True:
            variables = {"clientId": self.client_id, "cursor": self.cursor}
            page = (await self._retrying(PULL, variables, "pull_retries"))["pull"]
            if page["reset"]:
                self.entities.clear()
            for change in page["changes"]:
                key = (change["entity"], change["id"])
                known = self.entities.get(key)
                if known is not None and known["version"] > change["version"]:
                    continue  # an older version arriving late is ignored
                if change["op"] == "delete":
                    self.entities.pop(key, None)
                else:
                    self.entities[key] = change
            moved = page["cursor"] != self.cursor
            self.cursor = page["cursor"]
            if not page["changes"] or not moved:
                last: int = page["lastMutationId"]
                return last

    async def run(self, on_push: Any) -> None:
        await self.login()
        planned = self.plan()
        for start in range(0, len(planned), self.batch):
            await self.push(planned[start : start + self.batch])
            on_push()
            await self.pull()

    def copy(self) -> dict[tuple[str, str], tuple[int, Any]]:
        return {key: (c["version"], c["data"]) for key, c in self.entities.items()}
