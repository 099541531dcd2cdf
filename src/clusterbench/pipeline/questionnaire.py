"""A blank assessment for a criteria set: every question as a comment, ready to fill in."""

from __future__ import annotations

import textwrap

from ..kinds.english import answer_summary
from ..kinds.registry import answer_kind, describe, required_sets
from ..models.common import Text
from ..models.criteria import Criteria, Indicator
from ..models.rules import format_value

__all__ = ["questionnaire"]


def questionnaire(
    criteria: Criteria, *, language: str | None = None, related: dict[str, Criteria] | None = None
) -> str:
    """YAML text of a blank assessment of ``criteria``.

    Every field an assessor fills in is there, empty: the organisation, the assessment's
    date, type, report id, method and assessors, the previous assessment, and for each
    indicator its `value`, `evidence` and `comment`, under comments giving its title,
    question, answer type, points, pass rule, partial-credit steps, evidence asked for
    and the guidance, in ``language`` (default: the criteria's first); then improvement
    areas (where a level counts them), follow-up, strengths and recommendations.
    Criteria sets this one requires (eligibility) get a `related` section when given in
    ``related``.
    """
    lang = language or criteria.languages[0]
    out = [
        f"# Assessment against {criteria.id} {criteria.version}: {_t(criteria.title, lang)}",
        "# Fill in every answer after `value:`; `clusterbench validate` checks the file and",
        "# `clusterbench score` scores it (`clusterbench serve` fills it in in a browser).",
        "# Where the criteria allow it, an indicator that does not apply is written",
        "#   ID: {status: not_applicable, reason: why}",
        "kind: assessment",
        "format: 1",
        "organisation:",
        "  name:            # the cluster organisation's name",
        "  country:         # ISO 3166 alpha-3 code, such as NOR, SWE, DEU",
        "  portfolio:       # the comparative portfolio (sector), such as health, ict",
        "  founded:         # founding year",
        "  members:         # number of members",
        "  website:         # its website, such as https://cluster.example/en",
        "assessment:",
        "  date:            # YYYY-MM-DD, the (first) day of the interview",
        "  type: first      # first, or renewal of a label",
        "  report_id:       # the report's id, such as NOR112021GLD0002",
        "  method:          # interview on site or by video, documents checked, who was met",
        "  assessors:",
        "    - name:        # the lead assessor's name",
        "      role: lead assessor",
        f'criteria: {{id: {criteria.id}, version: "{criteria.version}"}}',
        "previous:          # the previous assessment: {file: 2019-silver.yaml}, or {date: , level: }",
    ]
    out += _related(criteria, related or {}, lang, indent="", seen=[criteria.id])
    out.append("answers:")
    out += _indicators(criteria, lang, indent="  ")
    if _counts_improvement_areas(criteria):
        out += [
            "# Improvement areas chosen since the previous assessment, each checked on site:",
            "#   - {indicator: G10, title: , description: , verified: false, evidence: []}",
            "improvement_areas: []",
        ]
    out += [
        "# What became of the previous assessment's recommendations:",
        "#   - {recommendation: , status: done, comment: }   (done, in_progress, not_started)",
        "follow_up: []",
        "strengths: []       # the overall appreciation: one item per strength",
        "recommendations: [] # one item per recommendation",
    ]
    return "\n".join(out) + "\n"


def _counts_improvement_areas(criteria: Criteria) -> bool:
    return any(
        (stated := describe(req)).kind == "improved" and stated.of == "improvement_areas"
        for level in criteria.levels
        for req in level.requires
    )


def _related(
    criteria: Criteria, related: dict[str, Criteria], lang: str, *, indent: str, seen: list[str]
) -> list[str]:
    """The `related` section: each set this one requires, answered, and what it requires."""
    known = [related[key] for key in required_sets(criteria) if key in related and key not in seen]
    if not known:
        return []
    lines = [f"{indent}related:"]
    for other in known:
        lines += [
            f"{indent}  {other.id}:",
            f"{indent}    # Either answer {other.id} below, or replace `answers` by the level it",
            f"{indent}    # gave with its dates ({{level: ID, awarded: YYYY-MM-DD, valid_until: "
            "YYYY-MM-DD}),",
            f"{indent}    # or by its own assessment file (assessment: FILE.yaml).",
            f"{indent}    answers:",
        ]
        lines += _indicators(other, lang, indent=f"{indent}      ")
        lines += _related(other, related, lang, indent=f"{indent}    ", seen=[*seen, other.id])
    return lines


def _indicators(criteria: Criteria, lang: str, *, indent: str) -> list[str]:
    lines: list[str] = []
    for category in criteria.categories:
        members = [i for i in criteria.indicators if i.category == category.id]
        if not members:
            continue
        lines.append(f"{indent}# ── {_t(category.title, lang)} ──")
        for indicator in members:
            lines += [f"{indent}# {line}" for line in _describe(indicator, lang)]
            lines += [
                f"{indent}{indicator.id}:",
                f"{indent}  value:",
                f"{indent}  evidence: []    # documents and data checked, one item each",
                f"{indent}  comment:",
            ]
    return lines


def _describe(indicator: Indicator, lang: str) -> list[str]:
    facts = []
    if indicator.points:
        facts.append(f"{format_value(indicator.points)} points")
    if indicator.minimum_requirement:
        facts.append("minimum requirement")
    if indicator.allow_not_applicable:
        facts.append("may be not applicable")
    head = f"{indicator.id} {_t(indicator.title, lang)}"
    lines = [f"{head} ({', '.join(facts)})" if facts else head]
    if indicator.question is not None:
        lines += _wrapped("", _t(indicator.question, lang))
    lines += _wrapped("Answer: ", _answer_hint(indicator, lang))
    rule = indicator.pass_ or (indicator.bands.green if indicator.bands else None)
    if rule is not None:
        lines.append(f"  {'Met' if indicator.pass_ else 'Green'} when: {rule.description}")
    for step in indicator.partial:
        lines += _wrapped(
            "Partial credit: ", f"{format_value(step.points)} points when {step.description}"
        )
    if indicator.applies_if is not None:
        lines.append(
            f"  Applies when {indicator.applies_if.indicator} {indicator.applies_if.description}"
        )
    if indicator.evidence:
        lines += _wrapped("Evidence: ", "; ".join(_t(e, lang) for e in indicator.evidence))
    if indicator.guidance is not None:
        lines += _wrapped("Guidance: ", _t(indicator.guidance, lang))
    return lines


def _wrapped(label: str, text: str) -> list[str]:
    """`  Label: text` wrapped to comment lines of a readable width."""
    return textwrap.wrap(
        label + text, width=86, initial_indent="  ", subsequent_indent="  " + " " * len(label)
    )


def _answer_hint(indicator: Indicator, lang: str) -> str:
    stated = answer_kind(indicator.answer).describe(indicator.answer)
    if stated.type == "boolean":
        return "true or false"
    if stated.type == "choice":
        options = ", ".join(f"{i} ({_t(label, lang)})" for i, label in stated.options)
        return f"{'a list of' if stated.multiple else 'one of'} {options}"
    if stated.type == "scale":
        return "one of " + ", ".join(f"{v} ({_t(label, lang)})" for v, label in stated.steps)
    if stated.type == "date":
        return "a date, YYYY-MM-DD"
    if stated.type == "text":
        return "a text"
    hint = answer_summary(stated)
    unit = stated.unit
    return hint if unit is None else hint.replace(f"({unit})", f"({_t(unit, lang)})")


def _t(text: Text, lang: str) -> str:
    # One line per comment: folded YAML texts may hold line breaks.
    return " ".join(text.in_language(lang).split())
