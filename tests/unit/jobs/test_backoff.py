from backend.jobs.backoff import retry_delay_seconds


def test_delay_doubles_with_each_attempt() -> None:
    delays = [retry_delay_seconds(n, base=10, jitter=0) for n in (1, 2, 3, 4)]
    assert delays == [10, 20, 40, 80]


def test_delay_is_capped() -> None:
    assert retry_delay_seconds(30, base=10, cap=600, jitter=0) == 600


def test_jitter_stays_within_its_band() -> None:
    for _ in range(200):
        assert 8 <= retry_delay_seconds(1, base=10, jitter=0.2) <= 12
