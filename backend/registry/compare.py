"""Comparing what the registries say with the papers and the case, field by field (pure).

Each mismatch is a flag with evidence: both values and where each comes from. A flag
never decides; a person weighs it in review. Codes: spec section 9."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from backend.registry.records import CreditLoan, FilingRecord, MarriageRecord, RegistryResult
from backend.registry.sources import Source
from backend.verification import normalise
from backend.verification.models import CaseSnapshot

PROPERTY_FOUND = "REGISTRY_PROPERTY_FOUND"
MARITAL_MISMATCH = "REGISTRY_MARITAL_MISMATCH"
FILING_MISMATCH = "REGISTRY_FILING_MISMATCH"
LOAN_UNDECLARED = "CREDIT_LOAN_UNDECLARED"
UNAVAILABLE = "REGISTRY_UNAVAILABLE"

MARITAL_ZH = {"10": "未婚", "20": "已婚", "30": "丧偶", "40": "离婚", "90": "未说明"}
NO_HOME_REASONS = frozenset({"07"})  # 租房: the member must own no home here
_NONE_WORDS = ("无房", "无住房", "未查询到", "未查到", "无登记", "无产权")


def _flag(
    code: str, severity: str, field: str, message: str, evidence: dict[str, Any],
    document_id: str | None = None,
) -> dict[str, Any]:
    return {"code": code, "severity": severity, "field": field, "documentId": document_id,
            "message": message, "evidence": evidence}


def _registry(source: Source, value: Any, query_id: str | None) -> dict[str, Any]:
    return {"source": str(source), "label": source.label, "value": value, "queryId": query_id}


def _paper(source: str, field: str, value: Any, document_id: str | None = None) -> dict[str, Any]:
    return {"source": source, "field": field, "value": value, "documentId": document_id}


def says_no_home(fields: dict[str, str]) -> bool:
    if normalise.truthy(fields.get("has_property")) is False:
        return True
    result = normalise.text(fields.get("query_result"))
    return any(word in result for word in _NONE_WORDS)


def property_found(
    case: CaseSnapshot, result: RegistryResult, query_id: str | None = None
) -> list[dict[str, Any]]:
    """Homes in the registry against a no-housing certificate, or a reason that needs none."""
    if not result.found or not result.records:
        return []
    homes = [{"certificateNumber": r.certificate_number, "address": r.address}
             for r in result.records]
    registry = _registry(Source.REAL_ESTATE, homes, query_id)
    flags = []
    for doc in case.documents_of("no_housing_certificate"):
        if says_no_home(doc.fields):
            printed = doc.fields.get("has_property") or doc.fields.get("query_result")
            flags.append(_flag(
                PROPERTY_FOUND, "error", "has_property",
                f"不动产登记查到 {len(homes)} 处房产，与无房证明不符，请核实",
                {"registry": registry,
                 "paper": _paper("no_housing_certificate", "has_property", printed, doc.id)},
                doc.id,
            ))
    reason = case.fields.get("withdrawal_reason")
    if not flags and reason in NO_HOME_REASONS:
        flags.append(_flag(
            PROPERTY_FOUND, "error", "withdrawal_reason",
            f"申请租房提取，但不动产登记查到 {len(homes)} 处房产，请核实",
            {"registry": registry, "paper": _paper("case", "withdrawal_reason", reason)},
        ))
    return flags


def _marital_label(code: normalise.Marital | None, printed: str | None) -> str:
    return f"{code} {MARITAL_ZH[code]}" if code else str(printed)


def marital_mismatch(
    case: CaseSnapshot, result: RegistryResult, query_id: str | None = None
) -> list[dict[str, Any]]:
    """The registered status against each certificate and the declared status. No entry in
    the marriage registry means no marriage was ever registered (未婚)."""
    record = next((r for r in result.records if isinstance(r, MarriageRecord)), None)
    registered = normalise.marital(record.status) if record else normalise.Marital.NEVER_MARRIED
    if registered is None or registered == normalise.Marital.UNKNOWN:
        return []
    shown = _marital_label(registered, None) if record else "无婚姻登记记录（未婚）"
    registry = _registry(Source.MARRIAGE, shown, query_id)
    papers: list[tuple[str, str | None, str | None]] = [
        ("marital_status_certificate", d.id, d.fields.get("marital_status"))
        for d in case.documents_of("marital_status_certificate")
    ]
    papers.append(("case", None, case.fields.get("marital_status")))
    flags = []
    for where, document_id, printed in papers:
        stated = normalise.marital(printed)
        if stated is None or stated == normalise.Marital.UNKNOWN or stated == registered:
            continue
        what = "婚姻状况证明" if document_id else "申报的婚姻状况"
        flags.append(_flag(
            MARITAL_MISMATCH, "error", "marital_status",
            f"婚姻登记为「{shown}」，{what}为「{printed}」，请核实",
            {"registry": registry, "paper": _paper(where, "marital_status", printed, document_id)},
            document_id,
        ))
    return flags


def _place(value: str | None) -> str:
    """One key per home: verification's address key, a trailing 号 (室) dropped."""
    return normalise.address(value).removesuffix("号")


