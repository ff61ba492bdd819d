"""``createCase {id, kind, fields}``"""

from __future__ import annotations

from typing import Any

from backend.cases import service
from backend.cases.fields import parse_kind
from sync.mutators.args import as_object, fields_arg, only, uuid_arg
from sync.mutators.context import MutationContext


async def create_case(context: MutationContext, raw: Any) -> None:
    args = as_object(raw)
    only(args, "id", "kind", "fields")
    await service.create_case(
        context.actor, uuid_arg(args, "id"), parse_kind(args.get("kind")), fields_arg(args)
    )
