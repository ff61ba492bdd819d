from __future__ import annotations

import pytest

from backend.errors import DoorstepError
from backend.uploads.sniff import JPEG, PDF, PNG, verified_content_type
from tests.support.upload_files import Hostile, hostile_files, pdf_bytes, photo, png_bytes

CONTENT_CASES = [case for case in hostile_files() if not case.at_creation]


def test_a_real_photo_a_png_and_a_plain_pdf_are_accepted_by_their_bytes() -> None:
    assert verified_content_type(photo()) == JPEG
    assert verified_content_type(png_bytes()) == PNG
    assert verified_content_type(pdf_bytes()) == PDF


def test_every_shared_fixture_photo_is_accepted() -> None:
    for index in range(40):
        assert verified_content_type(photo(index)) == JPEG


@pytest.mark.parametrize("case", CONTENT_CASES, ids=[case.name for case in CONTENT_CASES])
def test_hostile_or_malformed_content_gets_its_code(case: Hostile) -> None:
    with pytest.raises(DoorstepError) as caught:
        verified_content_type(case.data)
    assert caught.value.code == case.code


def test_oversized_images_are_refused_before_decoding() -> None:
    bomb = next(case for case in CONTENT_CASES if case.name == "decompression bomb PNG")
    with pytest.raises(DoorstepError) as caught:
        verified_content_type(bomb.data)
    assert caught.value.details["reason"] == "too_many_pixels"
