"""Malformed and hostile files get a coded error, leave nothing behind, and the server lives on."""

from __future__ import annotations

from typing import Any

from litestar.testing import AsyncTestClient

from tests.integration.uploads.conftest import Tus, nothing_stored, stored_files
from tests.support.upload_files import hostile_files, photo

STATUS = {"BAD_REQUEST": 400, "UNSUPPORTED_FILE": 415, "IMAGE_UNREADABLE": 422}


async def test_every_hostile_file_is_refused_with_its_code_and_nothing_is_stored(
    tus: Tus, client: AsyncTestClient[Any]
) -> None:
    # One test over the catalogue (26 files): each file gets a fresh upload and is checked
    # on its own; the failure message names the file.
    cases = hostile_files()
    assert len(cases) >= 20
    for case in cases:
        if case.at_creation:
            response = await tus.create(case.data, filename=case.filename)
        else:
            response = await tus.upload(case.data, filename=case.filename, chunk=4096)
        assert response.status_code == STATUS[case.code], (case.name, response.text)
        body = response.json()
        assert body["code"] == case.code, case.name
        assert body["message"], case.name
        assert await nothing_stored(), case.name
        health = await client.get("/health")
        assert health.status_code == 200, case.name

    # The server still takes a real photo afterwards.
    assert (await tus.upload(photo(20), chunk=30_000)).status_code == 204
    assert len(stored_files()) == 1


async def test_the_stored_name_of_a_file_is_never_a_path(tus: Tus) -> None:
    data = photo(21)
    response = await tus.create(data, filename="../../etc/passwd")
    assert (response.status_code, response.json()["field"]) == (400, "filename")
    assert await nothing_stored()
