"""Lists of plain objects completed in one pass (a pull page: 1,000 ``Change`` objects).

graphql-core completes a list item by item and field by field: for each leaf it builds a
resolve info, runs every middleware and strawberry's resolver wrapper, and checks
nullability, about ten calls per leaf. A pull page has 5,000 leaves, and that was half
of the pull's CPU. When every selected field of the item type is a plain attribute
(strawberry's basic field: no resolver, no arguments, no field extensions) and nothing is
deferred or streamed, reading the attributes and coercing them as graphql-core would gives
the same answer; that is what :class:`PlainListExecutionContext` does.

Anything else, and any value the short path would not answer exactly as graphql-core does
(null in a non-null field, an exception, an awaitable, a value the scalar cannot coerce),
goes down graphql-core's own path for the whole list, so errors read as before. Reading
attributes has no effect, so starting again costs nothing but time.

Middleware is skipped on the short path, so it is taken only when every middleware says
it acts on root fields alone (``root_fields_only = True``, as the access policy does).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLScalarType,
    Undefined,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

# One selected leaf: response key, attribute name (None: __typename), coercion, nullable.
_Leaf = tuple[str, str | None, Callable[[Any], Any] | None, bool]
# Values of these types are neither exceptions nor awaitables: no need to ask.
_BUILTIN = frozenset({str, int, float, bool, dict, list})


class _NotPlainError(Exception):
    """A value the short path does not answer exactly as graphql-core would."""


def _leaves(
    context: PlainListExecutionContext,
    object_type: GraphQLObjectType,
    field_details_list: FieldDetailsList,
) -> tuple[_Leaf, ...] | None:
    grouped, new_defer_usages, *_ = context.collect_subfields(object_type, field_details_list)
    if new_defer_usages:
        return None
    leaves: list[_Leaf] = []
    for key, details in grouped.items():
        node = details[0].node
        name = node.name.value
        if name == "__typename":
            leaves.append((key, None, None, False))
            continue
        if any(detail.node.arguments or detail.node.selection_set for detail in details):
            return None
        field_def = object_type.fields.get(name)
        if field_def is None:
            return None
        definition = field_def.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
        if not (
            isinstance(definition, StrawberryField)
            and definition.is_basic_field
            and definition.default_resolver is getattr
            and getattr(field_def.resolve, "_is_default", False)
        ):
            return None
        leaf_type: GraphQLOutputType = field_def.type
        nullable = not isinstance(leaf_type, GraphQLNonNull)
        if isinstance(leaf_type, GraphQLNonNull):
            leaf_type = leaf_type.of_type
        if not isinstance(leaf_type, GraphQLScalarType | GraphQLEnumType):
            return None
        leaves.append((key, definition.python_name, leaf_type.coerce_output_value, nullable))
    return tuple(leaves)


def _complete(
    items: list[Any] | tuple[Any, ...],
    type_name: str,
    leaves: tuple[_Leaf, ...],
    items_nullable: bool,
    is_awaitable: Callable[[Any], bool],
) -> list[Any]:
    completed: list[Any] = []
    for item in items:
        if item is None:
            if not items_nullable:
                raise _NotPlainError
            completed.append(None)
            continue
        row: dict[str, Any] = {}
        for key, attribute, coerce, nullable in leaves:
            if attribute is None:
                row[key] = type_name
                continue
            value = getattr(item, attribute)
            if value is None:
                if not nullable:
                    raise _NotPlainError
                row[key] = None
                continue
            if type(value) not in _BUILTIN and (
                isinstance(value, Exception) or is_awaitable(value)
            ):
                raise _NotPlainError  # graphql-core raises the one, awaits the other
            coerced = coerce(value)  # type: ignore[misc]
            if coerced is None or coerced is Undefined:
                raise _NotPlainError
            row[key] = coerced
        completed.append(row)
    return completed


class PlainListExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """strawberry's execution context, with the short path for lists of plain objects."""

    def _plain_plan(
        self, item_type: GraphQLOutputType, field_details_list: FieldDetailsList
    ) -> tuple[GraphQLObjectType, tuple[_Leaf, ...], bool] | None:
        items_nullable = not isinstance(item_type, GraphQLNonNull)
        object_type = item_type if items_nullable else item_type.of_type  # type: ignore[union-attr]
        if not isinstance(object_type, GraphQLObjectType) or object_type.is_type_of is not None:
            return None
        manager = self.middleware_manager
        if manager is not None and not all(
            getattr(middleware, "root_fields_only", False) for middleware in manager.middlewares
        ):
            return None
        leaves = _leaves(self, object_type, field_details_list)
        return None if leaves is None else (object_type, leaves, items_nullable)

    def complete_list_value(
        self,
        return_type: GraphQLList[GraphQLOutputType],
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        if (
            isinstance(result, list | tuple)
            and position_context is None
            and not self.get_stream_usage(field_details_list, path)
        ):
            plan = self._plain_plan(return_type.of_type, field_details_list)
            if plan is not None:
                object_type, leaves, items_nullable = plan
                try:
                    return _complete(result, object_type.name, leaves, items_nullable,
                                     self.is_awaitable)
                except Exception:  # noqa: S110  (graphql-core's path below reports it)
                    pass
        return super().complete_list_value(
            return_type, field_details_list, info, path, result, position_context
        )
