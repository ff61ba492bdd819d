"""HEIC/HEIF photos (iPads) are accepted by their bytes, with the same limits as JPEG/PNG."""

from __future__ import annotations

import pytest

from backend.errors import DoorstepError
from backend.imaging import HEIC, HEIF, upright_rgb
from backend.uploads.sniff import sniff_content_type, verified_content_type
from tests.support.upload_files import heic_declaring, heic_photo, small_heic


def test_a_heic_made_from_a_fixture_photo_is_accepted_and_decodes_to_rgb() -> None:
    data = heic_photo(0)
    assert verified_content_type(data) == HEIC
    image = upright_rgb(data)
    assert image.mode == "RGB"
    assert image.size == (1240, 1754)


def test_the_heic_brand_may_be_only_a_compatible_one() -> None:
    # A mif1 file listing heic among its compatible brands is HEIC; one without is plain HEIF.
    heic = b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heic" + b"\x00" * 8
    plain = b"\x00\x00\x00\x14ftypmif1\x00\x00\x00\x00mif1" + b"\x00" * 8
    assert sniff_content_type(heic) == HEIC
    assert sniff_content_type(plain) == HEIF


@pytest.mark.parametrize(("width", "height"), [(9_000, 9_000), (60_000, 60_000), (30_000, 10)])
def test_a_heic_declaring_too_many_pixels_is_refused_before_decoding(
    width: int, height: int
) -> None:
    with pytest.raises(DoorstepError) as caught:
        verified_content_type(heic_declaring(width, height))
    assert caught.value.code == "IMAGE_UNREADABLE"
    assert caught.value.details["reason"] == "too_many_pixels"


def test_a_heic_with_its_coded_data_cut_off_is_unreadable() -> None:
    data = small_heic()
    with pytest.raises(DoorstepError) as caught:
        verified_content_type(data[: len(data) - 200])
    assert caught.value.code == "IMAGE_UNREADABLE"


def test_avif_shares_the_container_but_is_refused() -> None:
    avif = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00" * 64
    with pytest.raises(DoorstepError) as caught:
        verified_content_type(avif)
    assert caught.value.code == "UNSUPPORTED_FILE"
    assert caught.value.details == {"detected": "image/avif"}
