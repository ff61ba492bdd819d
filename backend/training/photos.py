"""Drill photos drawn by the document generator (``bench/harder/``) from the
values a drill plan says they show: a generated page, lightly photographed (JPEG), never a
member's real photo."""

from __future__ import annotations

import random
from collections.abc import Mapping

from backend.verification.texts import DOC_ZH, FIELD_ZH

_LABELS = FIELD_ZH | {
    "sex": "性别", "ethnicity": "民族", "birth_date": "出生日期", "address": "住址",
    "id_number": "公民身份号码", "marital_status": "婚姻状况", "issue_date": "出具日期",
    "issuer": "出具机关", "query_result": "查询结果", "landlord_name": "出租人",
    "monthly_rent": "月租金", "lease_start": "租赁开始日期", "lease_end": "租赁结束日期",
    "tenant_name": "承租人", "tenant_id_number": "承租人身份证号", "name": "姓名",
}
_WIDE = frozenset({"address", "id_number", "issuer", "query_result", "rental_address",
                   "tenant_id_number", "property_address", "unit_address"})


def render_photo(doc_type: str, values: Mapping[str, str], seed: int) -> bytes:
    """JPEG bytes of a document of ``doc_type`` showing ``values`` (labels in Chinese)."""
    # The generator's public parts; heavy (PIL, numpy, OpenCV), so imported on use.
    from bench.harder.model import Doc, Pair
    from bench.harder.photo import photograph
    from bench.harder.render import render
    from bench.harder_documents import available_fonts

    rng = random.Random(seed)
    fonts = available_fonts()
    if not fonts:
        raise RuntimeError("no CJK font found (install fonts-noto-cjk)")
    pairs = [
        Pair((_LABELS.get(key, key),), str(value), wide=key in _WIDE)
        for key, value in values.items()
    ]
    landscape = doc_type == "id_card"
    doc = Doc(
        doc_type=doc_type,
        title="" if landscape else DOC_ZH.get(doc_type, doc_type),
        fields=dict(values),
        pairs=pairs,
        head=["中华人民共和国居民身份证"] if landscape else [],
        landscape=landscape,
        fixed_order=True,
    )
    page = render(doc, rng, "lines", fonts[seed % len(fonts)])
    data, _ = photograph(page, ["jpeg"], rng)
    return data
