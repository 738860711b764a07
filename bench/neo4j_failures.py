"""How long each Neo4j failure takes to become its one line: closed port, a port that speaks HTTP, a
port that accepts and never answers, for ``kg load neo4j`` and ``kg query --backend neo4j``.

Everything listens on 127.0.0.1 and is ended by this script. Run: ``python -m bench.neo4j_failures``.
"""

from __future__ import annotations

import http.server
import os
import socket
import subprocess
import sys
import threading
import time

COMMANDS = {
    "kg load neo4j": ["load", "neo4j", "--no-progress"],
    "kg query --backend neo4j": ["query", "platforms-for-cluster", "集成电路", "--backend", "neo4j"],
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(argv: list[str]) -> tuple[float, int, int]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    begin = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", "from kg.cli import main; main()", *argv],
        capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    return time.monotonic() - begin, done.returncode, done.stderr.count("\n")


def main() -> None:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Quiet)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)
    ports = {
        "closed port": _free_port(),
        "HTTP port": httpd.server_address[1],
        "silent port": silent.getsockname()[1],
    }
    print(f"{'command':28} {'fault':12} {'seconds':>8} {'exit':>4} {'stderr lines':>12}")
    try:
        for name, argv in COMMANDS.items():
            for fault, port in ports.items():
                seconds, code, lines = _run([*argv, "--uri", f"bolt://127.0.0.1:{port}"])
                print(f"{name:28} {fault:12} {seconds:8.1f} {code:4} {lines:12}")
    finally:
        httpd.shutdown()
        silent.close()


if __name__ == "__main__":
    main()
