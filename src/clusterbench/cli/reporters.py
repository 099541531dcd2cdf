"""Writing a validation report as text, JSON or GitHub workflow annotations."""

from __future__ import annotations

import json
from typing import TextIO

from ..errors import Issue, Severity
from ..pipeline.validation import ValidationReport

__all__ = ["REPORTERS", "report_github", "report_json", "report_text"]


def _summary(report: ValidationReport) -> str:
    files = len(report.files)
    invalid = sum(1 for f in report.files if not f.valid)
    errors = report.count(Severity.ERROR)
    warnings = report.count(Severity.WARNING)
    head = f"{files} file{'s' if files != 1 else ''} checked"
    if report.valid:
        tail = f"; {warnings} warning{'s' if warnings != 1 else ''}" if warnings else ""
        return f"{head}: all valid{tail}"
    return (
        f"{head}: {invalid} invalid, {errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}"
    )


def report_text(report: ValidationReport, out: TextIO) -> None:
    """One line per Issue (``file:line:col: path: message [code]``), then a summary."""
    for file in report.files:
        for issue in file.issues:
            out.write(f"{issue}\n")
    out.write(_summary(report) + "\n")


def report_json(report: ValidationReport, out: TextIO) -> None:
    """The whole report as one JSON document."""
    json.dump(report.to_dict(), out, indent=2, ensure_ascii=False)
    out.write("\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(issue: Issue) -> str:
    level = "error" if issue.severity is Severity.ERROR else "warning"
    props = [f"file={_escape_property(issue.file)}"]
    if issue.line is not None:
        props += [f"line={issue.line}", f"col={issue.column or 1}"]
    props.append(f"title={_escape_property(issue.code)}")
    message = f"{issue.path}: {issue.message}" if issue.path else issue.message
    return f"::{level} {','.join(props)}::{_escape_data(message + f' [{issue.code}]')}"


def report_github(report: ValidationReport, out: TextIO) -> None:
    """GitHub Actions workflow commands, which show as annotations on the changed lines."""
    for file in report.files:
        for issue in file.issues:
            out.write(_annotation(issue) + "\n")
    out.write(_summary(report) + "\n")


REPORTERS = {"text": report_text, "json": report_json, "github": report_github}
