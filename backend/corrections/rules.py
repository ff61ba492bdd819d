"""Which edit of a case field corrects a value read from a document, the correction rates,
and the export in the fixtures' truth format (pure).

A case field edit corrects a reading when the field showed the value read (it was filled
from the document, or staff had typed the same) or an earlier correction of it exists, and
the new value differs from what was read. Putting the value read back withdraws the
correction; clearing the field leaves things as they were (the person is still typing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

from backend.corrections.models import Correction, CorrectionRate, ReadDocument, correction_id

Normalise = Callable[[str, str], str | None]  # case key, value → the case's form (None: invalid)


@dataclass(frozen=True, slots=True)
class Editor:
    user_id: UUID
    name: str
    at: datetime


@dataclass
class Plan:
    save: list[Correction] = field(default_factory=list)
    withdraw: list[UUID] = field(default_factory=list)  # correction ids


def _same(a: str | None, b: str | None) -> bool:
    def squash(v: str | None) -> str:
        return "".join((v or "").split()).upper()

    return squash(a) == squash(b)


def plan_corrections(
    *, case_id: UUID, field_map: Mapping[str, Mapping[str, str]],
    before: Mapping[str, str], after: Mapping[str, str], changed: Iterable[str],
    readings: Sequence[ReadDocument], existing: Mapping[UUID, Correction],
    normalise: Normalise, threshold: float, editor: Editor,
) -> Plan:
    """What to record for one case edit. ``field_map``: document type → {document field:
    case field} for the case's kind; ``changed``: the case fields the edit changed."""
    plan = Plan()
    for case_key in changed:
        new = after.get(case_key) or ""
        for reading in readings:
            for doc_key, target in field_map.get(reading.doc_type, {}).items():
                raw = reading.fields.get(doc_key)
                if target != case_key or not isinstance(raw, str) or not raw.strip():
                    continue
                read = normalise(case_key, raw.strip()) or raw.strip()
                cid = correction_id(reading.document_id, doc_key)
                showed_read = _same(before.get(case_key), read)
                if not (showed_read or cid in existing) or not new:
                    continue
                if _same(new, read):
                    if cid in existing:
                        plan.withdraw.append(cid)
                    continue
                confidence = reading.confidence.get(doc_key)
                plan.save.append(Correction(
                    document_id=reading.document_id, case_id=case_id,
                    doc_type=reading.doc_type, field=doc_key, case_field=case_key,
                    read_value=raw.strip(), corrected_value=new, confidence=confidence,
                    flagged=confidence is not None and confidence < threshold,
                    corrected_by=editor.user_id, corrected_by_name=editor.name,
                    corrected_at=editor.at))
    return plan


def correction_rates(
    read_counts: Mapping[tuple[str, str], int], corrections: Iterable[Correction],
) -> list[CorrectionRate]:
    """One row per (type, field) read at least once, sorted by type then field."""
    corrected: dict[tuple[str, str], list[Correction]] = {}
    for c in corrections:
        corrected.setdefault((c.doc_type, c.field), []).append(c)
    keys = sorted(set(read_counts) | set(corrected))
    return [CorrectionRate(doc_type, name, max(read_counts.get((doc_type, name), 0),
                                               len(corrected.get((doc_type, name), []))),
                           len(corrected.get((doc_type, name), [])),
                           sum(1 for c in corrected.get((doc_type, name), []) if not c.flagged))
            for doc_type, name in keys]


def truth_line(reading: ReadDocument, corrections: Sequence[Correction], file: str,
               ) -> dict[str, Any]:
    """One line of ``truth.jsonl`` (fixtures' format): the values read, with staff's
    corrections applied, as the truth of the photo ``file``. ``variant`` says where it
    came from (not an input for extraction)."""
    fields = dict(reading.fields)
    for c in corrections:
        fields[c.field] = c.corrected_value
    quality = reading.result.get("quality") or {}
    line: dict[str, Any] = {
        "file": file,
        "type": reading.doc_type,
        "fields": fields,
        "missing": list(reading.result.get("missing") or []),
        "quality": {"blurry": bool(quality.get("blurry")),
                    "rotated_degrees": int(quality.get("rotated_degrees") or 0),
                    "glare": bool(quality.get("glare"))},
        "variant": {"name": "staff_correction", "document_id": str(reading.document_id),
                    "sha256": reading.sha256,
                    "corrected": sorted(c.field for c in corrections)},
    }
    if reading.result.get("rows") is not None:
        line["rows"] = reading.result["rows"]
    return line
