"""``attachDocument {caseId, documentId, sha256, docType}``"""

from __future__ import annotations

from typing import Any

from backend.cases import service
from sync.mutators.args import as_object, only, optional_str, sha256_arg, uuid_arg
from sync.mutators.context import MutationContext


async def attach_document(context: MutationContext, raw: Any) -> None:
    args = as_object(raw)
    only(args, "caseId", "documentId", "sha256", "docType")
    await service.attach_document(
        context.actor,
        uuid_arg(args, "caseId"),
        uuid_arg(args, "documentId"),
        sha256_arg(args),
        optional_str(args, "docType"),
    )
