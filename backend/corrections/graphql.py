"""GraphQL of the corrections domain: correctionRates (the dashboard's accuracy figure)."""

from __future__ import annotations

import strawberry

from backend.accounts.context import Info
from backend.corrections.models import CorrectionRate
from backend.corrections.service import rates
from backend.documents.checks import label


@strawberry.type(description="某类材料某个字段的识别更正率（外勤人员修改识别值的比例）")
class CorrectionRateType:
    doc_type: str
    field: str
    field_label: str = strawberry.field(description="字段的中文名")
    read: int = strawberry.field(description="识别出的值的个数")
    corrected: int = strawberry.field(description="被工作人员更正的个数")
    corrected_unflagged: int = strawberry.field(
        description="其中识别时未标为“需核对”（置信度不低于阈值）的个数"
    )
    rate: float = strawberry.field(description="更正数 / 识别数")

    @classmethod
    def of(cls, row: CorrectionRate) -> CorrectionRateType:
        return cls(doc_type=row.doc_type, field=row.field, field_label=label(row.field),
                   read=row.read,
                   corrected=row.corrected, corrected_unflagged=row.corrected_unflagged,
                   rate=row.rate)


@strawberry.type
class CorrectionsQuery:
    # strawberry's decorators return Any (pyproject exempts modules named "graphql" only).
    @strawberry.field(description="按材料类型和字段的识别更正率（主管、管理员）")
    async def correction_rates(self, info: Info) -> list[CorrectionRateType]:
        return [CorrectionRateType.of(row) for row in await rates(info.context.require_user())]
