"""App start-up hook of the knowledge base."""

from __future__ import annotations

import threading

from backend.knowledge.segmentation import warm_up


async def warm_up_search() -> None:
    """Loads the segmentation dictionary (a second or two) in a background thread while
    the app starts serving, so the first search does not wait for it."""
    threading.Thread(target=warm_up, name="knowledge-warm-up", daemon=True).start()
