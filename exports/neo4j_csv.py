"""CSV files for ``neo4j-admin database import full`` (Neo4j 5), one file per label and per type.

Headers follow the import tool: ``id:ID`` and ``:LABEL`` for nodes, ``:START_ID``, ``:END_ID`` and
``:TYPE`` for relationships, typed columns (``year:int``, ``binding:boolean``, ``number:double``) and
arrays (``aliases:string[]``, an empty list an empty array) joined with an array delimiter that occurs in
no value (``;``, the tool's default, unless a value holds one). A null is an empty field, an empty
string a quoted ``""``, so each stays what it was. The import tool stores no empty array (it reads an
empty array cell, quoted or not, as no value), so README.txt ends with the statements that set the nodes'
empty lists after the import. Properties are the Bolt loader's (``neo4j_rows``), so both ways give the same
database. A README.txt in the folder gives the import command.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from kg.exports.neo4j_cypher import ENTITY, label, rel_type, schema_statements
from kg.exports.neo4j_rows import node_rows, plan_ids, relationship_rows
from kg.io import replace_folder

ARRAY_DELIMITER = ";"  # the import tool's default
# Tried in order when a value holds the default: printable first, then the ASCII unit separator.
DELIMITER_CANDIDATES = (ARRAY_DELIMITER, "|", "¦", "\x1f")
_INT32 = range(-(2**31), 2**31)


def _scalar_type(values: list[Any]) -> str | None:
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if any(isinstance(v, bool) for v in values):
        return None
    if all(isinstance(v, int) for v in values):
        return "int" if all(v in _INT32 for v in values) else "long"
    if all(isinstance(v, int | float) for v in values):
        return "double"
    return "string" if all(isinstance(v, str) for v in values) else None


def column_type(values: Iterable[Any]) -> str:
    """The import type of a column from its non-null values: ``int``, ``string[]``, ... (else string).

    >>> column_type([["a"], []]), column_type([1, 2**40]), column_type([True, "x"])
    ('string[]', 'long', 'string')
    """
    values = list(values)
    if values and all(isinstance(v, list) for v in values):
        items = [item for v in values for item in v]
        kind = _scalar_type(items) if items else "string"
        if kind:
            return "long[]" if kind == "int" else f"{kind}[]"
        return "string"
    return _scalar_type(values) or "string"


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif value is not None:
        yield str(value)


def array_delimiter(texts: Iterable[str]) -> str:
    """The first candidate delimiter that occurs in none of ``texts``.

    >>> array_delimiter(["a", "b"]), array_delimiter(["plan;2030"])
    (';', '|')
    """
    texts = list(texts)
    for candidate in DELIMITER_CANDIDATES:
        if not any(candidate in text for text in texts):
            return candidate
    raise ValueError("every array delimiter candidate occurs in a value")


def _rows_delimiter(values: list) -> str:
    """``array_delimiter`` of every string in ``values``, found in one JSON text of them (the C
    encoder: a tenth of the time of walking them). The printable candidates stand in it as they are
    in the values (JSON escapes none of them); the unit separator is looked for by the walk."""
    try:
        text = json.dumps(values, ensure_ascii=False, default=str)
    except (TypeError, ValueError):  # a value json cannot write: the walk decides
        return array_delimiter(_strings(values))
    printable = [c for c in DELIMITER_CANDIDATES[:-1] if c not in text]
    return printable[0] if printable else array_delimiter(_strings(values))


_QUOTED = re.compile('[,"\n\r]')  # a field with one of these is quoted


def _field(text: str | None) -> str:
    """One CSV field: a null empty, an empty string ``""``, quoted when it needs to be."""
    if text is None:
        return ""
    if text == "" or _QUOTED.search(text) or text[0].isspace() or text[-1].isspace():
        return '"' + text.replace('"', '""') + '"'
    return text


def _cell(value: Any, kind: str, delimiter: str) -> str | None:
    if value is None:
        return None
    if kind.endswith("[]"):
        return delimiter.join(_cell(item, kind[:-2], delimiter) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def generate_csv(
    fixed: list[tuple[str, list[str]]], rows: list[dict[str, Any]], delimiter: str = ARRAY_DELIMITER
) -> str:
    """One CSV text: ``fixed`` (header, values) columns first, then every property, typed."""
    keys = sorted({key for row in rows for key in row["props"]} - {"id"})
    types = {key: column_type(row["props"][key] for row in rows if key in row["props"]) for key in keys}
    lines = [[h for h, _ in fixed] + [f"{key}:{types[key]}" for key in keys]]
    for index, row in enumerate(rows):
        cells = [_cell(row["props"].get(key), types[key], delimiter) for key in keys]
        lines.append([values[index] for _, values in fixed] + cells)
    return "".join(",".join(_field(cell) for cell in line) + "\n" for line in lines)


def empty_list_statements(nodes: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Statements that give nodes their empty lists back after the import (one per label and property).

    >>> empty_list_statements({"Table": [{"id": "p/table/1", "props": {"rows": []}}]})
    ['MATCH (n:`Table`) WHERE n.id IN ["p/table/1"] SET n.`rows` = []']
    """
    empty: dict[tuple[str, str], list[str]] = {}
    for node_type, rows in nodes.items():
        for row in rows:
            for key, value in row["props"].items():
                if value == []:
                    empty.setdefault((node_type, key), []).append(row["id"])
    return [
        f"MATCH (n:{label(node_type)}) WHERE n.id IN {json.dumps(ids, ensure_ascii=False)} "
        f"SET n.`{key.replace('`', '``')}` = []"
        for (node_type, key), ids in sorted(empty.items())
    ]


