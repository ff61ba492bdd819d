"""Photo reuse: the same picture of a document in cases of different people (pure).

A perceptual hash survives re-compression, resizing and small crops, unlike a file hash.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import imagehash
from PIL import Image, ImageOps

from backend.verification.codes import FlagCode, Severity
from backend.verification.models import CaseSnapshot, EarlierCase, Flag
from backend.verification.texts import DOC_ZH

# 16×16 DCT pHash = 256 bits. Measured on the 40 sample photos: a copy re-saved at half size
# and JPEG quality 60 is within 6 bits of its original, while different documents — even
# two clean scans of the same form template — are 36 bits or more apart. 12 sits well
# inside that gap, so re-encoded copies are caught and look-alike forms are not.
HASH_SIZE = 16
REUSE_MAX_DISTANCE = 12


def photo_hash(image_bytes: bytes) -> str:
    """Hex perceptual hash of a photo, upright as the camera's EXIF says."""
    with Image.open(io.BytesIO(image_bytes)) as image:
        upright = ImageOps.exif_transpose(image)
        return str(imagehash.phash(upright, hash_size=HASH_SIZE))


def hash_distance(first: str, second: str) -> int:
    """Number of differing bits; hashes of different sizes never match."""
    if len(first) != len(second):
        return HASH_SIZE * HASH_SIZE
    return (int(first, 16) ^ int(second, 16)).bit_count()


def is_near(first: str, second: str) -> bool:
    return hash_distance(first, second) <= REUSE_MAX_DISTANCE


def image_reused(case: CaseSnapshot, candidates: Sequence[EarlierCase]) -> list[Flag]:
    flags = []
    for document in case.documents:
        if not document.photo_hash:
            continue
        for other in candidates:
            snapshot = other.snapshot
            if snapshot.id == case.id or snapshot.subject == case.subject:
                continue  # the same person's own earlier photo is no fraud signal
            for earlier in snapshot.documents:
                if not earlier.photo_hash or not is_near(document.photo_hash, earlier.photo_hash):
                    continue
                distance = hash_distance(document.photo_hash, earlier.photo_hash)
                flags.append(
                    Flag(
                        FlagCode.IMAGE_REUSED,
                        Severity.ERROR,
                        f"{DOC_ZH.get(document.doc_type or '', '材料')}照片与他人案件"
                        f"（{snapshot.fields.get('name') or '姓名不详'}，案件 {snapshot.id}，"
                        f"{snapshot.submitted_on.isoformat()} 提交）中的照片几乎相同，"
                        "请核实是否为同一份材料。",
                        {
                            "documentId": document.id,
                            "otherCaseId": snapshot.id,
                            "otherDocumentId": earlier.id,
                            "distance": distance,
                            "maxDistance": REUSE_MAX_DISTANCE,
                            "photoHash": document.photo_hash,
                            "otherPhotoHash": earlier.photo_hash,
                        },
                        document_id=document.id,
                    )
                )
    return flags
