"""Word tables for target extraction: the genre's verbs, connectives and period markers.

The word lists live in ``loaders/reference/data/target_*.tsv`` (one word a line with an example or a
reason), read once here.

Comparator table (documented once, used by ``targets.py`` via ``numbers.PREFIX_COMPARATORS``/
``SUFFIX_COMPARATORS``): 超/超过/突破/大于/高于 -> ``>``; 以上/不低于/不少于/至少 -> ``>=``;
以下/以内/不高于/不超过/控制在 -> ``<=``; 左右/约/上下 -> ``≈``; 余/多 after the number -> ``>``;
达到/迈上/为/提高到 ... (``EQUALS_VERBS``) or nothing -> ``=``; a range ``3—5`` -> ``range``.
A word after the number wins over one before it (达到5000亿元以上 is ``>=``).
"""

from __future__ import annotations

from kg.loaders.reference.words import words

# Verbs that state a level; the comparator is "=". Also the verbs that may take a bare number
# (城乡居民收入倍差缩小至1.62).
EQUALS_VERBS = words("target_equals_verbs")
UNITLESS_VERBS = tuple(v for v in EQUALS_VERBS if len(v) > 1 and v not in ("迈上",)) + ("控制在",)

ASPIRATION = ("力争", "争取")
CUMULATIVE = ("累计",)

# Words stripped from the end of the text before a number (verb, modal, adverb of the commitment).
TAIL_WORDS = EQUALS_VERBS + ASPIRATION + CUMULATIVE + words("target_tail_words")

# Words stripped from the start of a subject: place-wide scope and connectives.
LEAD_WORDS = words("target_lead_words")

# Verbs of doing that put the measured thing after them (建成高质量数据集300个 -> 高质量数据集).
ACTION_VERBS = words("target_action_verbs")

# Things that may follow a physical quantity without making it a modifier of a noun
# (迈上3万亿元新台阶 is a target; 400万千瓦光伏装机 is the size of a project).
QUANTITY_FOLLOWERS = words("target_quantity_followers")

# A past achievement (已建成…, 累计新增…) unless a future marker or a deadline of the plan is near.
PAST_MARKERS = words("target_past_markers")
FUTURE_MARKERS = words("target_future_markers")
# Words whose following year or figure is the base of a change (较2020年, 从2020年的5%, 由309家).
BASELINE_MARKERS = words("target_baseline_markers")
# A sentence defining a group by its members: its counts are no targets (“15+8”产业是指15个…).
DEFINITION_MARKERS = words("target_definition_markers")
# Nouns after a count that make it the size of a list (6个方面, 12项重点任务).
TALLY_NOUNS = words("target_tally_nouns")

# Plan-period markers: a target governed by one has no year of its own (year None), or the plan's
# end year when it is known and the marker names the plan's own period (到“十五五”末, 到规划期末).
PERIOD_MARKERS = r"“?十[一二三四五六七八九]五”?(?:期间|时期|末)|规划期(?:末|内|间)|期间|每年"
