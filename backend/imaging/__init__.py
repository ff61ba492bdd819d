"""Reading photos for the rest of the system: JPEG, PNG and HEIC/HEIF (iPads) alike.

Pillow reads HEIC/HEIF only once pillow-heif's opener is registered in the process. Every
process that decodes photos imports this module, which registers it: the upload checks
(``backend.uploads.sniff``), the job worker (``backend.jobs.registry``) and the OCR pool's
processes (``backend.jobs.cpu``). After that, ``PIL.Image.open`` reads HEIC like any other
format, so code that already decodes through Pillow needs no change.

The stored file stays as uploaded (content addressing by sha256); conversion happens on
reading: :func:`upright_rgb` for OCR and hashing, :func:`jpeg_rendition` for browsers,
which do not show HEIC.
"""

from __future__ import annotations

import io

from PIL import Image, ImageOps
from pillow_heif import register_heif_opener

HEIC = "image/heic"
HEIF = "image/heif"
HEIF_TYPES = frozenset({HEIC, HEIF})
PILLOW_HEIF_FORMAT = "HEIF"  # the format name pillow-heif's opener gives Pillow

_registered = False


def register_heif() -> None:
    """Lets ``PIL.Image.open`` read HEIC/HEIF in this process (idempotent)."""
    global _registered
    if not _registered:
        # Thumbnails and depth maps inside the container are never needed: skip them.
        register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)
        _registered = True


def upright_rgb(data: bytes) -> Image.Image:
    """The photo decoded, turned upright as its EXIF says, in RGB."""
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        return ImageOps.exif_transpose(image).convert("RGB")


def jpeg_rendition(data: bytes, quality: int = 90) -> bytes:
    """A JPEG of the photo (upright, RGB) for places that cannot show the original."""
    buffer = io.BytesIO()
    upright_rgb(data).save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


register_heif()
