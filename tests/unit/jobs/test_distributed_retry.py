from datetime import UTC, datetime

from procrastinate.jobs import Job

from backend.jobs.distributed import BackoffRetry


def _job(attempts: int) -> Job:
    return Job(id=1, queue="doorstep", lock=None, queueing_lock=None,
               task_name="documents.process", attempts=attempts)


def test_max_attempts_counts_every_run_the_first_included() -> None:
    retry = BackoffRetry(max_attempts=3, backoff_seconds=10.0)
    error = RuntimeError("OCR engine crashed")
    assert retry.get_retry_decision(exception=error, job=_job(0)) is not None
    assert retry.get_retry_decision(exception=error, job=_job(1)) is not None
    assert retry.get_retry_decision(exception=error, job=_job(2)) is None


def test_the_wait_grows_exponentially_within_jitter() -> None:
    retry = BackoffRetry(max_attempts=10, backoff_seconds=10.0)
    error = RuntimeError("push service unreachable")
    for attempts, expected in [(0, 10), (1, 20), (2, 40)]:
        decision = retry.get_retry_decision(exception=error, job=_job(attempts))
        assert decision is not None
        assert decision.retry_at is not None
        wait = (decision.retry_at - datetime.now(UTC)).total_seconds()
        assert expected * 0.75 <= wait <= expected * 1.25, (attempts, wait)
