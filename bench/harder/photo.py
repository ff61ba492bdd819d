"""Photo conditions applied to a rendered page: skew, perspective, shadow, low resolution,
noise, JPEG compression, rotation, glare."""

from __future__ import annotations

import io
import random
from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageFilter


def _perspective(img: np.ndarray, rng: random.Random) -> np.ndarray:
    import cv2

    h, w = img.shape[:2]
    pad = int(0.08 * max(h, w))
    bg = np.full((h + 2 * pad, w + 2 * pad, 3), rng.randrange(60, 120), np.uint8)
    bg = (bg + np.random.default_rng(rng.randrange(1 << 30)).normal(0, 8, bg.shape)).clip(
        0, 255).astype(np.uint8)
    j = 0.04
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    corners = [(0, 0), (w, 0), (w, h), (0, h)]
    dst = np.array([[pad + x + rng.uniform(-j, j) * w, pad + y + rng.uniform(-j, j) * h]
                    for x, y in corners], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(img, matrix, (bg.shape[1], bg.shape[0]),
                                 borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0))
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix,
                               (bg.shape[1], bg.shape[0]))
    bg[mask > 0] = warped[mask > 0]
    return bg


def add_glare(img: np.ndarray, rng: random.Random) -> np.ndarray:  # any channel order
    """A specular highlight on glossy paper: a soft tilted ellipse, centred on some print,
    where the light is blended towards white (70-95 % at its core: print there is faint
    or gone) and fades out over a wider halo."""
    h, w = img.shape[:2]
    ys, xs = np.nonzero(img.max(axis=2) < 110)  # centred on black print (not a red seal)
    if len(xs):
        k = rng.randrange(len(xs))
        cx, cy = float(xs[k]), float(ys[k])
    else:
        cx, cy = rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * h
    ax, ay = rng.uniform(0.10, 0.22) * w, rng.uniform(0.05, 0.12) * h
    angle = rng.uniform(0, np.pi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    dx, dy = xx - cx, yy - cy
    u = (dx * np.cos(angle) + dy * np.sin(angle)) / ax
    v = (-dx * np.sin(angle) + dy * np.cos(angle)) / ay
    r2 = u * u + v * v
    core = rng.uniform(0.7, 0.95)
    # a flat-topped core (print inside is lost) with a Gaussian halo around it
    strength = core * np.exp(-np.maximum(r2 - 0.35, 0) * 1.6)
    out = img.astype(np.float32)
    out += strength[:, :, None] * (255.0 - out)
    return np.asarray(out.clip(0, 255), dtype=np.uint8)


def photograph(page: Image.Image, conditions: Sequence[str], rng: random.Random,
               ) -> tuple[bytes, int]:
    """Applies the photo conditions; returns JPEG bytes and the clockwise rotation."""
    import cv2

    img = np.asarray(page.convert("RGB"))[:, :, ::-1].copy()
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    quality, rotated = rng.randrange(75, 92), 0
    for cond in conditions:
        if cond == "skew":
            angle = rng.choice((-1, 1)) * rng.uniform(1.5, 4.0)
            h, w = img.shape[:2]
            m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
            img = cv2.warpAffine(img, m, (w, h), borderValue=(250, 250, 250))
        elif cond == "perspective":
            img = _perspective(img, rng)
        elif cond == "shadow":
            h, w = img.shape[:2]
            x0 = rng.uniform(0.2, 0.8) * w
            ramp = np.clip((np.arange(w) - x0) / (0.25 * w), 0, 1)[None, :, None]
            depth = rng.uniform(0.35, 0.55)
            img = (img * (1 - depth * ramp)).astype(np.uint8)
        elif cond == "lowres":
            h, w = img.shape[:2]
            f = rng.uniform(0.55, 0.7)
            img = cv2.resize(img, (int(w * f), int(h * f)), interpolation=cv2.INTER_AREA)
        elif cond == "noise":
            img = (img + nrng.normal(0, rng.uniform(8, 14), img.shape)).clip(0, 255).astype(
                np.uint8)
        elif cond == "jpeg":
            quality = rng.randrange(35, 55)
    for cond in conditions:  # a turned page is turned last, as a camera would store it
        if cond.startswith("rot"):
            rotated = int(cond[3:])
            turn = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180,
                    270: cv2.ROTATE_90_COUNTERCLOCKWISE}[rotated]
            img = cv2.rotate(img, turn)
    pil = Image.fromarray(img[:, :, ::-1])
    if "noise" in conditions:
        pil = pil.filter(ImageFilter.GaussianBlur(0.4))
    out = io.BytesIO()
    pil.save(out, "JPEG", quality=quality)
    return out.getvalue(), rotated
