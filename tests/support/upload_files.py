"""Files for upload tests, made on the fly: real photos from the sample fixtures and hostile
or malformed files, each with the error code the server must answer."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image

from backend.imaging import PILLOW_HEIF_FORMAT, register_heif
from tests.support.sample_documents import FIXTURES


def photo(index: int = 0) -> bytes:
    """A real document photo (JPEG) from the sample fixtures."""
    return fixture_photos()[index].read_bytes()


def heic_photo(index: int = 0) -> bytes:
    """A real HEIC made from a shared fixture photo (see :func:`heic_of`)."""
    return heic_of(fixture_photos()[index])


@cache
def heic_of(path: Path) -> bytes:
    """A real HEIC, encoded here with pillow-heif from a photo (as an iPad would store it:
    HEVC in a HEIF container)."""
    register_heif()
    with Image.open(path) as source:
        return _heic(source.convert("RGB"))


def _heic(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    # ultrafast: the fixtures are encoded during the tests, on a shared 2-core machine.
    image.save(buffer, PILLOW_HEIF_FORMAT, quality=80, enc_params={"preset": "ultrafast"})
    return buffer.getvalue()


@cache
def small_heic() -> bytes:
    register_heif()
    return _heic(Image.new("RGB", (96, 64), (30, 120, 200)))


def heic_declaring(width: int, height: int) -> bytes:
    """A valid small HEIC whose ``ispe`` box (the declared image size) says width × height."""
    data = bytearray(small_heic())
    ispe = data.index(b"ispe")
    struct.pack_into(">II", data, ispe + 8, width, height)  # after version and flags
    return bytes(data)


def fixture_photos() -> list[Path]:
    return sorted(FIXTURES.glob("*/*.jpg"))


def png_bytes(size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def pdf_bytes(extra_objects: bytes = b"") -> bytes:
    """A minimal, well-formed one-page PDF."""
    body = (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n" + extra_objects
    )
    return body + b"xref\n0 4\ntrailer << /Root 1 0 R /Size 4 >>\nstartxref\n9\n%%EOF\n"


def _png_chunk(kind: bytes, data: bytes, crc: int | None = None) -> bytes:
    checksum = zlib.crc32(kind + data) if crc is None else crc
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", checksum)


def png_declaring(width: int, height: int, rows: bytes) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(rows, 9))
        + _png_chunk(b"IEND", b"")
    )


def png_with_bad_crc() -> bytes:
    good = png_bytes()
    # Flip one byte inside the IDAT data: its CRC no longer matches.
    index = good.index(b"IDAT") + 10
    return good[:index] + bytes([good[index] ^ 0xFF]) + good[index + 1 :]


def jpeg_with_dimensions(width: int, height: int) -> bytes:
    data = bytearray(photo())
    sof = next(i for i in range(len(data) - 1) if data[i] == 0xFF and data[i + 1] in (0xC0, 0xC2))
    struct.pack_into(">HH", data, sof + 5, height, width)
    return bytes(data)


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@dataclass(frozen=True)
class Hostile:
    name: str
    data: bytes
    filename: str
    code: str  # the error code expected
    at_creation: bool = False  # refused before any byte is sent


def hostile_files() -> list[Hostile]:
    jpeg = photo()
    bomb_rows = b"\x00" * (40_000 * 8_000 // 100)  # a few KiB once compressed; IDAT short
    return [
        Hostile("truncated JPEG", jpeg[: len(jpeg) * 2 // 3], "a.jpg", "IMAGE_UNREADABLE"),
        Hostile("JPEG header only", jpeg[:200], "a.jpg", "IMAGE_UNREADABLE"),
        Hostile(
            "JPEG magic then HTML",
            b"\xff\xd8\xff\xe0<html><script>alert(1)</script>",
            "a.jpg",
            "IMAGE_UNREADABLE",
        ),
        Hostile("PNG with a bad CRC", png_with_bad_crc(), "a.png", "IMAGE_UNREADABLE"),
        Hostile("truncated PNG", png_bytes()[:60], "a.png", "IMAGE_UNREADABLE"),
        Hostile(
            "PNG magic on JPEG data", b"\x89PNG\r\n\x1a\n" + jpeg[8:], "a.png", "IMAGE_UNREADABLE"
        ),
        Hostile("PNG of zero width", png_declaring(0, 10, b"\x00"), "a.png", "IMAGE_UNREADABLE"),
        Hostile(
            "decompression bomb PNG",
            png_declaring(40_000, 40_000, bomb_rows),
            "bomb.png",
            "IMAGE_UNREADABLE",
        ),
        Hostile(
            "JPEG declaring 60000x60000",
            jpeg_with_dimensions(60_000, 60_000),
            "huge.jpg",
            "IMAGE_UNREADABLE",
        ),
        Hostile("zip renamed .jpg", zip_bytes(), "photo.jpg", "UNSUPPORTED_FILE"),
        Hostile(
            "HTML with script",
            b"<!doctype html><script>fetch('/graphql')</script>",
            "page.jpg",
            "UNSUPPORTED_FILE",
        ),
        Hostile(
            "SVG with script",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "image.svg",
            "UNSUPPORTED_FILE",
        ),
        Hostile(
            "ELF executable", b"\x7fELF\x02\x01\x01" + b"\x00" * 120, "a.jpg", "UNSUPPORTED_FILE"
        ),
        Hostile(
            "Windows executable",
            b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00",
            "a.pdf",
            "UNSUPPORTED_FILE",
        ),
        Hostile("shell script", b"#!/bin/sh\nrm -rf /\n", "a.jpg", "UNSUPPORTED_FILE"),
        Hostile(
            "HEIC brand without an image",
            b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64,
            "IMG_0001.HEIC",
            "IMAGE_UNREADABLE",
        ),
        Hostile(
            "truncated HEIC",
            small_heic()[: len(small_heic()) * 2 // 3],
            "a.heic",
            "IMAGE_UNREADABLE",
        ),
        Hostile(
            "HEIC declaring 9000x9000",
            heic_declaring(9_000, 9_000),
            "bomb.heic",
            "IMAGE_UNREADABLE",
        ),
        Hostile(
            "HEIC declaring 60000x60000",
            heic_declaring(60_000, 60_000),
            "bomb.heic",
            "IMAGE_UNREADABLE",
        ),
        Hostile(
            "AVIF",
            b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00" * 64,
            "a.avif",
            "UNSUPPORTED_FILE",
        ),
        Hostile(
            "MP4 video renamed .heic",
            b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + b"\x00" * 64,
            "a.heic",
            "UNSUPPORTED_FILE",
        ),
        Hostile("GIF", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "a.gif", "UNSUPPORTED_FILE"),
        Hostile("random bytes", bytes(range(256)) * 4, "a.jpg", "UNSUPPORTED_FILE"),
        Hostile(
            "PDF header then garbage",
            b"%PDF-1.7\n" + bytes(range(256)) * 8,
            "a.pdf",
            "UNSUPPORTED_FILE",
        ),
        Hostile(
            "PDF with JavaScript",
            pdf_bytes(b"4 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\n"),
            "a.pdf",
            "UNSUPPORTED_FILE",
        ),
        Hostile(
            "PDF with an escaped JavaScript name",
            pdf_bytes(b"4 0 obj << /S /J#61vaScript /J#53 (app.alert(1)) >> endobj\n"),
            "a.pdf",
            "UNSUPPORTED_FILE",
        ),
        Hostile(
            "PDF launching a program",
            pdf_bytes(b"4 0 obj << /S /Launch /F (cmd.exe) >> endobj\n"),
            "a.pdf",
            "UNSUPPORTED_FILE",
        ),
        Hostile("zero bytes", b"", "empty.jpg", "UNSUPPORTED_FILE", at_creation=True),
        Hostile(
            "path traversal filename", jpeg, "../../etc/passwd", "BAD_REQUEST", at_creation=True
        ),
        Hostile(
            "Windows path traversal filename",
            jpeg,
            "..\\..\\boot.ini",
            "BAD_REQUEST",
            at_creation=True,
        ),
        Hostile(
            "header injection in filename",
            jpeg,
            "a.jpg\r\nSet-Cookie: s=1",
            "BAD_REQUEST",
            at_creation=True,
        ),
    ]
