"""Image preparation for photographed pages: decode, find the page and flatten it, deskew.

Orientation (0/90/180/270) is decided by the OCR engine from its text boxes; here we only
do what needs no text: EXIF rotation, page detection with perspective correction, and a
final small-angle deskew.
"""

from __future__ import annotations

import io

import cv2
import numpy as np
from PIL import Image as PilImage
from PIL import ImageOps, UnidentifiedImageError

import backend.imaging  # noqa: F401  (registers the HEIC/HEIF opener for `doorstep extract` too)
from backend.documents.ocr.base import Image
from backend.errors import DoorstepError, ErrorCode

_WORK_SIDE = 800  # page detection runs on a small copy
_MIN_PAGE_SHARE = 0.25  # a quadrilateral smaller than this share of the photo is not the page
_MAX_PAGE_SHARE = 0.97  # larger: the photo is already the page (a scan)
# Our papers are A4 (1.41:1) or cards (1.58:1), and a photo at an angle foreshortens one side
# by a third at most: a longer outline is a lit strip of the page that a shadow or a
# highlight cut off from the rest (3.7:1 and 2.9:1 seen; flattening to it cropped away every
# field of a licence)
_MAX_PAGE_ASPECT = 2.2


def decode_image(data: bytes) -> Image:
    """Bytes of a JPEG/PNG/… photo to an upright BGR array (EXIF rotation applied)."""
    try:
        with PilImage.open(io.BytesIO(data)) as pil:
            pil.load()
            upright = ImageOps.exif_transpose(pil).convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise DoorstepError(ErrorCode.IMAGE_UNREADABLE) from exc
    if min(upright.size) < 32:
        raise DoorstepError(ErrorCode.IMAGE_UNREADABLE, "图片太小，无法识别，请重新拍摄。")
    rgb = np.asarray(upright, dtype=np.uint8)
    return np.ascontiguousarray(rgb[:, :, ::-1])


def find_page(image: Image) -> np.ndarray | None:
    """Corners (tl, tr, br, bl) of a paper sheet lying on a darker background, or None."""
    h, w = image.shape[:2]
    scale = _WORK_SIDE / max(h, w)
    small = cv2.resize(image, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    grey = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), (5, 5), 0)
    _, mask = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    biggest = max(contours, key=cv2.contourArea)
    share = cv2.contourArea(biggest) / (small.shape[0] * small.shape[1])
    if not _MIN_PAGE_SHARE <= share <= _MAX_PAGE_SHARE:
        return None
    hull = cv2.convexHull(biggest)
    quad = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
    if len(quad) != 4:
        return None
    corners = quad.reshape(4, 2).astype(np.float32)
    if _aspect(corners) > _MAX_PAGE_ASPECT:
        return None
    # A corner on the photo's edge means the sheet runs off the photo (or glare merged it with
    # the background): warping to that outline would distort the page, so leave it alone.
    margin = 0.01 * max(small.shape[:2])
    sh, sw = small.shape[:2]
    if any(x < margin or y < margin or x > sw - margin or y > sh - margin for x, y in corners):
        return None
    return _order_corners(corners / scale)


def _sides(corners: np.ndarray) -> tuple[float, float]:
    """Width and height of a quadrilateral (tl, tr, br, bl): its opposite sides' longer ones."""
    tl, tr, br, bl = corners
    return (float(max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))),
            float(max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))))


def _aspect(corners: np.ndarray) -> float:
    """Long side over short side of a quadrilateral."""
    width, height = _sides(_order_corners(corners))
    return max(width, height) / max(min(width, height), 1.0)


def _order_corners(pts: np.ndarray) -> np.ndarray:
    s, d = pts.sum(axis=1), np.diff(pts, axis=1).ravel()
    return np.array([pts[s.argmin()], pts[d.argmin()], pts[s.argmax()], pts[d.argmax()]],
                    dtype=np.float32)


def flatten_page(image: Image, corners: np.ndarray) -> Image:
    """Perspective-corrects the sheet to a rectangle of its own measured size."""
    sides = _sides(corners)
    width, height = int(sides[0]), int(sides[1])
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(corners, target)
    out = cv2.warpPerspective(image, matrix, (width, height), flags=cv2.INTER_CUBIC,
                              borderMode=cv2.BORDER_REPLICATE)
    return np.asarray(out, dtype=np.uint8)


def suppress_red(image: Image) -> Image:
    """The red channel as grey: red seals turn paper-white while black print stays black.

    Measured better at hiding stamps than whitening red hues; text under a seal survives.
    """
    red = image[:, :, 2]
    return np.ascontiguousarray(np.dstack([red, red, red]))


def prepare(image: Image) -> tuple[Image, bool]:
    """The page flattened (when one was found; the flag says so) with red seals hidden.

    Evening out the light (dividing by the paper's brightness) was measured and left out:
    on the sample photos it cost one field (legible 100 % → 99.6 %)."""
    corners = find_page(image)
    flattened = corners is not None
    if corners is not None:
        image = flatten_page(image, corners)
    return suppress_red(image), flattened
