"""The worker's schedule removes abandoned partial uploads (bytes and rows) after their
expiry, and leaves fresh partials and verified files alone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from backend.jobs import scheduler
from backend.jobs.registry import load_job_modules
from backend.jobs.schedule import periodic_tasks
from backend.settings import get_settings
from backend.uploads.tables import Blob, PartialUpload
from tests.integration.uploads.conftest import Tus, sha256, stored_files
from tests.support.upload_files import photo


async def test_an_expired_partial_upload_disappears_on_the_workers_schedule(tus: Tus) -> None:
    load_job_modules()
    [expiry] = [task for task in periodic_tasks() if task.name == "uploads.expire_partials"]
    kept = photo(15)
    assert (await tus.upload(kept)).status_code == 204  # a verified file
    abandoned = photo(16)
    location = (await tus.create(abandoned)).headers["location"]
    assert (await tus.patch(location, 0, abandoned[:5000])).status_code == 204
    partial_files = [path for path in stored_files() if "partial" in path.parts]
    assert len(partial_files) == 1

    now = datetime.now(UTC)
    assert await scheduler.run_due_tasks("worker-a", now, [expiry]) == [expiry.name]
    assert await PartialUpload.count().where(PartialUpload.sha256 == sha256(abandoned)) == 1
    assert partial_files[0].exists()  # not expired yet

    after_expiry = now + timedelta(hours=get_settings().upload_expiry_hours, minutes=1)
    assert await scheduler.run_due_tasks("worker-b", after_expiry, [expiry]) == [expiry.name]
    assert await PartialUpload.count().where(PartialUpload.sha256 == sha256(abandoned)) == 0
    assert not partial_files[0].exists()
    assert (await tus.head(location)).status_code == 404
    # The verified file stays.
    assert await Blob.count().where(Blob.sha256 == sha256(kept)) == 1
    assert [path.name for path in stored_files()] == [sha256(kept)]
