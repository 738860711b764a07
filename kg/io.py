"""Safe file output: atomic files, whole-folder replacement, no symlinks followed, no leftovers.

- ``atomic_open``: write to a temporary file beside the target, then rename. A failure part-way
  leaves the previous file (or nothing), never a half-written one.
- ``replace_folder``: a multi-file output (``clusters/``, ``neo4j-import/``) is written into a fresh
  sibling folder, then swapped in: it is replaced as a whole or not at all. On Linux the swap is one
  atomic ``renameat2(RENAME_EXCHANGE)`` (through ctypes), elsewhere two renames.
- Every folder this tool writes holds a manifest (``MANIFEST``) naming the files it wrote; only those
  are ever deleted. Files of the user's own in the folder are kept.
- No symbolic link is followed: a link where an output or a folder of outputs goes is refused.
- Temporary files and folders are named ``.kg-tmp-<pid>-…``; ``clean_leftovers`` removes those of
  a process that is no longer running (a killed run).
"""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

TEMP_PREFIX = ".kg-tmp-"
OLD_PREFIX = ".kg-old-"
MANIFEST = ".kg-manifest"
_LEFTOVER = re.compile(rf"^(?:{re.escape(TEMP_PREFIX)}|{re.escape(OLD_PREFIX)})(\d+)-(.*)$")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def refuse_symlink(path: str | Path) -> None:
    """Raise ``OSError`` when ``path`` is a symbolic link (an output never writes through one)."""
    if os.path.islink(path):
        raise OSError(errno.ELOOP, "is a symbolic link; kg never writes through links", str(path))


def _temp_name(name: str) -> str:
    return f"{TEMP_PREFIX}{os.getpid()}-{name}."


@contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open ``path`` for writing through a temporary file that replaces it only on success.

    The temporary file is created with ``O_EXCL`` (never through a link); a ``path`` that is a
    symbolic link is refused rather than replaced.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    refuse_symlink(path.parent)
    refuse_symlink(path)
    import tempfile  # writers only (tempfile imports random: 2.5 ms at every command)

    fd, tmp = tempfile.mkstemp(prefix=_temp_name(path.name), suffix=".tmp", dir=path.parent)
    try:
        kwargs = {} if "b" in mode else {"encoding": encoding, "newline": "\n"}
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | Path, text: str) -> Path:
    with atomic_open(path) as handle:
        handle.write(text)
    return Path(path)


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    with atomic_open(path, "wb", encoding=None) as handle:
        handle.write(data)
    return Path(path)


# --- reading a file the user names -------------------------------------------------------------

