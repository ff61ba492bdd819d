"""Amounts and ratios against what the documents and the policy allow (pure)."""

from __future__ import annotations

from decimal import Decimal

from backend.verification import normalise
from backend.verification.codes import FlagCode, Severity
from backend.verification.models import CaseSnapshot, Flag
from backend.verification.policy import Policy
from backend.verification.policy_keys import REASON_ZH

# Reasons that close the account (销户提取, national rule): the whole balance may go.
CLOSING_REASONS = frozenset({"03", "04", "05", "08"})
RATIO_FIELDS = ("unit_deposit_ratio", "personal_deposit_ratio")


def _exceeds(
    case: CaseSnapshot,
    amount: Decimal,
    limit: Decimal,
    what: str,
    evidence: dict[str, object],
    document_id: str | None = None,
) -> Flag:
    return Flag(
        FlagCode.AMOUNT_EXCEEDS_LIMIT,
        Severity.ERROR,
        f"提取金额 {amount:.2f} 元超过{what}（{limit:.2f} 元），请核减金额或核实材料。",
        {"amount": f"{amount:.2f}", "limit": f"{limit:.2f}", **evidence},
        field="amount",
        document_id=document_id,
    )


def amount_exceeds_limit(case: CaseSnapshot, policy: Policy) -> list[Flag]:
    amount = normalise.amount(case.fields.get("amount"))
    if case.kind != "withdrawal" or amount is None:
        return []
    reason = case.fields.get("withdrawal_reason", "")
    flags = []
    if reason == "06":
        for statement in case.documents_of("repayment_statement"):
            repaid = normalise.amount(statement.fields.get("last_12_months_total"))
            if repaid is not None and amount > repaid:
                flags.append(
                    _exceeds(
                        case,
                        amount,
                        repaid,
                        "还款明细中近12个月的还款合计",
                        {"basis": "last_12_months_total", "documentId": statement.id},
                        statement.id,
                    )
                )
    balance = case.account_balance
    if balance is not None:
        if reason in CLOSING_REASONS and amount > balance:
            flags.append(_exceeds(case, amount, balance, "账户余额", {"basis": "balance"}))
        elif reason not in CLOSING_REASONS and amount >= balance:
            # A partial withdrawal may neither exceed the balance nor bring it to zero.
            flags.append(
                _exceeds(
                    case,
                    amount,
                    balance,
                    "部分提取允许的金额（须低于账户余额）",
                    {"basis": "balance"},
                )
            )
    cap = policy.amount_cap.get(reason)
    if cap is not None and amount > cap:
        flags.append(
            _exceeds(
                case,
                amount,
                cap,
                f"{REASON_ZH.get(reason, reason)}提取的单次上限",
                {"basis": "policy_cap", "policy": policy.source_of(f"amount_cap.{reason}")},
            )
        )
    return flags


def deposit_ratio_out_of_range(case: CaseSnapshot, policy: Policy) -> list[Flag]:
    if case.kind != "unit_registration":
        return []
    low, high = policy.deposit_ratio_min, policy.deposit_ratio_max
    sources = [
        (None, case.fields),
        *[(d.id, d.fields) for d in case.documents_of("unit_registration_form")],
    ]
    flags = []
    for document_id, fields in sources:
        for key in RATIO_FIELDS:
            ratio = normalise.percent(fields.get(key))
            if ratio is None or low <= ratio <= high:
                continue
            flags.append(
                Flag(
                    FlagCode.DEPOSIT_RATIO_OUT_OF_RANGE,
                    Severity.WARNING,
                    f"{'单位' if key.startswith('unit') else '个人'}缴存比例 {fields.get(key)} "
                    f"不在 {low}%–{high}% 之间，请核实。",
                    {
                        "field": key,
                        "value": fields.get(key),
                        "min": str(low),
                        "max": str(high),
                        "documentId": document_id,
                        "policy": [
                            policy.source_of("deposit_ratio.min_percent"),
                            policy.source_of("deposit_ratio.max_percent"),
                        ],
                    },
                    field=key,
                    document_id=document_id,
                )
            )
    return flags
