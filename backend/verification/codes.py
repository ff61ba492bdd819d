"""Stable check and risk codes (spec section 5) and their severities."""

from __future__ import annotations

from enum import StrEnum


class FlagCode(StrEnum):
    FIELD_MISSING = "FIELD_MISSING"
    DOCUMENT_MISSING = "DOCUMENT_MISSING"
    ID_CHECKSUM_INVALID = "ID_CHECKSUM_INVALID"
    ID_MISMATCH = "ID_MISMATCH"
    USCC_CHECKSUM_INVALID = "USCC_CHECKSUM_INVALID"
    MARITAL_STATUS_REVERSED = "MARITAL_STATUS_REVERSED"
    MARITAL_STATUS_CHANGED_RECENTLY = "MARITAL_STATUS_CHANGED_RECENTLY"
    CERTIFICATE_EXPIRED = "CERTIFICATE_EXPIRED"
    PROPERTY_FOUND = "PROPERTY_FOUND"
    PROPERTY_REUSED = "PROPERTY_REUSED"
    IMAGE_REUSED = "IMAGE_REUSED"
    AMOUNT_EXCEEDS_LIMIT = "AMOUNT_EXCEEDS_LIMIT"
    WITHDRAWAL_TOO_SOON = "WITHDRAWAL_TOO_SOON"
    # Added to the spec's list (section 5 allows additions): a unit's ratio outside policy.
    DEPOSIT_RATIO_OUT_OF_RANGE = "DEPOSIT_RATIO_OUT_OF_RANGE"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
