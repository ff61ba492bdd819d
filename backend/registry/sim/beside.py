"""``doorstep serve --demo`` starts the simulator beside the app, seeded with the demo data,
unless ``DOORSTEP_REGISTRY_URL`` already names a gateway. It stops with the app (atexit,
and the simulator ends by itself when its parent is gone)."""

from __future__ import annotations

import atexit
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

DEMO_DATA = Path(__file__).resolve().parent.parent.parent / "demo" / "registry_data.json"


def _free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_listening(host: str, port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)


def start_beside_app(host: str = "127.0.0.1") -> subprocess.Popen[bytes] | None:
    if os.environ.get("DOORSTEP_REGISTRY_URL"):
        return None
    sim_host = "127.0.0.1" if host in ("0.0.0.0", "::") else host  # noqa: S104
    port = _free_port(sim_host)
    command = [sys.executable, "-m", "backend.cli", "registry-sim", "--host", sim_host,
               "--port", str(port), "--data", str(DEMO_DATA), "--latency-ms", "150",
               "--exit-with-parent"]
    process = subprocess.Popen(command)  # noqa: S603  (our own interpreter and module)
    atexit.register(_stop, process)
    _wait_listening(sim_host, port, process)
    os.environ["DOORSTEP_REGISTRY_URL"] = f"http://{sim_host}:{port}"
    from backend.settings import get_settings

    get_settings.cache_clear()
    return process


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
