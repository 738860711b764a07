"""A private, throw-away Neo4j for fault tests: the dev server's jar on a free port with its own data folder.

Unlike ``scripts/neo4j-dev.sh`` it keeps no pid file in the work tree, so it never touches the dev server
other tests use; the test owns the process and ends it by its pid.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

JAR = Path(__file__).resolve().parents[2] / "tools" / "neo4j-dev" / "target" / "neo4j-dev.jar"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def require_jar() -> Path:
    if JAR.exists():
        return JAR
    message = f"{JAR} not built; `bash scripts/neo4j-dev.sh start` builds it"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(f"SKIPPED NEO4J FAULT TEST: {message}")


class PrivateNeo4j:
    """``start()`` / ``kill()`` / ``start()`` again on the same data folder and port."""

    def __init__(self, data_dir: Path, port: int | None = None, heap: str = "384m") -> None:
        self.data_dir, self.port, self.heap = data_dir, port or free_port(), heap
        self.process: subprocess.Popen | None = None
        self.log = data_dir.parent / f"neo4j-{self.port}.log"

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def start(self, timeout: float = 120) -> None:
        offset = self.log.stat().st_size if self.log.exists() else 0  # a killed run wrote READY, no STOPPED
        cmd = ["java", f"-Xmx{self.heap}", "-jar", str(require_jar()), str(self.port), str(self.data_dir)]
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        deadline = time.monotonic() + timeout
        while b"READY" not in self.log.read_bytes()[offset:]:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.kill()
                raise RuntimeError(f"private Neo4j did not start; see {self.log}")
            time.sleep(0.2)

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Stop the server abruptly (SIGKILL: no clean shutdown), or cleanly with SIGTERM."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=60)
        self.process = None
