"""The one reader: every file clusterbench reads comes through here, bounded.

Criteria, assessments, their previous assessments, cohorts, logos, templates and the
files a batch fingerprints are all read by :func:`read_bytes`, which

* reads regular files only: a FIFO, a device, a socket or a directory is refused from
  its metadata, without opening it for reading (so a FIFO cannot block the run);
* opens without blocking and checks the opened file again, so that a path swapped for a
  FIFO between the check and the open is refused too;
* reads at most a size cap, whatever size the file claims (``/proc`` files claim 0);
* turns every failure (no such file, a symbolic link loop, a folder that cannot be
  entered, a path through a file) into one :class:`~clusterbench.InputError` with a
  located Issue (code CB100 or CB112) that says what to do.

:func:`find_files` walks folders the same way: unreadable folders and symbolic link
loops become Issues instead of being skipped in silence.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, Issue, NotFoundError, Severity

__all__ = [
    "MAX_BYTES",
    "FoundFiles",
    "file_kind",
    "find_files",
    "identity",
    "read_bytes",
    "read_image",
    "read_text",
]

MAX_BYTES = 2 * 1024 * 1024
"""Largest file read: 2 MiB, about 40 times the largest shipped criteria file."""

_CHUNK = 1024 * 1024
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)


def file_kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _issue(file: str, code: str, message: str) -> Issue:
    return Issue(file, None, None, "", code, Severity.ERROR, message)


def unreadable(file: str, path: str | os.PathLike[str], exc: OSError) -> Issue:
    """The Issue for a file that cannot be opened or examined, saying why in words."""
    return _issue(file, "CB100", _why(Path(path), exc))


def _why(path: Path, exc: OSError) -> str:
    code = exc.errno
    if code == errno.ENOENT:
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode):
                return "is a symbolic link to a file that does not exist"
        except OSError:
            pass
        return "no such file"
    if code == errno.ELOOP:
        return "symbolic links form a loop; point the link at a real file"
    if code == errno.ENOTDIR:
        return "a part of the path is a file, not a folder"
    if code in (errno.EACCES, errno.EPERM):
        folder = _closed_folder(path)
        if folder is not None:
            return f"permission denied: the folder {folder} cannot be entered"
        if os.path.isdir(path):  # the folder itself: listed or searched, not read as a file
            return "permission denied: the folder cannot be read; check its permissions"
        return "permission denied: the file cannot be read; check its permissions"
    if code == errno.ENAMETOOLONG:
        return "the path is too long"
    return f"cannot read: {exc.strerror or exc}"


def _closed_folder(path: Path) -> str | None:
    """The first folder on `path` this process may not enter, if there is one."""
    for parent in reversed(path.absolute().parents):
        if os.path.isdir(parent) and not os.access(parent, os.X_OK):
            return os.fspath(parent)
    return None


def _refuse(file: str, kind: str) -> InputError:
    return InputError([_issue(file, "CB100", f"is {kind}, not a regular file")])


def _too_large(file: str, size: int | None, limit: int) -> InputError:
    said = f"is {size:,} bytes" if size is not None else "is larger than that"
    return InputError([_issue(file, "CB112", f"the file {said}; the limit is {limit:,} bytes")])


def read_bytes(
    path: str | os.PathLike[str], *, display: str | None = None, limit: int = MAX_BYTES
) -> bytes:
    """The contents of one regular file of at most ``limit`` bytes; InputError otherwise.

    ``display`` is the name the Issues use (default: the path as given).
    """
    name = display if display is not None else os.fspath(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError([unreadable(name, path, exc)]) from None
    except ValueError:  # a NUL character: no file can have such a name
        raise InputError(
            [_issue(name, "CB100", "no such file: a path cannot hold a NUL character")]
        ) from None
    kind = file_kind(info.st_mode)
    if kind is not None:
        raise _refuse(name, kind)  # refused from its metadata: never opened
    if info.st_size > limit:
        raise _too_large(name, info.st_size, limit)
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise InputError([unreadable(name, path, exc)]) from None
    try:
        kind = file_kind(os.fstat(handle).st_mode)
        if kind is not None:  # swapped for something else since the check above
            raise _refuse(name, kind)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(handle, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise InputError([unreadable(name, path, exc)]) from None
    finally:
        os.close(handle)
    if total > limit:
        raise _too_large(name, None, limit)
    return b"".join(chunks)


_IMAGES = {b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def _is_svg(data: bytes) -> bool:
    """Whether ``data`` starts as an SVG document does (after an XML declaration,
    comments or a doctype, within its first 4 KiB)."""
    head = data[:4096].decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    return head.startswith("<") and "<svg" in head


def read_image(
    path: str | os.PathLike[str], *, display: str | None = None, limit: int = MAX_BYTES
) -> bytes:
    """The contents of a PNG, JPEG or SVG file (by its first bytes, not its name), as
    :func:`read_bytes` reads it; InputError (CB120) for anything else."""
    data = read_bytes(path, display=display, limit=limit)
    if any(data.startswith(magic) for magic in _IMAGES) or _is_svg(data):
        return data
    name = display if display is not None else os.fspath(path)
    message = "is not a PNG, JPEG or SVG image (by its first bytes); give an image file"
    raise InputError([_issue(name, "CB120", message)])


def read_text(
    path: str | os.PathLike[str], *, display: str | None = None, limit: int = MAX_BYTES
) -> str:
    """:func:`read_bytes` decoded as UTF-8 (a byte-order mark is dropped); InputError otherwise."""
    name = display if display is not None else os.fspath(path)
    raw = read_bytes(path, display=name, limit=limit)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            [
                _issue(
                    name,
                    "CB113",
                    f"the file is not UTF-8 (at byte {exc.start:,}); save it as UTF-8",
                )
            ]
        ) from None


def identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    """(device, inode) of the file a path leads to, or None when there is none."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


