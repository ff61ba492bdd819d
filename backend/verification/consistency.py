"""Cross-document consistency and identity checksums (pure).

The applicant's name and ID number must agree across the case and every personal
document; a loan's borrower is the applicant or the spouse; a unit's code, name and legal
representative agree between the case, the licence and the registration form. Values are
compared in normal form (NFKC, no spaces, upper-case X) and shown as printed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from backend.verification import normalise
from backend.verification.codes import FlagCode, Severity
from backend.verification.models import CaseSnapshot, DocumentSnapshot, Flag
from backend.verification.texts import DOC_ZH, FIELD_ZH
from backend.verification.validators import check_id_number, is_valid_uscc

# Documents about the applicant: doc type → (name field, ID number field).
PERSONAL_DOCUMENTS = {
    "id_card": ("name", "id_number"),
    "marital_status_certificate": ("name", "id_number"),
    "no_housing_certificate": ("name", "id_number"),
    "rental_contract": ("tenant_name", "tenant_id_number"),
}
BORROWER_DOCUMENTS = {
    "loan_contract": ("borrower_name", "borrower_id_number"),
    "repayment_statement": ("borrower_name", None),
}
CASE_ID_FIELDS = ("id_number", "proxy_id_number", "spouse_id_number")


@dataclass(frozen=True, slots=True)
class Person:
    name: str | None
    id_number: str | None

    def matches(self, name: str | None, id_number: str | None) -> bool:
        """True when every value both sides have agrees (and at least one is compared)."""
        pairs = [
            (self.name, name, normalise.name),
            (self.id_number, id_number, normalise.id_number),
        ]
        compared = [(a, b, f) for a, b, f in pairs if a and b]
        return bool(compared) and all(f(a) == f(b) for a, b, f in compared)


def _person(fields: dict[str, str], name_key: str, id_key: str | None) -> Person:
    return Person(fields.get(name_key) or None, fields.get(id_key) or None if id_key else None)


def _differences(
    expected: Person, document: DocumentSnapshot, keys: tuple[str, str | None]
) -> list[dict[str, str]]:
    name_key, id_key = keys
    found = _person(document.fields, name_key, id_key)
    diffs = []
    if expected.name and found.name and normalise.name(expected.name) != normalise.name(found.name):
        diffs.append({"field": name_key, "case": expected.name, "document": found.name})
    if (
        expected.id_number
        and found.id_number
        and id_key
        and normalise.id_number(expected.id_number) != normalise.id_number(found.id_number)
    ):
        diffs.append({"field": id_key, "case": expected.id_number, "document": found.id_number})
    return diffs


def _mismatch(
    document: DocumentSnapshot,
    diffs: list[dict[str, str]],
    whose: str,
    severity: Severity,
    advice: str,
) -> Flag:
    described = "；".join(
        f"{FIELD_ZH.get(d['field'], d['field'])}：案件为“{d['case']}”，材料为“{d['document']}”"
        for d in diffs
    )
    return Flag(
        FlagCode.ID_MISMATCH,
        severity,
        f"{DOC_ZH.get(document.doc_type or '', '材料')}上的{whose}信息与案件不一致"
        f"（{described}），{advice}",
        {"documentId": document.id, "docType": document.doc_type, "differences": diffs},
        field=diffs[0]["field"],
        document_id=document.id,
    )


def applicant_mismatches(case: CaseSnapshot) -> list[Flag]:
    if case.kind != "withdrawal":
        return []
    applicant = _person(case.fields, "name", "id_number")
    proxy = _person(case.fields, "proxy_name", "proxy_id_number")
    flags = []
    for document in case.documents:
        keys = PERSONAL_DOCUMENTS.get(document.doc_type or "")
        if keys is None:
            continue
        found = _person(document.fields, *keys)
        if (
            document.doc_type == "id_card"
            and proxy.id_number
            and proxy.matches(None, found.id_number)
        ):
            expected, whose = proxy, "代理人"  # the proxy's own ID card
        else:
            expected, whose = applicant, "申请人"
        diffs = _differences(expected, document, keys)
        if diffs:
            flags.append(_mismatch(document, diffs, whose, Severity.ERROR, "请核对原件。"))
    return flags


def borrower_mismatches(case: CaseSnapshot) -> list[Flag]:
    """A loan's borrower is the applicant or the spouse (spouse_* fields, when recorded)."""
    if case.kind != "withdrawal":
        return []
    applicant = _person(case.fields, "name", "id_number")
    spouse = _person(case.fields, "spouse_name", "spouse_id_number")
    flags = []
    for document in case.documents:
        keys = BORROWER_DOCUMENTS.get(document.doc_type or "")
        if keys is None:
            continue
        found = _person(document.fields, *keys)
        if found.name is None and found.id_number is None:
            continue
        if applicant.matches(found.name, found.id_number) or spouse.matches(
            found.name, found.id_number
        ):
            continue
        diffs = _differences(applicant, document, keys)
        if diffs:
            flags.append(
                _mismatch(
                    document,
                    diffs,
                    "借款人",
                    Severity.WARNING,
                    "借款人应为申请人或其配偶，若为配偶请登记配偶信息并核实结婚证。",
                )
            )
    return flags


