"""GraphQL of employer links: ``claimEmployerLink`` (signed-in employer) and
``redeemEmployerCode`` (no account: the link plus the one-time code)."""

from __future__ import annotations

import strawberry

from backend.accounts.context import Info
from backend.accounts.graphql import LoginPayload
from backend.cases import reads
from backend.cases.graphql import CaseType
from backend.claims import service


@strawberry.type
class EmployerLinkMutation:
    @strawberry.mutation(
        description="单位经办人用工作人员出示的二维码认领单位登记案件，案件归入本单位"
    )
    async def claim_employer_link(
        self, info: Info, case_id: strawberry.ID, secret: str
    ) -> CaseType:
        case = await service.claim_for_unit(
            info.context.require_user(), reads.parse_id(case_id, "caseId"), secret
        )
        return CaseType.summary(case, masked=True)

    @strawberry.mutation(
        description="没有账号时：二维码加上工作人员告知的一次性验证码，换取仅限此案件的登录"
    )
    async def redeem_employer_code(
        self, info: Info, case_id: strawberry.ID, secret: str, code: str
    ) -> LoginPayload:
        context = info.context
        session = await service.redeem_code(
            reads.parse_id(case_id, "caseId"), secret, code, context.address, context.settings
        )
        return LoginPayload.of(session)
