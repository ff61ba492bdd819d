"""GraphQL of training (spec section 6): drills, finishing them, the training record,
policy checks; plus making drills and the supervisors' analysis."""

from __future__ import annotations

from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from backend.accounts.context import Info
from backend.accounts.graphql import UserType
from backend.cases.models import Actor
from backend.errors import DoorstepError, ErrorCode
from backend.training import analysis_service, drills, policy_checks, service
from backend.training.graphql_types import (
    AcknowledgementType,
    AcknowledgeResult,
    AttemptType,
    ChangeLine,
    DrillResult,
    DrillType,
    MissCountType,
    PolicyCheckStatus,
    PolicyCheckType,
    PolicyQuestion,
    StartedDrill,
    TrainingRecordType,
)


def parse_id(value: str, field: str = "id") -> UUID:
    try:
        return UUID(str(value))
    except ValueError:
        raise DoorstepError(ErrorCode.VALIDATION_FAILED, "编号格式无效", field=field) from None


@strawberry.type
class TrainingQuery:
    @strawberry.field(description="本人可练习的演练（模拟演练）")
    async def drills(self, info: Info, first: int | None = None) -> list[DrillType]:
        found = await service.list_drills(info.context.require_user(), first)
        return [DrillType.of(d) for d in found]

    @strawberry.field(description="培训记录：演练成绩与政策必知确认（默认本人；主管可查本组）")
    async def training_record(
        self, info: Info, user_id: strawberry.ID | None = None
    ) -> TrainingRecordType:
        user = info.context.require_user()
        target = parse_id(user_id, "userId") if user_id is not None else None
        attempts, acks = await service.training_record(user, target)
        titles = await analysis_service.drill_titles([a.drill_id for a in attempts])
        slugs = {m.article_slug for a in attempts for m in a.missed if m.article_slug}
        articles = await service.article_ids(slugs)
        return TrainingRecordType(
            attempts=[AttemptType.of(a, titles.get(a.drill_id, ""), articles) for a in attempts],
            acknowledgements=[AcknowledgementType.of(a) for a in acks],
        )

    @strawberry.field(description="案例分析：每人、每个主题最常遗漏的规则（主管：本组）")
    async def drill_analysis(self, info: Info) -> list[MissCountType]:
        rows, users = await analysis_service.analysis(info.context.require_user())
        shown = {u.id: UserType.of(u) for u in users}
        return [MissCountType.of(row, shown) for row in rows]

    @strawberry.field(description="政策必知：需要确认的文章版本及其与上一版的差异")
    async def policy_checks(self, info: Info) -> list[PolicyCheckType]:
        pending = await policy_checks.pending_checks(info.context.require_user())
        return [
            PolicyCheckType(
                article_id=strawberry.ID(str(p.check.article_id)), version=p.check.version,
                title=p.title, due_days=p.check.due_days, required_at=p.check.required_at,
                questions=[PolicyQuestion(question=q["question"], options=q["options"])
                           for q in p.check.questions],
                changes=[ChangeLine.of(line) for line in p.changes],
                acknowledged_at=p.acknowledged.at if p.acknowledged else None,
                passed=p.acknowledged.passed if p.acknowledged else None,
            )
            for p in pending
        ]

    @strawberry.field(description="谁尚未确认文章的现行版本（主管：本组；管理员：全部）")
    async def policy_check_status(self, info: Info, article_id: strawberry.ID) -> PolicyCheckStatus:
        version, users = await policy_checks.unacknowledged(
            info.context.require_user(), parse_id(article_id, "articleId")
        )
        return PolicyCheckStatus(version=version, unacknowledged=[UserType.of(u) for u in users])


@strawberry.type
class TrainingMutation:
    @strawberry.mutation(description="开始演练：生成一个练习案件（像真实案件一样填写、同步）")
    async def start_drill(self, info: Info, id: strawberry.ID) -> StartedDrill:
        actor = Actor(info.context.require_user(), info.context.device_id)
        attempt = await service.start_drill(actor, parse_id(id))
        return StartedDrill(
            attempt_id=strawberry.ID(str(attempt.id)), case_id=strawberry.ID(str(attempt.case_id))
        )

    @strawberry.mutation(description="完成演练：按答案评分，列出遗漏项及其依据")
    async def finish_drill(self, info: Info, attempt_id: strawberry.ID) -> DrillResult:
        attempt, articles = await service.finish_drill(
            info.context.require_user(), parse_id(attempt_id, "attemptId")
        )
        return DrillResult.of(attempt, articles)

    @strawberry.mutation(description="确认已阅读政策必知文章（可附答题）")
    async def acknowledge_article(
        self, info: Info, id: strawberry.ID, version: int, answers: JSON | None = None
    ) -> AcknowledgeResult:
        ack = await policy_checks.acknowledge(
            info.context.require_user(), parse_id(id), version, answers
        )
        return AcknowledgeResult(passed=ack.passed)

    @strawberry.mutation(description="把文章的某一版设为政策必知，通知全部工作人员确认")
    async def require_policy_check(
        self, info: Info, article_id: strawberry.ID, version: int,
        questions: JSON | None = None, due_days: int = 7,
    ) -> PolicyCheckType:
        user = info.context.require_user()
        check = await policy_checks.require_policy_check(
            user, parse_id(article_id, "articleId"), version, questions, due_days
        )
        return PolicyCheckType(
            article_id=strawberry.ID(str(check.article_id)), version=check.version, title="",
            due_days=check.due_days, required_at=check.required_at,
            questions=[PolicyQuestion(question=q["question"], options=q["options"])
                       for q in check.questions],
            changes=[], acknowledged_at=None, passed=None,
        )

    @strawberry.mutation(description="把已审核的真实案件改编为演练（个人信息全部替换，照片重新生成）")
    async def promote_case_to_drill(
        self, info: Info, case_id: strawberry.ID, title: str | None = None
    ) -> DrillType:
        user = info.context.require_user()
        drill = await drills.promote_case(user, parse_id(case_id, "caseId"), title)
        return DrillType.of(drill)

    @strawberry.mutation(description="培训人员编写演练：选择要设置的风险，材料照片自动生成")
    async def create_drill(
        self, info: Info, title: str, risks: list[str], brief: str | None = None
    ) -> DrillType:
        drill = await drills.author_drill(info.context.require_user(), title, risks, brief)
        return DrillType.of(drill)

