"""The result of reading one document: the object ``doorstep extract`` prints (less "file")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from backend.documents.checks import Check


def device_reading(output: dict[str, Any]) -> dict[str, Any]:
    """What devices receive about a reading besides fields and checks (the ``document``
    entity of sync/PROTOCOL.md): confidence per field, quality (blurry, glare,
    rotated_degrees, low_resolution, and the measurements behind them) and the
    preprocessing applied to the photo. ``output`` is the JSON of ``ocr_task.read_image``."""
    from backend.documents.calibration import needs_check
    from backend.settings import get_settings

    quality = output.get("quality")
    if isinstance(quality, dict) and output.get("measurements"):
        quality = {**quality, "measurements": output["measurements"]}
    confidence = {k: float(v) for k, v in (output.get("confidence") or {}).items()}
    unread = list(output.get("unread") or [])
    return {
        "confidence": confidence,
        "quality": quality,
        "preprocessing": output.get("preprocessing"),
        # fields staff are asked to check (需核对): below the confidence threshold, or
        # printed but not legible; the PWA highlights exactly these
        "needsCheck": needs_check(confidence, get_settings().confidence_threshold, unread),
        "unread": unread,
    }


@dataclass(frozen=True)
class Quality:
    blurry: bool
    glare: bool
    rotated_degrees: int
    low_resolution: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"blurry": self.blurry, "glare": self.glare,
                "rotated_degrees": self.rotated_degrees,
                "low_resolution": self.low_resolution}


@dataclass
class ExtractionResult:
    type: str | None
    fields: dict[str, str | bool]
    confidence: dict[str, float]
    missing: list[str]
    quality: Quality
    checks: list[Check]
    rows: list[dict[str, Any]] | None = None  # repayment statements: the parsed table
    # Fields printed on the page but not legible (``missing``: not on the page at all).
    unread: list[str] = field(default_factory=list)
    # The engines' own scores behind ``confidence`` (stored for refitting, not printed).
    raw_confidence: dict[str, float] = field(default_factory=dict)
    engine: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    # What was done to the photo before OCR (stored with case documents, not printed).
    preprocessing: dict[str, Any] = field(default_factory=dict)
    # The quality measurements behind blurry/glare/low_resolution (stored, not printed).
    measurements: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "fields": self.fields,
            "confidence": self.confidence,
            "missing": self.missing,
            "unread": self.unread,
            "quality": self.quality.to_json(),
            "checks": [c.to_json() for c in self.checks],
        }
        if self.rows is not None:
            out["rows"] = self.rows
        return out
