"""The server computes the device's blur figure exactly as the PWA does, from the same
thresholds file (pwa/tests/unit/staff/sharpness.spec.ts checks the same reference figure)."""

from __future__ import annotations

import numpy as np

from backend.documents import quality
from backend.documents.sharpness import THRESHOLD, device_blurry, laplacian_variance
from backend.documents.thresholds import BLUR, DEVICE_BLUR


def test_the_reference_figure_of_the_thresholds_file_is_what_the_server_computes() -> None:
    ref = DEVICE_BLUR["reference"]
    luma = np.array([[float(((x * 37 + y * 91) % 256) ^ (((x * y) % 7) * 16))
                      for x in range(ref["width"])] for y in range(ref["height"])])
    assert abs(laplacian_variance(luma) - ref["laplacian_variance"]) < 0.01


def test_server_rules_read_the_same_file() -> None:
    assert BLUR["softness_at_least"] == quality.SOFTNESS_THRESHOLD
    assert DEVICE_BLUR["laplacian_variance_below"] == THRESHOLD


def test_a_flat_photo_is_too_blurred_and_sharp_strokes_are_not() -> None:
    flat = np.full((300, 400, 3), 200, np.uint8)
    strokes = flat.copy()
    strokes[:, ::8] = 0
    assert device_blurry(flat)
    assert not device_blurry(strokes)
