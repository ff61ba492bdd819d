from piccolo.columns import (
    JSON,
    UUID,
    Date,
    ForeignKey,
    Integer,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.columns.base import OnDelete
from piccolo.table import Table


class Article(Table, tablename="kb_article"):
    """One knowledge-base article; its content lives in numbered versions."""

    id = UUID(primary_key=True)
    slug = Varchar(
        length=100, unique=True, help_text="stable key, e.g. withdrawal-07-rent (seeding)"
    )
    published_version = Integer(
        default=0, help_text="the version staff see; 0 until first published"
    )
    created_at = Timestamptz()


class ArticleVersion(Table, tablename="kb_article_version"):
    """A version of an article: a draft until published, then never changed again."""

    id = UUID(primary_key=True)
    article = ForeignKey(references=Article, on_delete=OnDelete.cascade)
    version = Integer(help_text="1, 2, 3… per article; unique with article")
    status = Varchar(length=10, help_text="draft | published")
    title = Varchar(length=200)
    body = Text(help_text="Markdown")
    category = Varchar(length=10, help_text="缴存 | 提取 | 贷款 | 转移 | 其他")
    tags = JSON(default="[]", help_text="list of keywords")
    policy_refs = JSON(default="[]", help_text="list of policy documents cited")
    effective_date = Date(help_text="date from which this version's content applies")
    change_note = Text(default="", help_text="what changed in this version")
    edited_by = UUID(null=True, default=None, help_text="user id of the last editor")
    created_at = Timestamptz()
    updated_at = Timestamptz()
    published_at = Timestamptz(null=True, default=None)
    published_by = UUID(null=True, default=None, help_text="user id of the publisher")
