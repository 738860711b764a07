"""CSV files for neo4j-admin import: headers, typed columns, arrays, and the README command."""

from __future__ import annotations

import csv

from kg.exports.neo4j_csv import column_type, write_neo4j_csv
from kg.exports.registry import get_exporter
from tests.fixtures.tiny import PLAN_ID


def _read(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_writes_one_file_per_label_and_type_plus_readme(tiny_graph, tmp_path):
    written = write_neo4j_csv(tiny_graph, tmp_path / "import")
    names = {p.name for p in written}
    assert "nodes_Platform.csv" in names and "relationships_SUPPORTS.csv" in names and "README.txt" in names
    assert len([n for n in names if n.startswith("nodes_")]) == 16
    assert len([n for n in names if n.startswith("relationships_")]) == 5
    assert get_exporter("neo4j-csv") is write_neo4j_csv


def test_node_headers_and_typed_values(tiny_graph, tmp_path):
    write_neo4j_csv(tiny_graph, tmp_path)
    districts = _read(tmp_path / "nodes_District.csv")
    assert list(districts[0])[:4] == ["id:ID", ":LABEL", "planIds:string[]", "aliases:string[]"]
    by_id = {row["id:ID"]: row for row in districts}
    assert by_id["district:杭州市滨江区"]["aliases:string[]"] == "滨江;杭州高新区（滨江）"
    assert by_id["district:杭州市"]["aliases:string[]"] == ""  # null
    assert by_id["district:杭州市"][":LABEL"] == "District;Entity"
    indicators = {row["id:ID"]: row for row in _read(tmp_path / "nodes_Indicator.csv")}
    bound = indicators[f"{PLAN_ID}/indicator/2"]
    assert (bound["binding:boolean"], bound["baselineYear:int"], bound["number:string"]) == (
        "true",
        "2025",
        "2",
    )
    assert indicators[f"{PLAN_ID}/indicator/1"]["target:string"] == ""
    [target] = _read(tmp_path / "nodes_Target.csv")
    assert (target["year:int"], target["number:double"], target["unit:string"]) == ("2030", "1000.0", "亿元")
    assert target["sourceQuote:string"] == "到2030年，集成电路产业营业收入超1000亿元"


def test_relationship_headers(tiny_graph, tmp_path):
    write_neo4j_csv(tiny_graph, tmp_path)
    rows = _read(tmp_path / "relationships_LOCATED_IN.csv")
    assert list(rows[0])[:4] == [":START_ID", ":END_ID", ":TYPE", "planIds:string[]"]
    pairs = {(r[":START_ID"], r[":END_ID"]) for r in rows}
    assert ("platform:钱塘芯谷", "district:杭州市钱塘区") in pairs and len(rows) == 5
    assert {r[":TYPE"] for r in rows} == {"LOCATED_IN"}


def test_readme_has_the_import_command(tiny_graph, tmp_path):
    write_neo4j_csv(tiny_graph, tmp_path)
    readme = (tmp_path / "README.txt").read_text(encoding="utf-8")
    assert "neo4j-admin database import full neo4j" in readme
    assert "--nodes=nodes_Plan.csv" in readme and "--relationships=relationships_MENTIONS.csv" in readme
    assert "--array-delimiter=';'" in readme
    assert "CREATE CONSTRAINT entity_id IF NOT EXISTS" in readme


def test_column_types():
    assert column_type([2030, 2035]) == "int"
    assert column_type([2**40]) == "long"
    assert column_type([1, 2.5]) == "double"
    assert column_type([True, False]) == "boolean"
    assert column_type([True, 1]) == "string"
    assert column_type([["a"], ["b", "c"]]) == "string[]"
    assert column_type([[1, 2]]) == "long[]"
    assert column_type([["a;b"], []]) == "string[]"  # still an array: the delimiter is chosen to avoid ";"


def test_array_delimiter_never_occurs_in_a_value():
    from kg.exports.neo4j_csv import array_delimiter, generate_csv

    assert array_delimiter(["plan;2030", "a|b"]) == "¦"
    rows = [{"props": {"aliases": ["x;y"], "note": "", "rows": []}}]
    text = generate_csv([("id:ID", ["p;1"])], rows, delimiter="|")
    assert text.splitlines() == ["id:ID,aliases:string[],note:string,rows:string[]", 'p;1,x;y,"",""']


def test_a_rebuild_drops_csv_files_of_types_no_longer_present(tiny_graph, tmp_path):
    folder = tmp_path / "import"
    write_neo4j_csv(tiny_graph, folder)
    smaller = tiny_graph.copy()
    smaller.remove_nodes_from([n for n, a in tiny_graph.nodes(data=True) if a["type"] == "Project"])
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    write_neo4j_csv(smaller, folder)
    assert not (folder / "nodes_Project.csv").exists()
    assert (folder / "nodes_Platform.csv").exists()
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
