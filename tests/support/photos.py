"""Light on a photographed page, for the quality checks' unit tests (no OCR)."""

from __future__ import annotations

import numpy as np


def with_glare(page: np.ndarray, centre: tuple[int, int], axes: tuple[int, int],
               core: float = 0.9) -> np.ndarray:
    """A specular highlight: light blended towards white, flat at the core, soft at the rim."""
    h, w = page.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    r2 = ((xx - centre[0]) / axes[0]) ** 2 + ((yy - centre[1]) / axes[1]) ** 2
    strength = core * np.exp(-np.maximum(r2 - 0.35, 0) * 1.6)
    out = page.astype(np.float32)
    out += strength[:, :, None] * (255.0 - out)
    return np.asarray(out.clip(0, 255), dtype=np.uint8)
