"""Moving an assessment onto a newer version of its criteria, keeping the file as written.

The file is edited as text, not written anew, so that every comment, every text and the
layout stay as the assessor wrote them: answers are carried over to their counterparts'
ids (renamed where the map renames them), answers without a counterpart are kept as
comments, and the questions the new version adds are listed, as comments, at the end of
`answers`.  The result is checked as ``validate`` checks it before anything is written:
it answers the new version, with warnings for what is left to answer.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import AssessmentError, ClusterbenchError, InputError
from ..kinds.registry import required_sets
from ..loader.assessment import CheckedAssessment, check_assessment_document
from ..loader.criteria import bundled_criteria, bundled_versions
from ..loader.library import CriteriaLibrary
from ..loader.source import parse_text
from ..loader.versions import in_force
from ..models.criteria import Criteria, Indicator
from ..models.versions import IndicatorMap
from ..scoring.versions import indicator_map
from .text_edits import (
    Edit,
    apply_edits,
    comment_out,
    end_line,
    find_entry,
    lines_edit,
    replace_node,
    span,
)

__all__ = ["Migration", "Notes", "migrate"]


class Notes(Protocol):
    """The words of the comments a migration writes (the phrase layer gives them)."""

    def header(
        self,
        source: Criteria,
        target: Criteria,
        carried: int,
        renamed: Mapping[str, str],
        dropped: Sequence[str],
        questions: Sequence[str],
        missing: Sequence[str],
        *,
        recheck: Sequence[str] = (),
        date_from: dt.date | None = None,
    ) -> list[str]:
        """The lines that open the file (``recheck``: answers to check again;
        ``date_from``: the first day the new version is in force, when the assessment is
        dated before it)."""

    def dropped(self, indicator_id: str, target: Criteria, since: str) -> str:
        """Above an answer kept as a comment."""

    def dropped_area(self, indicator_id: str, since: str) -> str:
        """Above an improvement area kept as a comment."""

    def decision(self, source: Criteria) -> str:
        """Above the decision kept as a comment."""

    def questions(self, target: Criteria) -> str:
        """The heading of the questions left to answer."""

    def question(self, indicator: Indicator) -> list[str]:
        """One question left to answer, as `new` presents it."""


@dataclass(frozen=True, slots=True)
class Migration:
    """An assessment moved onto another version: the new text and what changed."""

    text: str
    source: Criteria
    target: Criteria
    carried: IndicatorMap
    dropped: tuple[str, ...] = ()
    """Answers without a counterpart in the target version (kept as comments)."""
    questions: tuple[str, ...] = ()
    """Indicators of the target version left to answer."""
    related: tuple[str, ...] = ()
    """Criteria sets the target version requires that the assessment does not answer."""
    warnings: tuple[str, ...] = field(default=())
    recheck: tuple[str, ...] = ()
    """Answers carried over whose question changed (the map's `recheck` and `folded`):
    kept, to be checked again."""
    date_from: dt.date | None = None
    """The first day the target version is in force, when the assessment is dated
    before it: the new assessment's date is to be set (CB316 among the warnings)."""

    @property
    def renamed(self) -> dict[str, str]:
        """New id → old id, for the answers whose indicator changed its id."""
        return {new: old for old, new in self.carried.pairs.items() if new != old}


def migrate(
    checked: CheckedAssessment,
    target: Criteria,
    library: CriteriaLibrary,
    notes: Notes,
    *,
    folder: Path | None = None,
) -> Migration:
    """The text of ``checked`` moved onto ``target`` (a later version of its criteria).

    ``notes`` words the comments written; ``folder`` is where the new file goes (paths
    to a previous assessment or related files are rewritten to stay right from there;
    default: beside the original).
    Raises :class:`~clusterbench.ClusterbenchError` when the versions are not linked by
    supersessions, or when the file's layout cannot be edited safely.
    """
    assessment, source = checked.assessment, checked.criteria
    if not checked.ok or assessment is None or source is None:
        raise AssessmentError([i for i in checked.issues if i.is_error])
    doc = checked.document
    if source.id != target.id:
        raise ClusterbenchError(
            f"{doc.file} answers {source.id}, not {target.id}: migrate moves an assessment to "
            "another version of its own criteria"
        )
    if source.version == target.version:
        raise ClusterbenchError(f"{doc.file} already answers {target.reference}")
    steps = library.lineage(source, target)
    if steps is None:
        raise ClusterbenchError(
            f"{target.reference} does not descend from {source.reference} through `supersedes`"
            f" (known versions: {', '.join(library.versions(target.id))}); migrate moves an "
            "assessment to a later version"
        )
    answered = list(assessment.answers)
    carried = indicator_map(target, source.version, answered, steps)
    text = doc.text
    lines = text.splitlines(keepends=True)
    root = doc.root
    if not isinstance(root, MappingNode):
        raise ClusterbenchError(f"{doc.file}: not a mapping at the top")
    edits: list[Edit] = []
    here = Path(doc.file).parent
    there = folder if folder is not None else here

    # -- the criteria reference ----------------------------------------------------------
    entry = find_entry(root, "criteria")
    assert entry is not None
    edits.append(
        lines_edit(lines, *span(lines, root, entry), _criteria_line(target, library, there))
    )
    # -- answers ---------------------------------------------------------------------------
    dropped = [key for key in answered if key not in carried.pairs]
    answers = find_entry(root, "answers")
    questions = [i for i in carried.added if i not in carried.pairs.values()]
    if answers is not None:
        _, node = answers
        if not isinstance(node, MappingNode) or (node.flow_style and (dropped or carried.renamed)):
            raise ClusterbenchError(
                f"{doc.file}: `answers` is written in flow style ({{...}}); write it as a block "
                "mapping (one answer per line) to migrate it"
            )
        edits += _carry_entries(lines, node, carried, source.version, target, notes)
    if questions:
        edits.append(_questions(lines, root, answers, target, questions, notes))
    # -- improvement areas -------------------------------------------------------------------
    areas = find_entry(root, "improvement_areas")
    if areas is not None and isinstance(areas[1], SequenceNode) and areas[1].value:
        edits += _carry_areas(lines, areas[1], carried, doc.file, source.version, notes)
    # -- the decision was taken on the old version -----------------------------------------
    decision = find_entry(root, "decision")
    if decision is not None:
        first, last = span(lines, root, decision)
        edits.append(
            comment_out(
                lines,
                first,
                last,
                f"# {notes.decision(source)}\n",
            )
        )
    # -- paths stay right from the new folder ----------------------------------------------
    if there.resolve() != here.resolve():
        edits += _moved_paths(root, here, there)
    # -- what else the new version needs -----------------------------------------------------
    missing = tuple(key for key in required_sets(target) if key not in assessment.related)
    period = target.in_force
    early = period is not None and period.from_ is not None and assessment.date < period.from_
    date_from = period.from_ if early and period is not None else None
    header = notes.header(
        source,
        target,
        len(carried.pairs),
        carried.renamed,
        dropped,
        questions,
        missing,
        recheck=carried.recheck,
        date_from=date_from,
    )
    edits.append(_header(lines, root, header))
    new_text = apply_edits(text, lines, edits)
    warnings = _check(new_text, doc.file, target, library, there)
    return Migration(
        new_text,
        source,
        target,
        carried,
        tuple(dropped),
        tuple(questions),
        missing,
        warnings,
        recheck=carried.recheck,
        date_from=date_from,
    )


def _criteria_line(target: Criteria, library: CriteriaLibrary, there: Path) -> str:
    """The new `criteria` entry: a bundled version by id and version; a version read from
    a file of the user's own with that file, relative to where the new file goes."""
    line = f'criteria: {{id: {target.id}, version: "{target.version}"'
    source = library.source(target)
    bundled = {p.resolve() for p in (*bundled_criteria().values(), *bundled_versions().values())}
    if source is not None and source.resolve() not in bundled:
        relative = os.path.relpath(source.resolve(), there.resolve())
        line += f", file: {_quoted(Path(relative).as_posix())}"
    return line + "}\n"


# ------------------------------------------------------------------------ sections
def _carry_entries(
    lines: list[str],
    node: MappingNode,
    carried: IndicatorMap,
    since: str,
    target: Criteria,
    notes: Notes,
) -> list[Edit]:
    edits = []
    for key, value in node.value:
        old = key.value
        new = carried.pairs.get(old)
        if new is None:
            first, last = span(lines, node, (key, value))
            note = f"# {notes.dropped(old, target, since)}\n"
            edits.append(comment_out(lines, first, last, note))
        elif new != old:
            edits.append(replace_node(key, new))
    return edits


def _questions(
    lines: list[str],
    root: MappingNode,
    answers: tuple[Node, Node] | None,
    target: Criteria,
    questions: list[str],
    notes: Notes,
) -> Edit:
    """Comments listing the questions left to answer, at the end of `answers`."""
    if answers is not None and isinstance(answers[1], MappingNode) and answers[1].value:
        mapping = answers[1]
        last_key = mapping.value[-1][0]
        indent = " " * last_key.start_mark.column
        _, at = span(lines, mapping, mapping.value[-1])
    else:
        indent = "  "
        at = span(lines, root, answers)[1] if answers is not None else len(lines)
    out = [f"{indent}# {notes.questions(target)}\n"]
    for key in questions:
        indicator = target.indicator(key)
        assert indicator is not None
        out += [f"{indent}# {line}\n" for line in notes.question(indicator)]
        out.append(f"{indent}# {key}: {{value: , evidence: [], comment: }}\n")
    return lines_edit(lines, at, at, "".join(out))


def _carry_areas(
    lines: list[str],
    node: SequenceNode,
    carried: IndicatorMap,
    file: str,
    since: str,
    notes: Notes,
) -> list[Edit]:
    edits = []
    items = node.value
    for index, item in enumerate(items):
        found = find_entry(item, "indicator") if isinstance(item, MappingNode) else None
        if found is None or not isinstance(found[1], ScalarNode):
            continue
        old = found[1].value
        new = carried.pairs.get(old)
        if new == old:
            continue
        if new is not None:
            edits.append(replace_node(found[1], new))
            continue
        if node.flow_style:
            raise ClusterbenchError(
                f"{file}: `improvement_areas` is written in flow style ([...]); write it as a "
                "block list (one area per item) to migrate it"
            )
        first = item.start_mark.line
        last = items[index + 1].start_mark.line if index + 1 < len(items) else end_line(item)
        while last - 1 > first and lines[last - 1].strip()[:1] in ("", "#"):
            last -= 1
        note = f"# {notes.dropped_area(old, since)}\n"
        edits.append(comment_out(lines, first, last, note))
    return edits


def _moved_paths(root: MappingNode, here: Path, there: Path) -> list[Edit]:
    """`previous.file`, `related.X.file` and `related.X.assessment`, relative to ``there``."""
    found: list[ScalarNode] = []
    previous = find_entry(root, "previous")
    if previous is not None and isinstance(previous[1], MappingNode):
        file = find_entry(previous[1], "file")
        if file is not None and isinstance(file[1], ScalarNode):
            found.append(file[1])
    related = find_entry(root, "related")
    if related is not None and isinstance(related[1], MappingNode):
        for _, entry in related[1].value:
            if isinstance(entry, MappingNode):
                for name in ("file", "assessment"):
                    value = find_entry(entry, name)
                    if value is not None and isinstance(value[1], ScalarNode):
                        found.append(value[1])
    edits = []
    for node in found:
        moved = os.path.relpath(here.resolve() / node.value, there.resolve())
        edits.append(replace_node(node, _quoted(Path(moved).as_posix())))
    return edits


def _quoted(text: str) -> str:
    return text if all(c.isalnum() or c in "._/-" for c in text) else '"' + text + '"'


def _header(lines: list[str], root: MappingNode, header: list[str]) -> Edit:
    """A comment above the first key saying what the migration did."""
    first = root.value[0][0].start_mark.line if root.value else 0
    while first > 0 and lines[first - 1].lstrip().startswith("#"):
        first -= 1  # above the comment that opens the file ...
    while first < len(lines) and lines[first].lstrip().startswith("# yaml-language-server"):
        first += 1  # ... but below an editor's schema line
    return lines_edit(lines, first, first, "".join(f"# {line}\n" for line in header))


def _check(
    text: str, name: str, target: Criteria, library: CriteriaLibrary, folder: Path
) -> tuple[str, ...]:
    """The new text checked as `validate` checks it: errors stop, warnings are returned."""
    try:
        doc = parse_text(text, name)
    except InputError as exc:  # pragma: no cover - edits keep the YAML well-formed
        raise ClusterbenchError(f"the migrated file would not parse: {exc}") from None
    checked = check_assessment_document(doc, library, base=folder, criteria=target)
    errors = [i for i in checked.issues if i.is_error]
    if errors:
        raise ClusterbenchError(
            "the migrated file would not be valid: "
            + "; ".join(f"{i.path}: {i.message}" for i in errors[:5])
        )
    issues = list(checked.issues)
    if checked.assessment is not None:  # the criteria given, the loader did not check this
        issues += in_force(target, checked.assessment.date, doc, library)
    return tuple(f"{i.path}: {i.message} [{i.code}]" for i in issues)
