"""Which cluster a paragraph is about, beyond a scheme table: the clusters a plan defines in its
text (``cluster_definitions``), and the domain lists of its boxes, where a short line names an
industry domain and the paragraphs under it say what is built for it:

    专栏2 支柱产业发展重点领域、重点平台
    01
    汽车                                    <- the domain: a cluster of the plan (…新能源汽车) or a new one
    重点发展…。建设A产业园、B基地等。         <- its platforms SUPPORT it
    超高清视频及新型显示重点发展…建设C园。     <- a paragraph led by another cluster's name is about that one
"""

from __future__ import annotations

import re

# A box listing industry domains with what is built for them (重点领域、重点平台; 产业集群; 产业链).
DOMAIN_BOX = re.compile(r"(?:产业|领域).*(?:平台|载体|园区|布局)|产业集群|产业链")
DOMAIN_MAX = 12  # a domain heading is a short name
_CONNECTIVES = str.maketrans({"及": "与", "和": "与", "、": "与"})
_GROUP_WORD = re.compile(r"^(.{2,6}?产业)")


def fold(name: str) -> str:
    """Compare names with 及/和/与 as one connective: ``超高清视频及新型显示`` ~ ``超高清视频与新型显示``."""
    return name.translate(_CONNECTIVES)


def domain_heading(text: str, box_title: str) -> str | None:
    """The domain a box line names, or None: a short name without punctuation in a domain box.

    >>> domain_heading("汽车", "支柱产业发展重点领域、重点平台")
    '汽车'
    >>> domain_heading("重点发展智能汽车。", "支柱产业发展重点领域、重点平台") is None
    True
    """
    text = text.strip()
    if not DOMAIN_BOX.search(box_title) or not 2 <= len(text) <= DOMAIN_MAX:
        return None
    if re.search(r"[，。；：:、,\d]", text):
        return None
    return text


def domain_group(box_title: str) -> str | None:
    """``支柱产业发展重点领域、重点平台`` -> 支柱产业 (the group the box's domains belong to)."""
    m = _GROUP_WORD.match(box_title)
    return m.group(1) if m else None


def cluster_containing(name: str, clusters: dict[str, str]) -> str | None:
    """The one cluster whose name contains the domain's (汽车 in 智能网联与新能源汽车), else None."""
    key = fold(name)
    hits = {cid for full, cid in clusters.items() if key in fold(full)}
    return hits.pop() if len(hits) == 1 else None


def cluster_at_start(text: str, clusters: dict[str, str]) -> str | None:
    """The cluster whose name opens ``text`` (longest first), connectives folded."""
    head = fold(text[:40])
    best = None
    for full, cid in clusters.items():
        key = fold(re.split(r"[（(]", full, maxsplit=1)[0])
        if len(key) >= 2 and head.startswith(key) and (best is None or len(key) > best[0]):
            best = (len(key), cid)
    return best[1] if best else None


# What a sentence builds: ``依托A、B，打造集成电路产业集群``: a build verb, then (in one clause, a few
# words of qualification between: 世界级, 具有国际竞争力的) a cluster named as an industry.
_BUILD_VERB = r"(?:打造|建设|壮大|培育|做强|做大|做优|建成|集聚|发展)"
_INDUSTRY_WORD = r"(?:产业集群|集群|产业基地|产业高地|产业链|产业)"
_QUALIFIERS = r"[^，,。；;：:、]{0,12}?"


def named_clusters(text: str, clusters: dict[str, str]) -> list[str]:
    """The names of the plan's clusters that ``text`` contains, longest first, none inside another
    found (新能源汽车 is not also 新能源).

    >>> named_clusters("发展新能源汽车、集成电路产业", {"新能源": "a", "新能源汽车": "b", "集成电路": "c"})
    ['新能源汽车', '集成电路']
    """
    named = []
    for name in sorted(clusters, key=len, reverse=True):
        if name in text:
            named.append(name)
            text = text.replace(name, "\0")
    return named


def built_cluster(sentence: str, named: list[str], clusters: dict[str, str]) -> str | None:
    """The one cluster a sentence builds (``…，打造集成电路产业集群``): the sentence names one cluster
    of the plan (``named``: ``named_clusters``), as the industry a build verb's object is; the
    platforms the sentence names serve it. A sentence naming two clusters, or one not built
    (``集成电路企业``), has none.

    >>> C = {"集成电路": "c1", "智能装备": "c2"}
    >>> def built(s): return built_cluster(s, named_clusters(s, C), C)
    >>> built("依托宁波高新区，打造世界级集成电路产业集群。")
    'c1'
    >>> built("推动A园、B园建设，壮大集成电路、智能装备产业集群。") is None
    True
    >>> built("引进集成电路企业。") is None
    True
    """
    if len(named) != 1:
        return None
    name = named[0]
    pattern = rf"{_BUILD_VERB}{_QUALIFIERS}{re.escape(name)}{_INDUSTRY_WORD}"
    return clusters[name] if re.search(pattern, sentence) else None
