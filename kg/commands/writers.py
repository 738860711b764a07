"""The writers of ``kg build``: every format into ``--out``, some of them by a second process.

On Linux with two cores or more, ``second_writer`` forks before the plan is parsed. The child imports
what its formats need (networkx, and the page writers' pyvis, jinja2 and IPython: about 0.25 s) while
this process parses; it then receives the graph (plain dicts, ``kg.graph.GraphData``, pickled through
a pipe: about 15 ms for the bundled plan), makes its MultiDiGraph and writes its share while this
process writes the RDF files from the dicts, never importing networkx. Every writer is deterministic
and writes only its own target, atomically, so the files are the same either way.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from kg.exports.registry import FILE_NAMES, RDF_FORMATS, get_exporter, one_graph

# What the second process writes while this one writes the rest: the pages, graph.json and the Neo4j
# CSV folder. This process keeps the RDF formats, which share their triples (``one_graph``).
SECOND_PROCESS = frozenset({"json", "neo4j-csv", "html", "html-clusters", "html-matrix", "html-indicators"})


@contextmanager
def cannot_write(target: Path) -> Iterator[None]:
    """A failed write (disk full, read-only, a link in the way) is one line, exit 1.

    Every writer is atomic (``kg.io``): a single file or a whole folder is replaced or kept as it
    was, so "not changed" is true of ``target``.
    """
    try:
        yield
    except OSError as err:
        reason = err.strerror or str(err)
        raise click.ClickException(f"{target}: cannot write ({reason}); not changed") from None


def write_export(name: str, graph, target: Path, **options) -> list[Path]:
    """Run one exporter of the registry, a failed write being one line (``cannot_write``)."""
    with cannot_write(target):
        return get_exporter(name)(graph, target, **options)


def write_share(graph, out: Path, names: list[str], advance=lambda: None) -> dict[str, list[Path]]:
    """name -> what to report as written: the file, or the folder of a multi-file format. ``graph``
    may be a ``GraphData``: the RDF writers read it as it is, the others get its MultiDiGraph."""
    from kg.graph import to_networkx

    written: dict[str, list[Path]] = {}
    multi = None  # the MultiDiGraph, made once, when a format other than RDF needs it
    with one_graph(names):
        for name in names:
            if name not in RDF_FORMATS and multi is None:
                multi = to_networkx(graph)
            paths = write_export(name, graph if name in RDF_FORMATS else multi, out / FILE_NAMES[name])
            written[name] = paths if len(paths) == 1 else [out / FILE_NAMES[name]]
            advance()
    return written


def can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform == "linux" and (os.cpu_count() or 1) > 1


class SecondWriter:
    """A forked process waiting for the graph to write ``names`` of it (``second_writer``)."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.done = False  # answered or abandoned
        graph_read, self._graph_write = os.pipe()
        self._answer_read, answer_write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns, never runs the parent's exit handlers
            os.close(self._graph_write)
            os.close(self._answer_read)
            self._serve(graph_read, answer_write)
        os.close(graph_read)
        os.close(answer_write)

    def _serve(self, graph_read: int, answer_write: int) -> None:
        import pickle

        gc.disable()  # a short life of acyclic data
        try:
            answer = None
            try:
                import networkx  # noqa: F401 (for kg.graph.to_networkx)

                for name in self.names:  # meanwhile the parent parses
                    get_exporter(name)
            except BaseException as err:  # noqa: BLE001 (reported by the parent as its own)
                answer = {"crash": f"{type(err).__name__}: {err}"}
            with os.fdopen(graph_read, "rb") as pipe:
                data = pipe.read()
            if not data:  # the parent gave up (bad input, --out refused): nothing to write
                return
            if answer is None:
                answer = self._write(*pickle.loads(data))
            with os.fdopen(answer_write, "w", encoding="utf-8") as pipe:
                pipe.write(json.dumps(answer))
        finally:
            os._exit(0)

    def _write(self, graph, out: Path) -> dict:
        try:
            written = write_share(graph, out, self.names)
            return {"written": {name: [str(p) for p in paths] for name, paths in written.items()}}
        except click.ClickException as err:
            return {"error": err.message}
        except BaseException as err:  # noqa: BLE001 (reported by the parent as its own)
            return {"crash": f"{type(err).__name__}: {err}"}

    def send(self, graph, out: Path) -> None:
        """Hand the graph over; the child starts writing."""
        import pickle

        data = pickle.dumps((graph, out), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            with os.fdopen(self._graph_write, "wb") as pipe:
                pipe.write(data)
        except BrokenPipeError:  # the child is gone: its answer (or its absence) says why
            pass
        self._graph_write = None

    def answer(self) -> dict[str, list[Path]]:
        """What the child wrote, once it is done; its failure raised here as this process's own."""
        self.close()
        with os.fdopen(self._answer_read, encoding="utf-8") as pipe:
            text = pipe.read()
        os.waitpid(self.pid, 0)
        self.done = True
        answer = json.loads(text) if text else {"crash": "the writer process ended without an answer"}
        if "error" in answer:
            raise click.ClickException(answer["error"])
        if "crash" in answer:
            raise RuntimeError(answer["crash"])
        return {name: [Path(p) for p in paths] for name, paths in answer["written"].items()}

    def close(self) -> None:
        """No graph is coming (when none was sent): the child ends without writing."""
        if self._graph_write is not None:
            os.close(self._graph_write)
            self._graph_write = None

    def abandon(self) -> None:
        """This process failed: the child is told and awaited (no zombie)."""
        self.close()
        os.close(self._answer_read)
        os.waitpid(self.pid, 0)
        self.done = True


@contextmanager
def second_writer(names: list[str]) -> Iterator[SecondWriter | None]:
    """The second process for the ``SECOND_PROCESS`` formats of ``names``, forked now so that it is
    ready when the graph is; ``None`` where it does not pay (one process's formats only, one core,
    no ``fork``). Awaited when the block ends, whatever happened in it."""
    second = [n for n in names if n in SECOND_PROCESS]
    if not (second and len(second) < len(names) and can_fork()):
        yield None
        return
    child = SecondWriter(second)
    try:
        yield child
    finally:
        if not child.done:  # this process failed before the child's answer: it is still awaited
            child.abandon()


def write_exports(graph, out: Path, names: list[str], child: SecondWriter | None = None) -> list[Path]:
    """Every format of ``names`` into ``out``, reported in the order of ``names``; the formats of
    ``child`` (``second_writer``) are written by it meanwhile. Same files either way."""
    from kg.progress import progress

    second = child.names if child is not None else []
    first = [n for n in names if n not in second]
    if child is not None:
        child.send(graph, out)
    with progress("Writing exports", total=len(names)) as bar:
        written = write_share(graph, out, first, bar.advance)
        if child is not None:
            written |= child.answer()
            bar.advance(len(second))
    return [path for name in names for path in written[name]]