MiB = 1024 * 1024
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def size_in_mib(size: int) -> str:
    """A size in MiB rounded up to a tenth (as ``loaders.readers.registry.size_in_mib``, which the
    graph readers do not import: it loads every document reader).

    >>> size_in_mib(16 * MiB + 1), size_in_mib(50)
    ('16.1 MiB', '0.1 MiB')
    """
    tenths = -(-size * 10 // MiB)
    return f"{tenths // 10} MiB" if tenths % 10 == 0 else f"{tenths / 10:.1f} MiB"


class NotReadable(ValueError):
    """A file that is not read; ``str()`` is ``PATH: reason``, one line, and ``reason`` alone."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.reason = reason


def read_regular_bytes(path: str | Path, limit: int, what: str = "a file") -> bytes:
    """The bytes of a regular local file, never more than ``limit`` + 1 read.

    A FIFO, a device (``/dev/zero``), a socket or a folder is refused from its ``stat`` and opened,
    if at all, without blocking (``O_NONBLOCK``; the descriptor is checked again); a file longer
    than ``limit`` (whatever size it claims) is refused. ``what`` names what was expected.
    """
    try:
        mode = os.stat(path).st_mode
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
        fd = os.open(path, flags) if stat.S_ISREG(mode) else None
    except FileNotFoundError:
        raise NotReadable(path, "no such file") from None
    except (UnicodeEncodeError, ValueError):
        raise NotReadable(repr(str(path)), "not a file name") from None
    except OSError as err:
        raise NotReadable(path, f"cannot read ({err.strerror})") from None
    if fd is None:
        kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
        raise NotReadable(path, f"{kind}, not a regular file; give {what}")
    with os.fdopen(fd, "rb") as handle:
        try:
            status = os.fstat(fd)
            if not stat.S_ISREG(status.st_mode):  # replaced between stat and open
                raise NotReadable(path, f"not a regular file; give {what}")
            # what it claims plus one byte first (a buffer of ``limit`` bytes is not free), then the
            # rest of a file that grew, still bounded
            data = handle.read(min(status.st_size, limit) + 1)
            if len(data) > status.st_size and len(data) <= limit:
                data += handle.read(limit + 1 - len(data))
        except OSError as err:
            raise NotReadable(path, f"cannot read ({err.strerror})") from None
    if len(data) > limit:
        raise NotReadable(path, f"over the {size_in_mib(limit)} limit for {what}")
    return data


# --- folders of several files -------------------------------------------------------------------


def read_manifest(folder: Path) -> set[str]:
    """The names of the files this tool wrote into ``folder`` (empty when it has no manifest)."""
    manifest = folder / MANIFEST
    if not manifest.is_file() or manifest.is_symlink():
        return set()
    names = manifest.read_text(encoding="utf-8").splitlines()
    return {n for n in names if n and "/" not in n and n not in (".", "..")}


class FolderWriter:
    """Writes files into the fresh temporary folder of ``replace_folder``; paths returned are final."""

    def __init__(self, temp: Path, final: Path) -> None:
        self.temp, self.final, self.names = temp, final, []

    def write_text(self, name: str, text: str) -> Path:
        if "/" in name or name in ("", ".", "..", MANIFEST) or name.startswith(TEMP_PREFIX):
            raise ValueError(f"not a plain file name: {name!r}")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(self.temp / name, flags, 0o666)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        self.names.append(name)
        return self.final / name


def _is_running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_ours(folder: Path) -> None:
    """Remove the files the manifest of ``folder`` names, the manifest, then the folder if empty."""
    for name in read_manifest(folder):
        (folder / name).unlink(missing_ok=True)
    (folder / MANIFEST).unlink(missing_ok=True)
    with suppress(OSError):  # files that are not ours stay, and so does the folder
        folder.rmdir()


def _move_others(source: Path, target: Path, ours: set[str]) -> None:
    """Move what is not ours (not named by ``ours``, not the manifest) from ``source`` into ``target``."""
    for entry in sorted(os.listdir(source)):
        if entry in ours or entry == MANIFEST:
            continue
        if os.path.lexists(target / entry):  # a name the new output writes: the new file wins
            if not (source / entry).is_dir() or (source / entry).is_symlink():
                (source / entry).unlink()
            continue
        os.rename(source / entry, target / entry)


def clean_leftovers(folder: str | Path) -> list[Path]:
    """Remove the temporary files and folders a killed run of this tool left in ``folder``.

    Only names ``.kg-tmp-<pid>-…`` / ``.kg-old-<pid>-…`` whose process is gone are touched. A new
    folder left before its swap holds only our files and goes; an old folder left half-way through a
    swap goes back where it was (if nothing took its place) or gives up its user files and goes.
    """
    folder = Path(folder)
    removed: list[Path] = []
    try:
        entries = sorted(os.listdir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _LEFTOVER.match(entry)
        if not match or _is_running(int(match.group(1))):
            continue
        path = folder / entry
        if path.is_symlink() or not path.is_dir():
            path.unlink(missing_ok=True)
        elif entry.startswith(TEMP_PREFIX):
            import shutil

            shutil.rmtree(path, ignore_errors=True)  # rmtree never follows links
        else:
            final = folder / match.group(2)
            if not os.path.lexists(final):
                os.rename(path, final)
                continue
            if final.is_dir() and not final.is_symlink():
                _move_others(path, final, read_manifest(path))
            _remove_ours(path)
        removed.append(path)
    return removed


@contextmanager
def replace_folder(path: str | Path) -> Iterator[FolderWriter]:
    """Write a multi-file output into a fresh sibling folder, then swap it in for ``path``.

    On any failure the temporary folder is removed and ``path`` is as it was. Files of the user's
    own in the old folder (not in its manifest) are moved into the new one; only files the old
    manifest names are deleted. A ``path`` that is a symbolic link is refused.
    """
    final = Path(path)
    parent = final.parent
    parent.mkdir(parents=True, exist_ok=True)
    refuse_symlink(final)
    if os.path.lexists(final) and not final.is_dir():
        raise OSError(errno.ENOTDIR, "exists and is not a folder", str(final))
    clean_leftovers(parent)
    import shutil
    import tempfile

    temp = Path(tempfile.mkdtemp(prefix=_temp_name(final.name), dir=parent))
    writer = FolderWriter(temp, final)
    try:
        yield writer
        (temp / MANIFEST).write_text("".join(f"{n}\n" for n in writer.names), encoding="utf-8")
        os.chmod(temp, 0o777 & ~_umask())
        _swap(temp, final)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}


@functools.cache
def _renameat2():
    """libc's ``renameat2`` (glibc 2.28+, Linux 3.15+), or None elsewhere; looked up when first
    needed (ctypes is not imported by commands that only read)."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    function.restype = ctypes.c_int
    return function


def exchange(a: str | Path, b: str | Path) -> bool:
    """Swap the two existing paths ``a`` and ``b`` in one atomic step (``renameat2`` with
    ``RENAME_EXCHANGE``): no moment exists where either name is missing. False when this system or
    file system cannot (then nothing changed); any other failure raises ``OSError``, nothing changed.
    """
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    import ctypes

    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def _swap(temp: Path, final: Path) -> None:
    """Put ``temp`` in place of ``final``. With ``exchange`` the new folder first takes the old
    folder's leftover name and the two are exchanged in one step, so ``final`` never goes missing; a
    crash before the exchange leaves the old folder in place, one after it leaves the old folder
    under ``.kg-old-…``, which ``clean_leftovers`` empties of the user's files into ``final``. Without
    it, two renames (``final`` is missing between them)."""
    if not os.path.lexists(final):
        os.rename(temp, final)
        return
    refuse_symlink(final)
    old = final.parent / f"{OLD_PREFIX}{os.getpid()}-{final.name}"
    exchanged = False
    if _renameat2() is not None:
        os.rename(temp, old)
        try:
            exchanged = exchange(old, final)
        except BaseException:
            os.rename(old, temp)  # the caller removes temp; final was not touched
            raise
        if not exchanged:  # a file system that cannot
            os.rename(old, temp)
    if not exchanged:
        _swap_by_two_renames(temp, final, old)
    _move_others(old, final, read_manifest(old))
    _remove_ours(old)


def _swap_by_two_renames(temp: Path, final: Path, old: Path) -> None:
    os.rename(final, old)
    try:
        os.rename(temp, final)
    except BaseException:
        os.rename(old, final)
        raise
