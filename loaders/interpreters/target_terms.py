"""Word tables for target extraction: the genre's verbs, connectives and period markers.

Comparator table (documented once, used by ``targets.py`` via ``numbers.PREFIX_COMPARATORS``/
``SUFFIX_COMPARATORS``): 超/超过/突破/大于/高于 -> ``>``; 以上/不低于/不少于/至少 -> ``>=``;
以下/以内/不高于/不超过/控制在 -> ``<=``; 左右/约/上下 -> ``≈``; 余/多 after the number -> ``>``;
达到/迈上/为/提高到 ... (``EQUALS_VERBS``) or nothing -> ``=``; a range ``3—5`` -> ``range``.
A word after the number wins over one before it (达到5000亿元以上 is ``>=``).
"""

from __future__ import annotations

# Verbs that state a level; the comparator is "=". Also the verbs that may take a bare number
# (城乡居民收入倍差缩小至1.62).
EQUALS_VERBS = (
    "达到", "达", "迈上", "为", "提高到", "提高至", "提升到", "提升至", "增至", "增加到", "增加至",
    "缩小至", "缩小到", "降至", "降低至", "降低到", "下降至", "下降到", "保持在", "稳定在", "升至",
)  # fmt: skip
UNITLESS_VERBS = tuple(v for v in EQUALS_VERBS if len(v) > 1 and v not in ("迈上",)) + ("控制在",)

ASPIRATION = ("力争", "争取")
CUMULATIVE = ("累计",)

# Words stripped from the end of the text before a number (verb, modal, adverb of the commitment).
TAIL_WORDS = EQUALS_VERBS + ASPIRATION + CUMULATIVE + ("均", "将", "要", "分别", "每年", "实现")

# Words stripped from the start of a subject: place-wide scope and connectives.
LEAD_WORDS = (
    "全市", "全区", "全县", "全省", "全国", "其中", "并且", "并", "以及", "及", "和", "同时", "确保", "推动",
    "促进", "使", "实现", "力争", "争取", "累计", "每年", "此外", "另外", "新增培育",
)  # fmt: skip

# Verbs of doing that put the measured thing after them (建成高质量数据集300个 -> 高质量数据集).
ACTION_VERBS = (
    "建成", "培育", "打造", "集聚", "引进", "新引进", "举办", "新招收", "招引", "建设", "实施", "开展",
    "推进", "谋划推进", "新建成", "新建", "改造", "计划改造", "认定", "创建", "形成", "布局", "发布",
    "吸引", "培养", "汇聚", "获批", "获评", "提供", "至少提供", "开辟", "开通", "组建", "设立", "引育",
    "新增", "认证", "评选", "完成", "培育形成", "培育打造", "招引落地", "覆盖", "新培育",
)  # fmt: skip

# Things that may follow a physical quantity without making it a modifier of a noun
# (迈上3万亿元新台阶 is a target; 400万千瓦光伏装机 is the size of a project).
QUANTITY_FOLLOWERS = ("新台阶", "台阶", "大关", "关口", "规模", "水平", "目标", "量级")

# Plan-period markers: a target governed by one has no year of its own (year None).
PERIOD_MARKERS = r"“?十[一二三四五六七八九]五”?(?:期间|时期|末)|期间|每年"
