"""One extractor per document type; each reads rows of OCR cells into the spec's fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import ModuleType

from backend.documents.extractors import (
    business_licence,
    id_card,
    loan_contract,
    marital_status_certificate,
    no_housing_certificate,
    rental_contract,
    repayment_statement,
    unit_registration_form,
)
from backend.documents.extractors.base import Extraction
from backend.documents.layout import Row
from backend.documents.types import DOCUMENT_TYPES

_MODULES: dict[str, ModuleType] = {
    "id_card": id_card,
    "business_licence": business_licence,
    "loan_contract": loan_contract,
    "repayment_statement": repayment_statement,
    "marital_status_certificate": marital_status_certificate,
    "no_housing_certificate": no_housing_certificate,
    "unit_registration_form": unit_registration_form,
    "rental_contract": rental_contract,
}
assert tuple(_MODULES) == DOCUMENT_TYPES, "one extractor per document type"


def fields_of(doc_type: str) -> tuple[str, ...]:
    fields: tuple[str, ...] = _MODULES[doc_type].FIELDS
    return fields


def extractor_for(doc_type: str) -> Callable[[Sequence[Row]], Extraction]:
    extract: Callable[[Sequence[Row]], Extraction] = _MODULES[doc_type].extract
    return extract
