"""Drive a real headless Chromium from tests: dump the DOM after the page's scripts ran, take screenshots.

Every run gets a fresh profile and no network: ``--proxy-server`` points at a closed port and the host
resolver maps every name to nothing, so a page that still needs a CDN visibly fails to draw.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--proxy-server=127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


def require_chromium() -> str:
    """The Chromium executable; skip loudly without it, but fail under CI, where it must be installed."""
    path = CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")
    if path:
        return path
    message = f"Chromium not found at {CHROMIUM}; `apt-get install -y chromium` (scripts/test.sh does)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(f"SKIPPED BROWSER TEST: {message}")


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        cmd = [require_chromium(), *FLAGS, f"--user-data-dir={profile}", *args]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"chromium exited {result.returncode}: {result.stderr[-2000:]}")
    return result


def page_url(path: Path, fragment: str = "") -> str:
    return Path(path).resolve().as_uri() + (f"#{fragment}" if fragment else "")


def dump_dom(url: str, *, budget_ms: int = 20000, timeout: float = 120) -> str:
    """The serialised DOM once the page's scripts and timers ran for ``budget_ms`` of virtual time."""
    return _run([f"--virtual-time-budget={budget_ms}", "--dump-dom", url], timeout).stdout


def screenshot(
    url: str, out: Path, *, size: tuple[int, int] = (1400, 900), budget_ms: int = 20000, timeout: float = 120
) -> Path:
    out = Path(out)
    _run(
        [
            f"--virtual-time-budget={budget_ms}",
            f"--window-size={size[0]},{size[1]}",
            f"--screenshot={out}",
            url,
        ],
        timeout,
    )
    if not out.exists():
        raise RuntimeError(f"chromium wrote no screenshot to {out}")
    return out


class _BodyData(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.data = {k[5:]: v for k, v in attrs if k.startswith("data-")}


def body_data(dom: str) -> dict[str, str]:
    """``<body data-*>`` attributes of a dumped DOM, unprefixed (``data-shown-nodes`` -> ``shown-nodes``)."""
    parser = _BodyData()
    parser.feed(dom)
    return parser.data


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) from the PNG header; raises if the file is not a PNG."""
    head = Path(path).read_bytes()[:24]
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise ValueError(f"{path} is not a PNG")
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
