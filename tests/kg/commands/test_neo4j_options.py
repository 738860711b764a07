"""One set of Neo4j options for ``kg load neo4j`` and ``kg query --backend neo4j``: same names, same
defaults, same environment variables; every failure one line, no credential, no driver log."""

from __future__ import annotations

import http.server
import os
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.commands.neo4j_options import (
    ACQUIRE_TIMEOUT,
    Neo4jOptionError,
    check_settings,
    settings_from,
)
from tests.robustness.neo4j_server import free_port

SECRET = "Pw\\4f\"2c'-not-shown"  # a backslash and both quotes: repr() would escape them
COMMANDS = {
    "load": ["load", "neo4j", "--no-progress"],
    "query": ["query", "platforms-for-cluster", "集成电路", "--backend", "neo4j"],
}
NO_NEO4J_ENV = {k: None for k in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE")}


def run(command: str, *args: str, env=None):
    return CliRunner().invoke(main, [*COMMANDS[command], *args], env={**NO_NEO4J_ENV, **(env or {})})


def _options(argv: list[str]) -> dict:
    command = main
    for name in argv:
        if not hasattr(command, "commands"):
            break
        command = command.commands[name]
    return {
        p.name: (tuple(sorted(p.opts)), p.envvar, p.default)
        for p in command.params
        if p.name in ("uri", "username", "password", "database")
    }


def test_both_commands_share_one_option_set():
    load, query = _options(["load", "neo4j"]), _options(["query"])
    assert load == query
    assert load == {
        "uri": (("--uri",), "NEO4J_URI", "bolt://127.0.0.1:7687"),
        "username": (("--user", "--username"), "NEO4J_USERNAME", None),
        "password": (("--password",), "NEO4J_PASSWORD", None),
        "database": (("--database",), "NEO4J_DATABASE", None),
    }


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_http_uri_is_one_line_exit_2(command):
    result = run(command, "--uri", "http://127.0.0.1:7474")
    assert result.exit_code == 2, result.output
    assert "--uri http://127.0.0.1:7474: not a Bolt URI; use one of bolt://" in result.output
    assert "Traceback" not in result.output and "aiohttp" not in result.output


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("how", ["flag", "env"])
def test_password_without_user_is_refused(command, how):
    args, env = (["--password", SECRET], None) if how == "flag" else ([], {"NEO4J_PASSWORD": SECRET})
    result = run(command, "--uri", f"bolt://127.0.0.1:{free_port()}", *args, env=env)
    assert result.exit_code == 2, result.output
    assert "a password is given (--password or NEO4J_PASSWORD) but no user name" in result.output
    assert SECRET not in result.output


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("how", ["flag", "env"])
def test_password_in_the_uri_is_masked(command, how):
    uri = f"bolt://neo4j:{SECRET}@127.0.0.1:{free_port()}"
    args, env = (["--uri", uri], None) if how == "flag" else ([], {"NEO4J_URI": uri})
    result = run(command, *args, env=env)
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: cannot reach Neo4j:") and result.output.count("\n") == 1
    assert "bolt://neo4j:***@127.0.0.1:" in result.output
    for shown in (SECRET, repr(SECRET)[1:-1], "4f", "not-shown"):
        assert shown not in result.output


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_password_with_quotes_and_backslash_never_shown(command):
    result = run(command, "--uri", f"bolt://127.0.0.1:{free_port()}", "--user", "neo4j", "--password", SECRET)
    assert result.exit_code == 1, result.output
    assert "not-shown" not in result.output


def test_settings_never_show_the_password():
    settings = settings_from(f"bolt://me:{SECRET}@h:7687", None, None, None)
    assert (settings.username, settings.password, settings.driver_uri) == ("me", SECRET, "bolt://h:7687")
    assert "not-shown" not in repr(settings) and "not-shown" not in str(settings)
    leaked = f"x {SECRET} y {SECRET!r} z {SECRET.encode('unicode_escape').decode()}"
    assert "not-shown" not in settings.scrub(leaked)
    with pytest.raises(Neo4jOptionError, match="not a Bolt URI"):
        check_settings(settings_from("https://me:pw@h", None, None, None))


def test_huge_integer_parameter_is_one_line_exit_2():
    result = run("query", "--uri", f"bolt://127.0.0.1:{free_port()}")
    args = ["query", "targets-for-year", "99999999999999999999999", "--backend", "neo4j"]
    result = CliRunner().invoke(main, args, env=NO_NEO4J_ENV)
    assert result.exit_code == 2, result.output
    assert "year=99999999999999999999999 is out of Neo4j's 64-bit integer range" in result.output
    assert "OverflowError" not in result.output and "Traceback" not in result.output


def _kg(*args: str, timeout: float) -> subprocess.CompletedProcess:
    """``kg`` in a real process: stderr as a user sees it (driver logs included, were there any)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    code = "from kg.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=timeout, env=env
    )


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_closed_port_is_one_stderr_line_without_driver_warnings(command):
    argv = [a for a in COMMANDS[command] if a != "--no-progress"] + ["--no-progress"] * (command == "load")
    result = _kg(*argv, "--uri", f"bolt://127.0.0.1:{free_port()}", timeout=60)
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("Error: cannot reach Neo4j:") and result.stderr.count("\n") == 1
    assert "WARNING" not in result.stderr and "retried" not in result.stderr


@pytest.fixture(scope="module")
def http_answers():
    """Every command of ``COMMANDS`` run at once against a real HTTP server on a free loopback port
    (what the Neo4j Browser's port speaks): each waits out the driver's timeouts, about 10 s, so
    they wait together. command -> (exit code, stderr)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    code = "from kg.cli import main; main()"
    uri = f"bolt://127.0.0.1:{server.server_address[1]}"
    try:
        running = {
            command: subprocess.Popen(
                [sys.executable, "-c", code, *args, "--uri", uri],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
            )
            for command, args in COMMANDS.items()
        }  # fmt: skip
        # the timeout is a hang guard (the driver's own would be 60 s, twice), not a timing assertion
        answers = {}
        for command, process in running.items():
            _, stderr = process.communicate(timeout=3 * ACQUIRE_TIMEOUT + 20)
            answers[command] = (process.returncode, stderr)
        yield answers
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_port_that_speaks_http_fails_in_one_line_within_the_bound(command, http_answers):
    returncode, stderr = http_answers[command]
    assert returncode == 1, stderr
    assert stderr.count("\n") == 1, stderr
    assert stderr.startswith("Error: cannot reach Neo4j:")
    assert "is this a Bolt port?" in stderr


@pytest.mark.requires_neo4j
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_unknown_database_is_one_line(command, neo4j_driver):
    from tests.neo4j_fixture import neo4j_settings

    result = run(command, "--uri", neo4j_settings()[0], "--database", "nosuchdb")
    assert result.exit_code == 1, result.output
    assert (
        result.output.startswith("Error: Neo4j has no database 'nosuchdb'") and result.output.count("\n") == 1
    )
