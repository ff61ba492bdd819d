"""Employer links, the use cases: staff offer one (by sync), an employer claims it.

- ``offer_link``: the staff's tablet pushes the digests of a link it showed (mutator
  ``offerEmployerLink``); it may have been offline when showing it.
- ``claim_for_unit``: a signed-in employer opens the link; the case joins their unit.
- ``redeem_code``: no account; the link and the code read out give a new unit with one
  session, holding only this case.

Until the tablet has synced, the server knows neither the case nor the link: the answer is
``LINK_NOT_SYNCED`` (try again later), the same as for a link that never existed.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import UTC, datetime
from uuid import UUID

from backend.accounts import queries as account_queries
from backend.accounts import service as accounts
from backend.accounts.models import Session, UserRecord
from backend.accounts.roles import Role
from backend.cases import queries
from backend.cases.changes import case_put, document_put
from backend.cases.models import Actor, CaseRecord
from backend.cases.policy import is_link_guest
from backend.cases.service import history, load_case, load_editable
from backend.cases.status import CaseKind
from backend.claims import links
from backend.claims import queries as link_queries
from backend.claims.models import LinkRecord
from backend.documents.queries import device_readings
from backend.errors import DoorstepError, ErrorCode
from backend.settings import Settings
from sync.changelog import changes

GUEST_NAME = "单位经办人（验证码）"
UNNAMED_UNIT = "待登记单位"
_LOCKED = "验证码错误次数过多，此二维码已失效，请让工作人员重新生成。"


def _now() -> datetime:
    return datetime.now(UTC)


async def offer_link(
    actor: Actor, link_id: UUID, case_id: UUID, token_hash: str, code_hash: str
) -> LinkRecord:
    async with changes.write_transaction():
        case = await load_editable(actor, case_id)
        if case.kind != CaseKind.UNIT_REGISTRATION:
            raise DoorstepError(
                ErrorCode.VALIDATION_FAILED, "只有单位登记案件可以生成单位二维码", field="caseId"
            )
        at = _now()
        link = LinkRecord(
            id=link_id,
            case_id=case.id,
            token_hash=token_hash,
            code_hash=code_hash,
            offered_by=actor.user.id,
            offered_at=at,
            expires_at=at + links.LINK_LIFETIME,
            failed_attempts=0,
            claimed_at=None,
            claimed_unit=None,
            claimed_by=None,
        )
        if not await link_queries.insert_link(link):
            raise DoorstepError(ErrorCode.CONFLICT, "该二维码已登记", field="id")
    return link


async def _synced_link(case_id: UUID, secret: str) -> LinkRecord:
    link = await link_queries.link_by_token(links.token_hash(secret))
    if link is None or link.case_id != case_id or await queries.case_by_id(case_id) is None:
        raise DoorstepError(ErrorCode.LINK_NOT_SYNCED, details={"retry": True})
    return link


def _refuse(code: ErrorCode) -> DoorstepError:
    return DoorstepError(code, _LOCKED if code == ErrorCode.TOO_MANY_ATTEMPTS else None)


async def _join(actor: Actor, token_hash: str, unit_id: UUID) -> CaseRecord:
    """The case of the link joins ``unit_id`` (whose employers then see and edit it)."""
    async with changes.write_transaction():
        at = _now()
        link = await link_queries.link_by_token(token_hash)
        if link is None:
            raise DoorstepError(ErrorCode.LINK_NOT_SYNCED, details={"retry": True})
        refusal = links.refusal(link, at, unit_id)
        if refusal is not None:
            raise _refuse(refusal)
        case = await load_case(link.case_id)
        if links.case_taken(case.unit_id, unit_id):
            raise DoorstepError(ErrorCode.LINK_USED)
        if link.claimed_at is None and not await link_queries.mark_claimed(
            link.id, unit_id, actor.user.id, at
        ):
            raise DoorstepError(ErrorCode.LINK_USED)
        if case.unit_id == unit_id:
            return case
        joined = case.next(at, unit_id=unit_id)
        await queries.save_case(joined)
        await queries.insert_history(history(actor, joined, "employer_claim", case.status))
        documents = await queries.documents_of([case.id])
        readings = await device_readings([d.id for d in documents])  # a put replaces it all
        await changes.record(
            [case_put(joined)] + [document_put(d, joined, readings.get(d.id)) for d in documents],
            at,
        )
    return joined


async def claim_for_unit(user: UserRecord, case_id: UUID, secret: str) -> CaseRecord:
    if user.role != Role.EMPLOYER or user.unit_id is None or is_link_guest(user):
        raise DoorstepError(ErrorCode.FORBIDDEN)
    link = await _synced_link(case_id, secret)
    return await _join(Actor(user), link.token_hash, user.unit_id)


async def redeem_code(
    case_id: UUID, secret: str, code: str, address: str, settings: Settings
) -> Session:
    """Single use: the first right code wins; wrong codes are counted and lock the link."""
    link = await _synced_link(case_id, secret)
    refusal = links.refusal(link, _now(), None)
    if refusal is not None:
        raise _refuse(refusal)
    if not links.code_matches(link, secret, code):
        failures = await link_queries.count_failure(link.id)  # kept: outside a transaction
        left = links.attempts_left(failures)
        if left == 0:
            raise _refuse(ErrorCode.TOO_MANY_ATTEMPTS)
        raise DoorstepError(
            ErrorCode.LINK_CODE_WRONG,
            f"验证码不正确，还可以再试 {left} 次。",
            field="code",
            details={"attemptsLeft": left},
        )
    username = links.guest_username(link.id)
    password = secrets.token_urlsafe(32)  # never shown: the session below is the only way in
    async with changes.write_transaction():
        case = await load_case(case_id)
        if case.unit_id is not None:
            raise DoorstepError(ErrorCode.LINK_USED)
        unit_id, user_id = uuid.uuid4(), uuid.uuid4()
        name = case.fields.get("unit_name")
        unit_name = name[:200] if isinstance(name, str) and name else UNNAMED_UNIT
        await account_queries.ensure_unit(unit_id, unit_name, None)
        if not await accounts.create_user(
            username, password, GUEST_NAME, Role.EMPLOYER, unit_id=unit_id, user_id=user_id
        ):
            raise DoorstepError(ErrorCode.LINK_USED)
        guest = await accounts.get_user(user_id)
        if guest is None:
            raise DoorstepError(ErrorCode.LINK_USED)
        await _join(Actor(guest), link.token_hash, unit_id)
    return await accounts.log_in(username, password, address, settings)
