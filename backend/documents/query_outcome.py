"""What a registry's query result says: a property found, none, or neither (pure).

A no-housing certificate's 查询结果 is a sentence. Whether the applicant has a property is
read off it (``has_property``); a sentence that says neither (glare wiped 名下无不动产 out of
经查询，该申请人名下无不动产登记记录) must not be trusted either way (``states_outcome``).
"""

from __future__ import annotations

import re

from backend.documents.fields import squash

_NONE_FOUND = re.compile(r"未发现|未查询到|未查到|未查见|查无|暂无|没有|不存在|"
                         r"无[^。，,；;]{0,12}(登记|房|不动产|记录|信息)")
# a count of properties: 有不动产登记记录1条, 登记有住房2套, 查询到房屋登记信息1处
_COUNTED = re.compile(r"(有|查询到|查到|存在)[^。，,；;无未没]{0,14}?"
                      r"(\d+|[一二两三四五六七八九十])\s*(条|套|处|宗|栋|间)")
# a finding without a count: 名下有不动产登记记录, 查询到房屋登记信息, 存在住房
_FOUND = re.compile(r"(有|查询到|查到|存在|登记在)[^。，,；;无未没]{0,12}"
                    r"(登记|房|不动产|记录|信息)")
_CN_DIGITS = "零一二三四五六七八九十"


def has_property(result: str) -> bool:
    """Whether a query result reports a property: a count says it (…1条 yes even if a
    later clause says no to something else, as in …1条，无查封记录; 0套 no); otherwise a phrase of
    absence (未发现, 无…登记, 没有, 查无) says no; anything else is read as yes (a reading
    that cannot show absence must not clear the applicant)."""
    t = squash(result)
    counted = _COUNTED.search(t)
    if counted:
        n = counted.group(2)
        count = int(n) if n.isdigit() else _CN_DIGITS.index(n) if n in _CN_DIGITS else 2
        return count > 0
    return _NONE_FOUND.search(t) is None


def states_outcome(result: str) -> bool:
    """Whether the sentence says something was found or that nothing was."""
    t = squash(result)
    return bool(_COUNTED.search(t) or _NONE_FOUND.search(t) or _FOUND.search(t))
