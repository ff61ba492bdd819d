"""Sending one Web Push message: RFC 8291 encryption and RFC 8292 VAPID, via pywebpush.

Behind a small interface so the delivery use case does not know about HTTP; the contract is
tested against a real push service on loopback that decrypts and verifies what it gets.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any, Protocol

import requests
from pywebpush import WebPushException, webpush

from backend.notifications.vapid import VapidKeys

# How long a push service keeps a message for a device that is offline.
TTL_SECONDS = 24 * 3600
TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True, slots=True)
class Subscription:
    endpoint: str
    p256dh: str
    auth: str


@dataclass(frozen=True, slots=True)
class SendResult:
    status: int | None  # None: no answer (refused, timed out)
    detail: str


class PushSender(Protocol):
    async def send(self, subscription: Subscription, payload: dict[str, Any]) -> SendResult: ...


class WebPushSender:
    def __init__(self, keys: VapidKeys, timeout: float = TIMEOUT_SECONDS) -> None:
        self._keys = keys
        self._signer = keys.signer()
        self._timeout = timeout

    async def send(self, subscription: Subscription, payload: dict[str, Any]) -> SendResult:
        # pywebpush speaks HTTP with requests (blocking): keep it off the event loop.
        return await asyncio.to_thread(self._send_blocking, subscription, payload)

    def _send_blocking(self, subscription: Subscription, payload: dict[str, Any]) -> SendResult:
        try:
            response = webpush(
                subscription_info={
                    "endpoint": subscription.endpoint,
                    "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
                },
                data=json.dumps(payload, ensure_ascii=False),
                vapid_private_key=self._signer,
                vapid_claims={"sub": self._keys.subject},  # aud and exp are added per call
                content_encoding="aes128gcm",
                ttl=TTL_SECONDS,
                timeout=self._timeout,
            )
        except WebPushException as error:
            return SendResult(error.status_code, _short(error.message))
        except requests.RequestException as error:
            return SendResult(None, _short(f"{type(error).__name__}: {error}"))
        assert isinstance(response, requests.Response)
        return SendResult(response.status_code, "")


def _short(text: str) -> str:
    return text if len(text) <= 500 else text[:499] + "…"
