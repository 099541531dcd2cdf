"""The Jinja2 environment: autoescape on, undefined names are errors, gettext installed.

Templates are looked up in the user's folder first (`--templates DIR`, file by file),
then in the bundled templates.  Autoescape is switched on for every template whatever
its name (`select_autoescape` would miss a `report.html.j2`).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
)
from jinja2.loaders import split_template_path

from .._cache import cache_folder, code_fingerprint
from .._resources import bundled_dir
from ..errors import InputError, ReportError
from ..loader.reader import read_text
from .i18n import translations

__all__ = ["render_template", "template_dirs"]


def template_dirs(user: Path | None) -> tuple[Path, ...]:
    """The folders templates are looked up in, the user's first."""
    bundled = bundled_dir("templates")
    if user is None:
        return (bundled,)
    if not user.is_dir():
        raise ReportError(f"{user}: no such templates folder")
    return (user.resolve(), bundled)


class _Loader(FileSystemLoader):
    """Jinja's file loader, reading through the one reader: a FIFO or a device named like
    a template is refused, not opened, and a template has a size limit."""

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses `..`
        for folder in self.searchpath:
            path = os.path.join(folder, *pieces)
            if not os.path.lexists(path):
                continue
            try:
                source = read_text(path)
            except InputError as exc:  # not "not found": the bundled one must not stand in
                raise TemplateError(f"{path}: {exc.issues[0].message}") from None
            mtime = os.path.getmtime(path)
            return source, path, functools.partial(_unchanged, path, mtime)
        raise TemplateNotFound(template)


def _unchanged(path: str, mtime: float) -> bool:
    try:
        return os.path.getmtime(path) == mtime
    except OSError:
        return False


@cache
def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept between processes, in the user's cache folder.

    Jinja keys each entry by the template's file and checks it against a checksum of
    the source, so an edited template (bundled or the user's) is compiled again, never
    served stale; the file names carry this clusterbench's code fingerprint, so another
    version compiles its own (and removes the entries of the one before).
    """
    folder = cache_folder("templates")
    if folder is None:
        return None
    prefix = code_fingerprint()[:16]
    try:
        for old in folder.glob("*.cache"):
            if not old.name.startswith(prefix):
                old.unlink(missing_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder), pattern=f"{prefix}-%s.cache")


@cache
def _environment(language: str, dirs: tuple[Path, ...]) -> Environment:
    env = Environment(
        loader=ChoiceLoader([_Loader(str(d)) for d in dirs]),
        autoescape=True,
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(),
    )
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]
    return env


def render_template(name: str, language: str, dirs: tuple[Path, ...], **context: Any) -> str:
    """Render one template in ``language``; template mistakes become a ReportError."""
    try:
        return _environment(language, dirs).get_template(name).render(**context)
    except TemplateError as exc:
        line = getattr(exc, "lineno", None)  # syntax errors know their line
        where = f" (line {line})" if line else ""
        raise ReportError(
            f"template {getattr(exc, 'name', None) or name}{where}: {exc.message}"
        ) from exc
