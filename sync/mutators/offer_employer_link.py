"""``offerEmployerLink {id, caseId, tokenHash, codeHash}``: a QR link staff showed on site.

The tablet keeps the link's secret and one-time code; it sends only their SHA-256 digests
(``backend.claims.links``). Pushed after the case's ``createCase``, so the server learns the
link when it learns the case.
"""

from __future__ import annotations

from typing import Any

from backend.claims import service as claims
from sync.mutators.args import as_object, only, sha256_arg, uuid_arg
from sync.mutators.context import MutationContext


async def offer_employer_link(context: MutationContext, raw: Any) -> None:
    args = as_object(raw)
    only(args, "id", "caseId", "tokenHash", "codeHash")
    await claims.offer_link(
        context.actor,
        uuid_arg(args, "id"),
        uuid_arg(args, "caseId"),
        sha256_arg(args, "tokenHash"),
        sha256_arg(args, "codeHash"),
    )
