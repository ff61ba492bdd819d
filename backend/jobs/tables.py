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


class ScheduledTask(Table, tablename="scheduled_task"):
    """One periodic housekeeping task: when it is next due, and who holds its lease.

    Every worker loop (embedded or ``doorstep worker``) may try to claim a due task; the claim
    is one conditional UPDATE, so exactly one of them runs it per period.
    """

    name = Varchar(length=100, primary_key=True, help_text="registered task name")
    next_run_at = Timestamptz(help_text="not run before this time")
    locked_by = Varchar(length=100, null=True, default=None, help_text="worker running it")
    locked_until = Timestamptz(null=True, default=None,
                               help_text="lease; a crashed runner's task is taken over after it")
    runs = Integer(default=0, help_text="how many times it was started")
    last_started_at = Timestamptz(null=True, default=None)
    last_finished_at = Timestamptz(null=True, default=None)
    last_result = Text(default="", help_text="what the last run did, or its error")
