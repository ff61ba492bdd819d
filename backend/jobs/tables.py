from piccolo.columns import JSON, UUID, Integer, Text, Timestamptz, Varchar
from piccolo.table import Table


class Job(Table, tablename="job"):
    """A durable background job; the same table drives embedded and distributed workers."""

    id = UUID(primary_key=True)
    name = Varchar(length=100, help_text="registered job name, e.g. documents.process")
    payload = JSON(help_text="the job's arguments")
    dedupe_key = Varchar(length=200, null=True, default=None, index=True,
                         help_text="a pending job with the same key is not enqueued twice")
    status = Varchar(length=20, default="pending", index=True,
                     help_text="pending | running | done | failed")
    attempts = Integer(default=0)
    max_attempts = Integer(default=5)
    run_at = Timestamptz(index=True, help_text="not run before this time")
    locked_by = Varchar(length=100, null=True, default=None)
    locked_until = Timestamptz(null=True, default=None,
                               help_text="lease; a crashed worker's job is taken over after it")
    last_error = Text(default="")
    created_at = Timestamptz()
    finished_at = Timestamptz(null=True, default=None)