def _unit_values(
    case: CaseSnapshot, case_key: str, doc_keys: dict[str, str]
) -> Iterable[tuple[str, str, DocumentSnapshot | None]]:
    yield case_key, case.fields.get(case_key) or "", None
    for document in case.documents:
        key = doc_keys.get(document.doc_type or "")
        if key and document.fields.get(key):
            yield key, document.fields[key], document


def unit_mismatches(case: CaseSnapshot) -> list[Flag]:
    """Unit registration: the same USCC, name and legal representative everywhere."""
    if case.kind != "unit_registration":
        return []
    attributes = [
        ("uscc", {"business_licence": "uscc", "unit_registration_form": "uscc"}, normalise.uscc),
        (
            "unit_name",
            {"business_licence": "company_name", "unit_registration_form": "unit_name"},
            normalise.text,
        ),
        (
            "legal_representative",
            {
                "business_licence": "legal_representative",
                "unit_registration_form": "legal_representative",
            },
            normalise.name,
        ),
    ]
    flags = []
    for case_key, doc_keys, norm in attributes:
        values = [v for v in _unit_values(case, case_key, doc_keys) if v[1]]
        if len({norm(value) for _, value, _ in values}) <= 1:
            continue
        shown = [
            {
                "source": d.doc_type if d else "case",
                "documentId": d.id if d else None,
                "field": k,
                "value": v,
            }
            for k, v, d in values
        ]
        described = "、".join(
            f"{DOC_ZH.get(s['source'] or '', '案件')}为“{s['value']}”" for s in shown
        )
        flags.append(
            Flag(
                FlagCode.ID_MISMATCH,
                Severity.ERROR,
                f"{FIELD_ZH[case_key]}不一致：{described}，请核对营业执照原件。",
                {"field": case_key, "values": shown},
                field=case_key,
                document_id=next((s["documentId"] for s in shown if s["documentId"]), None),
            )
        )
    return flags + _unit_id_cards(case)


def _unit_id_cards(case: CaseSnapshot) -> list[Flag]:
    """An ID card on a registration belongs to the legal representative or the agent."""
    people = {
        normalise.name(case.fields.get(key))
        for key in ("legal_representative", "contact_name", "name")
    }
    people |= {
        normalise.name(d.fields.get("legal_representative"))
        for d in case.documents_of("business_licence")
    }
    people.discard("")
    flags = []
    for card in case.documents_of("id_card"):
        holder = card.fields.get("name")
        if holder and people and normalise.name(holder) not in people:
            flags.append(
                Flag(
                    FlagCode.ID_MISMATCH,
                    Severity.WARNING,
                    f"身份证持有人“{holder}”既不是法定代表人也不是经办人，请核实。",
                    {"documentId": card.id, "holder": holder, "expected": sorted(people)},
                    field="name",
                    document_id=card.id,
                )
            )
    return flags


def checksum_flags(case: CaseSnapshot) -> list[Flag]:
    flags = []
    for key in CASE_ID_FIELDS:
        value = case.fields.get(key)
        if not value:
            continue
        check = check_id_number(value)
        if not check.valid:
            flags.append(
                Flag(
                    FlagCode.ID_CHECKSUM_INVALID,
                    Severity.ERROR,
                    f"{FIELD_ZH.get(key, key)}“{value}”无效：{check.problem}，请核对身份证原件。",
                    {"field": key, "value": value, "problem": check.problem},
                    field=key,
                )
            )
    uscc = case.fields.get("uscc")
    if uscc and not is_valid_uscc(uscc):
        flags.append(
            Flag(
                FlagCode.USCC_CHECKSUM_INVALID,
                Severity.WARNING,
                f"统一社会信用代码“{uscc}”校验位不符（GB 32100），"
                "部分真实代码也不符，请核对营业执照。",
                {"field": "uscc", "value": uscc},
                field="uscc",
            )
        )
    return flags
