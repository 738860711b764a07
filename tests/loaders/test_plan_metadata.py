"""Plans as records: place, level, edition, period, issuer and date from the text; ids derived from them."""

from __future__ import annotations

import pytest

from kg.loaders.interpreters.plan_metadata import period_of, read_metadata
from kg.loaders.readers.decode import read_plan_text
from kg.pipeline import build_graph_from_paths, bundled_plan_path
from tests.plans import GUANGZHOU, HANGZHOU, HANGZHOU_WEB, NANJING
from tests.queries.two_plans import GUANGZHOU_ID, HANGZHOU_ID


@pytest.mark.parametrize(
    ("title", "plan_id", "place", "level"),
    [
        ("南京市国民经济和社会发展\n第十五个五年规划纲要", "320100-15", "南京市", "city"),
        ("浙江省国民经济和社会发展第十五个五年规划纲要", "330000-15", "浙江省", "province"),
        ("中华人民共和国国民经济和社会发展第十五个五年规划纲要", "cn-15", "中华人民共和国", "nation"),
        ("杭州市滨江区国民经济和社会发展第十四个五年规划纲要", "330108-14", "滨江区", "county"),
        ("北京市国民经济和社会发展第十一个五年规划纲要", "110000-11", "北京市", "city"),
    ],
    ids=["city", "province", "nation", "county", "municipality"],
)
def test_place_level_and_edition_give_the_id(title, plan_id, place, level):
    meta = read_metadata(f"{title}\n\n第一章 总则\n\n到2030年，建成数据集300个。\n")
    assert (meta.plan_id, meta.place, meta.level) == (plan_id, place, level)


def test_periods_follow_the_national_calendar():
    assert [period_of(n) for n in (1, 3, 6, 11, 14, 15)] == [
        (1953, 1957), (1966, 1970), (1981, 1985), (2006, 2010), (2021, 2025), (2026, 2030),
    ]  # fmt: skip


def test_no_place_or_no_edition_keeps_the_file_id():
    assert read_metadata("哨兵规划纲要\n\n第一章 总则\n").plan_id is None
    assert read_metadata("某某国民经济和社会发展第十五个五年规划纲要\n\n第一章 总则\n").plan_id is None


def test_notice_of_issue_gives_issuer_and_date():
    meta = read_metadata(read_plan_text(GUANGZHOU))
    assert (meta.issuer, meta.issued) == ("广州市人民政府", "2026-05-21")
    assert meta.title == "广州市国民经济和社会发展第十五个五年规划纲要"
    assert read_metadata(read_plan_text(NANJING)).issuer is None  # the Nanjing text has no notice


def test_plan_node_carries_its_metadata_and_file():
    graph = build_graph_from_paths([NANJING, GUANGZHOU])
    assert graph.graph["plans"] == ["320100-15", GUANGZHOU_ID]
    nanjing = graph.nodes["320100-15"]
    keys = ("place", "placeCode", "level", "edition", "periodStart", "periodEnd")
    assert {k: nanjing[k] for k in keys} == {
        "place": "南京市", "placeCode": "320100", "level": "city", "edition": 15,
        "periodStart": 2026, "periodEnd": 2030,
    }  # fmt: skip
    assert nanjing["sourceFile"] == NANJING.name
    assert graph.nodes[GUANGZHOU_ID]["issued"] == "2026-05-21"
    assert all(node.startswith(("320100-15/", "440100-15/")) for node in graph if "/" in node and
               graph.nodes[node]["type"] in ("Chapter", "Target", "Measure"))  # fmt: skip


def test_two_copies_of_one_edition_are_one_plan():
    graph = build_graph_from_paths([HANGZHOU_WEB, HANGZHOU])
    assert graph.graph["plans"] == [HANGZHOU_ID]
    assert graph.nodes[HANGZHOU_ID]["copies"] == [bundled_plan_path().name]
    [problem] = [p for p in graph.graph["problems"] if p["code"] == "same-plan-edition"]
    assert problem["message"] == (
        f"{bundled_plan_path().name} is another copy of plan {HANGZHOU_ID} "
        f"(built from {HANGZHOU_WEB.name}); skipped"
    )
