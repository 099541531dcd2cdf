"""One assessment open in the workbench: scoring what the page shows, and saving it.

The file on disk is the truth.  A page opens a version of it (its text and that text's
digest); every change the assessor makes is applied to that version's data and scored
the way ``clusterbench score`` would score the saved file.  Saving applies the same
changes to a round-trip parse of the file, so comments, key order and the formatting
of untouched parts stay as they were; a number is written exactly as the page scored
it.  A save refuses when the file changed on disk since the page opened (or last
saved) it, and saves of one file run one at a time, each comparing with the bytes on
disk just before it writes.
"""

from __future__ import annotations

import copy
import difflib
import io
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.representer import RoundTripRepresenter

from ..errors import Issue, Severity, format_path
from ..loader.reader import read_bytes
from ..loader.source import Document, parse_text
from ..models.criteria import Criteria
from ..pipeline.files import write_atomically
from .edits import Containers
from .form import FormData
from .readback import Refusal, apply_form
from .workspace import Evaluation, Workspace, digest

__all__ = ["Conflict", "Draft", "Evaluation", "open_draft"]

_PLAIN = Containers()


def _sequence(items: Any) -> CommentedSeq:
    seq = CommentedSeq(items)
    if not any(isinstance(item, dict | list) for item in seq):
        seq.fa.set_flow_style()  # evidence lists as the bundled files write them: [a, b]
    return seq


_ROUND_TRIP = Containers(mapping=CommentedMap, sequence=_sequence)


class _Representer(RoundTripRepresenter):
    """ruamel's round-trip representer, writing a Decimal exactly (not as a float)."""

    def represent_decimal(self, value: Decimal) -> ScalarNode:
        """``2.5`` as ``2.5`` and ``123456789012345.123456`` to its last digit: the loader
        reads the text back as the same Decimal, so the file scores as the page did."""
        text = format(value, "f")  # inside the domain: at most 21 digits
        if "." not in text:
            return self.represent_int(int(text))
        return self.represent_scalar("tag:yaml.org,2002:float", text)


_Representer.add_representer(Decimal, _Representer.represent_decimal)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a line the assessor wrote
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


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
    opened: Evaluation
    """The version as opened, checked and scored."""

    @property
    def digest(self) -> str:
        """The version of the file this draft was opened from."""
        return digest(self.text)

    def candidate(self, form: FormData, language: str) -> tuple[dict[str, Any], list[Refusal]]:
        """The file's data with the form's changes (the opened version is not changed),
        and the texts refused as values."""
        data = copy.deepcopy(dict(self.data))
        if self.criteria is None:
            return data, []
        return data, apply_form(data, form, self.criteria, self.related, language, _PLAIN)

    def evaluate(self, form: FormData | None, language: str) -> Evaluation:
        """Check and score the form's state, as `validate` and `score` would the file."""
        if form is None:
            return self.opened
        data, refused = self.candidate(form, language)
        document = Document(self.name, data)
        for where, refusal in refused:
            path = format_path(where)
            document.issues.append(
                Issue(self.name, None, None, path, "CB115", Severity.ERROR, refusal.message)
            )
            document.replaced.add(path)
        return self.workspace.evaluate(document, self.path)

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

        ``base`` is the digest of the version the page opened (or last saved).  When the
        file on disk is no longer that version (changed in another tab, an editor, git),
        nothing is written and the conflict shows what changed on disk.
        """
        with self.workspace.saving(self.path):
            on_disk = read_bytes(self.path, display=self.name).decode("utf-8", "replace")
            if digest(on_disk) != base:
                before = self.workspace.opened(self.name, base)
                diff = "".join(
                    difflib.unified_diff(
                        (before or "").splitlines(keepends=True),
                        on_disk.splitlines(keepends=True),
                        fromfile=f"{self.name} (as this page last had it)",
                        tofile=f"{self.name} (on disk now)",
                    )
                )
                return Conflict(self.name, diff if before is not None else "", digest(on_disk))
            text = self.render(form, language)
            if text != on_disk:
                write_atomically(self.path, text.encode("utf-8"))
            self.workspace.remember(self.name, text)
            return digest(text)


def open_draft(workspace: Workspace, name: str) -> Draft:
    """Open assessment file ``name`` of the workspace (raises OutsideFolderError, InputError)."""
    path = workspace.path(name)
    raw = read_bytes(path, display=name)
    document = parse_text(raw, name)  # an InputError unless it is UTF-8 YAML
    text = raw.decode("utf-8")  # as a save reads the file to compare
    opened = workspace.evaluate(document, path)
    workspace.remember(name, text)
    # A file still being filled in (a new questionnaire) fails the schema, but its
    # criteria are known from its header: the form needs only those.
    checked = opened.checked
    criteria = (checked.criteria if checked else None) or workspace.criteria_named(
        document.data, path
    )
    related = workspace.dependencies(criteria) if criteria else {}
    if checked is not None:
        related = {**related, **checked.related}
    return Draft(workspace, name, path, text, document.data, criteria, related, opened)
