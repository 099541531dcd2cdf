"""The one writer: every output file is written whole, where it is safe, or not at all.

Every report, JSON result, cohort file, questionnaire and batch manifest goes through
here, so that for every one of them

* an output that would land on an input of the run (the assessment, its previous chain,
  its criteria, the cohort, the logo, a template; hard links and symbolic links too) is
  refused before anything is written;
* an existing target that is not a regular file (a folder, a FIFO, a device, a socket)
  is refused with a message, never replaced by a regular file; a symbolic link to a
  regular file is written through (the link stays, its target is replaced);
* the data go to a temporary file beside the target, flushed and synced, then renamed
  over it: a reader sees the old file or the new one, never half of one;
* the new file gets the permissions a new file gets here (0644 under umask 022), or
  keeps those of the file it replaces;
* the temporary file is removed on every error, interruption included, and a later run
  removes temporaries of earlier runs that were killed (they carry the writing
  process's id, so that a live writer's file is never taken);
* ``-`` as a target means standard output, given by the caller as a binary stream.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import OutputError
from ..loader.reader import file_kind, identity

__all__ = [
    "STDOUT",
    "Inputs",
    "check_output",
    "check_stdout",
    "commit",
    "discard",
    "new_file_mode",
    "remove_stale_temporaries",
    "temporary_for",
    "write_atomically",
    "write_output",
]

STDOUT = "-"
"""The target that means standard output."""

_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>[0-9]+)\.[A-Za-z0-9_]{8}\.part$")
_STALE_AFTER = 24 * 3600
"""Seconds after which a temporary of a process id that still exists is taken as stale."""


class Inputs:
    """The files a run reads, by identity: an output must never replace one of them."""

    def __init__(
        self, paths: Iterable[str | os.PathLike[str] | None] = (), *, beside: Inputs | None = None
    ) -> None:
        self._known: dict[tuple[int, int], str] = {}
        self._beside = beside  # the run's inputs, when these are one output's own
        self.add(*paths)

    def add(self, *paths: str | os.PathLike[str] | None) -> None:
        """Record more inputs (None and missing files are ignored)."""
        for path in paths:
            if path is None:
                continue
            found = identity(path)
            if found is not None:
                self._known.setdefault(found, os.fspath(path))

    def add_tree(self, folder: str | os.PathLike[str] | None) -> None:
        """Record every file under a folder (a templates folder)."""
        if folder is None:
            return
        for root, _dirs, files in os.walk(folder):
            self.add(*(Path(root) / name for name in files))

    def holds(self, found: tuple[int, int]) -> bool:
        """Whether the file of this (device, inode) is an input."""
        return found in self._known or (self._beside is not None and self._beside.holds(found))

    def which(self, path: str | os.PathLike[str]) -> str | None:
        """The input that ``path`` is (as it was named), or None."""
        found = identity(path)
        return self.named(found) if found is not None else None

    def named(self, found: tuple[int, int]) -> str | None:
        """The input of this (device, inode), as it was named, or None."""
        if found in self._known:
            return self._known[found]
        return self._beside.named(found) if self._beside is not None else None


def _umask() -> int:
    try:  # Linux says it without changing it
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: read it by setting it, then put it back
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """The permissions of a new file under this process's umask (0644 under 022)."""
    return 0o666 & ~_umask()


def check_output(
    target: str | os.PathLike[str], inputs: Inputs | None = None, *, folder: bool = True
) -> Path:
    """The path to write ``target`` at (symbolic links followed); OutputError if unsafe.

    Call it before any work, so that a wrong `-o` costs nothing; the writers call it
    again right before they replace anything (``folder=False`` then: a temporary file
    is already in the folder, so it can be written).
    """
    shown = os.fspath(target)
    path = Path(target)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(f"{shown}: {_reason(exc)}") from None
    real = path
    if info is not None and stat.S_ISLNK(info.st_mode):
        real = Path(os.path.realpath(path))
        try:
            info = os.stat(path)
        except FileNotFoundError:
            raise OutputError(
                f"{shown} is a symbolic link to a file that does not exist; remove the link "
                "or write elsewhere"
            ) from None
        except OSError as exc:
            raise OutputError(f"{shown}: {_reason(exc)}") from None
    if info is not None:
        kind = file_kind(info.st_mode)
        if kind == "a directory":
            raise OutputError(f"{shown} is a folder; name a file in it")
        if kind is not None:
            raise OutputError(f"{shown} is {kind}; outputs are written to regular files only")
        used = inputs.which(real) if inputs is not None else None
        if used is not None:
            raise OutputError(
                f"{shown} is an input of this run ({used}); write the output elsewhere"
            )
    if folder:
        _check_folder(real.parent, shown)
    return real


def check_stdout(stdout: BinaryIO, inputs: Inputs | None) -> None:
    """OutputError when standard output is (opened on) one of ``inputs``.

    The shell opens the redirection's target before clusterbench starts, so only the
    open file says where the output would land: its device and inode are compared
    with the inputs'.  A stream without a file (a pipe is a file too) is left alone.
    """
    if inputs is None:
        return
    try:
        info = os.fstat(stdout.fileno())
    except (AttributeError, OSError, ValueError):  # no descriptor: a stream in memory
        return
    used = inputs.named((info.st_dev, info.st_ino))
    if used is not None:
        raise OutputError(
            f"standard output is an input of this run ({used}); redirect it to another file"
        )


