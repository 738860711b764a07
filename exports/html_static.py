"""The shell of the static analyst pages (matrix, cluster dossiers, indicators): one style, one nav,
escaped text, ids safe to use as anchors. Every ``*_html`` argument is trusted markup built here;
everything from the plan goes through :func:`text`.
"""

from __future__ import annotations

import hashlib
from html import escape

from .plan_facts import Fact

STYLE = """
body { font: 14px/1.5 system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: #222;
  margin: 0 16px 32px; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #ddd; padding: 6px 0;
  display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; z-index: 2; }
header h1 { font-size: 18px; margin: 0; }
header nav a { margin-right: 10px; color: #36c; font-size: 13px; }
h2 { font-size: 16px; margin: 22px 0 6px; } h3 { font-size: 14px; margin: 14px 0 4px; }
.note { color: #666; font-size: 12px; }
table.heat { border-collapse: collapse; margin: 6px 0 12px; }
table.heat th, table.heat td { border: 1px solid #e2e2e2; padding: 2px 6px; text-align: center;
  min-width: 2.2em; }
table.heat th.row { text-align: left; font-weight: normal; white-space: nowrap; }
table.heat.wide td { min-width: 5em; }
table.heat.vertical thead th { font-weight: normal; writing-mode: vertical-rl; vertical-align: bottom;
  max-height: 9em; white-space: nowrap; }
table.heat thead th.corner { writing-mode: horizontal-tb; text-align: left; }
table.heat td a { display: block; color: inherit; text-decoration: none; }
table.heat td.zero { color: #ccc; }
table.facts { border-collapse: collapse; margin: 4px 0 10px; }
table.facts th, table.facts td { border-bottom: 1px solid #e6e6e6; padding: 3px 8px; text-align: left;
  vertical-align: top; }
.quote { background: #f6f6f0; border-left: 3px solid #c9c3a0; padding: 2px 6px; white-space: pre-wrap; }
.where { color: #777; font-size: 12px; white-space: nowrap; }
.binding { color: #b00; font-weight: bold; }
section.cell { margin: 4px 0 14px; padding-left: 8px; border-left: 3px solid #eee; }
section.cell:target { border-left-color: #d33; background: #fff8f6; }
"""


def text(value: object) -> str:
    """Plan text as HTML text (escaped, quotes included)."""
    return escape(str(value), quote=True)


def anchor(*parts: object) -> str:
    """A stable, safe HTML id for a cell or item (hash of its parts)."""
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]
    return f"k{digest}"


def heat_colour(count: int, most: int) -> str:
    """Background of a heat-map cell: white for 0, deepening red-orange up to ``most``."""
    if count <= 0 or most <= 0:
        return "#ffffff"
    share = 0.18 + 0.82 * (count / most)
    # interpolate #fff3e8 -> #d2452c
    low, high = (255, 243, 232), (210, 69, 44)
    rgb = (round(lo + (hi - lo) * share) for lo, hi in zip(low, high, strict=True))
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def ink(count: int, most: int) -> str:
    return "#ffffff" if most and count / most > 0.55 else "#222222"


def where(fact: Fact, titles: dict[str, str] | None = None) -> str:
    """``plan · path · line N`` of a fact, as HTML."""
    plan = (titles or {}).get(fact.plan, fact.plan)
    line = f" · line {fact.line}" if fact.line else ""
    return f'<span class="where">{text(plan)} · {text(fact.path)}{text(line)}</span>'


def quote_html(fact: Fact) -> str:
    return f'<div class="quote">{text(fact.quote)}</div>' if fact.quote else ""


def page(
    title: str,
    body_html: str,
    *,
    nav_html: str = "",
    data: dict[str, object] | None = None,
    head_html: str = "",
) -> str:
    """A whole static page. ``data`` becomes ``data-*`` attributes of ``<body>`` (counts the browser
    tests read)."""
    attrs = "".join(f' data-{escape(k)}="{text(v)}"' for k, v in sorted((data or {}).items()))
    return (
        '<!DOCTYPE html>\n<html lang="zh">\n<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{text(title)}</title><style>{STYLE}</style>{head_html}</head>\n"
        f"<body{attrs}><header><h1>{text(title)}</h1><nav>{nav_html}</nav></header>\n"
        f"{body_html}\n</body>\n</html>\n"
    )
