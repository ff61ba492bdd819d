"""The inbox in the sync change log: each entry is an ``inbox`` entity seen only by its owner.

The inbox reaches devices through pull, which works where Web Push cannot (mainland China).
"""

from __future__ import annotations

from typing import Any

from backend.notifications.models import InboxItem
from sync.changelog.audience import Audience
from sync.changelog.storage import NewChange

INBOX_ENTITY = "inbox"


def inbox_data(item: InboxItem) -> dict[str, Any]:
    return {
        "id": str(item.id),
        "kind": item.kind,
        "title": item.title,
        "body": item.body,
        "caseId": str(item.case_id) if item.case_id else None,
        "createdAt": item.created_at.isoformat(),
        "readAt": item.read_at.isoformat() if item.read_at else None,
    }


def inbox_change(item: InboxItem) -> NewChange:
    return NewChange(
        entity=INBOX_ENTITY,
        entity_id=str(item.id),
        op="put",
        version=item.version,
        data=inbox_data(item),
        audience=Audience(users=frozenset({item.user_id})),
    )
