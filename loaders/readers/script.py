"""Which Chinese script a plan is written in: the recognisers and gazetteers know Simplified terms only.

Traditional-character text is not converted (a conversion would break the rule that every quote is an
exact substring of the input); it is detected and reported as a data problem that says how to convert.

>>> traditional_share("發展經濟，建設產業園區")
0.7
>>> traditional_share("发展经济，建设产业园区")
0.0
"""

from __future__ import annotations

import re

from kg.records import Problem

# Frequent plan characters whose Simplified form differs (發/发, 經/经 …): none of them is used in
# Simplified text, so their share among the CJK characters tells Traditional text apart.
TRADITIONAL_ONLY = frozenset(
    "發經濟產業區國會設實現開務動應關點進們來時對與為個這過還從幾總條級環標導規劃際創優質據數網絡術權"
    "農氣電鐵醫療養險補億萬聯機構節織協調續營築範極價轉廣"
)
THRESHOLD = 0.02  # in Traditional plans these characters are some 10% of the CJK text
_NOT_CJK = re.compile("[^\u4e00-\u9fff]+")
_TRADITIONAL = re.compile("[" + "".join(sorted(TRADITIONAL_ONLY)) + "]")


def traditional_share(text: str, sample: int = 200_000) -> float:
    """Share of the CJK characters (in the first ``sample`` characters) that only Traditional text uses."""
    head = text[:sample]
    cjk = len(_NOT_CJK.sub("", head))  # counted in C (findall made a string a character: 5x slower)
    if not cjk:
        return 0.0
    return round(len(_TRADITIONAL.findall(head)) / cjk, 3)


def script_problems(text: str, plan_id: str) -> list[dict]:
    """A ``traditional-chinese`` problem when the text looks Traditional, else nothing."""
    share = traditional_share(text)
    if share < THRESHOLD:
        return []
    message = (
        f"the text looks like Traditional Chinese ({share:.0%} Traditional-only characters); "
        "names, districts and units are recognised in Simplified Chinese only: convert first, "
        "e.g. `opencc -c t2s.json -i IN -o OUT`"
    )
    return [Problem(plan_id, "traditional-chinese", message).as_dict()]
