"""The device's blur check, as the server computes it (pure; same as the PWA's sharpness.ts).

The device measures the variance of the 4-neighbour Laplacian of the luma (Rec. 601) after
scaling the photo to a 1200 px long side, and asks for a retake below the threshold. The
server computes the same figure on the photo it receives and stores it with the reading's
measurements (``device_sharpness``), so a reviewer sees what the device saw, and the bench
measures how often the device's check and the server's own blur rule agree. Thresholds:
``quality_thresholds.json`` (``device_blur``), read by both.
"""

from __future__ import annotations

import cv2
import numpy as np

from backend.documents.ocr.base import Image
from backend.documents.thresholds import DEVICE_BLUR

LONG_SIDE = int(DEVICE_BLUR["long_side_px"])
THRESHOLD = float(DEVICE_BLUR["laplacian_variance_below"])


def laplacian_variance(luma: np.ndarray) -> float:
    """Variance of the 4-neighbour Laplacian over the inner pixels of a luma image."""
    y = np.asarray(luma, dtype=np.float64)
    if y.shape[0] < 3 or y.shape[1] < 3:
        return 0.0
    lap = y[1:-1, :-2] + y[1:-1, 2:] + y[:-2, 1:-1] + y[2:, 1:-1] - 4 * y[1:-1, 1:-1]
    return float(lap.var())


def device_sharpness(photo: Image) -> float:
    """The figure the device computes for ``photo`` (BGR, as decoded)."""
    h, w = photo.shape[:2]
    scale = LONG_SIDE / max(h, w)
    if scale < 1:
        photo = np.asarray(cv2.resize(photo, (round(w * scale), round(h * scale)),
                                      interpolation=cv2.INTER_AREA), dtype=np.uint8)
    b, g, r = (photo[:, :, i].astype(np.float64) for i in range(3))
    return laplacian_variance(0.299 * r + 0.587 * g + 0.114 * b)


def device_blurry(photo: Image) -> bool:
    return device_sharpness(photo) < THRESHOLD
