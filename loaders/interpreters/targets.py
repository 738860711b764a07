"""Quantitative targets in a paragraph of plan text: ``到2030年，…营业收入超6000亿元`` -> ``TargetMatch``.

Pure functions on strings. Offsets are into the string given (full-width digits are read in place, so
they never shift offsets). Rules, all general to the genre:

* a target is a number with a unit (``units.UNIT``), or a bare number after a verb of level
  (``缩小至1.62``); Chinese numerals count only as ``百分之十五`` or with a magnitude after a comparator
  (``迈上万亿元台阶``), so names like ``十大工程``/``三大枢纽`` are never targets;
* not targets: years and year ranges, numbers inside short quotes (``“1小时通勤圈”``), numbers glued to
  Latin letters or other digits (``5G``, ``PM2.5``, ``G60``), ordinals and ranks (``第3个``, ``前10``),
  enumeration tallies (``等9个领域``, ``2个万亿级产业集群``), and quantities that qualify a noun
  (``1000万美元以上数字贸易企业``, ``超2万亿元的城市``);
* not targets either: counts in a definition (``“15+8”产业是指15个战略性产业和8个现代服务业``,
  ``6个未来产业包括…``), counts of industry groups (``9个千亿级特色产业集群``) and list sizes
  (``6个方面``, ``12项重点任务``);
* past achievements are no targets: a starting level (``从2020年的5%``, ``由309家``), a change against
  a base year long past (``较2020年新增14家``), a figure of ``已建成…``/``累计建成…`` with no deadline,
  and, when the plan's ``end_year`` is known, a figure whose year lies before the plan's period or
  that a review of another period (``“十四五”时期``) governs;
* the year is the last ``(力争)(到)2030年`` (or ``二〇三〇年``) before the target in the same sentence,
  never a base year (``较2025年``); a plan-period marker (``“十五五”期间``, ``每年``) after it makes the
  year None, or the plan's ``end_year`` for its own period's end (``到“十五五”末``, ``到规划期末``) and
  for a total over its own period (``“十五五”期间…累计…``).

>>> [t] = extract_targets("到2030年，建成高质量数据集300个。")
>>> (t.value, t.unit, t.year, t.comparator, t.subject)
('300', '个', 2030, '=', '高质量数据集')
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from kg.loaders.interpreters import target_terms as terms
from kg.loaders.interpreters.numbers import (
    CN_YEAR,
    PREFIX_COMPARATORS,
    RANGE_DASHES,
    SUFFIX_COMPARATORS,
    parse_number,
    parse_year,
    to_halfwidth,
)
from kg.loaders.interpreters.sentences import period_end_year
from kg.loaders.interpreters.units import CLASSIFIERS, UNIT_PATTERN
from kg.loaders.lexicon.patterns import is_cjk as _is_cjk


@dataclass(frozen=True)
class TargetMatch:
    start: int
    end: int
    value: str
    number: float | None
    high: float | None
    unit: str
    year: int | None
    comparator: str
    aspiration: bool
    cumulative: bool
    subject: str


_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SUFFIX = "|".join(k for k in SUFFIX_COMPARATORS if len(k) > 1)
_QUANTITY = re.compile(
    rf"(?:(?P<pct>百分之)(?P<pctnum>[〇零一二两三四五六七八九十点]+)"
    rf"|(?P<cn>[一二两三四五六七八九]?)(?=(?:万亿|亿|万)(?:元|美元|人))"
    rf"|(?P<bracket>[\[〔【])?(?P<low>{_ARABIC})"
    rf"(?:(?:万亿|亿|万)?\s*[{RANGE_DASHES}]\s*(?P<high>{_ARABIC}))?(?:[\]〕】])?"
    rf"(?P<ratio>[:：]\d+(?:\.\d+)?(?![\d:：]))?)"  # a ratio, 0.7:1 (not a time, 8:30:00)
    rf"\s*(?P<more>[余多])?\s*(?P<unit>{UNIT_PATTERN})?(?:[（(][^）)\d]{{1,3}}[）)])?\s*(?P<suf>{_SUFFIX})?"
)
_YEAR = re.compile(
    rf"(?P<asp>力争|争取)?\s*(?P<to>到|至|在|于|截至)?\s*(?P<y>(?:19|20)\d\d|{CN_YEAR})\s*年(?:底|末|前)?"
)
_PERIOD = re.compile(terms.PERIOD_MARKERS)
_LEAD_WORDS = sorted(terms.LEAD_WORDS, key=len, reverse=True)
_SENTENCE_END = "。；;！？!?\n|"
_CLAUSE_END = "，,；;：:。！？!?\n|"
_OWN_END = re.compile(r"“?(十[一二三四五六七八九]五)”?末|规划期末")
_OTHER_PERIOD = re.compile(r"“?(十[一二三四五六七八九]?五)”?(?:时期|期间|末|以来|规划)")
_BASE_YEAR_AFTER = ("相比", "相较", "对比")
_BASELINE_FIGURE = re.compile(rf"(?:从|由)\s*(?:(?:(?:19|20)\d\d|{CN_YEAR})\s*年(?:底|末)?\s*的?)?\s*$")
# 城镇化率从2020年的5%提高到2025年的8% -> the subject is what stands before 从.
_BASELINE_SPAN = re.compile(
    rf"(?:从|由)\s*(?:(?:(?:19|20)\d\d|{CN_YEAR})\s*年(?:底|末)?\s*的?)?\s*[\d.,]+\s*\S{{0,4}}?"
    rf"\s*(?:{'|'.join(sorted(terms.EQUALS_VERBS, key=len, reverse=True))})"
    rf"\s*(?:(?:(?:19|20)\d\d|{CN_YEAR})\s*年(?:底|末)?\s*的?)?\s*$"
)
_GROUP_NOUNS = re.compile(
    rf"[^{_CLAUSE_END}、和及与]*?(?:{'|'.join(terms.words('target_group_nouns'))})(?:[{_CLAUSE_END}、和及与]|$)"
)
_QUOTES = re.compile(r"“[^”]{0,20}”|\"[^\"]{0,20}\"|「[^」]{0,20}」")
_GRADE_AFTER = re.compile(r"\s*[十百千万亿]+级")
_GROUP_AFTER = re.compile(rf"\s*(?:{_GROUP_NOUNS.pattern})")
_DIGIT_IN_CLAUSE = re.compile(rf"\s*[^{_CLAUSE_END}、]*?\d")
_NOUN_END = re.compile(rf"[{_CLAUSE_END}、等]")
# Every check that looks next to a quantity or a year reads at most this many characters beyond the
# spaces that touch it (the longest word it compares, plus one), so no check copies the rest of a line.
_WINDOW = 1 + max(
    len(w)
    for group in (
        terms.EQUALS_VERBS, terms.UNITLESS_VERBS, terms.TAIL_WORDS, terms.BASELINE_MARKERS,
        terms.TALLY_NOUNS, terms.QUANTITY_FOLLOWERS, PREFIX_COMPARATORS, SUFFIX_COMPARATORS,
        _BASE_YEAR_AFTER, ("迈上", "达到", "第", "前", "等", "No"),
    )
    for w in group
)  # fmt: skip


def _tail(text: str, at: int) -> str:
    """The end of ``text[:at].rstrip()``: its last ``_WINDOW`` characters."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return text[max(0, at - _WINDOW) : at]


