"""A criteria set in plain text (`clusterbench criteria show`), in any of its languages."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from ...kinds.registry import describe
from ...models.criteria import Criteria
from .diff import renewal_words
from .requirements import statement
from .words import Phrases

__all__ = ["overview", "provenance_status"]


def provenance_status(status: str, say: Phrases) -> str:
    """`official`, `reconstructed from public sources`, `example`, in words."""
    _ = say.gettext
    return {
        "official": _("official"),
        "reconstructed": _("reconstructed from public sources"),
        "example": _("example"),
    }[status]


def overview(
    criteria: Criteria, say: Phrases, related: Mapping[str, Criteria] | None = None
) -> str:
    """Categories, indicators, points, rules and levels of a criteria set."""
    _, fmt = say.gettext, say.fmt
    related = related or {}
    count = len(criteria.indicators)
    total = criteria.total_points
    size = say.ngettext("%(num)d indicator", "%(num)d indicators", count) % {"num": count}
    if total:
        size = _("%(indicators)s, %(points)s points") % {
            "indicators": size,
            "points": fmt.number(total),
        }
    out = [
        say.line(criteria.title),
        f"{criteria.id} {criteria.version} · {provenance_status(criteria.provenance.status, say)}",
    ]
    if criteria.provenance.status != "official" and criteria.provenance.note is not None:
        out.append(_("Provenance: %(note)s") % {"note": say.line(criteria.provenance.note)})
    out.append(size)
    for category in criteria.categories:
        members = [i for i in criteria.indicators if i.category == category.id]
        points = sum((i.points for i in members), start=Decimal(0))
        head = say.line(category.title)
        if points:
            head += " — " + _("%(points)s points") % {"points": fmt.number(points)}
        if category.floor is not None:
            head += " " + _("(floor %(share)s)") % {"share": fmt.threshold(category.floor)}
        out += ["", head]
        for indicator in members:
            marks = " ●" if indicator.minimum_requirement else ""
            if indicator.pass_ is not None:
                rule = say.rule(indicator, indicator.pass_)
            elif indicator.bands is not None:
                rule = _("green: %(rule)s") % {"rule": say.rule(indicator, indicator.bands.green)}
            else:
                rule = _("recorded, not judged")
            pts = fmt.number(indicator.points) if indicator.points else "–"
            title = say.line(indicator.title)[:52]
            out.append(f"  {indicator.id:<6} {pts:>5}  {title:<52} {rule}{marks}")
    out += ["", _("Levels (lowest first)")]
    for level in criteria.levels:
        line = f"  {level.id}: {say.line(level.title)}"
        if level.validity:
            months = level.validity.months
            line += ", " + say.ngettext("valid %(num)d month", "valid %(num)d months", months) % {
                "num": months
            }
            if level.validity.renewal is not None:
                line += ", " + renewal_words(level.validity.renewal, say)
        out.append(line)
        out += [f"    - {statement(say, describe(req), related)}" for req in level.requires]
    if criteria.designations:  # titles beside a level (NCE beside Arena Pro)
        out += ["", _("Designations")]
        for designation in criteria.designations:
            beside = say.join([say.level_title(level) for level in designation.levels])
            out.append(
                f"  {designation.id}: {say.line(designation.title)}, "
                + _("beside %(levels)s, while every requirement holds") % {"levels": beside}
            )
            out += [
                f"    - {statement(say, describe(req), related)}" for req in designation.requires
            ]
    out += ["", _("● minimum requirement")]
    return "\n".join(out) + "\n"
