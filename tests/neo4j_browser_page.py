"""A page object for the real Neo4j Browser (served by the dev server at /browser/), driven by
Playwright in the system Chromium (``/usr/bin/chromium``; Playwright downloads no browser here)."""

from __future__ import annotations

TIMEOUT_MS = 30_000


class BrowserPage:
    """One Neo4j Browser tab: connect without auth, run editor commands, read the newest frame."""

    def __init__(self, page) -> None:
        self.page = page
        page.set_default_timeout(TIMEOUT_MS)

    def open(self, url: str, bolt_uri: str) -> None:
        """Open the Browser and connect to ``bolt_uri`` (auth off) through its connect form."""
        self.page.goto(url)
        host = bolt_uri.split("://", 1)[1]
        self.page.get_by_test_id("bolt-scheme-select").select_option("bolt://")
        self.page.get_by_test_id("boltaddress").fill(host)
        self.page.get_by_test_id("authenticationMethod").select_option(label="No authentication")
        self.page.get_by_test_id("connect").click()
        self.page.get_by_text("You have a working connection").first.wait_for()

    def run(self, command: str) -> None:
        """Type ``command`` into the editor and run it; waits for its frame."""
        frames = self.page.get_by_test_id("frame").count()
        editor = self.page.get_by_test_id("activeEditor")
        editor.click()
        self.page.keyboard.press("Control+A")
        self.page.keyboard.press("Delete")
        self.page.keyboard.insert_text(command)
        self.page.get_by_test_id("editor-Run").click()
        self.page.wait_for_function(
            "n => document.querySelectorAll('[data-testid=\"frame\"]').length > n", arg=frames
        )

    def newest_frame(self):
        return self.page.get_by_test_id("frame").first

    def table_text(self) -> str:
        """The text of the newest frame's result, shown as a table."""
        frame = self.newest_frame()
        frame.get_by_test_id("cypherFrameSidebarTable").click()
        frame.locator("table").first.wait_for()
        return frame.locator("table").first.inner_text()
