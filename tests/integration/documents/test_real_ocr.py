"""Real OCR on a few sample photos (slow, but run by default; about 15 s in all)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from backend.documents.extract_command import run_extract
from backend.documents.ocr import get_engine
from backend.documents.pipeline import extract_document
from tests.support.sample_documents import FIXTURES

pytestmark = [pytest.mark.slow, pytest.mark.engine_independent]


def truth(name: str) -> dict[str, Any]:
    with (FIXTURES / "truth.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            obj: dict[str, Any] = json.loads(line)
            if obj["file"] == name:
                return obj
    raise KeyError(name)


def test_clean_id_card_photo_reads_every_field() -> None:
    name = "id_card/cc7c5fdafb.jpg"
    result = extract_document((FIXTURES / name).read_bytes()).to_json()
    assert result["type"] == "id_card"
    assert result["fields"] == truth(name)["fields"]
    assert result["missing"] == []
    assert result["quality"]["blurry"] is False


def test_upside_down_licence_is_turned_and_read() -> None:
    name = "business_licence/cee6ba4507.jpg"
    result = extract_document((FIXTURES / name).read_bytes()).to_json()
    assert result["quality"]["rotated_degrees"] == 180
    assert result["fields"]["uscc"] == truth(name)["fields"]["uscc"]
    assert result["fields"]["company_name"] == truth(name)["fields"]["company_name"]


def test_blurred_photo_is_flagged_not_trusted() -> None:
    result = extract_document((FIXTURES / "rental_contract/89ce9b8ce9.jpg").read_bytes())
    assert result.quality.blurry
    assert "IMAGE_BLURRY" in [c.code for c in result.checks]


def test_extract_command_prints_a_line_per_file_and_goes_on_after_a_bad_one(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "not-an-image.jpg"
    bad.write_bytes(b"this is not a photo")
    good = str(FIXTURES / "id_card/eb254808b4.jpg")
    out = io.StringIO()
    status = run_extract([str(bad), good], "auto", out)
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert status == 1
    assert first["file"] == str(bad)
    assert first["error"]["code"] == "IMAGE_UNREADABLE"
    assert first["error"]["message"]
    assert second["file"] == good
    assert second["type"] == "id_card"
    assert second["missing"] == ["address"]  # covered by a sticky note in this photo


def test_tesseract_engine_reads_a_page_on_its_own() -> None:
    from backend.documents.preprocess import decode_image, prepare

    image, _ = prepare(decode_image((FIXTURES / "id_card/cc7c5fdafb.jpg").read_bytes()))
    page = get_engine("tesseract").read_page(image)
    text = "".join(line.text for line in page.lines).replace(" ", "")
    assert page.engine == "tesseract"
    assert "520203197001175843" in text
