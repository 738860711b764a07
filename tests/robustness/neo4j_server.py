"""A private, throw-away Neo4j: the dev server's jar on free ports with its own data folder.

The test suite's session server (``tests/neo4j_fixture.py``) and the fault tests use it. Unlike
``scripts/neo4j-dev.sh`` it keeps no pid file in the work tree, so it never touches a developer's
server; the caller owns the process and ends it by its pid.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.jvm import TEST_JVM_FLAGS

JAR = Path(__file__).resolve().parents[2] / "tools" / "neo4j-dev" / "target" / "neo4j-dev.jar"


def free_ports(count: int) -> list[int]:
    """``count`` distinct TCP ports free on 127.0.0.1 (all sockets held open while choosing)."""
    with contextlib.ExitStack() as stack:
        socks = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in socks:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in socks]


def free_port() -> int:
    return free_ports(1)[0]


def require_jar() -> Path:
    if JAR.exists():
        return JAR
    message = f"{JAR} not built; `bash scripts/neo4j-dev.sh build` builds it"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(f"SKIPPED NEO4J TEST: {message}")


class PrivateNeo4j:
    """``start()`` / ``kill()`` / ``start()`` again on the same data folder and ports.

    ``data_dir`` is the server's home: its databases are in ``data_dir/data``, where
    ``neo4j-admin database import`` writes with ``NEO4J_HOME=data_dir``.
    """

    def __init__(
        self, data_dir: Path, port: int | None = None, heap: str = "384m", http_port: int | None = None
    ) -> None:
        if port is None or http_port is None:
            bolt, http = free_ports(2)
            port, http_port = port or bolt, http_port or http
        self.data_dir, self.port, self.http_port, self.heap = data_dir, port, http_port, heap
        self.process: subprocess.Popen | None = None
        self.log = data_dir.parent / f"neo4j-{self.port}.log"

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"

    def start(self, timeout: float = 120) -> None:
        offset = self.log.stat().st_size if self.log.exists() else 0  # a killed run wrote READY, no STOPPED
        cmd = ["java", *TEST_JVM_FLAGS, f"-Xmx{self.heap}", "-jar", str(require_jar())]
        cmd += [str(self.port), str(self.data_dir), str(self.http_port)]
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        deadline = time.monotonic() + timeout
        while b"READY" not in self.log.read_bytes()[offset:]:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.kill()
                tail = self.log.read_text(errors="replace").splitlines()[-5:]
                raise RuntimeError(f"private Neo4j did not start; see {self.log}: {' | '.join(tail)}")
            time.sleep(0.2)

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Stop the server abruptly (SIGKILL: no clean shutdown), or cleanly with SIGTERM."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def stop(self) -> None:
        """A clean shutdown (SIGTERM), SIGKILL after 60 s."""
        self.kill(signal.SIGTERM)
