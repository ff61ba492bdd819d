"""Plain records and vocabularies of consultation and feedback (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Generic, TypeVar
from uuid import UUID

T = TypeVar("T")


class Channel(StrEnum):
    ONLINE = "online"
    HOTLINE = "hotline"
    WINDOW = "window"
    VISIT = "visit"


CHANNEL_NAMES = {
    Channel.ONLINE: "网上咨询",
    Channel.HOTLINE: "热线",
    Channel.WINDOW: "窗口",
    Channel.VISIT: "上门",
}


class ConsultationStatus(StrEnum):
    OPEN = "open"  # waiting in the 在线客服 queue
    IN_PROGRESS = "in_progress"  # taken by a staff member
    ANSWERED = "answered"


class FeedbackCategory(StrEnum):
    PROCESS_CUMBERSOME = "process_cumbersome"
    TOO_SLOW = "too_slow"
    UNNECESSARY_MATERIAL = "unnecessary_material"
    POLICY_UNCLEAR = "policy_unclear"
    SERVICE_ATTITUDE = "service_attitude"
    SYSTEM_PROBLEM = "system_problem"
    OTHER = "other"


CATEGORY_NAMES = {
    FeedbackCategory.PROCESS_CUMBERSOME: "流程繁琐",
    FeedbackCategory.TOO_SLOW: "周期过长",
    FeedbackCategory.UNNECESSARY_MATERIAL: "资料不必要",
    FeedbackCategory.POLICY_UNCLEAR: "政策不理解",
    FeedbackCategory.SERVICE_ATTITUDE: "服务态度",
    FeedbackCategory.SYSTEM_PROBLEM: "系统问题",
    FeedbackCategory.OTHER: "其他",
}


class FeedbackStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"


class Department(StrEnum):
    """The centre's business departments (业务科室) that own feedback queues."""

    BUSINESS = "business"  # 业务管理科（提取、缴存流程）
    POLICY = "policy"  # 政策法规科
    SERVICE = "service"  # 服务监督科（窗口、上门、热线）
    IT = "it"  # 信息科


DEPARTMENT_NAMES = {
    Department.BUSINESS: "业务管理科",
    Department.POLICY: "政策法规科",
    Department.SERVICE: "服务监督科",
    Department.IT: "信息科",
}


class RatedKind(StrEnum):
    VISIT = "visit"
    CONSULTATION = "consultation"


@dataclass(frozen=True, slots=True)
class Citation:
    article_id: UUID
    version: int
    title: str
    passage: str


@dataclass(frozen=True, slots=True)
class ConsultationRecord:
    id: UUID
    channel: Channel
    status: ConsultationStatus
    question: str
    contact: str
    assignee_id: UUID | None
    answer: str
    citation: Citation | None
    knowledge_gap: bool
    answered_by: UUID | None
    created_at: datetime
    answered_at: datetime | None


@dataclass(frozen=True, slots=True)
class Asked:
    """What the member gets back: the record and its ticket (shown once, never stored)."""

    record: ConsultationRecord
    ticket: str


@dataclass(frozen=True, slots=True)
class FeedbackRecord:
    id: UUID
    category: FeedbackCategory
    process: str
    text: str
    channel: Channel
    case_id: UUID | None
    contact: str
    department: Department
    routing_version: int
    status: FeedbackStatus
    response: str
    responded_at: datetime | None
    assignee_id: UUID | None
    filed_by: UUID | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class FeedbackDraft:
    """A feedback item as submitted, before routing."""

    category: FeedbackCategory
    text: str
    channel: Channel
    case_id: UUID | None
    contact: str
    process: str


@dataclass(frozen=True, slots=True)
class Routing:
    version: int  # 0: the built-in default
    routes: dict[FeedbackCategory, Department]
    set_by: UUID | None
    set_at: datetime | None
    note: str


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    end_cursor: str | None
    has_next_page: bool


@dataclass(frozen=True, slots=True)
class DutyShift:
    """One 在线客服 shift of one staff member."""

    id: UUID
    user_id: UUID
    starts_at: datetime
    ends_at: datetime
    set_by: UUID


@dataclass(frozen=True, slots=True)
class DutyState:
    """Who answers the online queue now, and when the next shift begins (for the member)."""

    on_duty: list[DutyShift]
    next_start: datetime | None
