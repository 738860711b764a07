"""The facts at the top of a cluster page: what the plan says the cluster is, its platforms grouped by
district, its targets with year and value, and the measures that mention it, each with its quote and
where it stands."""

from __future__ import annotations

from .html_static import quote_html, text, where
from .plan_facts import ClusterFacts

MEASURES_SHOWN = 12


def dossier_html(facts: ClusterFacts, titles: dict[str, str]) -> str:
    about = [
        f"{len(facts.platforms)} platforms",
        f"{len(facts.targets)} targets",
        f"{len(facts.measures)} measures",
    ]
    head = " · ".join(
        text(part)
        for part in (
            titles.get(facts.plan, facts.plan),
            facts.scheme and f"scheme {facts.scheme}",
            facts.tier and f"tier {facts.tier}",
            facts.concepts and f"concept {'、'.join(facts.concepts)}",
        )
        if part
    )
    parts = [
        f'<p class="note">{head} · {", ".join(about)}</p>',
        quote_html(facts.fact),
        where(facts.fact, titles),
    ]

    parts.append("<h2>平台 Platforms by district</h2>")
    if facts.platforms or facts.districts:
        rows = []
        for district, platforms in facts.platforms_by_district().items():
            for i, p in enumerate(platforms):
                first = f'<th rowspan="{len(platforms)}">{text(district)}</th>' if i == 0 else ""
                rows.append(
                    f"<tr>{first}<td>{text(p.name)}</td>"
                    f"<td>{quote_html(p.fact)}{where(p.fact, titles)}</td></tr>"
                )
        for district, fact in facts.districts:
            rows.append(
                f"<tr><th>{text(district)}</th><td><i>the district itself</i></td>"
                f"<td>{quote_html(fact)}{where(fact, titles)}</td></tr>"
            )
        parts.append(
            '<table class="kg-platforms"><thead><tr><th>区域 District</th><th>平台 Platform</th>'
            f"<th>原文 Quote · 位置 where</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
    else:
        parts.append('<p class="note">The plan names no platform for this cluster.</p>')

    parts.append("<h2>目标 Targets</h2>")
    if facts.targets:
        rows = "".join(
            f"<tr><td>{text(t.subject)}</td><td>{text(t.comparator)} {text(t.value)} {text(t.unit)}</td>"
            f"<td>{text(t.year or '')}</td><td>{quote_html(t.fact)}{where(t.fact, titles)}</td></tr>"
            for t in facts.targets
        )
        parts.append(
            '<table class="kg-targets"><thead><tr><th>目标 Target</th><th>value</th><th>year</th>'
            f"<th>原文 Quote · 位置 where</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    else:
        parts.append('<p class="note">No quantified target in the measures that mention this cluster.</p>')

    if facts.measures:
        shown = facts.measures[:MEASURES_SHOWN]
        more = len(facts.measures) - len(shown)
        items = "".join(f"<li>{quote_html(m)}{where(m, titles)}</li>" for m in shown)
        tail = f'<p class="note">… and {more} more (search the drawing below)</p>' if more > 0 else ""
        parts.append(f"<h2>举措 Measures that mention it</h2><ul>{items}</ul>{tail}")
    return "".join(parts)
