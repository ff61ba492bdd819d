"""tuspy and tus-js-client against a real ``doorstep serve`` process: cut connections and a
killed server."""

from __future__ import annotations

import hashlib
import io
import json
import random
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tusclient import client as tus_client
from tusclient.exceptions import TusCommunicationError
from tusclient.uploader import Uploader

from tests.integration.uploads.server import (
    DoorstepServer,
    drop_server_database,
    server_database_url,
)
from tests.support.upload_files import photo

pytestmark = pytest.mark.slow


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DoorstepServer]:
    data_dir = tmp_path_factory.mktemp("upload-server")
    url = server_database_url(data_dir)
    running = DoorstepServer(data_dir, url)
    running.start()
    yield running
    running.stop()
    drop_server_database(url)


@pytest.fixture(scope="module")
def token(server: DoorstepServer) -> str:
    return server.login("staff1")


def uploader(
    server: DoorstepServer, token: str, data: bytes, *, url: str | None = None, chunk: int = 16_384
) -> Uploader:
    tus = tus_client.TusClient(
        f"{server.base_url}/uploads/", headers={"Authorization": f"Bearer {token}"}
    )
    return tus.uploader(
        file_stream=io.BytesIO(data),
        url=url,
        chunk_size=chunk,
        metadata={"sha256": sha256(data), "filename": "合同.jpg", "contentType": "image/jpeg"},
    )


def head_offset(server: DoorstepServer, token: str, url: str) -> int:
    response = httpx.head(
        url, headers={"Authorization": f"Bearer {token}", "Tus-Resumable": "1.0.0"}
    )
    assert response.status_code == 200, response.status_code
    return int(response.headers["upload-offset"])


def cut_patch(
    server: DoorstepServer, token: str, url: str, offset: int, body: bytes, sent: int
) -> None:
    """Sends a PATCH announcing ``body`` but only ``sent`` bytes of it, then drops the line."""
    path = url.removeprefix(server.base_url)
    head = (
        f"PATCH {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
        f"Authorization: Bearer {token}\r\nTus-Resumable: 1.0.0\r\n"
        f"Upload-Offset: {offset}\r\nContent-Type: application/offset+octet-stream\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.port)) as connection:
        connection.sendall(head + body[:sent])
        time.sleep(0.3)  # let the server read what arrived before the line drops


def settled_offset(server: DoorstepServer, token: str, url: str) -> int:
    """The offset once the server has finished with the cut request (its lock released)."""
    last = -1
    for _ in range(50):
        current = head_offset(server, token, url)
        if current == last:
            return current
        last = current
        time.sleep(0.2)
    return last


def test_tuspy_uploads_a_photo_and_the_stored_file_has_its_hash(
    server: DoorstepServer, token: str
) -> None:
    data = photo(30)
    upload = uploader(server, token, data)
    upload.upload()
    assert upload.url is not None
    assert head_offset(server, token, upload.url) == len(data)
    assert sha256(server.blob(sha256(data)).read_bytes()) == sha256(data)


def test_an_upload_cut_at_random_offsets_resumes_and_the_stored_hash_is_equal(
    server: DoorstepServer, token: str
) -> None:
    data = photo(31)
    rng = random.Random(20261127)
    first = uploader(server, token, data)
    url = first.create_url()
    offset = 0
    for _ in range(5):
        remaining = data[offset:]
        sent = rng.randrange(1, max(2, len(remaining) // 3))
        cut_patch(server, token, url, offset, remaining, sent)
        now = settled_offset(server, token, url)
        assert offset <= now <= offset + sent
        offset = now
    assert offset > 0, "the cut requests stored nothing"
    resumed = uploader(server, token, data, url=url)
    assert resumed.offset == offset
    resumed.upload()
    assert head_offset(server, token, url) == len(data)
    assert sha256(server.blob(sha256(data)).read_bytes()) == sha256(data)


def test_tuspy_sees_a_hash_mismatch_as_final_and_nothing_is_stored(
    server: DoorstepServer, token: str
) -> None:
    data = photo(32)
    upload = uploader(server, token, data)
    upload.metadata["sha256"] = sha256(b"another file")
    with pytest.raises(TusCommunicationError) as caught:
        upload.upload()
    assert caught.value.status_code == 460
    assert not server.blob(sha256(data)).exists()
    assert not server.blob(sha256(b"another file")).exists()
    assert list((server.uploads_dir / "partial").iterdir()) == []


def test_a_server_killed_mid_upload_resumes_after_restart_to_the_same_hash(
    tmp_path: Path,
) -> None:
    url_db = server_database_url(tmp_path)
    server = DoorstepServer(tmp_path, url_db)
    server.start()
    try:
        token = server.login("staff1")
        data = photo(33)
        first = uploader(server, token, data, chunk=10_000)
        first.upload(stop_at=25_000)
        assert first.url is not None
        path = first.url.removeprefix(server.base_url)
        # A PATCH is in flight (8000 bytes of the rest arrived) when the server dies.
        remaining = data[25_000:]
        head = (
            f"PATCH {path} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
            f"Authorization: Bearer {token}\r\nTus-Resumable: 1.0.0\r\n"
            f"Upload-Offset: 25000\r\nContent-Type: application/offset+octet-stream\r\n"
            f"Content-Length: {len(remaining)}\r\n\r\n"
        ).encode()
        with socket.create_connection(("127.0.0.1", server.port)) as connection:
            connection.sendall(head + remaining[:8000])
            time.sleep(0.5)
            server.kill()

        server.start()  # same data directory, database and port; a new process
        token = server.login("staff1")
        resumed = uploader(server, token, data, url=f"{server.base_url}{path}", chunk=10_000)
        # The request never finished, so its bytes were not recorded: resume where the
        # last finished PATCH ended (the bytes already on disk past it are overwritten).
        assert resumed.offset == 25_000
        resumed.upload()
        assert head_offset(server, token, resumed.url) == len(data)
        assert sha256(server.blob(sha256(data)).read_bytes()) == sha256(data)
    finally:
        server.stop()
        drop_server_database(url_db)


def test_tus_js_client_uploads_resumes_and_the_stored_hash_is_equal(
    server: DoorstepServer, token: str, tmp_path: Path
) -> None:
    data = photo(34)
    file = tmp_path / "合同第2页.jpg"
    file.write_bytes(data)
    script = Path(__file__).with_name("tus_js_client_upload.cjs")
    run = subprocess.run(
        [
            "node",
            str(script),
            f"{server.base_url}/uploads/",
            token,
            str(file),
            sha256(data),
            "20000",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["offsetAfterAbort"] == 20_000
    # Resumed, not restarted: the first chunk after resuming ends at 40000, not 20000.
    assert result["firstChunkAfterResume"] == min(40_000, len(data))
    assert result["url"].startswith(f"{server.base_url}/uploads/")
    assert head_offset(server, token, result["url"]) == len(data)
    assert sha256(server.blob(sha256(data)).read_bytes()) == sha256(data)
