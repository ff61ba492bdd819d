from __future__ import annotations

import base64

import pytest

from backend.errors import DoorstepError, ErrorCode
from backend.uploads.metadata import display_filename, parse_metadata_header, upload_request

SHA = "ab" * 32
MAX = 1000


def encoded(**pairs: str) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in pairs.items())


def refusal(call: object, *args: object) -> DoorstepError:
    with pytest.raises(DoorstepError) as caught:
        call(*args)  # type: ignore[operator]
    return caught.value


def test_metadata_header_decodes_pairs_and_keys_without_values() -> None:
    header = encoded(filename="身份证.jpg", sha256=SHA) + ",is_confidential"
    assert parse_metadata_header(header) == {
        "filename": "身份证.jpg",
        "sha256": SHA,
        "is_confidential": "",
    }


@pytest.mark.parametrize("header", ["filename !!!", "filename YQ== extra", "a YQ==,a YQ=="])
def test_malformed_metadata_is_a_bad_request(header: str) -> None:
    assert refusal(parse_metadata_header, header).code == ErrorCode.BAD_REQUEST


def test_a_complete_declaration_is_parsed_and_the_hash_lowercased() -> None:
    request = upload_request("10", encoded(sha256=SHA.upper(), filename="a.jpg"), MAX)
    assert (request.length, request.sha256, request.filename) == (10, SHA, "a.jpg")
    assert request.content_type is None


def test_size_above_the_maximum_is_refused_before_metadata_is_read() -> None:
    error = refusal(upload_request, str(MAX + 1), "garbage !!", MAX)
    assert error.code == ErrorCode.UPLOAD_TOO_LARGE
    assert error.details == {"maxBytes": MAX, "length": MAX + 1}


@pytest.mark.parametrize("length", [None, "", "-1", "1e3", "12a", "9" * 30])
def test_missing_or_non_numeric_length_is_a_bad_request(length: str | None) -> None:
    assert refusal(upload_request, length, encoded(sha256=SHA, filename="a"), MAX).code == (
        ErrorCode.BAD_REQUEST
    )


def test_an_empty_file_is_refused_as_unsupported() -> None:
    error = refusal(upload_request, "0", encoded(sha256=SHA, filename="a"), MAX)
    assert error.code == ErrorCode.UNSUPPORTED_FILE


@pytest.mark.parametrize("sha", [None, "", "abc", "g" * 64, SHA + "00", "ab" * 31 + " x"])
def test_missing_or_invalid_sha256_is_a_bad_request_on_that_field(sha: str | None) -> None:
    metadata = encoded(filename="a.jpg", **({"sha256": sha} if sha is not None else {}))
    error = refusal(upload_request, "10", metadata, MAX)
    assert (error.code, error.field) == (ErrorCode.BAD_REQUEST, "sha256")


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "/etc/shadow",
        "..",
        "a\x00.jpg",
        "a\r\nSet-Cookie: x=1",
        "bidi\u202egpj.exe",
        "x" * 256,
        "   ",
    ],
)
def test_filenames_that_are_paths_or_hide_characters_are_refused(name: str) -> None:
    error = refusal(display_filename, name)
    assert (error.code, error.field) == (ErrorCode.BAD_REQUEST, "filename")


def test_a_plain_chinese_filename_is_kept_as_is() -> None:
    assert display_filename(" 贷款合同 第1页.jpg ") == "贷款合同 第1页.jpg"