def _readme(node_files: list[str], rel_files: list[str], delimiter: str, fixes: list[str]) -> str:
    args = [f"--nodes={name}" for name in node_files] + [f"--relationships={name}" for name in rel_files]
    command = " \\\n    ".join(
        [
            "neo4j-admin database import full neo4j --overwrite-destination",
            f"--array-delimiter={_shell_delimiter(delimiter)} --multiline-fields=true --id-type=string",
            *args,
        ]
    )
    return (
        "Neo4j bulk-import files written by `kg` (plan-kg), for Neo4j 5.\n\n"
        "Stop Neo4j, then from this folder (this replaces the database `neo4j`):\n\n"
        f"  {command}\n\n"
        "Start Neo4j again and create the constraints and indexes (Neo4j Browser or cypher-shell):\n\n"
        + "".join(f"  {statement};\n" for statement in schema_statements())
        + (
            "\nThen give back the empty lists (the import tool reads an empty array as no value):\n\n"
            + "".join(f"  {statement};\n" for statement in fixes)
            if fixes
            else ""
        )
    )


def write_neo4j_csv(graph: nx.MultiDiGraph, path: str | Path, **_options) -> list[Path]:
    """Write ``nodes_<Label>.csv``, ``relationships_<TYPE>.csv`` and README.txt into folder ``path``."""
    folder = Path(path)
    written: dict[str, str] = {}
    plans = plan_ids(graph)  # the costly part of both kinds of rows, computed once
    nodes, relationships = node_rows(graph, plans), relationship_rows(graph, plans)
    every_row = [row for rows in [*nodes.values(), *relationships.values()] for row in rows]
    delimiter = _rows_delimiter([[row["planIds"], row["props"]] for row in every_row])
    for node_type, rows in nodes.items():
        labels = f"{label(node_type).strip('`')}{delimiter}{ENTITY}"
        ids = [row["id"] for row in rows]
        fixed = [
            ("id:ID", ids),
            (":LABEL", [labels] * len(rows)),
            ("planIds:string[]", _plans(rows, delimiter)),
        ]
        written[f"nodes_{node_type}.csv"] = generate_csv(fixed, rows, delimiter)
    node_files = list(written)
    for edge_type, rows in relationships.items():
        fixed = [
            (":START_ID", [row["start"] for row in rows]),
            (":END_ID", [row["end"] for row in rows]),
            (":TYPE", [rel_type(edge_type).strip("`")] * len(rows)),
            ("planIds:string[]", _plans(rows, delimiter)),
        ]
        written[f"relationships_{edge_type}.csv"] = generate_csv(fixed, rows, delimiter)
    rel_files = [name for name in written if name not in node_files]
    written["README.txt"] = _readme(node_files, rel_files, delimiter, empty_list_statements(nodes))
    # replaced as a whole (no mix of two builds); only files of its manifest are ever deleted
    with replace_folder(folder) as output:
        return [output.write_text(name, text) for name, text in written.items()]


def _plans(rows: list[dict[str, Any]], delimiter: str) -> list[str]:
    return [delimiter.join(row["planIds"]) for row in rows]


def _shell_delimiter(delimiter: str) -> str:
    """The delimiter as the import tool's option takes it: quoted, the unit separator as ``\\u001F``."""
    return "'\\u001F'" if delimiter == "\x1f" else f"'{delimiter}'"
