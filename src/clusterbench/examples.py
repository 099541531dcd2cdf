"""The bundled example assessments: fictional clusters with their label history.

They ship inside the package, so that they can be scored and rendered after a plain
``pip install``, from any folder::

    import clusterbench as cb

    cb.examples.names()                          # ['fjordhelse/2017-bronze', ...]
    scored = cb.score_file(cb.examples.path("fjordhelse/2021-gold"))
    cb.validate_paths([cb.examples.path("fjordhelse")])   # a whole history folder

An example's previous assessments are found beside it, as for any assessment file.
"""

from __future__ import annotations

from pathlib import Path

from ._resources import bundled_dir
from .errors import NotFoundError
from .models.answer_types import suggest

__all__ = ["names", "path"]


def names() -> list[str]:
    """Every example, as ``folder/file`` without ``.yaml``, sorted."""
    root = bundled_dir("examples")
    return sorted(p.relative_to(root).with_suffix("").as_posix() for p in root.rglob("*.yaml"))


def path(name: str) -> Path:
    """The file of example ``name`` (``fjordhelse/2021-gold``), or a folder of examples.

    Raises :class:`~clusterbench.NotFoundError`, suggesting the nearest name.
    """
    root = bundled_dir("examples")
    clean = name.strip("/").removesuffix(".yaml")
    if clean and ".." not in Path(clean).parts:
        for candidate in (root / f"{clean}.yaml", root / clean):
            if candidate.is_file() or (candidate.is_dir() and candidate != root):
                return candidate
    known = names()
    folders = sorted({n.split("/")[0] for n in known})
    raise NotFoundError(
        f"no example {name!r}{suggest(clean, [*known, *folders])} (examples: {', '.join(known)})"
    )
