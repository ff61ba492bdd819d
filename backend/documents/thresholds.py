"""Photo quality thresholds from ``quality_thresholds.json``: the one file the server's rules
(quality.py) and the device's check before upload (pwa/src/features/staff/sharpness.ts,
which imports the same file) read, so both mean the same by "too blurred"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

PATH = Path(__file__).with_name("quality_thresholds.json")
THRESHOLDS: dict[str, Any] = json.loads(PATH.read_text(encoding="utf-8"))
BLUR: dict[str, float] = THRESHOLDS["blur"]
GLARE: dict[str, float] = THRESHOLDS["glare"]
HIGHLIGHT: dict[str, float] = THRESHOLDS["glare"]["highlight"]
FADE_GRADIENT: dict[str, float] = THRESHOLDS["glare"]["gradient"]
RESOLUTION: dict[str, float] = THRESHOLDS["resolution"]
DEVICE_BLUR: dict[str, Any] = THRESHOLDS["device_blur"]
