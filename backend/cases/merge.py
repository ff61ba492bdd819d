"""Field-by-field merge of a device's edit into the server's case (pure).

Each field remembers the case version and client of its last write (``field_meta``). An
edit changes only the fields it names. When the field was written by someone else since
the editing device last saw the case, the later push still wins, and the value it
overwrote is kept as a conflict record the user can see.

"Since the device last saw the case" is exact when the device sends ``baseVersion`` (the
case version its edit is based on): the field's last write is newer than that. Without
it, any write by another client counts, which may record a conflict the device had in
fact seen: the safe side, since nothing is lost silently.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

MAX_CONFLICTS_KEPT = 50


@dataclass(frozen=True, slots=True)
class Editor:
    username: str
    client_id: str | None
    at: str  # ISO timestamp


@dataclass(frozen=True, slots=True)
class MergeResult:
    fields: dict[str, Any]
    field_meta: dict[str, Any]
    conflicts: list[dict[str, Any]]
    changed: list[str] = field(default_factory=list)
    new_conflicts: list[dict[str, Any]] = field(default_factory=list)


def _overwrites_unseen(last: Mapping[str, Any] | None, editor: Editor, base: int | None) -> bool:
    if not last:
        return False
    if base is not None:
        return int(last.get("v", 0)) > base
    return last.get("c") != editor.client_id


def merge_fields(
    current: Mapping[str, Any],
    field_meta: Mapping[str, Any],
    conflicts: list[dict[str, Any]],
    edit: Mapping[str, Any],
    *,
    new_version: int,
    editor: Editor,
    base_version: int | None = None,
) -> MergeResult:
    fields = dict(current)
    meta = dict(field_meta)
    changed: list[str] = []
    new_conflicts: list[dict[str, Any]] = []
    for key, value in edit.items():
        old = fields.get(key)
        if old == value:
            continue
        last = meta.get(key)
        if old is not None and _overwrites_unseen(last, editor, base_version):
            new_conflicts.append(
                {
                    "field": key,
                    "value": value,
                    "overwritten": old,
                    "overwrittenBy": (last or {}).get("u"),
                    "overwrittenClientId": (last or {}).get("c"),
                    "by": editor.username,
                    "clientId": editor.client_id,
                    "at": editor.at,
                    "version": new_version,
                }
            )
        if value is None:
            fields.pop(key, None)
        else:
            fields[key] = value
        meta[key] = {"v": new_version, "c": editor.client_id, "u": editor.username}
        changed.append(key)
    kept = (conflicts + new_conflicts)[-MAX_CONFLICTS_KEPT:]
    return MergeResult(fields, meta, kept, changed, new_conflicts)
