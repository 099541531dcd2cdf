"""Which files of the served folder a request may name: one checked path, one name per file.

Every path a request names is resolved here, once, and must stay inside the folder: a
``..``, an absolute path, a NUL or another control character, a hidden part or a
symlink that leads out is refused, and only regular ``.yaml`` files are assessments.
A file has one name, its path relative to the folder with symbolic links followed:
``./a.yaml``, ``a.yaml/`` or a link to it are other spellings, which the pages lead to
the one name (see :meth:`Folder.canonical`).
"""

from __future__ import annotations

import os
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import ClusterbenchError, clip

__all__ = ["MAX_NAME", "N_", "Folder", "OutsideFolderError", "relative_name", "shown"]

MAX_NAME = 255
"""Most bytes of one part of a file name (NAME_MAX of Linux, macOS and Windows)."""
_MAX_PATH = 1024
"""Most bytes of a whole name below the folder."""


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "translated later"
    """Mark a message for the catalogs; it is translated where it is shown."""
    return message


class OutsideFolderError(ClusterbenchError):
    """A path that is not a file of the workbench's folder (or not one it may touch).

    The message is kept with its parts, so that each page says it in its own language.
    """

    def __init__(self, message: str, **parts: str) -> None:
        self.message, self.parts = message, parts
        super().__init__(message % parts)

    def said(self, gettext: Callable[[str], str]) -> str:
        """The message in the language of ``gettext``."""
        return gettext(self.message) % self.parts


def shown(name: str) -> str:
    """A name from a request as a message quotes it: short, without control characters."""
    printable = "".join(c if unicodedata.category(c)[0] != "C" else "�" for c in name)
    return repr(clip(printable, 80))


@dataclass
class Folder:
    """The folder a workbench serves, and the names of its files."""

    folder: Path

    def __post_init__(self) -> None:
        self.folder = self.folder.resolve(strict=True)
        if not self.folder.is_dir():
            raise OutsideFolderError(N_("%(folder)s is not a folder"), folder=str(self.folder))

    def path(self, name: str) -> Path:
        """The file ``name`` (its one name: see :meth:`canonical`), checked.

        Raises :class:`OutsideFolderError` for anything but a regular ``.yaml`` file
        inside, and for another spelling of a file's name.
        """
        found = self.canonical(name)
        if found != name:
            raise OutsideFolderError(
                N_("%(name)s is not the name of a file of this folder; open %(canonical)s"),
                name=shown(name),
                canonical=found,
            )
        return self.folder.joinpath(*PurePosixPath(found).parts)

    def canonical(self, name: str) -> str:
        """The one name of the file ``name`` spells: relative to the folder, symbolic links
        followed, POSIX style.  Raises :class:`OutsideFolderError` when it names no
        assessment file of the folder."""
        relative = relative_name(name)
        if relative is None:
            raise OutsideFolderError(
                N_("%(name)s is not an assessment file of this folder"), name=shown(name)
            )
        resolved = self.inside(self.folder.joinpath(*relative.parts))
        found = resolved.relative_to(self.folder)
        if relative_name(found.as_posix()) is None:  # a link to a hidden or non-YAML file
            raise OutsideFolderError(
                N_("%(name)s is not an assessment file of this folder"), name=shown(name)
            )
        return found.as_posix()

    def inside(self, path: Path) -> Path:
        """``path`` resolved; OutsideFolderError if it leads out of the folder or is not a file."""
        try:
            resolved = path.resolve(strict=True)
            mode = resolved.stat().st_mode
        except (OSError, RuntimeError, ValueError):  # missing, a symlink loop, a NUL
            raise OutsideFolderError(
                N_("%(name)s: no such file in this folder"), name=self.name(path)
            ) from None
        if not resolved.is_relative_to(self.folder):
            raise OutsideFolderError(N_("%(name)s leads outside the folder"), name=self.name(path))
        if not stat.S_ISREG(mode):
            raise OutsideFolderError(N_("%(name)s is not a regular file"), name=self.name(path))
        return resolved

    def name(self, path: Path) -> str:
        """``path`` as the pages show it: relative to the folder, POSIX style."""
        try:
            return path.relative_to(self.folder).as_posix()
        except ValueError:
            return os.fspath(path)

    def new_path(self, name: str) -> Path:
        """Where a new assessment ``name`` would be written; OutsideFolderError if not allowed."""
        relative = relative_name(name)
        if relative is None:
            raise OutsideFolderError(
                N_("%(name)s: name the file like fjord-cluster/2026-gold.yaml"), name=shown(name)
            )
        if len(name.encode("utf-8")) > _MAX_PATH or any(
            len(part.encode("utf-8")) > MAX_NAME for part in relative.parts
        ):
            raise OutsideFolderError(
                N_("%(name)s is too long for a file name; choose a shorter one"), name=shown(name)
            )
        if relative.as_posix() != name:
            raise OutsideFolderError(
                N_("%(name)s: name the file like fjord-cluster/2026-gold.yaml"), name=shown(name)
            )
        target = self.folder.joinpath(*relative.parts)
        try:
            parent = target.parent.resolve()
            taken = os.path.lexists(target)
        except (OSError, RuntimeError):
            raise OutsideFolderError(
                N_("%(name)s cannot be created here"), name=shown(name)
            ) from None
        if not parent.is_relative_to(self.folder):
            raise OutsideFolderError(N_("%(name)s leads outside the folder"), name=shown(name))
        if taken:
            raise OutsideFolderError(
                N_("%(name)s exists already; choose another name"), name=shown(name)
            )
        return target


def relative_name(name: str) -> PurePosixPath | None:
    """``name`` as a path below the folder, if it may name an assessment file there:
    relative, without `..`, hidden parts or control characters, ending in `.yaml` or `.yml`."""
    relative = PurePosixPath(name)
    if (
        not name
        or any(unicodedata.category(c) == "Cc" for c in name)  # NUL, line breaks ...
        or relative.is_absolute()
        or ".." in relative.parts
        or relative.suffix not in (".yaml", ".yml")
        or any(part.startswith(".") for part in relative.parts)
    ):
        return None
    return relative
