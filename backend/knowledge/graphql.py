"""GraphQL types and resolvers of the knowledge base (parse, call the service, shape)."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from uuid import UUID

import strawberry

from backend.accounts.context import Info
from backend.errors import DoorstepError, ErrorCode
from backend.knowledge import rules, service
from backend.knowledge.models import ArticleContent, ArticleVersionRecord, ArticleView, SearchHit


@strawberry.enum(description="文章版本状态：草稿 / 已发布（已发布的版本不再修改）")
class ArticleStatus(Enum):
    DRAFT = "draft"
    PUBLISHED = "published"


@strawberry.type(name="KnowledgeHit", description="知识库搜索结果")
class KnowledgeHitType:
    id: strawberry.ID
    title: str
    snippet: str = strawberry.field(description="正文摘要（HTML 转义，命中词以 <mark> 标出）")
    version: int
    effective_date: date
    category: str
    score: float = strawberry.field(description="相关度（越大越相关；标题命中总排在前）")

    @classmethod
    def of(cls, hit: SearchHit) -> KnowledgeHitType:
        return cls(
            id=strawberry.ID(str(hit.article_id)),
            title=hit.title,
            snippet=hit.snippet,
            version=hit.version,
            effective_date=hit.effective_date,
            category=str(hit.category),
            score=hit.score,
        )


@strawberry.type(name="ArticleVersionSummary")
class ArticleVersionSummaryType:
    version: int
    status: ArticleStatus
    title: str
    effective_date: date
    change_note: str
    published_at: datetime | None

    @classmethod
    def of(cls, record: ArticleVersionRecord) -> ArticleVersionSummaryType:
        return cls(
            version=record.version,
            status=ArticleStatus(str(record.status)),
            title=record.content.title,
            effective_date=record.content.effective_date,
            change_note=record.content.change_note,
            published_at=record.published_at,
        )


@strawberry.type(name="Article", description="知识库文章的一个版本")
class ArticleType:
    id: strawberry.ID
    slug: str
    version: int
    status: ArticleStatus
    title: str
    body: str = strawberry.field(description="Markdown")
    category: str
    tags: list[str]
    policy_refs: list[str]
    effective_date: date
    change_note: str
    updated_at: datetime
    published_at: datetime | None
    published_version: int = strawberry.field(description="员工当前看到的版本号；0 表示未发布")
    versions: list[ArticleVersionSummaryType]

    @classmethod
    def of(cls, view: ArticleView) -> ArticleType:
        record, content = view.current, view.current.content
        return cls(
            id=strawberry.ID(str(record.article_id)),
            slug=record.slug,
            version=record.version,
            status=ArticleStatus(str(record.status)),
            title=content.title,
            body=content.body,
            category=str(content.category),
            tags=list(content.tags),
            policy_refs=list(content.policy_refs),
            effective_date=content.effective_date,
            change_note=content.change_note,
            updated_at=record.updated_at,
            published_at=record.published_at,
            published_version=view.published_version,
            versions=[ArticleVersionSummaryType.of(v) for v in view.history],
        )


@strawberry.input(description="文章内容（分类：缴存、提取、贷款、转移、其他）")
class ArticleInput:
    title: str
    body: str
    category: str
    effective_date: date
    tags: list[str] = strawberry.field(default_factory=list)
    policy_refs: list[str] = strawberry.field(default_factory=list)
    change_note: str = ""

    def content(self) -> ArticleContent:
        return rules.article_content(
            title=self.title,
            body=self.body,
            category=self.category,
            tags=self.tags,
            policy_refs=self.policy_refs,
            effective_date=self.effective_date,
            change_note=self.change_note,
        )


@strawberry.type(name="ArticleSummary", description="文章列表中的一项（管理员还能看到草稿）")
class ArticleSummaryType:
    id: strawberry.ID
    slug: str
    version: int
    status: ArticleStatus
    title: str
    category: str
    effective_date: date
    updated_at: datetime

    @classmethod
    def of(cls, record: ArticleVersionRecord) -> ArticleSummaryType:
        return cls(
            id=strawberry.ID(str(record.article_id)),
            slug=record.slug,
            version=record.version,
            status=ArticleStatus(str(record.status)),
            title=record.content.title,
            category=str(record.content.category),
            effective_date=record.content.effective_date,
            updated_at=record.updated_at,
        )


def _article_id(value: strawberry.ID) -> UUID:
    try:
        return UUID(str(value))
    except ValueError:
        raise DoorstepError(ErrorCode.NOT_FOUND, "找不到该知识库文章或版本。") from None


@strawberry.type
class KnowledgeQuery:
    @strawberry.field(description="知识库搜索：分词、同义词，标题命中优先，返回高亮摘要")
    async def knowledge_search(
        self, info: Info, query: str, first: int | None = None
    ) -> list[KnowledgeHitType]:
        hits = await service.search(rules.search_query(query), rules.page_size(first))
        return [KnowledgeHitType.of(hit) for hit in hits]

    @strawberry.field(description="文章列表：员工看到已发布版本，管理员还能看到草稿；最近修改的在前")
    async def knowledge_articles(
        self, info: Info, category: str | None = None, first: int | None = None
    ) -> list[ArticleSummaryType]:
        user = info.context.require_user()
        wanted = rules.parse_category(category) if category else None
        records = await service.list_articles(user, wanted, rules.page_size(first, 50, 500))
        return [ArticleSummaryType.of(record) for record in records]

    @strawberry.field(description="读取文章：默认为已发布的当前版本，也可按版本号读取旧版本")
    async def article(
        self, info: Info, id: strawberry.ID, version: int | None = None
    ) -> ArticleType:
        user = info.context.require_user()
        return ArticleType.of(await service.read_article(user, _article_id(id), version))


@strawberry.type
class KnowledgeMutation:
    @strawberry.mutation(description="新建文章（第 1 版草稿）")
    async def create_article(self, info: Info, input: ArticleInput) -> ArticleType:
        user = info.context.require_user()
        return ArticleType.of(await service.create_article(user, input.content()))

    @strawberry.mutation(description="修改文章草稿；文章已发布时新开下一版草稿")
    async def update_article(
        self, info: Info, id: strawberry.ID, input: ArticleInput
    ) -> ArticleType:
        user = info.context.require_user()
        content = input.content()
        return ArticleType.of(await service.update_article(user, _article_id(id), content))

    @strawberry.mutation(description="发布草稿：成为员工看到的版本，此后不可修改")
    async def publish_article(self, info: Info, id: strawberry.ID) -> ArticleType:
        user = info.context.require_user()
        return ArticleType.of(await service.publish_article(user, _article_id(id)))