def _head(text: str, at: int) -> str:
    """The start of ``text[at:].lstrip()``: its first ``_WINDOW`` characters."""
    n = len(text)
    while at < n and text[at].isspace():
        at += 1
    return text[at : at + _WINDOW]


class _Phrases:
    """The matches of ``pattern`` in ``text``, asked for those before an offset in O(log n): what
    ``pattern.finditer(text, 0, upto)`` gives is the same up to a match that runs past ``upto``, and
    only from there is the text searched again (a few characters)."""

    def __init__(self, pattern: re.Pattern, text: str):
        self.pattern, self.text = pattern, text
        self.found = list(pattern.finditer(text))
        self.ends = [p.end() for p in self.found]

    def before(self, upto: int) -> tuple[int, list[re.Match]]:
        """(k, extra): the matches before ``upto`` are ``found[:k] + extra``."""
        k = bisect_right(self.ends, upto)
        if k < len(self.found) and self.found[k].start() < upto:
            return k, list(self.pattern.finditer(self.text, self.found[k].start(), upto))
        return k, []

    def first(self, upto: int) -> re.Match | None:
        k, extra = self.before(upto)
        return self.found[0] if k else (extra[0] if extra else None)

    def last(self, upto: int) -> re.Match | None:
        k, extra = self.before(upto)
        return extra[-1] if extra else (self.found[k - 1] if k else None)


