"""The genre's shared patterns, written once: heading and 专栏 shapes, numbering marks, page footers,
and what counts as a CJK character. Every stage reads them from here.

Headings: ``第X篇/章/节`` with a Chinese or Arabic number, spaces allowed inside.

>>> m = HEADING.match("第 十三 章  打造先进制造业基地")
>>> m.group(1), m.group(2), m.group(3)
('十三', '章', '打造先进制造业基地')
>>> HEADING.match("第3节 发展目标").group(2)
'节'
>>> bool(HEADING_START.match("第一篇")), bool(HEADING_START.match("第一批项目"))
(True, False)

Boxes: ``专栏7 title``, ``专栏 7 title``, ``| 专栏7 … |`` (a title in a table row), ``专栏十``.

>>> [BOX.match(t).group(1, 2) for t in ("专栏7 “296X”先进制造业集群", "| 专栏 23 西部区 |", "专栏十")]
[('7', '“296X”先进制造业集群'), ('23', '西部区 |'), ('十', '')]
>>> BOX.match("专栏7是指") is not None, BOX.match("专栏目录") is None
(True, True)
>>> bool(BOX_START.match("专栏 12")), bool(BOX_START.match("专栏目录"))
(True, False)

Numbered headings below 第X章: ``一、`` and ``（一）``.

>>> ALT_CHAPTER.match("二、发展现代服务业").groups(), ALT_SECTION.match("（三）建设科技城").groups()
(('二', '发展现代服务业'), ('三', '建设科技城'))

Item marks of box items and lists: ``1.`` / ``1、`` (not ``1.5``), ``（1）`` / ``(一)``, ``一、``, bold.

>>> marks = ("1.城西科创大走廊", "（2）人工智能", "三、城市更新", "**4、** 项目")
>>> [ITEM.match(t).group(1, 2, 3) for t in marks]
[('1', None, None), (None, '2', None), (None, None, '三'), ('4', None, None)]
>>> ITEM.match("1.5万亿元") is None
True

Appendices on a line of their own (附录, 附表1, 名 词 解 释), and the start of any division a
table of contents lists:

>>> APPENDIX.match("附表1：重大项目表").group(1, 2, 3)
('附表', '1', '重大项目表')
>>> starts = ("第 3 章 产业", "专栏7 工程", "一、总体要求", "（二）目标", "前 言", "加快建设")
>>> [bool(DIVISION_START.match(t)) for t in starts]
[True, True, True, True, True, False]

Page footers ``— 13 —`` carry no fact:

>>> bool(PAGE_FOOTER.match("— 13 —")), bool(PAGE_FOOTER.match("- 7 -")), bool(PAGE_FOOTER.match("13"))
(True, True, False)

>>> is_cjk("杭"), is_cjk("㐀"), is_cjk("，"), is_cjk("a")
(True, True, False, False)

Invisible characters (a BOM where files were joined, zero-width spaces and joiners from web pages)
are read as spaces by every layout rule, without moving an offset:

>>> visible("\ufeff第一章\u200b 总则") == " 第一章  总则", visible("总则") == "总则"
(True, True)
"""

from __future__ import annotations

import re

# a number as headings write it: 十五, 二〇三五, 3
NUMERAL = r"[一二三四五六七八九十百零〇两\d]+"

HEADING = re.compile(
    rf"""^\s*第\s*({NUMERAL})\s*   # 第 十三
    ([篇章节])\s*                  # the level
    (.*)$                          # the title, possibly empty
    """,
    re.X,
)
HEADING_START = re.compile(rf"^\s*第\s*{NUMERAL}\s*[篇章节]")

BOX = re.compile(
    r"""^\s*\|?\s*专栏\s*           # 专栏, inside a table row or not
    (\d+|[一二三四五六七八九十]+)     # its number
    (?=[\s“"《\u4e00-\u9fff]|$)     # followed by a space, a quote or the title
    \s*(.*)$""",
    re.X,
)
BOX_START = re.compile(r"^\s*专栏\s*[0-9０-９一二三四五六七八九十]+")
# a directory of boxes inside the contents: 重大工程专栏目录
BOX_DIRECTORY = re.compile(r"^\s*(?:重大|重点)?\s*(\S{1,4}?)\s*专栏\s*目\s*录\s*$")

ALT_CHAPTER = re.compile(r"^([一二三四五六七八九十]+)、\s*(\S.{0,38})$")
ALT_SECTION = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]\s*(\S.{0,38})$")

ITEM = re.compile(
    r"""^\s*(?:\*\*)?\s*(?:
        (\d{1,2})\s*[.．、](?!\d)                       # 1.  1、  (not 1.5)
      | [（(](\d{1,2}|[一二三四五六七八九十]+)[）)]        # （1）  (一)
      | ([一二三四五六七八九十]+)、                       # 一、
    )""",
    re.X,
)

# an appendix heading on a line of its own: 附录, 附表1 …, 名 词 解 释
APPENDIX = re.compile(
    r"^(附\s*录|附\s*表|附\s*件|附\s*图|名\s*词\s*解\s*释)\s*([一二三四五六七八九十\d]*)\s*[：:]?\s*(.{0,30})$"
)
# the start of any division a table of contents lists
DIVISION_START = re.compile(
    rf"""^\s*(?:
        第\s*{NUMERAL}\s*[篇章节]                           # 第一篇, 第 3 章
      | 专栏\s*[\d一二三四五六七八九十]+                   # 专栏7, 专栏 7
      | [一二三四五六七八九十]+、                           # 一、
      | [（(][一二三四五六七八九十]+[）)]                   # （一）
      | (?:附\s*录|附\s*表|附\s*件|名\s*词\s*解\s*释|序\s*言|前\s*言)   # other divisions
    )""",
    re.X,
)

PAGE_FOOTER = re.compile(r"^\s*[—–-]\s*\d{1,3}\s*[—–-]\s*$")


# Characters of no width and no meaning in a plan: U+FEFF (BOM), U+200B-U+200D (zero-width space,
# non-joiner, joiner), U+2060 (word joiner). Python's ``\s`` and ``str.strip`` do not see them.
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
INVISIBLE_CHAR = re.compile(f"[{INVISIBLE}]")
_AS_SPACE = str.maketrans(dict.fromkeys(INVISIBLE, " "))


def visible(text: str) -> str:
    """``text`` with each invisible character as a space: the same length, so every offset and line
    span found in it holds for ``text`` (quotes are taken from ``text`` and keep the characters)."""
    return text.translate(_AS_SPACE) if INVISIBLE_CHAR.search(text) else text


def is_cjk(ch: str) -> bool:
    """A CJK ideograph (unified, extension A, or compatibility), not CJK punctuation."""
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"
