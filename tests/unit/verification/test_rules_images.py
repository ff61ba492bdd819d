"""Photo reuse across people, by perceptual hash (real sample photos)."""

from __future__ import annotations

import io
from datetime import date

from PIL import Image

from backend.verification.codes import FlagCode, Severity
from backend.verification.images import (
    REUSE_MAX_DISTANCE,
    hash_distance,
    image_reused,
    is_near,
    photo_hash,
)
from tests.conftest import FIXTURES
from tests.unit.verification.rule_builders import LI_ID, doc, earlier, withdrawal

FORM_A = FIXTURES / "unit_registration_form" / "deb3291c1a.jpg"
FORM_B = FIXTURES / "unit_registration_form" / "c4729044f6.jpg"  # same template, other unit


def recompressed(path: object, scale: float = 0.5, quality: int = 60) -> bytes:
    with Image.open(str(path)) as image:
        smaller = image.convert("RGB").resize((int(image.width * scale), int(image.height * scale)))
        buffer = io.BytesIO()
        smaller.save(buffer, "JPEG", quality=quality)
        return buffer.getvalue()


def test_a_resized_recompressed_copy_is_near_its_original() -> None:
    original = photo_hash(FORM_A.read_bytes())
    copy = photo_hash(recompressed(FORM_A))
    assert hash_distance(original, copy) <= REUSE_MAX_DISTANCE
    assert is_near(original, copy)


def test_two_filled_forms_of_one_template_are_not_near() -> None:
    assert not is_near(photo_hash(FORM_A.read_bytes()), photo_hash(FORM_B.read_bytes()))


def test_hashes_of_different_sizes_never_match() -> None:
    assert not is_near("ff00", "ff00ff00")


def test_the_same_photo_in_another_persons_case_is_reused() -> None:
    mine = withdrawal(
        "06", doc("loan_contract", "doc-mine", photo_hash=photo_hash(FORM_A.read_bytes()))
    )
    theirs = withdrawal(
        "06",
        doc("loan_contract", "doc-theirs", photo_hash=photo_hash(recompressed(FORM_A))),
        case_id="case-li",
        submitted_on=date(2026, 1, 5),
        name="李娜",
        id_number=LI_ID,
    )
    flags = image_reused(mine, [earlier(theirs)])
    assert [(f.code, f.severity, f.document_id) for f in flags] == [
        (FlagCode.IMAGE_REUSED, Severity.ERROR, "doc-mine")
    ]
    assert flags[0].evidence["otherCaseId"] == "case-li"
    assert flags[0].evidence["otherDocumentId"] == "doc-theirs"
    assert "李娜" in flags[0].message


def test_the_same_persons_earlier_photo_is_not_reuse() -> None:
    hash_value = photo_hash(FORM_A.read_bytes())
    mine = withdrawal("06", doc("loan_contract", "doc-mine", photo_hash=hash_value))
    before = withdrawal(
        "06",
        doc("loan_contract", "doc-old", photo_hash=hash_value),
        case_id="case-old",
        submitted_on=date(2025, 1, 5),
    )
    assert image_reused(mine, [earlier(before)]) == []


def test_different_photos_of_other_people_are_not_reuse() -> None:
    mine = withdrawal(
        "06", doc("loan_contract", "doc-mine", photo_hash=photo_hash(FORM_A.read_bytes()))
    )
    theirs = withdrawal(
        "06",
        doc("loan_contract", "doc-theirs", photo_hash=photo_hash(FORM_B.read_bytes())),
        case_id="case-li",
        id_number=LI_ID,
    )
    assert image_reused(mine, [earlier(theirs)]) == []


def test_documents_without_a_hash_are_skipped() -> None:
    mine = withdrawal("06", doc("loan_contract", "doc-mine"))
    theirs = withdrawal(
        "06", doc("loan_contract", "doc-theirs"), case_id="case-li", id_number=LI_ID
    )
    assert image_reused(mine, [earlier(theirs)]) == []
