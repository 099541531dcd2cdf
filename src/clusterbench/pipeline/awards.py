"""The label a decision awards: which level, and from when to when it is valid.

The Result's validity is that of the level the answers reach.  A labelling body may
award a lower level (a Silver reached, a Bronze awarded), and the renewal rule applies
to a renewal of the same label: a Bronze awarded while the previous Bronze is still
renewable extends that Bronze, whatever the answers reached.  So the validity of what
was awarded is worked out here, with the scoring core's own rule
(:func:`clusterbench.scoring.history.level_validity`), from the label the previous
assessment was awarded.  The register, `history` and certificates all ask this one place.
"""

from __future__ import annotations

from dataclasses import replace

from ..models.result import ValidityResult
from ..scoring.context import previous_of
from ..scoring.history import level_validity
from .scoring import Scored

__all__ = ["awarded_level", "awarded_validity"]


def awarded_level(scored: Scored) -> str | None:
    """The level the body's decision is for (its `level`, else the level reached)."""
    decision = scored.assessment.decision
    return (decision.level if decision is not None else None) or scored.result.level


def awarded_validity(scored: Scored) -> ValidityResult | None:
    """The validity of the level awarded (see :func:`awarded_level`).

    The Result's own validity when the level awarded is the one reached and the previous
    assessment was awarded the level it reached; else the same rule applied to the
    level awarded, after the label the previous assessment was awarded.
    """
    level = awarded_level(scored)
    earlier = scored.previous
    lowered = earlier is not None and awarded_level(earlier) != earlier.result.level
    if level == scored.result.level and not lowered:
        return scored.result.validity
    previous = previous_of(
        scored.criteria, scored.assessment, earlier.result if earlier is not None else None
    )
    if previous is not None and earlier is not None and lowered:
        held = awarded_validity(earlier)
        previous = replace(
            previous,
            level=awarded_level(earlier),
            valid_until=held.valid_until if held is not None else None,
            renewals=held.renewals if held is not None else 0,
        )
    review = scored.assessment.assessment.type == "review"
    return level_validity(scored.criteria, level, scored.assessment.date, previous, review=review)
