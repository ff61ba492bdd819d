"""What a completed upload really is, decided from its bytes alone (pure functions).

Accepted: JPEG, PNG and HEIC/HEIF photos and PDF documents. The declared name and content
type are never trusted. Images are opened with Pillow restricted to the sniffed format, their
dimensions checked against a pixel cap *before* decoding (decompression bombs), then
verified (chunk CRCs) and fully decoded (truncation). JPEGs are decoded at 1/8 scale
(``draft``), which still reads every scan but needs a 64th of the memory.

HEIC/HEIF photos (iPads and iPhones, when the camera is not set to JPEG) are accepted as
they are: recognised by their ``ftyp`` brands, read through pillow-heif (``backend.imaging``,
which the rest of the system uses to decode them too), with the same pixel cap, taken from
the container's header before anything is decoded. AVIF shares the container but not the
codec, and is refused.

PDFs are checked structurally (header, ``startxref`` and ``%%EOF`` trailer) and refused if
they carry active content (JavaScript, launch actions, embedded files). This is a screen,
not a parser: names hidden inside compressed object streams are not seen, so stored PDFs
must only ever be served as attachments, never rendered inline by us.
"""

from __future__ import annotations

import io
import re
import warnings

from PIL import Image, UnidentifiedImageError

from backend.errors import DoorstepError, ErrorCode
from backend.imaging import HEIC, HEIF, PILLOW_HEIF_FORMAT

JPEG = "image/jpeg"
PNG = "image/png"
PDF = "application/pdf"

# 50 megapixels: above every phone camera in use at the centre, far below what would
# let one upload exhaust the server's memory when decoded.
MAX_IMAGE_PIXELS = 50_000_000
MAX_IMAGE_SIDE = 20_000

# ISO/IEC 23008-12 brands: HEVC-coded images (HEIC) and the generic image-file brands.
_HEIC_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs"})
_HEIF_BRANDS = frozenset({b"mif1", b"msf1", b"mif2"})
_AVIF_BRANDS = frozenset({b"avif", b"avis"})
_PILLOW_FORMAT = {JPEG: "JPEG", PNG: "PNG", HEIC: PILLOW_HEIF_FORMAT, HEIF: PILLOW_HEIF_FORMAT}
_PDF_HEADER = re.compile(rb"%PDF-(1\.[0-7]|2\.0)")
_PDF_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA|SubmitForm)\b")
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def sniff_content_type(data: bytes) -> str:
    """The content type from magic bytes; anything else is UNSUPPORTED_FILE."""
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if _PDF_HEADER.match(data):
        return PDF
    if data[4:8] == b"ftyp":
        return _heif_type(data)
    raise DoorstepError(ErrorCode.UNSUPPORTED_FILE)


def _ftyp_brands(data: bytes) -> list[bytes]:
    """Major brand, then the compatible brands of the leading ``ftyp`` box."""
    box_size = int.from_bytes(data[:4], "big")
    end = min(len(data), box_size) if 16 <= box_size <= 4096 else 16
    compatible = [data[i : i + 4] for i in range(16, end - 3, 4)]
    return [data[8:12], *compatible]


def _heif_type(data: bytes) -> str:
    brands = set(_ftyp_brands(data))
    if brands & _HEIC_BRANDS:
        return HEIC
    if brands & _AVIF_BRANDS:
        raise DoorstepError(
            ErrorCode.UNSUPPORTED_FILE, "暂不支持 AVIF 图片，请上传 JPEG、PNG 或 HEIC 照片。",
            details={"detected": "image/avif"},
        )
    if brands & _HEIF_BRANDS:
        return HEIF
    raise DoorstepError(ErrorCode.UNSUPPORTED_FILE)  # MP4, MOV, 3GP … share the box format


def verified_content_type(data: bytes) -> str:
    """Sniffs and checks the whole file; returns its content type or raises a coded error."""
    content_type = sniff_content_type(data)
    if content_type == PDF:
        check_pdf(data)
    else:
        check_image(data, _PILLOW_FORMAT[content_type])
    return content_type


def _unreadable(reason: str) -> DoorstepError:
    return DoorstepError(ErrorCode.IMAGE_UNREADABLE, details={"reason": reason})


def check_image(data: bytes, pillow_format: str) -> None:
    with warnings.catch_warnings():
        # Pillow warns (instead of failing) between its own cap and twice that.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=[pillow_format]) as image:
                _check_dimensions(image.size)
                image.verify()
            with Image.open(io.BytesIO(data), formats=[pillow_format]) as image:
                if pillow_format == "JPEG":
                    image.draft("RGB", (image.width // 8 or 1, image.height // 8 or 1))
                image.load()
        except DoorstepError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise DoorstepError(
                ErrorCode.IMAGE_UNREADABLE, "图片尺寸过大。", details={"reason": "too_many_pixels"}
            ) from None
        except (
            UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, RuntimeError
        ) as error:
            # Pillow reports corrupt data through all of these (SyntaxError for bad chunks),
            # pillow-heif through ValueError (libheif's errors) or RuntimeError.
            raise _unreadable(type(error).__name__) from None


def _check_dimensions(size: tuple[int, int]) -> None:
    width, height = size
    if width <= 0 or height <= 0:
        raise _unreadable("empty_image")
    if width * height > MAX_IMAGE_PIXELS or max(width, height) > MAX_IMAGE_SIDE:
        raise DoorstepError(
            ErrorCode.IMAGE_UNREADABLE,
            "图片尺寸过大。",
            details={"reason": "too_many_pixels", "width": width, "height": height},
        )


def check_pdf(data: bytes) -> None:
    tail = data[-2048:]
    if b"%%EOF" not in tail or b"startxref" not in tail:
        raise DoorstepError(
            ErrorCode.UNSUPPORTED_FILE, "PDF 文件不完整或已损坏。", details={"reason": "no_trailer"}
        )
    if not re.search(rb"\d+\s+\d+\s+obj\b", data):
        raise DoorstepError(
            ErrorCode.UNSUPPORTED_FILE, "PDF 文件不完整或已损坏。", details={"reason": "no_objects"}
        )
    names = _PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), data)
    if _PDF_ACTIVE.search(names):
        raise DoorstepError(
            ErrorCode.UNSUPPORTED_FILE,
            "PDF 中含有脚本或附件，出于安全原因不能上传。",
            details={"reason": "active_content"},
        )
