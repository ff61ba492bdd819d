"""A minimal HTTP/1.1 keep-alive client for the flood benchmark (``bench/public_flood.py``).

httpx spends about a millisecond of Python per request building and parsing it; a client
flooding as fast as it can then takes a core of the two the server has, and the slowdown
measured is the client's. This one writes pre-encoded request bytes on one kept-alive
connection and reads the answer by its ``Content-Length``: a few microseconds per call.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from typing import Any


def graphql_post(host: str, query: str, variables: dict[str, Any]) -> bytes:
    body = json.dumps({"query": query, "variables": variables}, ensure_ascii=False).encode()
    head = (
        f"POST /graphql HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Accept: application/graphql-response+json, application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    return head + body


class RawConnection:
    """One kept-alive connection from a chosen local address; one request at a time."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, host: str, port: int, local_address: str) -> RawConnection:
        reader, writer = await asyncio.open_connection(
            host, port, local_addr=(local_address, 0)
        )
        return cls(reader, writer)

    async def send(self, request: bytes) -> tuple[int, bytes]:
        """The status and body of the answer to ``request``."""
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = None
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None:
            raise ValueError(f"answer without Content-Length: {head[:200]!r}")
        return status, await self.reader.readexactly(length)

    async def close(self) -> None:
        self.writer.close()
        with contextlib.suppress(OSError):  # the server closed it first (keep-alive timeout)
            await self.writer.wait_closed()
