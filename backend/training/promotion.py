"""A real case's documents as drill documents (pure): each read value passed through the
same :class:`Replacer` as the case's fields, so the drill's people stay consistent."""

from __future__ import annotations

from collections.abc import Sequence

from backend.cases.models import DocumentRecord
from backend.training.identities import Replacer
from backend.training.scenario import DocPlan

# Document fields (section 4 keys) that hold personal data, beyond the case's own keys.
DOCUMENT_PERSONAL = {
    "borrower_name": "name", "tenant_name": "name", "landlord_name": "name",
    "borrower_id_number": "id", "tenant_id_number": "id", "landlord_id_number": "id",
    "company_name": "name",
}


def _birth_date(id_number: str) -> str | None:
    digits = id_number[6:14]
    if len(id_number) != 18 or not digits.isdigit():
        return None
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"


def promoted_documents(documents: Sequence[DocumentRecord], replacer: Replacer) -> list[DocPlan]:
    plans = []
    for document in documents:
        if document.doc_type is None:
            continue  # a signature or an unclassified photo: not redrawn
        values: dict[str, str] = {}
        for key, value in document.fields.items():
            if value is None or isinstance(value, list | dict):
                continue
            kind = DOCUMENT_PERSONAL.get(key)
            text = str(value)
            if kind:
                values[key] = replacer.value(kind, text)
            else:
                values[key] = text
        values = {k: v for k, v in replacer.fields(values).items() if isinstance(v, str)}
        if "id_number" in values and "birth_date" in values:
            values["birth_date"] = _birth_date(values["id_number"]) or values["birth_date"]
        plans.append(DocPlan(document.doc_type, values))
    # Free text (a query result, an issuer's line) may quote a name: replaced last, once
    # every value has its invented counterpart.
    return [DocPlan(p.doc_type, {k: replacer.text(v) for k, v in p.values.items()})
            for p in plans]