@dataclass(frozen=True, slots=True)
class FoundFiles:
    """The files under some paths, and the folders that could not be searched."""

    files: tuple[Path, ...]
    issues: tuple[Issue, ...]


def find_files(paths: Iterable[str | os.PathLike[str]], suffixes: Sequence[str]) -> FoundFiles:
    """Paths that are not folders as given; under folders, the files ending in ``suffixes``.

    Hidden files and folders (a name starting with `.`) are left out below a folder.
    Entries are taken whatever their type (a FIFO named `x.yaml` is listed, so that the
    reader refuses it by name); folders reached twice through symbolic links are
    searched once; folders that cannot be listed become Issues.  A path that does not
    exist raises :class:`~clusterbench.NotFoundError`.
    """
    files: list[Path] = []
    issues: list[Issue] = []
    for raw in paths:
        path = Path(raw)
        try:
            info = os.stat(path)
        except FileNotFoundError:
            if not os.path.lexists(path):
                raise NotFoundError(f"{os.fspath(raw)}: no such file or directory") from None
            files.append(path)  # a dangling symbolic link: the reader says so
            continue
        except (OSError, ValueError):  # ValueError: a NUL character in the path
            files.append(path)  # the reader says why it cannot be read
            continue
        if stat.S_ISDIR(info.st_mode):
            found: list[Path] = []
            _walk(path, tuple(suffixes), found, issues, {(info.st_dev, info.st_ino)})
            files.extend(sorted(found))
        else:
            files.append(path)
    return FoundFiles(tuple(files), tuple(issues))


def _walk(
    top: Path,
    suffixes: tuple[str, ...],
    found: list[Path],
    issues: list[Issue],
    seen: set[tuple[int, int]],
) -> None:
    pending = [top]  # a stack, not recursion: a tree may be nested deeper than Python's stack
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as entries:
                listed = [(e.name, e) for e in entries if not e.name.startswith(".")]
        except OSError as exc:
            why = unreadable(os.fspath(folder), folder, exc).message
            issues.append(_issue(os.fspath(folder), "CB100", f"cannot search this folder: {why}"))
            continue
        for name, entry in listed:
            path = folder / name
            try:
                is_dir = entry.is_dir()  # follows a symbolic link to a folder
            except OSError:
                is_dir = False
            if not is_dir:
                if name.endswith(suffixes):
                    found.append(path)
                continue
            try:
                info = entry.stat()
            except OSError as exc:
                issues.append(unreadable(os.fspath(path), path, exc))
                continue
            key = (info.st_dev, info.st_ino)
            if key not in seen:  # a link back up the tree is searched once
                seen.add(key)
                pending.append(path)
