"""The one set of Neo4j connection options (``kg load neo4j``, ``kg query --backend neo4j``) and the
one way to open a driver from them: bounded timeouts, driver logs silenced, every failure one line
without a credential.

Names and environment variables are the driver's own conventions: ``--uri`` (``NEO4J_URI``),
``--username`` (``NEO4J_USERNAME``; ``--user`` is an alias), ``--password`` (``NEO4J_PASSWORD``),
``--database`` (``NEO4J_DATABASE``; default: the server's default database).

>>> mask_uri("bolt://neo4j:s3cret@127.0.0.1:7687")
'bolt://neo4j:***@127.0.0.1:7687'
>>> mask_uri("bolt://127.0.0.1:7687")
'bolt://127.0.0.1:7687'
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote, unquote

import click

DEFAULT_URI = "bolt://127.0.0.1:7687"
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
# Seconds. A closed port fails at once; a port that does not speak Bolt (HTTP, a silent server) would
# otherwise hold the handshake for the driver's 60 s acquisition timeout, twice.
CONNECT_TIMEOUT = 5.0
ACQUIRE_TIMEOUT = 10.0
RETRY_TIME = 15.0

_USERINFO = re.compile(r"^(?P<scheme>[A-Za-z][\w+.-]*://)(?P<user>[^:@/]*)(?::(?P<pw>[^@/]*))?@")


class Neo4jOptionError(click.UsageError):
    """Options that cannot work (bad scheme, a password without a user): exit 2."""


def mask_uri(uri: str) -> str:
    """The URI with the password of its user-info part replaced by ``***``."""
    match = _USERINFO.match(uri)
    if not match or match.group("pw") is None:
        return uri
    return f"{match.group('scheme')}{match.group('user')}:***@{uri[match.end() :]}"


@dataclass(frozen=True)
class Neo4jSettings:
    """Where and how to connect; ``str``/``repr`` never show the password."""

    uri: str
    username: str | None
    password: str | None
    database: str | None

    def __repr__(self) -> str:
        shown = f"uri={self.shown_uri!r}, username={self.username!r}, database={self.database!r}"
        return f"Neo4jSettings({shown})"

    __str__ = __repr__

    @property
    def shown_uri(self) -> str:
        """The URI as printed: its password masked."""
        return mask_uri(self.uri)

    @property
    def driver_uri(self) -> str:
        """The URI without user info (the driver refuses it; it went into ``username``/``password``)."""
        match = _USERINFO.match(self.uri)
        return f"{match.group('scheme')}{self.uri[match.end() :]}" if match else self.uri

    @property
    def auth(self) -> tuple[str, str] | None:
        return (self.username, self.password or "") if self.username else None

    def scrub(self, message: str) -> str:
        """``message`` with the password removed in every spelling a library might use."""
        for secret in _spellings(self.password):
            message = message.replace(secret, "***")
        return message


def _spellings(secret: str | None) -> list[str]:
    if not secret:
        return []
    forms = {
        secret,
        repr(secret)[1:-1],
        json.dumps(secret)[1:-1],
        secret.encode("unicode_escape").decode("ascii"),
        quote(secret, safe=""),
        quote(secret),
    }
    return sorted((f for f in forms if f), key=len, reverse=True)


def settings_from(
    uri: str, username: str | None, password: str | None, database: str | None
) -> Neo4jSettings:
    """The settings of the options; credentials written into the URI (``bolt://user:pw@host``) are used
    when the flags do not give them. Checked by ``check_settings`` when a driver is opened, so that a
    command that does not use Neo4j never fails on them."""
    uri = (uri or "").strip()
    match = _USERINFO.match(uri)
    if match:
        username = username or unquote(match.group("user")) or None
        if match.group("pw") is not None and password is None:
            password = unquote(match.group("pw"))
    return Neo4jSettings(uri, username or None, password, database or None)


def check_settings(settings: Neo4jSettings) -> None:
    """Raise ``Neo4jOptionError`` (one masked line, exit 2) for options that cannot work."""
    scheme = settings.uri.split("://", 1)[0].lower() if "://" in settings.uri else ""
    if scheme not in BOLT_SCHEMES:
        hint = " (an HTTP port is not Bolt; Bolt is usually bolt://HOST:7687)"
        raise Neo4jOptionError(
            f"--uri {settings.shown_uri}: not a Bolt URI; use one of "
            f"{', '.join(s + '://' for s in BOLT_SCHEMES)}{hint if scheme.startswith('http') else ''}"
        )
    if settings.password and not settings.username:
        raise Neo4jOptionError(
            "a password is given (--password or NEO4J_PASSWORD) but no user name: "
            "add --username or NEO4J_USERNAME"
        )


def neo4j_options(func):
    """``--uri``, ``--username``/``--user``, ``--password``, ``--database``, passed on as ``neo4j=``
    (a ``Neo4jSettings``; ``open_driver`` checks them)."""

    @click.option(
        "--uri", envvar="NEO4J_URI", default=DEFAULT_URI, show_default=True, help="Bolt URI [env NEO4J_URI]"
    )
    @click.option(
        "--username", "--user", "username", envvar="NEO4J_USERNAME", default=None, help="[env NEO4J_USERNAME]"
    )
    @click.option("--password", envvar="NEO4J_PASSWORD", default=None, help="[env NEO4J_PASSWORD]")
    @click.option(
        "--database", envvar="NEO4J_DATABASE", default=None, help="[env NEO4J_DATABASE; default: server's]"
    )
    @functools.wraps(func)
    def wrapper(*args, uri, username, password, database, **kwargs):
        return func(*args, neo4j=settings_from(uri, username, password, database), **kwargs)

    return wrapper


def quiet_driver_logs() -> None:
    """The driver logs connection retries as warnings; Python's last-resort handler would print them
    (twelve lines for a closed port). Our message says what failed, once."""
    import logging  # only when a driver is opened (about 4 ms at every command otherwise)

    logger = logging.getLogger("neo4j")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())
    logger.propagate = False


@contextlib.contextmanager
def open_driver(settings: Neo4jSettings) -> Iterator:
    """A driver with bounded timeouts whose connectivity is checked; failures as ``click.ClickException``
    (one line, exit 1), never with the password."""
    from neo4j import GraphDatabase

    check_settings(settings)
    quiet_driver_logs()
    try:
        driver = GraphDatabase.driver(
            settings.driver_uri,
            auth=settings.auth,
            connection_timeout=CONNECT_TIMEOUT,
            connection_acquisition_timeout=ACQUIRE_TIMEOUT,
            max_transaction_retry_time=RETRY_TIME,
            notifications_min_severity="OFF",
        )
    except (ValueError, TypeError) as exc:  # the driver's ConfigurationError is a ValueError too
        raise click.ClickException(settings.scrub(f"--uri {settings.shown_uri}: {one_line(exc)}")) from None
    try:
        check_connection(driver, settings)
        yield driver
    finally:
        driver.close()


def one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def check_connection(driver, settings: Neo4jSettings) -> None:
    """Raise a one-line ``click.ClickException`` unless the server answers and has the database."""
    from kg.exports.neo4j import Neo4jConnectionError
    from kg.exports.neo4j import check_connection as check

    try:
        check(driver, settings.database)
    except Neo4jConnectionError as exc:
        message = str(exc)
        if "handshake" in message:
            message += " (is this a Bolt port? the HTTP port, usually 7474, is not)"
        raise click.ClickException(settings.scrub(f"{message} [{settings.shown_uri}]")) from None


def neo4j_failure(settings: Neo4jSettings, exc: BaseException) -> click.ClickException:
    """A driver or server error met after connecting, as one scrubbed line."""
    code = getattr(exc, "code", None)
    text = getattr(exc, "message", None) or one_line(exc)
    what = f"{code}: {text}" if code else f"{type(exc).__name__}: {text}"
    return click.ClickException(settings.scrub(f"Neo4j at {settings.shown_uri}: {one_line(Exception(what))}"))
