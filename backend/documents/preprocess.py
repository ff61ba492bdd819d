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
# A sheet's edge is a step of at least this in log brightness per pixel of the small copy
# (paper at twice a table's brightness, blurred over ~5 px, gives 0.14 or more; shading
# changes it by 0.004 a pixel)
_LOG_STEP_PER_PIXEL = 0.12
_SURROUND_SHARE = 0.75  # round a sheet, the table is darker than this share of the paper
# the ratio outline is ~0.4 % larger than the threshold's on evenly lit sheets: more than
# this means the threshold cut part of the page away
_RATIO_OUTLINE_GAIN = 1.03


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
    """Corners (tl, tr, br, bl) of a paper sheet lying on a darker background, or None.

    Two outlines: the bright region a global threshold (Otsu) leaves, exact on an evenly lit
    page, and the outline of the step in brightness *ratio* at the sheet's edge, which a
    shadow falling across page and table alike leaves unchanged. A shadow across the page
    makes the threshold cut its shaded part away (a real certificate on a wooden table lost
    its right side that way); the ratio outline is taken when it reaches clearly further and
    the page is lighter than what is round it on every side."""
    h, w = image.shape[:2]
    scale = _WORK_SIDE / max(h, w)
    small = cv2.resize(image, (round(w * scale), round(h * scale)), interpolation=cv2.INTER_AREA)
    grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    page = _page_quad(_lit_region(grey))
    stepped = _page_quad(_ratio_step_region(grey))
    if stepped is not None and _lighter_than_surround(grey, stepped) and (
            page is None or _area(stepped) > _RATIO_OUTLINE_GAIN * _area(page)):
        page = stepped
    return None if page is None else _order_corners(page / scale)


def _lit_region(grey: np.ndarray) -> np.ndarray:
    blurred = cv2.GaussianBlur(grey, (5, 5), 0)
    _, mask = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return np.asarray(cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8)))


def _ratio_step_region(grey: np.ndarray) -> np.ndarray:
    """The area inside the outermost ring of sharp steps in log brightness, filled."""
    log = cv2.GaussianBlur(np.log(grey.astype(np.float32) + 8.0), (5, 5), 0)
    gx = cv2.Sobel(log, cv2.CV_32F, 1, 0, ksize=3) / 8.0  # per pixel
    gy = cv2.Sobel(log, cv2.CV_32F, 0, 1, ksize=3) / 8.0
    steps = (np.hypot(gx, gy) > _LOG_STEP_PER_PIXEL).astype(np.uint8) * 255
    steps = cv2.morphologyEx(steps, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    contours, _ = cv2.findContours(steps, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    filled = np.zeros_like(steps)
    if contours:
        cv2.drawContours(filled, [max(contours, key=cv2.contourArea)], -1, 255, cv2.FILLED)
    # the ring of steps lies across the edge: its outer side is a pixel beyond the paper
    return np.asarray(cv2.erode(filled, np.ones((3, 3), np.uint8)))


def _page_quad(mask: np.ndarray) -> np.ndarray | None:
    """The biggest region of ``mask`` as a quadrilateral a page can be, or None."""
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    biggest = max(contours, key=cv2.contourArea)
    share = cv2.contourArea(biggest) / (mask.shape[0] * mask.shape[1])
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
    margin = 0.01 * max(mask.shape[:2])
    sh, sw = mask.shape[:2]
    if any(x < margin or y < margin or x > sw - margin or y > sh - margin for x, y in corners):
        return None
    return corners


def _lighter_than_surround(grey: np.ndarray, corners: np.ndarray) -> bool:
    """Whether, along every side, what lies just outside is darker than the paper just
    inside: a table's ruled border or a card's inner frame is a ring of steps too, with the
    same paper on both sides (median ratio 0.94-1.04 there, 0.22-0.51 at sheets' edges)."""
    centre = corners.mean(axis=0)
    along = np.linspace(0.1, 0.9, 40)[:, None]
    for a, b in zip(corners, np.roll(corners, -1, axis=0), strict=True):
        normal = np.array([b[1] - a[1], a[0] - b[0]]) / max(float(np.linalg.norm(b - a)), 1.0)
        if np.dot(centre - (a + b) / 2, normal) > 0:
            normal = -normal  # outwards
        points = a + along * (b - a)
        inside = _sample(grey, points, normal, (-4, -6, -8))
        outside = _sample(grey, points, normal, (4, 6, 8))
        if not len(inside) or not len(outside):
            return False
        if float(np.median(outside)) > _SURROUND_SHARE * max(float(np.median(inside)), 1.0):
            return False
    return True


def _sample(grey: np.ndarray, points: np.ndarray, normal: np.ndarray,
            offsets: tuple[int, ...]) -> np.ndarray:
    h, w = grey.shape[:2]
    where = np.concatenate([points + k * normal for k in offsets]).round().astype(int)
    keep = (where[:, 0] >= 0) & (where[:, 1] >= 0) & (where[:, 0] < w) & (where[:, 1] < h)
    return np.asarray(grey[where[keep, 1], where[keep, 0]])


def _area(corners: np.ndarray) -> float:
    return float(cv2.contourArea(corners.astype(np.float32)))


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
