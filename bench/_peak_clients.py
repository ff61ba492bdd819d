"""The simulated people of the month-end load test (bench/peak.py): tablets, supervisors,
members. Each records its calls in a shared :class:`Recorder`.

Tablets behave as the PWA's sync client does: mutations numbered 1, 2, 3… per client id,
pushed in small batches and re-sent unchanged after a lost answer (push is idempotent by
mutation id); photos go up through tus in one PATCH (the client's chunk size is the whole
file), and a PATCH cut off mid-body is resumed from the offset a HEAD reports.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import random
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

PUSH = """mutation Push($input: PushInput!) {
  push(input: $input) { lastMutationId results { id status error { code } } } }"""
PULL = """query Pull($c: ID!, $cursor: String) {
  pull(clientId: $c, cursor: $cursor) { cursor changes { id } } }"""
REVIEW_PAGE = """query Review($after: String) {
  cases(status: "submitted", first: 20, after: $after) {
  edges { node { id status risk } } pageInfo { endCursor hasNextPage } } }"""
SUGGEST = "query($t: String!) { consultationSuggestions(text: $t) { title } }"
ASK = "mutation($t: String!) { askQuestion(text: $t) { ticket } }"
TICKET = "query($t: String!) { consultation(ticket: $t) { status question } }"
QUESTIONS = ("租房可以提取住房公积金吗？需要哪些材料", "退休提取公积金要带什么证件",
             "异地购房怎么提取公积金", "公积金贷款额度怎么计算")
TUS = {"Tus-Resumable": "1.0.0"}
# uvicorn closes a keep-alive connection idle for 5 s (its default): a client that reuses one
# at that moment gets ReadError (seen once among 437 members' calls). Browsers retry such a
# request on a fresh connection; these clients drop idle connections before the server does.
KEEPALIVE_EXPIRY_SECONDS = 4.0
CASES_PER_TABLET = 5
PHOTOS_PER_CASE = 2
# Per case: create, two photos attached, updates, submit: 10 mutations, 50 per tablet.
UPDATES_PER_CASE = 10 - 1 - PHOTOS_PER_CASE - 1
FIELDS = {"name": "张伟", "id_number": "520201198503150023", "withdrawal_reason": "02",
          "amount": "100.00", "phone": "13885861234"}


@dataclass
class Recorder:
    """Every call's latency with when it ended (seconds since the start), per kind."""

    started: float = field(default_factory=time.monotonic)
    calls: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)
    error_samples: list[str] = field(default_factory=list)
    throttled: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    # tus 409 answers after a cut PATCH (the upload still busy, or its offset moved): the
    # protocol's signal to re-read the offset and go on, as tus clients do; not an error.
    conflicts: Counter[str] = field(default_factory=Counter)

    def ok(self, kind: str, seconds: float) -> None:
        self.calls.setdefault(kind, []).append((time.monotonic() - self.started, seconds))

    def error(self, kind: str, detail: str) -> None:
        self.errors[kind] += 1
        if len(self.error_samples) < 20:
            self.error_samples.append(f"{kind}: {detail[:300]}")


class DroppedError(Exception):
    """The simulated network cut a request off."""


class OffsetConflictError(Exception):
    """tus 409: re-read the offset (HEAD) and resume."""


def _codes(body: dict[str, Any]) -> list[str]:
    return [str((e.get("extensions") or {}).get("code")) for e in body.get("errors") or []]


async def _cut_off(request: Awaitable[httpx.Response], after: float) -> None:
    """Sends the request and walks away before the answer: the server may or may not have
    done the work, as when a tablet loses its signal."""
    task = asyncio.ensure_future(request)
    await asyncio.sleep(after)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, httpx.HTTPError):
        await task
    raise DroppedError


async def graphql(
    http: httpx.AsyncClient, rec: Recorder, kind: str, query: str, variables: dict[str, Any],
    headers: dict[str, str] | None = None, drop_rate: float = 0.0,
) -> dict[str, Any] | None:
    """One GraphQL call; None after an error, a throttle or a simulated drop (all counted)."""
    request = http.post("/graphql", json={"query": query, "variables": variables},
                        headers=headers or {})
    started = time.perf_counter()
    try:
        if random.random() < drop_rate:
            await _cut_off(request, random.uniform(0.0, 0.05))
        response = await request
    except DroppedError:
        rec.dropped[kind] += 1
        return None
    except httpx.HTTPError as error:
        rec.error(kind, repr(error))
        return None
    elapsed = time.perf_counter() - started
    if response.status_code == 429:
        rec.throttled[kind] += 1
        return None
    try:
        body: dict[str, Any] = response.json()
    except ValueError:
        rec.error(kind, f"HTTP {response.status_code}: {response.text}")
        return None
    if "RATE_LIMITED" in _codes(body):
        rec.throttled[kind] += 1
        return None
    if response.status_code != 200 or body.get("errors"):
        rec.error(kind, f"HTTP {response.status_code}: {body.get('errors')}")
        return None
    rec.ok(kind, elapsed)
    return body


