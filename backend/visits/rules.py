"""Pure rules of visits: the request's fields, dates, slots and the outcome's effect."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from enum import StrEnum

from backend.centre import CENTRE_TIMEZONE
from backend.errors import DoorstepError, ErrorCode

LOCAL_TZ = CENTRE_TIMEZONE
KINDS = ("withdrawal", "unit_registration")
SLOTS = {"am": "上午 9:00–12:00", "pm": "下午 14:00–17:30"}
SLOT_CAPACITY = 4  # visits one worker can make in one slot
DAY_CAPACITY = 2 * SLOT_CAPACITY
MAX_LENGTHS = {"name": 100, "address": 200, "note": 500}

_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}\d{7,8}")


class VisitStatus(StrEnum):
    REQUESTED = "requested"
    SCHEDULED = "scheduled"
    DONE = "done"
    MISSED = "missed"
    CANCELLED = "cancelled"


STATUS_LABELS = {
    VisitStatus.REQUESTED: "待安排",
    VisitStatus.SCHEDULED: "已安排",
    VisitStatus.DONE: "已上门",
    VisitStatus.MISSED: "未遇到",
    VisitStatus.CANCELLED: "已取消",
}
OPEN = frozenset({VisitStatus.REQUESTED, VisitStatus.SCHEDULED})


class Outcome(StrEnum):
    DONE = "done"
    NOT_HOME = "not_home"
    RESCHEDULED = "rescheduled"
    REFUSED = "refused"


OUTCOME_STATUS = {
    Outcome.DONE: VisitStatus.DONE,
    Outcome.NOT_HOME: VisitStatus.MISSED,
    Outcome.RESCHEDULED: VisitStatus.REQUESTED,  # back to dispatch for a new date
    Outcome.REFUSED: VisitStatus.CANCELLED,
}


def invalid(field: str, message: str) -> DoorstepError:
    return DoorstepError(ErrorCode.VALIDATION_FAILED, message, field=field)


def today(now: datetime | None = None) -> date:
    """The centre's calendar day (China Standard Time)."""
    return (now or datetime.now(UTC)).astimezone(LOCAL_TZ).date()


def clean_phone(raw: str) -> str:
    """A mainland mobile (11 digits) or a landline with area code; spaces, dashes and a
    +86 prefix are dropped. Anything else is refused with a message saying what fits."""
    digits = re.sub(r"[\s\-()（）]", "", raw or "")
    if digits.startswith("+86"):
        digits = digits[3:]
    if _MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits):
        return digits
    raise invalid("phone", "电话号码格式不正确：请填写 11 位手机号，或带区号的固定电话")


def clean_text(field: str, raw: str | None, *, required: bool, label: str) -> str:
    value = " ".join((raw or "").split())
    if required and not value:
        raise invalid(field, f"请填写{label}")
    if len(value) > MAX_LENGTHS[field]:
        raise invalid(field, f"{label}不能超过 {MAX_LENGTHS[field]} 个字")
    return value


def clean_kind(raw: str) -> str:
    if raw not in KINDS:
        raise invalid("kind", "业务类型应为 withdrawal（提取）或 unit_registration（单位缴存登记）")
    return raw


def not_in_past(field: str, day: date | None, now: datetime | None = None) -> None:
    if day is not None and day < today(now):
        raise DoorstepError(
            ErrorCode.VISIT_DATE_IN_PAST,
            f"日期 {day.isoformat()} 已过，请选择今天或以后的日期",
            field=field,
        )


def clean_slot(raw: str | None) -> str | None:
    if raw is None or raw == "":
        return None
    if raw not in SLOTS:
        raise invalid("slot", "时段应为 am（上午）或 pm（下午）")
    return raw


def check_capacity(slot: str | None, taken_in_slot: int, taken_in_day: int) -> None:
    """``taken_*``: the worker's other open visits that day (and slot)."""
    if slot is not None and taken_in_slot >= SLOT_CAPACITY:
        raise DoorstepError(
            ErrorCode.VISIT_SLOT_FULL,
            f"该人员{SLOTS[slot][:2]}已约满 {SLOT_CAPACITY} 户",
            field="slot",
        )
    if taken_in_day >= DAY_CAPACITY:
        raise DoorstepError(
            ErrorCode.VISIT_SLOT_FULL, f"该人员当天已约满 {DAY_CAPACITY} 户", field="date"
        )


def clean_outcome(raw: object) -> Outcome:
    try:
        return Outcome(str(raw))
    except ValueError:
        raise invalid("outcome", "outcome 应为 done、not_home、rescheduled 或 refused") from None


def day_order_key(slot: str | None, created_at: datetime) -> tuple[int, datetime]:
    """Order of a day's visits: morning, afternoon, then those without a slot."""
    return ({"am": 0, "pm": 1}.get(slot or "", 2), created_at)


def case_fields_from_visit(kind: str, name: str, phone: str, address: str) -> dict[str, str]:
    """The case fields a visit's request fills (its kind's keys; landlines are not a case
    ``phone``, which is a mobile number)."""
    mobile = phone if _MOBILE.fullmatch(phone) else None
    if kind == "unit_registration":
        fields = {"unit_name": name, "unit_address": address, "contact_phone": mobile}
    else:
        fields = {"name": name, "address": address, "phone": mobile}
    return {key: value for key, value in fields.items() if value}


def clean_location(raw: object) -> dict[str, float] | None:
    """``{lat, lng, accuracy?}`` given with the person's permission, or null."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise invalid("location", "location 应为 {lat, lng, accuracy} 或 null")
    out: dict[str, float] = {}
    for key, low, high in (("lat", -90.0, 90.0), ("lng", -180.0, 180.0), ("accuracy", 0.0, 1e5)):
        value = raw.get(key)
        if value is None and key == "accuracy":
            continue
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not low <= value <= high
        ):
            raise invalid("location", f"location.{key} 不正确")
        out[key] = float(value)
    if set(raw) - {"lat", "lng", "accuracy"}:
        raise invalid("location", "location 只能有 lat、lng、accuracy")
    return out


def clean_moment(field: str, raw: object, now: datetime) -> datetime:
    """A device's ISO 8601 time with offset; not more than 10 minutes in the future."""
    if not isinstance(raw, str):
        raise invalid(field, f"{field} 应为 ISO 8601 时间")
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise invalid(field, f"{field} 应为 ISO 8601 时间") from None
    if moment.tzinfo is None:
        raise invalid(field, f"{field} 需要带时区")
    if (moment - now).total_seconds() > 600:
        raise invalid(field, f"{field} 不能晚于现在")
    return moment
