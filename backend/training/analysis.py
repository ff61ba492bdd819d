"""Case analysis over finished attempts (pure): which rules are missed most, per person and
per topic, so a supervisor knows what to train next."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from backend.training.models import AttemptRecord
from backend.training.topics import topic_label


@dataclass(frozen=True, slots=True)
class MissCount:
    user_id: UUID | None  # None: everyone (per topic)
    kind: str
    key: str
    label: str
    missed: int
    attempts: int  # finished attempts counted (of that person, or of everyone)


def most_missed(attempts: Iterable[AttemptRecord]) -> list[MissCount]:
    """Per person then per topic over everyone; most missed first, ties by key."""
    finished = [a for a in attempts if a.finished_at is not None]
    per_person: Counter[tuple[UUID, str, str]] = Counter()
    per_topic: Counter[tuple[str, str]] = Counter()
    attempts_of: Counter[UUID] = Counter(a.user_id for a in finished)
    for attempt in finished:
        for item in {(m.kind, m.key) for m in attempt.missed}:
            per_person[(attempt.user_id, *item)] += 1
            per_topic[item] += 1
    rows = [
        MissCount(user, kind, key, topic_label(kind, key), count, attempts_of[user])
        for (user, kind, key), count in per_person.items()
    ]
    rows.sort(key=lambda r: (str(r.user_id), -r.missed, r.kind, r.key))
    topics = [
        MissCount(None, kind, key, topic_label(kind, key), count, len(finished))
        for (kind, key), count in per_topic.items()
    ]
    topics.sort(key=lambda r: (-r.missed, r.kind, r.key))
    return rows + topics
