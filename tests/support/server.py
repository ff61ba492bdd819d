"""``doorstep serve`` subprocesses for tests that need a real server process (fixed port,
restartable): chaos, scale-out, fuzzing, uploads cut mid-transfer."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_SECONDS = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def doorstep_command(*args: str) -> list[str]:
    """The ``doorstep`` console script's entry point, run from this checkout."""
    return [sys.executable, "-c", "from backend.cli import main; main()", *args]


def server_env(data_dir: Path, database_url: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DOORSTEP_DATA_DIR": str(data_dir),
        "DOORSTEP_DATABASE_URL": database_url,
        "DOORSTEP_MODE": "demo",
        "DOORSTEP_EMBEDDED_WORKERS": "0",
        **extra,
    }


class ServerProcess:
    def __init__(self, env: dict[str, str], log: Path, port: int | None = None) -> None:
        self.env = env
        self.log = log
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, demo: bool = False) -> None:
        args = ["serve", "--port", str(self.port), *(["--demo"] if demo else [])]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                doorstep_command(*args), cwd=REPO_ROOT, env=self.env, stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.starts += 1
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-3000:]}")
            try:
                if httpx.get(f"{self.base_url}/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"server did not start: {self.log.read_text()[-3000:]}")

    def kill(self) -> None:
        """Like a power cut: no shutdown hooks."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
