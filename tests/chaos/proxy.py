"""A loopback TCP proxy that loses connections on purpose (asyncio).

One request per connection (the clients do not keep connections alive), so every
connection is one request the proxy can let through, cut before forwarding, or cut after
forwarding it whole but before relaying the answer — the case where the server has
committed and the client never hears of it.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from dataclasses import dataclass


@dataclass
class ProxyCounts:
    connections: int = 0
    dropped_before_forwarding: int = 0
    dropped_before_answer: int = 0
    upstream_down: int = 0


class FaultyProxy:
    def __init__(
        self, upstream_ports: list[int], drop_rate: float = 0.10, seed: int = 7
    ) -> None:
        self.upstream_ports = upstream_ports
        self.drop_rate = drop_rate
        self.random = random.Random(seed)
        self.counts = ProxyCounts()
        self.port = 0
        self._server: asyncio.Server | None = None
        self._next = 0
        self._handlers: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._handlers):
            task.cancel()
        await asyncio.gather(*self._handlers, return_exceptions=True)
        if self._server is not None:
            await self._server.wait_closed()

    def _upstream(self) -> int:
        """Round-robin over the app processes."""
        self._next = (self._next + 1) % len(self.upstream_ports)
        return self.upstream_ports[self._next]

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._handlers.add(task)
        try:
            await self._handle_one(reader, writer)
        finally:
            self._handlers.discard(task)

    async def _handle_one(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        self.counts.connections += 1
        roll = self.random.random()
        try:
            if roll < self.drop_rate / 3:
                # Cut before forwarding: read a little of the request, then hang up.
                await reader.read(64)
                self.counts.dropped_before_forwarding += 1
                return
            drop_answer = roll < self.drop_rate
            try:
                up_reader, up_writer = await asyncio.open_connection(
                    "127.0.0.1", self._upstream()
                )
            except OSError:
                self.counts.upstream_down += 1  # a server restarting: the client sees a cut
                return
            try:
                await self._relay(reader, writer, up_reader, up_writer, drop_answer)
            finally:
                up_writer.close()
                with contextlib.suppress(OSError):
                    await up_writer.wait_closed()
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()

    async def _relay(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        up_reader: asyncio.StreamReader,
        up_writer: asyncio.StreamWriter,
        drop_answer: bool,
    ) -> None:
        async def client_to_server() -> None:
            while data := await reader.read(65536):
                up_writer.write(data)
                await up_writer.drain()

        forward = asyncio.create_task(client_to_server())
        try:
            first = await up_reader.read(65536)  # the server answers once it has committed
            if drop_answer and first:
                self.counts.dropped_before_answer += 1
                return
            while first:
                writer.write(first)
                await writer.drain()
                first = await up_reader.read(65536)
        finally:
            forward.cancel()
            with contextlib.suppress(asyncio.CancelledError, OSError):
                await forward
