"""A real Web Push service on loopback, for tests: it decrypts and verifies like a browser's.

It checks the VAPID header (RFC 8292: an ES256 JWT signed by the ``k`` key, ``aud`` = this
service's origin, ``exp`` in the future and at most a day ahead, ``sub`` present) and
decrypts the body (RFC 8291, aes128gcm) with the subscription's private key and auth secret,
which the "browser" (:class:`BrowserSubscription`) generated. Answers can be scripted per
subscription (e.g. 500, 500, 201).
"""

from __future__ import annotations

import base64
import json
import os
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

import http_ece
import jwt
from aiohttp import web
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class BrowserSubscription:
    """The device side of a subscription: its P-256 key pair and auth secret."""

    def __init__(self, endpoint: str) -> None:
        self.endpoint = endpoint
        self._private_key = ec.generate_private_key(ec.SECP256R1())
        self._auth = os.urandom(16)
        self.p256dh = b64url(
            self._private_key.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
            )
        )
        self.auth = b64url(self._auth)

    def decrypt(self, body: bytes) -> bytes:
        plain: bytes = http_ece.decrypt(
            body, private_key=self._private_key, auth_secret=self._auth, version="aes128gcm"
        )
        return plain


@dataclass
class Received:
    name: str
    headers: dict[str, str]
    payload: dict[str, Any] | None = None
    claims: dict[str, Any] | None = None
    vapid_key: str | None = None
    problems: list[str] = field(default_factory=list)
    answered: int = 0


class LocalPushService:
    def __init__(self) -> None:
        self.origin = ""
        self.received: list[Received] = []
        self._subscriptions: dict[str, BrowserSubscription] = {}
        self._answers: dict[str, deque[int]] = defaultdict(deque)
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/push/{name}", self._receive)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.origin = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def subscribe(self, name: str) -> BrowserSubscription:
        subscription = BrowserSubscription(f"{self.origin}/push/{name}")
        self._subscriptions[name] = subscription
        return subscription

    def answer(self, name: str, *statuses: int) -> None:
        """The next answers for that subscription; 201 once they run out."""
        self._answers[name].extend(statuses)

    def for_(self, name: str) -> list[Received]:
        return [r for r in self.received if r.name == name]

    async def _receive(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        record = Received(name, {k.lower(): v for k, v in request.headers.items()})
        self.received.append(record)
        body = await request.read()
        self._check_vapid(record, request.headers.get("Authorization", ""))
        if request.headers.get("Content-Encoding") != "aes128gcm":
            record.problems.append("content-encoding is not aes128gcm")
        subscription = self._subscriptions.get(name)
        if subscription is None:
            record.problems.append("unknown subscription")
        else:
            try:
                record.payload = json.loads(subscription.decrypt(body))
            except Exception as error:  # any decryption failure is what the test looks for
                record.problems.append(f"cannot decrypt: {error!r}")
        queue = self._answers[name]
        record.answered = queue.popleft() if queue else 201
        if record.problems and record.answered < 300:
            record.answered = 400
        return web.Response(status=record.answered)

    def _check_vapid(self, record: Received, header: str) -> None:
        scheme, _, params = header.partition(" ")
        if scheme.lower() != "vapid":
            record.problems.append(f"authorization scheme {scheme!r} is not vapid")
            return
        parts = dict(p.strip().split("=", 1) for p in params.split(",") if "=" in p)
        token, key = parts.get("t", ""), parts.get("k", "")
        record.vapid_key = key
        try:
            public_key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(key))
            record.claims = jwt.decode(
                token,
                key=public_key,
                algorithms=["ES256"],
                audience=self.origin,
                options={"require": ["exp", "aud", "sub"]},
            )
        except (ValueError, jwt.PyJWTError) as error:
            record.problems.append(f"VAPID token refused: {error!r}")
            return
        if record.claims["exp"] > time.time() + 24 * 3600:
            record.problems.append("VAPID exp more than 24 hours ahead")
