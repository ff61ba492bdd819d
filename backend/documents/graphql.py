"""GraphQL of the documents domain: ``ocrQueue``."""

from __future__ import annotations

import strawberry

from backend.accounts.context import Info
from backend.cases.reads import parse_id
from backend.documents import ocr_queue
from backend.documents.models import QueuePlace


@strawberry.type(name="OcrQueuePlace", description="一份材料在识别队列中的位置")
class QueuePlaceType:
    document_id: strawberry.ID
    position: int = strawberry.field(description="0：正在识别；n：排在第 n 位")
    estimated_seconds: int | None = strawberry.field(
        description="按最近的识别速度估计，约多少秒后识别完；最近没有识别记录时为空"
    )

    @classmethod
    def of(cls, place: QueuePlace) -> QueuePlaceType:
        return cls(
            document_id=strawberry.ID(str(place.document_id)),
            position=place.position,
            estimated_seconds=place.estimated_seconds,
        )


@strawberry.type
class DocumentsQuery:
    @strawberry.field(
        description="案件中等待识别的材料：排队位置与预计时间（排在前面的在前；无权查看该案件时为 "
        "FORBIDDEN）"
    )
    async def ocr_queue(self, info: Info, case_id: strawberry.ID) -> list[QueuePlaceType]:
        user = info.context.require_user()
        places = await ocr_queue.case_queue(user, parse_id(case_id, "caseId"))
        return [QueuePlaceType.of(place) for place in places]
