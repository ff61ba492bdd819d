"""Pure rules of feedback routing: which department owns each category.

Routing is an admin setting kept in numbered versions (each a full map); the highest
version is in force, and each feedback item remembers the version that routed it. Before
any version is set, the built-in map below applies (version 0).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from backend.consultation.models import Department, FeedbackCategory, Routing
from backend.errors import DoorstepError, ErrorCode

DEFAULT_ROUTES: dict[FeedbackCategory, Department] = {
    FeedbackCategory.PROCESS_CUMBERSOME: Department.BUSINESS,
    FeedbackCategory.TOO_SLOW: Department.BUSINESS,
    FeedbackCategory.UNNECESSARY_MATERIAL: Department.BUSINESS,
    FeedbackCategory.POLICY_UNCLEAR: Department.POLICY,
    FeedbackCategory.SERVICE_ATTITUDE: Department.SERVICE,
    FeedbackCategory.SYSTEM_PROBLEM: Department.IT,
    FeedbackCategory.OTHER: Department.SERVICE,
}
DEFAULT_ROUTING = Routing(version=0, routes=DEFAULT_ROUTES, set_by=None, set_at=None, note="")


def parse_routes(raw: Mapping[str, Any]) -> dict[FeedbackCategory, Department]:
    """A full map from the admin's input; unknown names are refused, missing ones default."""
    routes = dict(DEFAULT_ROUTES)
    for key, value in raw.items():
        try:
            category = FeedbackCategory(key)
        except ValueError:
            raise DoorstepError(
                ErrorCode.VALIDATION_FAILED, f"不认识的反馈类别：{key}", field="routes"
            ) from None
        try:
            routes[category] = Department(str(value))
        except ValueError:
            raise DoorstepError(
                ErrorCode.VALIDATION_FAILED, f"不认识的科室：{value}", field="routes"
            ) from None
    return routes


def dump_routes(routes: Mapping[FeedbackCategory, Department]) -> str:
    return json.dumps({str(k): str(v) for k, v in routes.items()}, sort_keys=True)


def load_routes(text: str) -> dict[FeedbackCategory, Department]:
    return parse_routes(json.loads(text))


def department_for(routing: Routing, category: FeedbackCategory) -> Department:
    return routing.routes.get(category, DEFAULT_ROUTES[category])
