"""Pure rule: when to try a failed job again."""

from __future__ import annotations

import random


def retry_delay_seconds(
    attempt: int, base: float, cap: float = 3600.0, jitter: float = 0.2
) -> float:
    """Exponential backoff (base, 2·base, 4·base … capped) with ± jitter so retries spread."""
    delay: float = min(cap, base * 2.0 ** max(0, attempt - 1))
    spread = delay * jitter
    return max(0.0, delay + random.uniform(-spread, spread))  # noqa: S311  (not cryptographic)
