"""One assessment open in the workbench: scoring what the page shows, and saving it.

The file on disk is the truth.  A page opens a version of it (its text and that text's
digest); every change the assessor makes is applied to that version's data and scored
the way ``clusterbench score`` would score the saved file.  Saving applies the same
changes to a round-trip parse of the file, so comments, key order and the formatting
of untouched parts stay as they were, and refuses when the file changed on disk since
the page opened it.
"""

from __future__ import annotations

import copy
import difflib
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..errors import InputError, Issue
from ..loader.assessment import CheckedAssessment, check_assessment_document
from ..loader.source import Document, parse_text
from ..models.criteria import Criteria
from ..pipeline.files import write_atomically
from ..pipeline.scoring import Scored, check_decision, score_checked
from .edits import Containers
from .form import FormData, apply_form
from .workspace import Workspace, digest

__all__ = ["Conflict", "Draft", "Evaluation", "field_of", "open_draft"]

_PLAIN = Containers()


def _sequence(items: Any) -> CommentedSeq:
    seq = CommentedSeq(items)
    if not any(isinstance(item, dict | list) for item in seq):
        seq.fa.set_flow_style()  # evidence lists as the bundled files write them: [a, b]
    return seq


_ROUND_TRIP = Containers(mapping=CommentedMap, sequence=_sequence, scalar=lambda v: _yaml_scalar(v))


def _yaml_scalar(value: Any) -> Any:
    from decimal import Decimal

    if isinstance(value, Decimal):  # ruamel writes floats; a short decimal survives exactly
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the assessor wrote
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


@dataclass(frozen=True, slots=True)
class Evaluation:
    """What the page shows for a state of the form: the score and the problems."""

    scored: Scored | None
    issues: tuple[Issue, ...]
    checked: CheckedAssessment | None

    @property
    def errors(self) -> tuple[Issue, ...]:
        """Only the errors."""
        return tuple(i for i in self.issues if i.is_error)


@dataclass(frozen=True, slots=True)
class Conflict:
    """The file changed on disk after the page opened it: what changed, as a diff."""

    name: str
    diff: str
    digest: str


@dataclass
class Draft:
    """A version of one assessment file, as a page opened it."""

    workspace: Workspace
    name: str
    path: Path
    text: str
    data: Mapping[str, Any]
    criteria: Criteria | None
    related: Mapping[str, Criteria]

    @property
    def digest(self) -> str:
        """The version of the file this draft was opened from."""
        return digest(self.text)

    def candidate(self, form: FormData, language: str) -> dict[str, Any]:
        """The file's data with the form's changes (the opened version is not changed)."""
        data = copy.deepcopy(dict(self.data))
        if self.criteria is not None:
            apply_form(data, form, self.criteria, self.related, language, _PLAIN)
        return data

    def evaluate(self, form: FormData | None, language: str) -> Evaluation:
        """Check and score the form's state, as `validate` and `score` would the file."""
        data = self.candidate(form, language) if form is not None else dict(self.data)
        document = Document(self.name, data)
        checked = check_assessment_document(document, self.workspace.library, base=self.path.parent)
        if not checked.ok:
            return Evaluation(None, checked.issues, checked)
        try:
            previous = self.workspace.previous_of(self.path, checked)
            scored = score_checked(
                checked, path=self.path, library=self.workspace.library, previous=previous
            )
        except InputError as exc:
            return Evaluation(None, (*checked.issues, *exc.issues), checked)
        wrong = check_decision(scored, document)
        issues = checked.issues if wrong is None else (*checked.issues, wrong)
        return Evaluation(scored, issues, checked)

    def render(self, form: FormData, language: str) -> str:
        """The file's text with the form's changes, everything else as it was."""
        yaml = _yaml()
        document = yaml.load(self.text)
        if self.criteria is not None:
            apply_form(document, form, self.criteria, self.related, language, _ROUND_TRIP)
        out = io.StringIO()
        yaml.dump(document, out)
        return out.getvalue()

    def save(self, form: FormData, base: str, language: str) -> str | Conflict:
        """Write the form's state to the file; the new digest, or the conflict found.

        ``base`` is the digest of the version the page opened.  When the file on disk is
        no longer that version (changed in another tab, an editor, git), nothing is
        written and the conflict shows what changed on disk.
        """
        on_disk = self.path.read_text(encoding="utf-8")
        if digest(on_disk) != base:
            before = self.workspace.opened(self.name, base)
            diff = "".join(
                difflib.unified_diff(
                    (before or "").splitlines(keepends=True),
                    on_disk.splitlines(keepends=True),
                    fromfile=f"{self.name} (as this page opened it)",
                    tofile=f"{self.name} (on disk now)",
                )
            )
            return Conflict(self.name, diff, digest(on_disk))
        text = self.render(form, language)
        if text != on_disk:
            write_atomically(self.path, text.encode("utf-8"))
        return digest(text)


def open_draft(workspace: Workspace, name: str) -> Draft:
    """Open assessment file ``name`` of the workspace (raises OutsideFolderError, InputError)."""
    path = workspace.path(name)
    text = path.read_text(encoding="utf-8")
    document = parse_text(text, name)
    checked = check_assessment_document(document, workspace.library, base=path.parent)
    workspace.remember(name, text)
    # A file still being filled in (a new questionnaire) fails the schema, but its
    # criteria are known from its header: the form needs only those.
    criteria = checked.criteria or workspace.criteria_named(document.data, path)
    related = workspace.library.dependencies(criteria) if criteria else {}
    return Draft(
        workspace, name, path, text, document.data, criteria, {**related, **checked.related}
    )


def field_of(issue: Issue) -> str:
    """The form field an Issue belongs to (``answer:G01``, ``org:members``), or ``""``."""
    path = issue.path.replace("[", ".").replace("]", "")
    parts = [p for p in path.split(".") if p]
    if not parts:
        return ""
    head = parts[0]
    if head == "answers" and len(parts) > 1:
        return f"answer:{parts[1]}"
    if head == "related" and len(parts) > 3 and parts[2] == "answers":
        return f"related:{parts[1]}:{parts[3]}"
    if head == "organisation" and len(parts) > 1:
        return f"org:{parts[1]}"
    if head == "assessment" and len(parts) > 1:
        if parts[1] == "assessors" and len(parts) > 3:
            return f"assessor:{parts[2]}:{parts[3]}"
        return f"info:{parts[1]}"
    if head == "improvement_areas" and len(parts) > 2:
        return f"area:{parts[1]}:{parts[2]}"
    if head in ("previous", "decision") and len(parts) > 1:
        return f"{head}:{parts[1]}"
    if head in ("strengths", "recommendations"):
        return head
    return ""
