"""``updateCase {id, fields, baseVersion?}``: only the fields given change.

``baseVersion`` (optional, protocol 1) is the case version the device's edit is based
on; with it, conflicts are detected exactly (see PROTOCOL.md). An edit that changes a value
read from a document is recorded as a correction in the same transaction
(backend/corrections).
"""

from __future__ import annotations

from typing import Any

from backend.corrections import service
from sync.mutators.args import as_object, fields_arg, only, optional_int, uuid_arg
from sync.mutators.context import MutationContext


async def update_case(context: MutationContext, raw: Any) -> None:
    args = as_object(raw)
    only(args, "id", "fields", "baseVersion")
    await service.update_case(
        context.actor,
        uuid_arg(args, "id"),
        fields_arg(args),
        base_version=optional_int(args, "baseVersion"),
    )
