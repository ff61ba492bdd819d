"""Lists of plain objects take the short path and answer exactly as graphql-core does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.scalars import JSON

from backend.graphql import execution
from backend.graphql.execution import PlainListExecutionContext


@strawberry.type
class Owner:
    name: str


@strawberry.type
class Item:
    entity: str
    id: strawberry.ID
    version: int
    data: JSON | None
    note: str | None = None

    @strawberry.field
    def owner(self) -> Owner:
        return Owner(name=f"owner of {self.id}")

    @strawberry.field
    def shout(self, times: int = 1) -> str:
        return self.entity.upper() * times


ITEMS = [Item(entity="case", id=strawberry.ID(str(n)), version=n, data={"n": [n, "二"]})
         for n in range(3)]


@strawberry.type
class Query:
    @strawberry.field
    async def items(self) -> list[Item]:
        return ITEMS

    @strawberry.field
    def maybe(self) -> list[Item | None]:
        return [ITEMS[0], None]

    @strawberry.field
    def broken(self) -> list[Item]:
        return [ITEMS[0], Item(entity=None, id=strawberry.ID("x"), version=1, data=None)]  # type: ignore[arg-type]


class RootOnly(SchemaExtension):
    root_fields_only = True

    def resolve(self, _next: Callable[..., Any], root: Any, info: Any, *a: Any, **k: Any) -> Any:
        return _next(root, info, *a, **k)


class Everywhere(SchemaExtension):
    """Upper-cases every string: a middleware the short path must not skip."""

    def resolve(self, _next: Callable[..., Any], root: Any, info: Any, *a: Any, **k: Any) -> Any:
        value = _next(root, info, *a, **k)
        return value.upper() if isinstance(value, str) else value


QUERIES = [
    "{ items { entity id version data note } }",
    "{ items { a: entity __typename id b: id } }",
    "{ items { ...F } } fragment F on Item { entity version }",
    "{ items { entity @skip(if: true) id version @include(if: false) data } }",
    "{ items { entity owner { name } } }",
    "{ items { shout(times: 2) id } }",
    "{ maybe { id } }",
    "{ broken { entity id } }",
]


def _schema(context: type | None, extension: type[SchemaExtension] = RootOnly) -> strawberry.Schema:
    return strawberry.Schema(query=Query, extensions=[extension],
                             execution_context_class=context)


async def _run(schema: strawberry.Schema, query: str) -> tuple[Any, list[str]]:
    result = await schema.execute(query)
    return result.data, [f"{e.message} at {e.path}" for e in result.errors or []]


@pytest.mark.parametrize("query", QUERIES)
async def test_answers_as_graphql_core_does(query: str) -> None:
    assert await _run(_schema(PlainListExecutionContext), query) == await _run(
        _schema(None), query
    )


@pytest.mark.parametrize("query", QUERIES[:2])
async def test_a_middleware_on_every_field_is_never_skipped(query: str) -> None:
    ours = await _run(_schema(PlainListExecutionContext, Everywhere), query)
    assert ours == await _run(_schema(None, Everywhere), query)
    assert ours[0]["items"][0]["entity" if "note" in query else "a"] == "CASE"


async def test_plain_lists_skip_the_per_field_path(monkeypatch: pytest.MonkeyPatch) -> None:
    completed: list[int] = []
    original = execution._complete

    def counted(items: Any, *args: Any) -> list[Any]:
        completed.append(len(items))
        return original(items, *args)

    monkeypatch.setattr(execution, "_complete", counted)
    schema = _schema(PlainListExecutionContext)
    await _run(schema, QUERIES[0])
    await _run(schema, QUERIES[4])  # a nested object: graphql-core's path
    assert completed == [3]