def unique_photo(source: bytes, tag: str) -> bytes:
    """The photo with a JPEG comment segment after SOI: a different file (and sha256) per
    upload, so none completes at creation as an already-verified duplicate, at no decoding
    cost. Pixels are untouched, so OCR does its full work."""
    comment = f"doorstep peak {tag}".encode()
    return source[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + source[2:]


def load_photos(root: Path) -> list[bytes]:
    return [path.read_bytes() for path in sorted(root.glob("*/*.jpg"))]


@dataclass
class Tablet:
    http: httpx.AsyncClient
    token: str
    rec: Recorder
    photos: list[bytes]
    drop_rate: float
    client_id: str = field(default_factory=lambda: f"peak-{uuid.uuid4()}")
    next_id: int = 1
    cursor: str | None = None

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    async def run(self, seconds: float) -> None:
        """Five cases spread over ``seconds``: each created, two photos taken and uploaded,
        a few edits, submitted; a pull after every push, as the client syncs."""
        deadline, steps = time.monotonic() + seconds, CASES_PER_TABLET * 4
        await asyncio.sleep(random.uniform(0, seconds / steps))

        async def pause() -> None:  # the rest of the time shared by the steps left
            nonlocal steps
            steps -= 1
            left = max(0.0, deadline - time.monotonic())
            await asyncio.sleep(left / max(steps, 1) * random.uniform(0.5, 1.0))

        for _ in range(CASES_PER_TABLET):
            case_id = str(uuid.uuid4())
            await self.push([("createCase", {"id": case_id, "kind": "withdrawal",
                                             "fields": FIELDS})])
            await self.pull()
            await pause()
            attach = []
            for _ in range(PHOTOS_PER_CASE):
                content = unique_photo(random.choice(self.photos), str(uuid.uuid4()))
                sha256 = hashlib.sha256(content).hexdigest()
                attach.append(("attachDocument", {"caseId": case_id, "documentId":
                                                  str(uuid.uuid4()), "sha256": sha256,
                                                  "docType": None}))
                await self.upload(content, sha256)
            await self.push(attach)
            await self.pull()
            await pause()
            await self.push([("updateCase", {"id": case_id, "fields": {"note": f"第{n}次"}})
                             for n in range(UPDATES_PER_CASE)])
            await self.pull()
            await pause()
            await self.push([("submitCase", {"id": case_id})])
            await self.pull()
            await pause()

    async def push(self, mutations: list[tuple[str, dict[str, Any]]]) -> None:
        batch = [{"id": self.next_id + n, "name": name, "args": args}
                 for n, (name, args) in enumerate(mutations)]
        last = self.next_id + len(batch) - 1
        variables = {"input": {"clientId": self.client_id, "protocolVersion": 1,
                               "mutations": batch}}
        for attempt in range(20):
            body = await graphql(self.http, self.rec, "push", PUSH, variables, self.headers,
                                 self.drop_rate)
            if body is None:
                await asyncio.sleep(min(8.0, 0.5 * 2**attempt) * random.uniform(0.5, 1.0))
                continue  # the same batch, the same ids: duplicates are acknowledged
            result = body["data"]["push"]
            rejected = [r for r in result["results"] if r["status"] == "rejected"]
            if rejected or result["lastMutationId"] != last:
                self.rec.error("push", f"rejected {rejected}, lastMutationId "
                                       f"{result['lastMutationId']} for {last}")
            self.next_id = last + 1
            return
        self.rec.error("push", "gave up after 20 attempts")
        self.next_id = last + 1

    async def pull(self) -> None:
        for _ in range(50):
            variables = {"c": self.client_id, "cursor": self.cursor}
            body = await graphql(self.http, self.rec, "pull", PULL, variables, self.headers,
                                 self.drop_rate)
            if body is None:
                await asyncio.sleep(random.uniform(0.5, 1.5))
                continue
            page = body["data"]["pull"]
            moved, self.cursor = page["cursor"] != self.cursor, page["cursor"]
            if not page["changes"] or not moved:
                return

    async def upload(self, content: bytes, sha256: str) -> None:
        """tus: create, then PATCH the whole file; a cut PATCH resumes from HEAD's offset.
        The latency recorded is the whole upload (create to completion, retries included),
        as the member of staff waits for it."""
        started = time.perf_counter()
        meta = ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in (
            ("sha256", sha256), ("filename", "photo.jpg"), ("contentType", "image/jpeg")))
        headers = {**self.headers, **TUS, "Upload-Length": str(len(content)),
                   "Upload-Metadata": meta}
        location = None
        for attempt in range(20):
            try:
                if location is None:
                    created = await self.http.post("/uploads/", headers=headers)
                    if created.status_code != 201:
                        self.rec.error("upload", f"create {created.status_code} {created.text}")
                        return
                    location = created.headers["Location"]
                    offset = int(created.headers.get("Upload-Offset", "0"))
                else:
                    head = await self.http.head(location, headers={**self.headers, **TUS})
                    if head.status_code != 200:
                        self.rec.error("upload", f"HEAD {head.status_code}")
                        return
                    offset = int(head.headers["Upload-Offset"])
                if offset < len(content):
                    await self._patch(location, content, offset)
                self.rec.ok("upload", time.perf_counter() - started)
                return
            except DroppedError:
                self.rec.dropped["upload"] += 1
            except OffsetConflictError:
                self.rec.conflicts["upload"] += 1
            except httpx.HTTPError as error:
                self.rec.error("upload", repr(error))
            await asyncio.sleep(min(8.0, 0.5 * 2**attempt) * random.uniform(0.5, 1.0))
        self.rec.error("upload", "gave up after 20 attempts")

    async def _patch(self, location: str, content: bytes, offset: int) -> None:
        headers = {**self.headers, **TUS, "Upload-Offset": str(offset),
                   "Content-Type": "application/offset+octet-stream"}
        rest = content[offset:]
        cut = random.random() < self.drop_rate and len(rest) > 1

        async def body() -> AsyncIterator[bytes]:
            if not cut:
                yield rest
                return
            yield rest[: len(rest) // 2]
            await asyncio.sleep(0.05)  # the half reaches the server before the line drops
            raise DroppedError

        try:
            response = await self.http.patch(location, content=body(), headers=headers)
        except httpx.HTTPError as error:
            if DroppedError in (type(error.__cause__), type(error.__context__)):
                raise DroppedError from error
            raise
        if response.status_code == 409:
            raise OffsetConflictError
        if response.status_code != 204:
            raise httpx.HTTPStatusError(f"PATCH {response.status_code} {response.text}",
                                        request=response.request, response=response)


async def supervisor(http: httpx.AsyncClient, token: str, rec: Recorder, deadline: float) -> None:
    """Pages through the review queue (submitted cases, 20 a page) as a reviewer reads it."""
    headers = {"Authorization": f"Bearer {token}"}
    after: str | None = None
    while time.monotonic() < deadline:
        body = await graphql(http, rec, "review", REVIEW_PAGE, {"after": after}, headers)
        if body is not None:
            info = body["data"]["cases"]["pageInfo"]
            after = info["endCursor"] if info["hasNextPage"] else None
        await asyncio.sleep(random.uniform(1.0, 3.0))


async def member(base: str, address: str, rec: Recorder, deadline: float,
                 think: Callable[[], float]) -> None:
    """A member on the public consultation page: suggestions while typing, a question, then
    the ticket page now and then. Members on one address share its throttle."""
    transport = httpx.AsyncHTTPTransport(
        local_address=address, limits=httpx.Limits(keepalive_expiry=KEEPALIVE_EXPIRY_SECONDS))
    async with httpx.AsyncClient(base_url=base, timeout=60, transport=transport) as http:
        ticket: str | None = None
        while time.monotonic() < deadline:
            text = random.choice(QUESTIONS)
            await graphql(http, rec, "public", SUGGEST, {"t": text[:6]})
            asked = await graphql(http, rec, "public", ASK, {"t": text})
            if asked is not None:
                ticket = asked["data"]["askQuestion"]["ticket"]
            await asyncio.sleep(think())
            if ticket is not None:
                await graphql(http, rec, "public", TICKET, {"t": ticket})
            await asyncio.sleep(think())
