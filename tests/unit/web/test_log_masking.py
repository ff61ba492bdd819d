"""ID numbers never reach a log line: the filter masks messages, arguments and tracebacks."""

from __future__ import annotations

import io
import logging

from backend.app import logging_config
from backend.web.log_masking import FILTER_NAME, MaskIdNumbers, mask_id_numbers

ID = "520201198503150023"


def _emit(record_args: tuple[object, ...], message: str, exc: bool = False) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(MaskIdNumbers())
    logger = logging.getLogger("doorstep.test.masking")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        if exc:
            try:
                raise ValueError(f"bad {ID}")
            except ValueError:
                logger.exception(message, *record_args)
        else:
            logger.warning(message, *record_args)
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def test_id_number_in_a_message_is_masked() -> None:
    assert _emit((), f"looked up {ID}") == "looked up 520201********0023\n"


def test_id_number_in_arguments_and_an_x_checksum_are_masked() -> None:
    out = _emit(("11010519491231002X",), "person %s")
    assert out == "person 110105********002X\n"


def test_id_number_inside_a_traceback_is_masked() -> None:
    out = _emit((), "failed")
    assert ID not in _emit((), "failed", exc=True)
    assert out == "failed\n"
    assert "520201********0023" in _emit((), "failed", exc=True)


def test_longer_numbers_uuids_and_phones_stay_as_they_are() -> None:
    text = "card 6217002710000123456 phone 13885861234 id 00000000-0000-4000-8000-000000000201"
    assert mask_id_numbers(text) == text


def test_the_apps_logging_config_puts_the_filter_on_every_handler() -> None:
    config = logging_config()
    assert config.filters is not None
    assert FILTER_NAME in config.filters
    assert config.handlers
    assert all(FILTER_NAME in handler["filters"] for handler in config.handlers.values())


def test_argument_shapes_survive_for_formatters_that_read_them() -> None:
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", f"/x?id={ID}", "1.1", 200), None,
    )
    MaskIdNumbers().filter(record)
    assert record.args == ("127.0.0.1:5000", "GET", "/x?id=520201********0023", "1.1", 200)


def test_the_query_string_of_a_graphql_get_is_dropped() -> None:
    # uvicorn's access log: client, method, full path, HTTP version, status
    out = _emit(("127.0.0.1:5000", "GET", "/graphql?query=%7Bme%7D&variables=%7B%22n%22%7D",
                 "1.1", 200), '%s - "%s %s HTTP/%s" %d')
    assert out == '127.0.0.1:5000 - "GET /graphql?… HTTP/1.1" 200\n'
