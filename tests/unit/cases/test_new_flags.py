"""Which flags of a verification run are news worth a notification (pure)."""

from __future__ import annotations

from typing import Any

from backend.cases.notices import new_alerting_flags


def flag(
    code: str, severity: str, field: str | None = None, doc: str | None = None
) -> dict[str, Any]:
    return {"code": code, "severity": severity, "field": field, "documentId": doc}


def test_first_run_alerts_on_errors_and_warnings_only() -> None:
    current = [flag("CERTIFICATE_EXPIRED", "error", "issue_date", "d1"),
               flag("USCC_CHECKSUM_INVALID", "warning", "uscc"),
               flag("PROPERTY_REUSED", "info")]
    assert [f["code"] for f in new_alerting_flags([], current)] == [
        "CERTIFICATE_EXPIRED", "USCC_CHECKSUM_INVALID"]


def test_flags_already_raised_by_the_previous_run_are_not_news() -> None:
    previous = [flag("CERTIFICATE_EXPIRED", "error", "issue_date", "d1")]
    current = [flag("CERTIFICATE_EXPIRED", "error", "issue_date", "d1"),
               flag("CERTIFICATE_EXPIRED", "error", "issue_date", "d2")]
    assert new_alerting_flags(previous, current) == [current[1]]
