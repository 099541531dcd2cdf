"""A blank assessment for a criteria set (`clusterbench new`): every question as a comment.

The keys are the file format's; every comment, and the texts an assessor is offered to
start from, are in the questionnaire's language, which the file then declares as its
`language` (the language of texts written as one string).
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Mapping

from ...kinds.answers.base import AnswerDescription
from ...kinds.registry import answer_kind, required_sets
from ...models.criteria import Criteria, Indicator
from .words import Phrases

__all__ = ["ANSWER_HINTS", "describe_indicator", "questionnaire"]


def questionnaire(
    criteria: Criteria,
    say: Phrases,
    related: Mapping[str, Criteria] | None = None,
    *,
    file: str | None = None,
) -> str:
    """YAML text of a blank assessment of ``criteria``, in ``say``'s language.

    Every field an assessor fills in is there, empty: the organisation, the assessment's
    date, type, report id, assessing organisation, method, years of data and assessors,
    the previous assessment, and for each indicator its `value`, `evidence` and
    `comment`, under comments giving its title, question, answer, points, rule,
    partial-credit steps, evidence asked for and the guidance; then improvement areas,
    follow-up, the appreciation, strengths and recommendations.  Criteria sets this one
    requires (eligibility) get a `related` section when given in ``related``.  ``file``
    is the criteria file's path from the new assessment, for criteria that are not
    bundled (the assessment then finds them by it).
    """
    _ = say.gettext
    title = say.line(criteria.title)
    role = _yaml(_("lead assessor"))
    out = [
        "# "
        + _("Assessment against %(id)s %(version)s: %(title)s")
        % {"id": criteria.id, "version": criteria.version, "title": title},
        "# " + _("Fill in every answer after `value:`; `clusterbench validate` checks the file,"),
        "# " + _("`clusterbench score` scores it, `clusterbench serve` fills it in in a browser."),
        "# " + _("Where the criteria allow it, an indicator that does not apply is written"),
        "#   ID: {status: not_applicable, reason: " + _("why") + "}",
        "kind: assessment",
        "format: 1",
        _with(f"language: {say.language}", _("the language of the texts you write")),
        "organisation:",
        _with("  name:", _("the cluster organisation's name")),
        _with("  country:", _("ISO 3166 alpha-3 code, such as NOR, SWE, DEU")),
        _with("  portfolio:", _portfolios(criteria)),
        _with("  founded:", _("founding year")),
        _with("  members:", _("number of members")),
        _with("  website:", _("its website, such as https://cluster.example/en")),
        "assessment:",
        _with("  date:", _("YYYY-MM-DD, the (first) day of the interview")),
        _with("  type: first", _("first, or renewal of a label")),
        _with("  report_id:", _("the report's id, such as NOR112021GLD0002")),
        _with("  organisation:", _("the organisation that makes the assessment")),
        _with("  method:", _("on site or by video, documents checked, who was met")),
        _with("  data_years: []", _("the years whose data were checked, such as [2020, 2021]")),
        "  assessors:",
        _with("    - name:", _("the lead assessor's name")),
        f"      role: {role}",
        f'criteria: {{id: {criteria.id}, version: "{criteria.version}"'
        + (f", file: {json.dumps(file, ensure_ascii=False)}" if file is not None else "")
        + "}",
        _with(
            "previous:",
            _("the previous assessment: {file: 2019-silver.yaml}, or {date: , level: }"),
        ),
    ]
    out += _related(criteria, say, related or {}, indent="", seen=[criteria.id])
    out.append("answers:")
    out += _indicators(criteria, say, indent="  ")
    out += [
        "# " + _("Improvement areas chosen since the previous assessment, each checked on site:"),
        "#   - {indicator: , title: , description: , verified: false, evidence: []}",
        "improvement_areas: []",
        "# " + _("What became of the previous assessment's recommendations:"),
        "#   - {recommendation: , status: done, comment: }   (done, in_progress, not_started)",
        "follow_up: []",
        _with("appreciation:", _("the overall appreciation, a paragraph")),
        _with("strengths: []", _("one item per strength")),
        _with("recommendations: []", _("one item per recommendation")),
    ]
    return "\n".join(out) + "\n"


def _related(
    criteria: Criteria,
    say: Phrases,
    related: Mapping[str, Criteria],
    *,
    indent: str,
    seen: list[str],
) -> list[str]:
    """The `related` section: each set this one requires, answered, and what it requires."""
    _ = say.gettext
    known = [related[key] for key in required_sets(criteria) if key in related and key not in seen]
    if not known:
        return []
    lines = [f"{indent}related:"]
    for other in known:
        words = Phrases(say.language, other)
        lines += [
            f"{indent}  {other.id}:",
            f"{indent}    # "
            + _("Either answer %(id)s below, or replace `answers` by the level it gave")
            % {"id": other.id},
            f"{indent}    # "
            + _("with its dates ({level: ID, awarded: YYYY-MM-DD, valid_until: YYYY-MM-DD}),"),
            f"{indent}    # " + _("or by its own assessment file (assessment: FILE.yaml)."),
            f"{indent}    answers:",
        ]
        lines += _indicators(other, words, indent=f"{indent}      ")
        lines += _related(other, say, related, indent=f"{indent}    ", seen=[*seen, other.id])
    return lines


def _with(line: str, comment: str) -> str:
    """A line with a comment after it, the comments aligned to one column."""
    return line.ljust(18) + " # " + comment


def _yaml(text: str) -> str:
    """A text as a YAML scalar (quoted when YAML would read it otherwise)."""
    plain = text and text[0].isalpha() and not any(c in text for c in ":#{}[],&*!|>'\"%@`")
    return text if plain else json.dumps(text, ensure_ascii=False)


def _portfolios(criteria: Criteria) -> str:
    ids = [p.id for p in criteria.portfolios]
    if not ids:
        return "health, ict ..."
    return ", ".join(ids[:6]) + (" ..." if len(ids) > 6 else "")


def _indicators(criteria: Criteria, say: Phrases, *, indent: str) -> list[str]:
    lines: list[str] = []
    for category in criteria.categories:
        members = [i for i in criteria.indicators if i.category == category.id]
        if not members:
            continue
        lines.append(f"{indent}# ── {say.line(category.title)} ──")
        for indicator in members:
            lines += [f"{indent}# {line}" for line in _describe(indicator, say)]
            lines += [
                f"{indent}{indicator.id}:",
                f"{indent}  value:",
                _with(
                    f"{indent}  evidence: []",
                    say.gettext("documents and data checked, one per line: - item"),
                ),
                f"{indent}  comment:",
            ]
    return lines


def describe_indicator(indicator: Indicator, say: Phrases) -> list[str]:
    """The comment lines (without `#`) that present one question (`new`, `migrate`)."""
    return _describe(indicator, say)


def _describe(indicator: Indicator, say: Phrases) -> list[str]:
    _, fmt = say.gettext, say.fmt
    facts = []
    if indicator.points:
        facts.append(_("%(points)s points") % {"points": fmt.number(indicator.points)})
    if indicator.minimum_requirement:
        facts.append(_("minimum requirement"))
    if indicator.allow_not_applicable:
        facts.append(_("may be not applicable"))
    head = f"{indicator.id} {say.line(indicator.title)}"
    lines = [f"{head} ({', '.join(facts)})" if facts else head]
    if indicator.question is not None:
        lines += _wrapped("", say.line(indicator.question))
    lines += _wrapped(_("Answer: "), _answer_hint(indicator, say))
    if indicator.pass_ is not None:
        lines += _wrapped(_("Met when: "), say.rule(indicator, indicator.pass_))
    elif indicator.bands is not None:
        lines += _wrapped(_("Green when: "), say.rule(indicator, indicator.bands.green))
    for step in indicator.partial:
        lines += _wrapped(
            _("Partial credit: "),
            _("%(points)s points when %(rule)s")
            % {"points": fmt.number(step.points), "rule": say.rule(indicator, step)},
        )
    condition = indicator.applies_if
    if condition is not None:
        other = say.criteria.indicator(condition.indicator)
        rule = say.rule(other, condition) if other is not None else condition.description
        lines += _wrapped(
            _("Applies when: "),
            _("%(indicator)s is %(rule)s") % {"indicator": condition.indicator, "rule": rule},
        )
    if indicator.evidence:
        lines += _wrapped(_("Evidence: "), "; ".join(say.line(e) for e in indicator.evidence))
    if indicator.guidance is not None:
        lines += _wrapped(_("Guidance: "), say.line(indicator.guidance))
    return lines


def _wrapped(label: str, text: str) -> list[str]:
    """`  Label: text` wrapped to comment lines of a readable width."""
    return textwrap.wrap(
        label + text, width=86, initial_indent="  ", subsequent_indent="  " + " " * len(label)
    )


def _answer_hint(indicator: Indicator, say: Phrases) -> str:
    stated = answer_kind(indicator.answer).describe(indicator.answer)
    return ANSWER_HINTS[stated.form](say, stated)


def _hint_boolean(say: Phrases, stated: AnswerDescription) -> str:
    return say.gettext("true or false")


def _hint_choice(say: Phrases, stated: AnswerDescription) -> str:
    _ = say.gettext
    options = ", ".join(f"{i} ({say.line(label)})" for i, label in stated.options)
    lead = (
        _("a list of the options %(options)s")
        if stated.multiple
        else _("one of the options %(options)s")
    )
    return lead % {"options": options}


def _hint_scale(say: Phrases, stated: AnswerDescription) -> str:
    steps = ", ".join(f"{v} ({say.line(label)})" for v, label in stated.steps)
    return say.gettext("one of %(steps)s") % {"steps": steps}


def _hint_date(say: Phrases, stated: AnswerDescription) -> str:
    return say.gettext("a date, YYYY-MM-DD")


def _hint_text(say: Phrases, stated: AnswerDescription) -> str:
    return say.gettext("a text")


def _hint_number(say: Phrases, stated: AnswerDescription) -> str:
    _ = say.gettext
    if stated.percent:
        kind = _("a percentage, 0 to 100")
    else:
        kind = _("a whole number") if stated.whole else _("a number")
        low, high = stated.low, stated.high
        if low is not None and high is not None:
            kind = _("%(kind)s from %(low)s to %(high)s") % {
                "kind": kind,
                "low": say.fmt.number(low),
                "high": say.fmt.number(high),
            }
        elif low is not None:
            kind = _("%(kind)s, at least %(low)s") % {"kind": kind, "low": say.fmt.number(low)}
        elif high is not None:
            kind = _("%(kind)s, at most %(high)s") % {"kind": kind, "high": say.fmt.number(high)}
    if stated.unit is not None:
        kind += f" ({stated.unit.form(say.language, 'other')})"
    return kind


ANSWER_HINTS: dict[str, Callable[[Phrases, AnswerDescription], str]] = {
    "boolean": _hint_boolean,
    "number": _hint_number,
    "choice": _hint_choice,
    "scale": _hint_scale,
    "date": _hint_date,
    "text": _hint_text,
}
"""How to write an answer, per form of entry (a test checks every form has one)."""