class _Sentence:
    """One sentence with what every quantity in it asks about (year phrases, period markers, clause
    ends, marker words), found once, so that a sentence with n quantities costs O(n log n), not O(n²)."""

    def __init__(self, text: str):
        self.text = text
        self.year_phrases = _Phrases(_YEAR, text)
        self.periods = _Phrases(_PERIOD, text)
        # per prefix of the year phrases: the last deadline (not a base year) and the earliest base year
        self._deadline: list[tuple[re.Match, int] | None] = [None]
        self._base: list[int | None] = [None]
        for y in self.year_phrases.found:
            found = _year(text, y)
            deadline, base = self._deadline[-1], self._base[-1]
            if found and not found[2]:
                deadline = found[0], found[1]
            if found and found[2]:
                base = found[1] if base is None else min(base, found[1])
            self._deadline.append(deadline)
            self._base.append(base)
        self._other: dict[int, int] = {}

    def deadline(self, upto: int) -> tuple[re.Match, int] | None:
        """The last (match, year) of the year phrases before ``upto`` that is no base year."""
        k, extra = self.year_phrases.before(upto)
        later = [f[:2] for f in map(lambda y: _year(self.text, y), extra) if f and not f[2]]
        return later[-1] if later else self._deadline[k]

    def earliest_base(self, upto: int) -> int | None:
        """The smallest base year of the year phrases before ``upto``."""
        k, extra = self.year_phrases.before(upto)
        bases = [f[1] for f in map(lambda y: _year(self.text, y), extra) if f and f[2]]
        if self._base[k] is not None:
            bases.append(self._base[k])
        return min(bases, default=None)

    def other_period_before(self, upto: int, end_year: int) -> bool:
        """A marker of another period than the plan's (ending ``end_year``) before ``upto``."""
        if end_year not in self._other:
            first = next(
                (i for i, p in enumerate(self._others.found) if period_end_year(p.group(1)) != end_year),
                len(self._others.found),
            )
            self._other[end_year] = first
        k, extra = self._others.before(upto)
        return self._other[end_year] < k or any(period_end_year(p.group(1)) != end_year for p in extra)

    @cached_property
    def _others(self) -> _Phrases:
        return _Phrases(_OTHER_PERIOD, self.text)

    @cached_property
    def clause_ends(self) -> list[int]:
        return [i for i, ch in enumerate(self.text) if ch in _CLAUSE_END]

    def clause_start(self, upto: int) -> int:
        """``_clause_start(text, upto, 0)``."""
        k = bisect_left(self.clause_ends, upto)
        return self.clause_ends[k - 1] + 1 if k else 0

    @cached_property
    def definition(self) -> bool:
        return any(w in self.text for w in terms.DEFINITION_MARKERS)

    @cached_property
    def _first(self) -> dict[str, int]:
        return {w: self.text.find(w) for w in terms.FUTURE_MARKERS}

    def future_before(self, upto: int) -> bool:
        """``any(w in text[:upto] for w in terms.FUTURE_MARKERS)``."""
        return any(0 <= at <= upto - len(w) for w, at in self._first.items())

    @cached_property
    def _occurrences(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for w in (*terms.PAST_MARKERS, "从", "由"):
            at, places = self.text.find(w), []
            while at >= 0:
                places.append(at)
                at = self.text.find(w, at + 1)
            found[w] = places
        return found

    def word_in(self, word: str, start: int, upto: int) -> bool:
        """``word in text[start:upto]``."""
        places = self._occurrences[word]
        k = bisect_left(places, start)
        return k < len(places) and places[k] + len(word) <= upto

    def last_of(self, word: str, upto: int) -> int:
        """``text.rfind(word, 0, upto)`` for a one-character word."""
        places = self._occurrences[word]
        k = bisect_left(places, upto)
        return places[k - 1] if k else -1


def _is_latin_or_digit(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "+.&")


def _ends_with(text: str, words) -> str:
    return max((w for w in words if text.endswith(w)), key=len, default="")


def _skip(text: str, m: re.Match, quotes: list[tuple[int, int]]) -> bool:
    """True when the quantity is not a commitment (see the module docstring)."""
    start, end = m.start(), m.end()
    before = _tail(text, start)
    after = _head(text, end)
    unit = m.group("unit") or ""
    k = bisect_left(quotes, (start,))  # quotes are sorted and do not overlap: only one can hold start
    if k and quotes[k - 1][0] < start < quotes[k - 1][1]:
        return True
    if before[-1:] and _is_latin_or_digit(before[-1]) or after[:1] and _is_latin_or_digit(after[0]):
        return True
    if before.endswith(("第", "前", "等", "No")) or _GRADE_AFTER.match(text, end):
        return True
    count = unit in CLASSIFIERS and not m.group("suf")
    if count and after.startswith(terms.TALLY_NOUNS):  # 6个方面, 12项重点任务: the size of a list
        return True
    if count and _GROUP_AFTER.match(text, end):  # 15个战略性产业和8个现代服务业: the size of a group
        return True
    if unit.endswith("年") and any(
        g and re.fullmatch(r"(?:19|20)\d\d", g) for g in (m.group("low"), m.group("high"))
    ):
        return True
    if after.startswith("的") and unit not in ("%", "百分之"):
        return True
    if before[-1:] in "(（" and after[:1] in ")）":  # an annotation such as 经济发展（7项）
        return True
    if unit.endswith("岁") and m.group("suf") in ("以上", "以下") and after[:1] and _is_cjk(after[0]):
        # an age bracket before its noun: 3岁以下婴幼儿 (not 预期寿命提高到85岁以上。)
        return True
    qualifier = m.group("suf") in ("以上", "以下") and after[:1] and _is_cjk(after[0])
    measure = unit and unit.lstrip("十百千万亿") not in CLASSIFIERS and unit != "%"
    if qualifier and _DIGIT_IN_CLAUSE.match(text, end):  # a digit before the clause ends
        return True
    return bool(
        measure and not m.group("suf") and after[:1] and _is_cjk(after[0])
        and not after.startswith(terms.QUANTITY_FOLLOWERS)
        and not after.startswith(tuple(SUFFIX_COMPARATORS))
    )  # fmt: skip


def _accept(text: str, m: re.Match) -> bool:
    """A quantity needs a unit, except a bare Arabic number right after a verb of level."""
    before = _tail(text, m.start())
    if m.group("cn") is not None:
        return bool(m.group("unit")) and bool(_ends_with(before, (*PREFIX_COMPARATORS, "迈上", "达到")))
    if m.group("pct"):
        return True
    if m.group("unit"):
        return True
    return bool(_ends_with(before, terms.UNITLESS_VERBS))


def _comparator(m: re.Match, pre: str) -> str:
    if m.group("high"):
        return "range"
    if m.group("suf"):
        return SUFFIX_COMPARATORS[m.group("suf")]
    if m.group("more"):
        return ">"
    pre = pre.rstrip()
    for word in sorted(PREFIX_COMPARATORS, key=len, reverse=True):
        at = pre.rfind(word)
        if at >= 0 and (at + len(word) == len(pre) or (len(word) > 1 and len(pre) - at <= 6)):
            return PREFIX_COMPARATORS[word]
    return "="


def _subject(pre: str, sentence: str, after: int) -> tuple[str, int]:
    """The measured thing and its offset in ``pre``; falls back to the noun after the quantity (the
    noun that starts at ``sentence[after:]``)."""
    offset = 0
    lead = re.match(rf"\s*(?:{_YEAR.pattern}|{terms.PERIOD_MARKERS})?[\s，,、]*", pre)
    offset = lead.end()
    body = pre[offset:]
    changed = True
    while changed:
        changed = False
        body = body.rstrip()
        tail = _ends_with(body, (*terms.TAIL_WORDS, *PREFIX_COMPARATORS))
        if tail:
            body, changed = body[: -len(tail)].rstrip(), True
        lead_word = next((w for w in _LEAD_WORDS if body.startswith(w)), "")
        if lead_word:
            body, offset, changed = body[len(lead_word) :], offset + len(lead_word), True
        body_l = body.lstrip("，,、 (（")
        offset += len(body) - len(body_l)
        body = body_l
    inner = max((body.rfind(v) + len(v) for v in terms.EQUALS_VERBS if len(v) > 1 and v in body), default=0)
    if 0 < inner < len(body):  # 机场力争达到年旅客吞吐量5000万人次: the measure follows the verb
        body, offset = body[inner:], offset + inner
    verbs = sorted(terms.ACTION_VERBS, key=len, reverse=True)
    verb = next((v for v in verbs if body.startswith(v)), "")
    if verb and not body[len(verb) :].startswith(("和", "及", "与", "、")):
        rest = body[len(verb) :]
        body, offset = rest.lstrip(), offset + len(verb) + len(rest) - len(rest.lstrip())
    if not body or body.endswith(tuple(verbs)):
        stop = _NOUN_END.search(sentence, after)
        noun = sentence[after : stop.start() if stop else len(sentence)].strip().lstrip("的")
        if noun:
            return noun, -1
    return body, offset


def _sentence_spans(text: str):
    start = 0
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END:
            if i > start:
                yield start, i
            start = i + 1
    if start < len(text):
        yield start, len(text)


def _base_year(sentence: str, y: re.Match) -> bool:
    """``较2020年``, ``比2025年``, ``与2025年相比``, ``从2020年的``: the base of a change, not a deadline."""
    if y.group("to"):
        return False
    return _tail(sentence, y.start("y")).endswith(terms.BASELINE_MARKERS) or _head(
        sentence, y.end()
    ).startswith(_BASE_YEAR_AFTER)


def _year(sentence: str, y: re.Match) -> tuple[re.Match, int, bool] | None:
    """(match, year, is a base year) of a year phrase; None for a range (2001—2005) or no year."""
    prev = _tail(sentence, y.start("y"))
    nxt = _head(sentence, y.end())
    if prev and (prev[-1] in RANGE_DASHES or prev[-1].isdigit()) or nxt[:1] and nxt[0] in RANGE_DASHES:
        return None
    year = parse_year(y.group("y"))
    if year and 1900 <= year <= 2100:
        return y, year, _base_year(sentence, y)
    return None


def _governing_year(
    sentence: _Sentence, upto: int, end_year: int | None = None
) -> tuple[int | None, bool, int | None, re.Match | None]:
    """(year, aspiration, offset of the year phrase, period marker) of the last deadline before ``upto``;
    the period marker is the one that governs instead of a year, if any."""
    year, aspiration, at, last, marker = None, False, None, -1, None
    deadline = sentence.deadline(upto)
    if deadline:
        y, year = deadline
        at = y.start() + len(y.group(0)) - len(y.group(0).lstrip())
        aspiration, last = bool(y.group("asp")), y.end()
    period = sentence.periods.last(upto)
    if period and period.start() >= last:  # markers do not overlap: the last one after the year governs
        year, aspiration, at, marker = None, False, None, period
    if marker is not None and end_year is not None and _own_end(marker.group(0), end_year):
        year = end_year  # 到“十五五”末, 到规划期末: the plan's last year
    return year, aspiration, at, marker


def _own_end(marker: str, end_year: int) -> bool:
    """The marker names the end of the plan's own period (``“十五五”末`` in a plan ending in 2030)."""
    m = _OWN_END.search(marker)
    return m is not None and (m.group(1) is None or period_end_year(m.group(1)) == end_year)


def _own_period(marker: str, end_year: int) -> bool:
    """The marker names the plan's own period (``“十五五”期间``, ``规划期内``)."""
    p = re.search(r"十[一二三四五六七八九]五", marker)
    return period_end_year(p.group(0)) == end_year if p else marker.startswith("规划期")


def _past(
    sentence: _Sentence, m: re.Match, year: int | None, marker: re.Match | None, end_year: int | None
) -> bool:
    """True when the quantity reports what was achieved rather than what the plan commits to."""
    upto = m.start()
    mark = max(sentence.last_of("从", upto), sentence.last_of("由", upto))
    # 从2020年的5%, 由309家: the starting level (the figure may only follow the last 从/由)
    if mark >= 0 and _BASELINE_FIGURE.match(sentence.text, mark, upto):
        return True
    start = end_year - 4 if end_year is not None else None
    if start is not None and year is not None and year < start:  # 2025年…超6千亿元 in a 十五五 plan
        return True
    deadline = year is not None or (
        marker is not None and (end_year is None or _own_period(marker.group(0), end_year))
    )
    future = deadline or sentence.future_before(upto)
    if future:
        return False
    if start is not None and sentence.other_period_before(upto, end_year):
        return True  # “十四五”时期…提升至59.0%: a review of another period
    base = sentence.earliest_base(upto)
    if base is not None and (start is None or base < start - 1):  # 较2020年新增14家
        return True
    clause = sentence.clause_start(upto)
    return any(sentence.word_in(w, clause, upto) for w in terms.PAST_MARKERS)  # 累计建成5G基站超11万座


def _definition(sentence: _Sentence, m: re.Match) -> bool:
    """A count in a sentence that defines a group by its members (“15+8”产业是指15个战略性产业…)."""
    unit = m.group("unit") or ""
    return unit in CLASSIFIERS and sentence.definition


def _adjacent(sentence: str, year_at: int, clause: int) -> bool:
    """The year phrase heads this clause: nothing but one comma lies between them."""
    year = _YEAR.match(sentence, year_at)
    gap = sentence[year.end() : clause] if year and year.end() <= clause else ""
    return year is not None and (year.end() > clause or gap.strip() in ("", "，", ","))


def _clause_start(sentence: str, upto: int, floor: int) -> int:
    cut = max((sentence.rfind(ch, floor, upto) for ch in _CLAUSE_END), default=-1) + 1
    return max(cut, floor)


def extract_targets(text: str, end_year: int | None = None) -> list[TargetMatch]:
    """Every quantitative target in ``text``, in order of appearance. ``end_year`` is the last year of
    the plan's period (``period_end_year(plan_period(title))``, 2030 for a 十五五 plan), when known: it
    dates ``到“十五五”末``/``到规划期末`` and totals over the period, and tells past years from the plan's."""
    norm = to_halfwidth(text)
    quotes = [(q.start(), q.end()) for q in _QUOTES.finditer(norm)]
    found: list[TargetMatch] = []
    for s_start, s_end in _sentence_spans(norm):
        text_of_sentence = norm[s_start:s_end]
        sentence = None  # its year phrases and markers, read at its first quantity (most have none)
        written = None
        previous_end = 0
        for m in _QUANTITY.finditer(text_of_sentence):
            if not m.group(0).strip() or not _accept(text_of_sentence, m):
                continue
            sentence = _Sentence(text_of_sentence) if sentence is None else sentence
            if _skip(norm, _shift(m, s_start), quotes) or _definition(sentence, m):
                continue
            year, _, _, marker = _governing_year(sentence, m.start(), end_year)
            if _past(sentence, m, year, marker, end_year):
                continue
            written = text[s_start:s_end] if written is None else written
            found.append(_build(sentence, m, s_start, previous_end, written, end_year))
            previous_end = m.end()
    return found


class _Shifted:
    """A match seen at document offsets (for checks that look beyond the sentence)."""

    def __init__(self, m: re.Match, delta: int):
        self._m, self._d = m, delta

    def start(self, *g):
        return self._m.start(*g) + self._d

    def end(self, *g):
        return self._m.end(*g) + self._d

    def group(self, *g):
        return self._m.group(*g)


def _shift(m: re.Match, delta: int) -> _Shifted:
    return _Shifted(m, delta)


def _build(
    parsed: _Sentence, m: re.Match, s_start: int, previous_end: int, written: str, end_year: int | None = None
) -> TargetMatch:
    """``parsed`` is the half-width reading of ``written``; values and units are sliced from ``written``."""
    sentence = parsed.text
    clause = _clause_start(sentence, m.start(), previous_end)
    if previous_end and clause == previous_end:  # 3—5项高品质国际赛事、50项以上…: the noun before 、 is done
        clause = sentence.rfind("、", clause, m.start()) + 1 or clause
    pre = sentence[clause : m.start()]
    pre = pre.lstrip("、和及与 ")
    clause = m.start() - len(pre)
    baseline = _BASELINE_SPAN.search(pre)
    if baseline:  # 城镇化率从2020年的5%提高到2025年的8%: the subject stands before 从
        pre = pre[: baseline.start()]
    year, year_aspiration, year_at, marker = _governing_year(parsed, m.start(), end_year)
    subject, offset = _subject(pre, sentence, m.end())
    start = clause + offset if offset >= 0 else m.start()
    if year_at is not None and year_at >= previous_end and _adjacent(sentence, year_at, clause):
        start = min(start, year_at)
    clause_text = sentence[clause : m.start()]
    unit = written[m.start("unit") : m.end("unit")] if m.group("unit") else ""
    if m.group("pct"):
        value, unit = m.group("pctnum"), "百分之"
    elif m.group("cn") is not None:
        value = m.group("cn")
    else:
        value = written[
            m.start("low") : m.end("high")
            if m.group("high")
            else m.end("ratio")
            if m.group("ratio")
            else m.end("low")
        ]
    low = m.group("pctnum") or m.group("low") or value
    number = parse_number(low) if low else 1.0
    period = parsed.periods.first(m.start())
    annual = "年均" in clause_text or "每年" in clause_text
    cumulative = (
        bool(m.group("bracket"))
        or any(w in clause_text for w in terms.CUMULATIVE)
        or (year is None and bool(period) and "期间" in period.group(0) and not annual and unit != "%")
    )
    if (
        year is None
        and cumulative
        and marker is not None
        and end_year
        and _own_period(marker.group(0), end_year)
    ):
        year = end_year  # “十五五”期间…累计…: a total reached by the plan's last year
    return TargetMatch(
        start=s_start + start,
        end=s_start + m.end(),
        value=value,
        number=number,
        high=parse_number(m.group("high")) if m.group("high") else None,
        unit=unit,
        year=year,
        comparator=_comparator(m, pre),
        aspiration=year_aspiration or any(w in clause_text for w in terms.ASPIRATION),
        cumulative=cumulative,
        subject=subject,
    )
