"""The migration that added case_flags.risk fills it in for cases verified before it."""

from __future__ import annotations

import importlib
import json
from datetime import UTC, date, datetime
from uuid import uuid4

from backend.cases import queries as cases
from backend.verification.tables import CaseFlags

MIGRATION = "backend.verification.piccolo_migrations.verification_2026_11_27t04_00_00_000000"


async def test_earlier_verifications_get_the_risk_level_of_their_flags() -> None:
    flags = {
        "error": [{"code": "A", "severity": "warning"}, {"code": "B", "severity": "error"}],
        "warning": [{"code": "A", "severity": "warning"}, {"code": "C", "severity": "info"}],
        "none": [{"code": "C", "severity": "info"}],
    }
    ids = {level: uuid4() for level in flags}
    for level, items in flags.items():
        await CaseFlags.insert(
            CaseFlags(
                case_id=ids[level],
                flags=json.dumps(items, ensure_ascii=False),
                policy_on=date(2026, 1, 1),
                verified_at=datetime.now(UTC),
            )
        )
    assert set((await cases.risk_levels(list(ids.values()))).values()) == {"none"}
    await importlib.import_module(MIGRATION).backfill_risk()
    levels = await cases.risk_levels(list(ids.values()))
    assert {level: levels[case_id] for level, case_id in ids.items()} == {
        "error": "error",
        "warning": "warning",
        "none": "none",
    }
