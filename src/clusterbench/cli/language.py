"""``--lang`` against the criteria: the one place a language the criteria lack becomes a
usage error (exit 2), whichever command was given it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..errors import ReportError
from .status import UsageError

if TYPE_CHECKING:
    from ..models.criteria import Criteria
    from ..report.options import ReportLanguage
    from ..report.phrases import Phrases

__all__ = ["language_for", "phrases_for"]


def language_for(criteria: Criteria, wanted: str | None) -> ReportLanguage:
    """The language to write ``criteria``'s texts in: ``wanted``, else their first that
    clusterbench speaks; a UsageError when the criteria have no texts in ``wanted``."""
    from ..report.i18n import choose_language  # Babel: only for words

    try:
        return choose_language(criteria, wanted)
    except ReportError as exc:
        raise UsageError(str(exc)) from None


def phrases_for(
    criteria: Criteria,
    wanted: str | None,
    *,
    written_in: str = "en",
    related: Mapping[str, Criteria] | None = None,
) -> Phrases:
    """The phrase layer for ``criteria`` (``related``: the other sets it names) in the
    language :func:`language_for` chooses."""
    from ..report.phrases import Phrases

    return Phrases(language_for(criteria, wanted), criteria, written_in=written_in, related=related)
