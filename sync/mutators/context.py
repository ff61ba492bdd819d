"""What a mutator knows about the mutation it applies."""

from __future__ import annotations

from dataclasses import dataclass

from backend.accounts.models import UserRecord
from backend.cases.models import Actor


@dataclass(frozen=True, slots=True)
class MutationContext:
    user: UserRecord
    client_id: str
    mutation_id: int

    @property
    def actor(self) -> Actor:
        return Actor(self.user, self.client_id)
