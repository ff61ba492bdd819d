"""A test-only fault: the process dies after a push commits and before it answers.

``DOORSTEP_TEST_CRASH_AFTER_PUSH_COMMIT=1`` is honoured only in demo mode; the crash test
starts ``doorstep serve`` with it, pushes, restarts the server and pushes again.
"""

from __future__ import annotations

import os

from backend.settings import get_settings

CRASH_EXIT_CODE = 75


def after_push_commit() -> None:
    settings = get_settings()
    if settings.test_crash_after_push_commit and settings.mode == "demo":
        os._exit(CRASH_EXIT_CODE)  # no cleanup, no response: as if the power went