def _check_folder(folder: Path, shown: str) -> None:
    """The nearest existing folder above a target must be a folder we may write in."""
    current = folder if os.fspath(folder) else Path(".")
    while True:
        try:
            info = os.stat(current)
        except FileNotFoundError:
            if current.parent == current:
                return
            current = current.parent
            continue
        except OSError as exc:
            raise OutputError(f"{shown}: {_reason(exc)}") from None
        if not stat.S_ISDIR(info.st_mode):
            raise OutputError(f"{shown}: {current} is a file, not a folder")
        if not os.access(current, os.W_OK | os.X_OK):
            raise OutputError(f"{shown}: cannot write in {current}: permission denied")
        return


def _reason(exc: OSError) -> str:
    reasons = {
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the file system is read-only",
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.ENOTDIR: "a part of the path is a file, not a folder",
        errno.ELOOP: "symbolic links form a loop",
        errno.EISDIR: "it is a folder",
        errno.ENAMETOOLONG: "the name is too long",
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))


def temporary_for(real: Path, mode: int | None = None) -> tuple[int, Path]:
    """A new temporary file beside ``real`` (open descriptor, path) with the final mode.

    Its name says which process writes it: `.report.pdf.<pid>.<random>.part`.
    """
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            prefix=f".{real.name}.{os.getpid()}.", suffix=".part", dir=real.parent
        )
    except OSError as exc:
        raise OutputError(f"{real}: cannot write in {real.parent}: {_reason(exc)}") from None
    if mode is None:
        try:
            mode = stat.S_IMODE(os.stat(real).st_mode)  # keep the permissions it had
        except OSError:
            mode = new_file_mode()
    with contextlib.suppress(OSError):  # a file system without modes keeps its default
        os.fchmod(handle, mode)
    return handle, Path(name)


def commit(
    temporary: str | os.PathLike[str],
    real: str | os.PathLike[str],
    inputs: Inputs | None = None,
) -> None:
    """Rename a finished temporary over ``real``, after checking ``real`` once more.

    A batch commits thousands of outputs: the usual case (no file there yet, or a regular
    file that is no input) costs one ``lstat``; anything else gets the full check.
    """
    try:
        try:
            info = os.lstat(real)
        except FileNotFoundError:
            info = None
        if info is not None and (
            not stat.S_ISREG(info.st_mode)
            or (inputs is not None and inputs.holds((info.st_dev, info.st_ino)))
        ):
            check_output(real, inputs, folder=False)  # raises, saying why
        os.replace(temporary, real)
    except BaseException as exc:
        discard(temporary)
        if isinstance(exc, OSError):
            raise OutputError(f"{real}: {_reason(exc)}") from None
        raise


def discard(temporary: str | os.PathLike[str]) -> None:
    """Remove a temporary file, if it is still there."""
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def write_atomically(
    target: str | os.PathLike[str], data: bytes, *, inputs: Inputs | None = None
) -> Path:
    """Write ``data`` to ``target`` whole or not at all (see the module); the path written."""
    real = check_output(target, inputs)
    remove_stale_temporaries(real.parent, name=real.name)
    handle, temporary = temporary_for(real)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException as exc:
        discard(temporary)
        if isinstance(exc, OSError):
            raise OutputError(f"{os.fspath(target)}: {_reason(exc)}") from None
        raise
    commit(temporary, real, inputs)
    return real


def write_output(
    target: str | os.PathLike[str],
    data: bytes,
    *,
    stdout: BinaryIO,
    inputs: Inputs | None = None,
) -> str:
    """:func:`write_atomically`, or ``data`` to ``stdout`` when ``target`` is ``-``.

    Standard output is refused when it is an input of the run (`-o - >> a.yaml` would
    append the output to the assessment it was made from).
    """
    if os.fspath(target) == STDOUT:
        check_stdout(stdout, inputs)
        stdout.write(data)
        stdout.flush()
        return "standard output"
    return os.fspath(write_atomically(target, data, inputs=inputs))


def _temporaries(folder: Path, name: str | None) -> Iterator[Path]:
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                found = _TEMPORARY.match(entry.name)
                if found and (name is None or found.group("name") == name):
                    yield Path(entry.path)
    except OSError:
        return


_PID_MAX = 2**22
"""The largest process id Linux hands out (its PID_MAX_LIMIT); other systems stay below."""


def _may_be_writing(digits: str) -> bool:
    """Whether the process named in a temporary's name may still be writing it.

    We write ids in decimal, without leading zeros, from 1 up to the system's limit:
    a name with any other id (`.r.html.2147483648.x.part`, `0`, `007`) was left by no
    live writer of ours, so it is stale, and its id is never handed to ``os.kill``
    (which overflows beyond a C int, and signals a whole process group for 0).
    """
    if digits.startswith("0") or len(digits) > len(str(_PID_MAX)):
        return False
    pid = int(digits)
    return 0 < pid <= _PID_MAX and _alive(pid)


def _alive(pid: int) -> bool:
    """Whether a process of this id exists (an unknown answer counts as alive)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError, ValueError):
        return True  # someone else's live process, or a question the system cannot answer
    return True


def remove_stale_temporaries(
    folder: Path, *, name: str | None = None, recursive: bool = False
) -> int:
    """Remove temporaries that writers killed mid-write left behind; how many.

    A temporary is stale when the process that wrote it is gone (or, if its id has
    been reused, after a day).  ``name`` limits the search to one target's.
    """
    removed = 0
    folders = [folder]
    if recursive:
        folders += [Path(root) / d for root, dirs, _ in os.walk(folder) for d in dirs]
    now = time.time()
    for current in folders:
        for path in _temporaries(current, name):
            found = _TEMPORARY.match(path.name)
            assert found is not None
            try:
                age = now - path.stat().st_mtime
            except OSError:
                continue
            digits = found.group("pid")
            if digits == str(os.getpid()) or (_may_be_writing(digits) and age < _STALE_AFTER):
                continue
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed
