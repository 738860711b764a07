"""Hostile sizes (issue 17): time and peak memory against input size, each case in a fresh process.

- **long line**: one paragraph line of comma-joined commitments (``到2027年建成创新平台101个，…``), the
  shape that was quadratic in its length (year phrases rescanned for every target);
- **wide table**: a pipe table whose every cell is a commitment, N columns by 3 rows (each cell once
  cleaned the whole row's line);
- **largest input**: the bundled plan repeated with distinct names (``bench.corpus`` copies one after
  another in one file) up to just under the 16 MiB input limit, built by ``kg build`` with its default
  outputs as a whole process.

Run as a worker (``python -m bench.hostile KIND SIZE``) it prints one JSON object: seconds, peak
resident memory (``ru_maxrss``) of the process (for the line and the table, after an untimed build of
the bundled plan that loads the reference tables), input bytes, nodes. Growth is linear when seconds
per input byte stay flat across sizes (``report`` gives the ratio of the largest to the smallest).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.corpus import rewrite, seed_text  # noqa: E402

OBJECTS = ("数据集", "创新平台", "重点实验室", "产业园区", "孵化器", "充电桩", "公共服务平台")
INPUT_LIMIT = 16 * 1024 * 1024  # loaders.readers.decode.MAX_BYTES
LARGEST_BYTES = int(14.4 * 2**20)  # the largest input the review built (a valid plan under the limit)


def _commitment(i: int, row: int = 0) -> str:
    return f"到{2026 + i % 5}年建成{OBJECTS[i % len(OBJECTS)]}{100 + i + row}个"


def long_line(size: int) -> str:
    """A plan whose one paragraph is ``size`` bytes (about) of comma-joined commitments on one line."""
    parts, total, i = [], 0, 0
    while total < size:
        part = _commitment(i)
        parts.append(part)
        total += len(part.encode("utf-8")) + 3
        i += 1
    return "长行测试规划纲要\n\n第一章 总则\n\n" + "，".join(parts) + "。\n"


def wide_table(columns: int, rows: int = 3) -> str:
    """A plan with one pipe table of ``columns`` columns whose cells are commitments."""
    head = "| " + " | ".join(f"领域{i}" for i in range(columns)) + " |"
    rule = "|" + "----|" * columns
    body = ["| " + " | ".join(_commitment(i, r) for i in range(columns)) + " |" for r in range(rows)]
    return "宽表测试规划纲要\n\n第一章 指标\n\n专栏1 重大工程\n\n" + "\n".join([head, rule, *body]) + "\n"


def largest_input(size: int = LARGEST_BYTES) -> str:
    """The bundled plan and its ``bench.corpus`` copies, one after another, cut at a copy boundary
    before ``size`` bytes (the first copy keeps the title, so it is one plan)."""
    seed = seed_text()
    parts, total, k = [], 0, 0
    while True:
        part = rewrite(seed, k)
        n = len(part.encode("utf-8")) + 1
        if total + n > size:
            break
        parts.append(part)
        total, k = total + n, k + 1
    return "\n".join(parts) + "\n"


def _maxrss_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def _in_process(text: str) -> dict:
    from kg.pipeline import build_graph_from_texts

    build_graph_from_texts([("warm-up", seed_text())], workers=1)  # untimed: loads the reference tables
    start = time.perf_counter()
    graph, _ = build_graph_from_texts([("hostile", text)], workers=1)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "nodes": graph.number_of_nodes(), "peak_rss_mib": _maxrss_mib()}


def _kg_build(text: str) -> dict:
    """``kg build`` of ``text`` with its default outputs, as a whole process."""
    with tempfile.TemporaryDirectory(prefix="kg-bench-hostile-") as tmp:
        plan = Path(tmp) / "largest-plan.txt"
        plan.write_text(text, encoding="utf-8")
        out = Path(tmp) / "out"
        argv = [sys.executable, "-c", "from kg.cli import run; run()"]
        start = time.perf_counter()
        subprocess.run([*argv, "build", str(plan), "--out", str(out)], check=True, capture_output=True)
        seconds = time.perf_counter() - start
        sizes = {p.name: p.stat().st_size for p in out.iterdir() if p.is_file()}
        nodes = json.loads((out / "graph.json").read_text(encoding="utf-8"))
        count = len(nodes.get("nodes", []))
    return {
        "seconds": seconds,
        "peak_rss_mib": _maxrss_mib(resource.RUSAGE_CHILDREN),
        "nodes": count,
        "output_bytes": sizes,
    }


def worker(kind: str, size: int) -> dict:
    if kind == "line":
        text = long_line(size)
    elif kind == "table":
        text = wide_table(size)
    elif kind == "largest":
        text = largest_input(size)
    else:
        raise SystemExit(f"unknown case {kind!r} (line, table, largest)")
    found = _kg_build(text) if kind == "largest" else _in_process(text)
    return {"case": kind, "size": size, "input_bytes": len(text.encode("utf-8")), **found}


def run_case(kind: str, size: int) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "bench.hostile", kind, str(size)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


LINE_SIZES = (25_000, 50_000, 100_000, 200_000, 400_000)  # bytes
TABLE_COLUMNS = (250, 500, 1000, 2000)
LARGEST_SIZES = (LARGEST_BYTES // 4, LARGEST_BYTES // 2, LARGEST_BYTES)
QUICK = {"line": LINE_SIZES[:4], "table": TABLE_COLUMNS[:3], "largest": LARGEST_SIZES[::2]}


def growth(rows: list[dict]) -> float:
    """Seconds per input byte of the largest size over that of the smallest (1.0 = linear)."""
    first, last = rows[0], rows[-1]
    return (last["seconds"] / last["input_bytes"]) / (first["seconds"] / first["input_bytes"])


def measure_hostile(quick: bool = False, largest: bool = True, small: bool = True) -> dict:
    plan = QUICK if quick else {"line": LINE_SIZES, "table": TABLE_COLUMNS, "largest": LARGEST_SIZES}
    results: dict = {}
    for kind, sizes in plan.items():
        if kind == "largest" and not largest or kind != "largest" and not small:
            continue
        rows = [run_case(kind, size) for size in sizes]
        results[kind] = {"rows": rows, "growth": growth(rows)}
    return results


if __name__ == "__main__":
    print(json.dumps(worker(sys.argv[1], int(sys.argv[2])), ensure_ascii=False))
