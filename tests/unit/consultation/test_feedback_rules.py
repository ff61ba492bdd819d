from __future__ import annotations

import uuid

import pytest

from backend.consultation.citation import cited_passage
from backend.consultation.models import Department, FeedbackCategory
from backend.consultation.report import Filed, month_bounds, monthly_report
from backend.consultation.routing import DEFAULT_ROUTING, department_for, parse_routes
from backend.consultation.tickets import new_ticket, ticket_hash
from backend.errors import DoorstepError


def test_every_category_has_an_owning_department_by_default() -> None:
    for category in FeedbackCategory:
        assert department_for(DEFAULT_ROUTING, category) in Department
    assert department_for(DEFAULT_ROUTING, FeedbackCategory.SYSTEM_PROBLEM) is Department.IT


def test_routing_input_overrides_some_categories_and_refuses_unknown_names() -> None:
    routes = parse_routes({"too_slow": "service"})
    assert routes[FeedbackCategory.TOO_SLOW] is Department.SERVICE
    assert routes[FeedbackCategory.POLICY_UNCLEAR] is Department.POLICY
    with pytest.raises(DoorstepError):
        parse_routes({"too_slow": "finance"})


def test_month_bounds_cross_years() -> None:
    assert [d.isoformat() for d in month_bounds("2026-01")] == [
        "2025-12-01",
        "2026-01-01",
        "2026-02-01",
    ]
    assert month_bounds("2026-12")[2].isoformat() == "2027-01-01"
    with pytest.raises(DoorstepError):
        month_bounds("2026-13")


def test_report_ranks_by_count_with_trend_and_the_cases_concerned() -> None:
    case = uuid.uuid4()
    slow, heavy = FeedbackCategory.TOO_SLOW, FeedbackCategory.PROCESS_CUMBERSOME
    items = [
        Filed(slow, "提取", case, True),
        Filed(slow, "提取", case, True),
        Filed(heavy, "", None, True),
        Filed(heavy, "贷款", None, False),
        Filed(heavy, "贷款", None, False),
    ]
    report = monthly_report("2026-12", items)
    assert [(r.key, r.count, r.previous, r.trend) for r in report.categories] == [
        ("too_slow", 2, 0, 2),
        ("process_cumbersome", 1, 2, -1),
    ]
    assert report.categories[0].case_ids == [case]
    assert [(r.key, r.count) for r in report.processes] == [("提取", 2), ("未注明", 1), ("贷款", 0)]
    assert report.total == 3


def test_tickets_are_long_random_and_only_their_digest_is_kept() -> None:
    ticket = new_ticket()
    assert len(ticket) == 32
    assert ticket != new_ticket()
    digest = ticket_hash(ticket)
    assert digest is not None
    assert ticket not in digest
    assert len(digest) == 64
    assert ticket_hash("short") is None
    assert ticket_hash("../../etc/passwd" + "a" * 16) is None


def test_the_cited_passage_is_the_paragraph_closest_to_the_question() -> None:
    body = "# 条件\n\n职工租赁住房的，可以申请提取。\n\n# 材料\n\n身份证、租赁合同。"
    assert cited_passage(body, "租赁住房能提取吗") == "职工租赁住房的，可以申请提取。"
    assert cited_passage(body, "要带什么", "请带租赁合同") == "身份证、租赁合同。"
