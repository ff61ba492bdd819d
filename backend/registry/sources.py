"""The shared-data sources (spec section 9) and which ones a business type needs (pure)."""

from __future__ import annotations

from enum import StrEnum


class Source(StrEnum):
    REAL_ESTATE = "REAL_ESTATE"
    MARRIAGE = "MARRIAGE"
    HOUSING_FILING = "HOUSING_FILING"
    CREDIT = "CREDIT"

    @property
    def label(self) -> str:
        return SOURCE_ZH[self]

    @property
    def path(self) -> str:
        """The source's segment in the contract's URLs (``/v1/real-estate/query``)."""
        return self.value.lower().replace("_", "-")


SOURCE_ZH = {
    Source.REAL_ESTATE: "不动产登记",
    Source.MARRIAGE: "婚姻登记",
    Source.HOUSING_FILING: "商品房交易登记备案",
    Source.CREDIT: "个人征信",
}

# Withdrawal reasons (policy_keys.WITHDRAWAL_REASONS) → the registries its checks rely on.
# 01 购房 / 06 还贷: ownership, the purchase filing, marriage (spouse), loans in the credit
# record; 02 建造: ownership and marriage; 07 租房: no home of one's own, marriage.
_BY_REASON: dict[str, tuple[Source, ...]] = {
    "01": (Source.REAL_ESTATE, Source.MARRIAGE, Source.HOUSING_FILING, Source.CREDIT),
    "02": (Source.REAL_ESTATE, Source.MARRIAGE),
    "06": (Source.REAL_ESTATE, Source.MARRIAGE, Source.HOUSING_FILING, Source.CREDIT),
    "07": (Source.REAL_ESTATE, Source.MARRIAGE),
}


def needed_sources(kind: str, fields: dict[str, str]) -> tuple[Source, ...]:
    """The sources checked automatically when a case of this business type is processed."""
    if kind != "withdrawal":
        return ()
    return _BY_REASON.get(str(fields.get("withdrawal_reason") or ""), ())


def parse_source(value: str) -> Source | None:
    try:
        return Source(value)
    except ValueError:
        return None
