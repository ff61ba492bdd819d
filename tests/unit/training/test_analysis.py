"""Which rules are missed most, per person and per topic (pure)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from backend.training.analysis import most_missed
from backend.training.models import AttemptRecord, Missed, TraineeAnswer

A, B = uuid.UUID(int=1), uuid.UUID(int=2)
AT = datetime(2026, 12, 1, tzinfo=UTC)


def _attempt(user: uuid.UUID, *keys: tuple[str, str], finished: bool = True) -> AttemptRecord:
    return AttemptRecord(
        id=uuid.uuid4(), drill_id=uuid.uuid4(), user_id=user, case_id=uuid.uuid4(),
        started_at=AT, answer=TraineeAnswer(), finished_at=AT if finished else None,
        missed=tuple(Missed(kind, key, None, None, "") for kind, key in keys),
    )


def test_misses_are_counted_per_person_and_per_topic_most_first() -> None:
    attempts = [
        _attempt(A, ("flag", "CERTIFICATE_EXPIRED"), ("field", "name")),
        _attempt(A, ("flag", "CERTIFICATE_EXPIRED")),
        _attempt(B, ("flag", "CERTIFICATE_EXPIRED"), ("flag", "ID_MISMATCH")),
        _attempt(B, ("flag", "ID_MISMATCH"), finished=False),  # unfinished: not counted
    ]
    rows = most_missed(attempts)
    person_a = [(r.key, r.missed, r.attempts) for r in rows if r.user_id == A]
    assert person_a == [("CERTIFICATE_EXPIRED", 2, 2), ("name", 1, 2)]
    topics = [(r.label, r.missed, r.attempts) for r in rows if r.user_id is None]
    assert topics == [("证明已过期", 3, 3), ("姓名", 1, 3), ("身份信息不一致", 1, 3)]
