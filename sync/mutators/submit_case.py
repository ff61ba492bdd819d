"""``submitCase {id}``: draft or returned → submitted, when the required fields are there."""

from __future__ import annotations

from typing import Any

from backend.cases import service
from sync.mutators.args import as_object, only, uuid_arg
from sync.mutators.context import MutationContext


async def submit_case(context: MutationContext, raw: Any) -> None:
    args = as_object(raw)
    only(args, "id")
    await service.submit_case(context.actor, uuid_arg(args, "id"))