def _loan_papers(case: CaseSnapshot) -> list[tuple[str, str | None, dict[str, str]]]:
    docs: list[tuple[str, str | None, dict[str, str]]] = [
        ("loan_contract", d.id, d.fields) for d in case.documents_of("loan_contract")
    ]
    if docs:
        return docs
    keys = ("contract_number", "property_address", "loan_amount")
    typed = {k: case.fields[k] for k in keys if case.fields.get(k)}
    return [("case", None, typed)] if typed else []


def _best_filing(records: list[FilingRecord], paper: dict[str, str]) -> FilingRecord:
    number = normalise.text(paper.get("contract_number")).upper()
    place = _place(paper.get("property_address"))
    for record in records:
        if number and normalise.text(record.contract_number).upper() == number:
            return record
    for record in records:
        if place and _place(record.address) == place:
            return record
    return records[0]


def filing_mismatch(
    case: CaseSnapshot, result: RegistryResult, query_id: str | None = None
) -> list[dict[str, Any]]:
    """The filed contract's number, price and address against the loan contract."""
    records = [r for r in result.records if isinstance(r, FilingRecord)]
    flags: list[dict[str, Any]] = []
    for where, document_id, paper in _loan_papers(case):
        if not records:
            flags.append(_flag(
                FILING_MISMATCH, "error", "contract_number",
                "商品房备案系统中未查到申请人的备案合同，请核实购房真实性",
                {"registry": _registry(Source.HOUSING_FILING, None, query_id),
                 "paper": _paper(where, "contract_number", paper.get("contract_number"),
                                 document_id)},
                document_id,
            ))
            continue
        filing = _best_filing(records, paper)
        pairs: list[tuple[str, str | None, str | None, bool, str]] = [
            ("contract_number", filing.contract_number, paper.get("contract_number"),
             normalise.text(filing.contract_number).upper()
             != normalise.text(paper.get("contract_number")).upper(), "合同编号"),
            ("property_address", filing.address, paper.get("property_address"),
             _place(filing.address) != _place(paper.get("property_address")),
             "房屋坐落"),
        ]
        price = normalise.amount(filing.price)
        loan = normalise.amount(paper.get("loan_amount"))
        too_much = price is not None and loan is not None and loan > price
        stated_loan = paper.get("loan_amount")
        pairs.append(("loan_amount", filing.price, stated_loan, too_much, "贷款金额超过备案总价"))
        for field, filed, stated, differs, label in pairs:
            if not stated or not differs:
                continue
            flags.append(_flag(
                FILING_MISMATCH, "error", field,
                f"备案信息与借款合同不一致（{label}）：备案为「{filed}」，合同为「{stated}」",
                {"registry": _registry(Source.HOUSING_FILING, {field: filed, **asdict(filing)},
                                       query_id),
                 "paper": _paper(where, field, stated, document_id)},
                document_id,
            ))
    return flags


def credit_loans_undeclared(
    case: CaseSnapshot, result: RegistryResult, query_id: str | None = None
) -> list[dict[str, Any]]:
    """Active housing loans in the credit record that no loan contract of the case declares."""
    declared = {normalise.text(p.get("contract_number")).upper()
                for _, _, p in _loan_papers(case) if p.get("contract_number")}
    flags = []
    for loan in result.records:
        if not isinstance(loan, CreditLoan) or loan.status != "ACTIVE":
            continue
        if loan.loan_type != "HOUSING":
            continue
        if loan.contract_number and normalise.text(loan.contract_number).upper() in declared:
            continue
        flags.append(_flag(
            LOAN_UNDECLARED, "warning", "contract_number",
            f"征信记录中有未申报的住房贷款（{loan.lender}，余额 {loan.balance or '未知'} 元）",
            {"registry": _registry(Source.CREDIT, asdict(loan), query_id),
             "paper": _paper("loan_contract", "contract_number", sorted(declared) or None)},
        ))
    return flags


RULES = {
    Source.REAL_ESTATE: property_found,
    Source.MARRIAGE: marital_mismatch,
    Source.HOUSING_FILING: filing_mismatch,
    Source.CREDIT: credit_loans_undeclared,
}


def compare(
    case: CaseSnapshot, result: RegistryResult, query_id: str | None = None
) -> list[dict[str, Any]]:
    return RULES[result.source](case, result, query_id)


def unavailable(source: Source, reason: str, retry_at: str | None) -> dict[str, Any]:
    """The check of ``source`` is still to do (info: it never raises the risk level)."""
    return _flag(
        UNAVAILABLE, "info", str(source),
        f"{source.label}暂时无法查询，系统将自动重新核验（不影响继续办理）",
        {"registry": {"source": str(source), "label": source.label, "value": None},
         "reason": reason, "retryAt": retry_at},
    )
