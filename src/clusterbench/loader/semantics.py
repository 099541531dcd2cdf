"""Cross-reference and meaning checks of a criteria file (codes CB2xx).

The schema says each value has the right shape; these checks say the file makes
sense as a whole: ids are unique and refer to things that exist, points add up,
rules fit their answers, bands colour every answer exactly once, every level can be
reached, every text exists in every declared language.  Each finding is located.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..errors import Issue, PathPart, Severity, quote
from ..kinds.check import CheckContext, Finding
from ..kinds.registry import answer_kind, requirement_kind
from ..models.answer_types import AnswerType, suggest
from ..models.criteria import Criteria, Indicator
from ..models.requirements import Requirement
from ..models.rules import Rule, format_value
from .answers import check_answers
from .coverage import coverage_of, gaps_of
from .dependencies import check_dependencies
from .languages import check_languages
from .source import Document

__all__ = ["check_criteria", "check_dependencies"]  # the latter from loader.dependencies

Path = tuple[PathPart, ...]
_WARNING = Severity.WARNING
_NUMERIC_OPS = ("at_least", "above", "at_most", "below", "between")
_SINGULAR = {
    "categories": "category",
    "indicators": "indicator",
    "levels": "level",
    "examples": "example",
}


def check_criteria(criteria: Criteria, doc: Document) -> list[Issue]:
    """Every CB2xx Issue of a schema-valid criteria file."""
    return list(_Checker(criteria, doc).run())


class _Checker:
    def __init__(self, criteria: Criteria, doc: Document) -> None:
        self.c = criteria
        self.doc = doc
        self.category_ids = [c.id for c in criteria.categories]
        self.indicator_ids = [i.id for i in criteria.indicators]
        self.level_ids = [lv.id for lv in criteria.levels]

    def issue(self, path: Path, code: str, message: str, warning: bool = False) -> Issue:
        severity = _WARNING if warning else Severity.ERROR
        return self.doc.issue(path, code, message, severity=severity)

    def run(self) -> Iterator[Issue]:
        yield from self._duplicates()
        yield from self._categories()
        yield from self._points_total()
        for index, indicator in enumerate(self.c.indicators):
            yield from self._indicator(("indicators", index), indicator)
        yield from self._applicability_cycles()
        for index, level in enumerate(self.c.levels):
            yield from self._level(index, level.requires)
        yield from self._examples()
        yield from check_languages(self.c, self.doc)

    # -- ids ---------------------------------------------------------------
    def _duplicates(self) -> Iterator[Issue]:
        groups: list[tuple[str, Sequence[str], str]] = [
            ("categories", self.category_ids, "id"),
            ("indicators", self.indicator_ids, "id"),
            ("levels", self.level_ids, "id"),
            ("examples", [e.name for e in self.c.examples], "name"),
        ]
        for section, ids, key in groups:
            yield from self._unique((section,), ids, key, _SINGULAR[section])
        for index, indicator in enumerate(self.c.indicators):
            stated = answer_kind(indicator.answer).describe(indicator.answer)
            base: Path = ("indicators", index, "answer")
            if stated.options:
                ids = [i for i, _ in stated.options]
                yield from self._unique((*base, "options"), ids, "id", "option")
            if stated.steps:
                values = [str(value) for value, _ in stated.steps]
                yield from self._unique((*base, "steps"), values, "value", "step")

    def _unique(self, base: Path, ids: Sequence[str], key: str, what: str) -> Iterator[Issue]:
        first: dict[str, int] = {}
        for index, value in enumerate(ids):
            if value in first:
                line = self.doc.mark((*base, first[value], key)).line
                yield self.issue(
                    (*base, index, key),
                    "CB201",
                    f"duplicate {what} {quote(value)}, first used on line {line}",
                )
            else:
                first[value] = index

    # -- categories and points ---------------------------------------------------
    def _categories(self) -> Iterator[Issue]:
        used = Counter(i.category for i in self.c.indicators)
        for index, indicator in enumerate(self.c.indicators):
            if indicator.category not in self.category_ids:
                yield self._unknown(
                    ("indicators", index, "category"),
                    "CB202",
                    "category",
                    indicator.category,
                    self.category_ids,
                )
        for index, category in enumerate(self.c.categories):
            if not used[category.id]:
                yield self.issue(
                    ("categories", index, "id"),
                    "CB219",
                    f"category {category.id!r} has no indicators",
                    warning=True,
                )

    def _unknown(self, path: Path, code: str, what: str, name: str, known: Sequence[str]) -> Issue:
        return self.issue(path, code, f"unknown {what} {name!r}{suggest(name, known)}")

    def _points_total(self) -> Iterator[Issue]:
        declared = self.c.max_points
        total = self.c.total_points
        if declared is not None and total != declared:
            yield self.issue(
                ("max_points",),
                "CB204",
                f"the indicators' points sum to {format_value(total)}, not {format_value(declared)}",
            )

    # -- indicators ----------------------------------------------------------
    def _indicator(self, base: Path, ind: Indicator) -> Iterator[Issue]:
        answer = ind.answer
        yield from self._answer_bounds(base, answer)
        rules: list[tuple[Path, Rule]] = []
        if ind.pass_ is not None:
            rules.append(((*base, "pass"), ind.pass_))
        rules += [((*base, "partial", n), step) for n, step in enumerate(ind.partial)]
        if ind.bands is not None:
            rules += [
                ((*base, "bands", name), rule)
                for name, rule in ind.bands.items()
                if rule is not None
            ]
        fitting = True
        for path, rule in rules:
            for issue in self._rule_fits(path, rule, answer):
                fitting = fitting and issue.severity is _WARNING
                yield issue
        decidable = ind.pass_ is not None or ind.bands is not None
        if ind.points > 0 and not decidable:
            yield self.issue(
                (*base, "points"),
                "CB214",
                f"{ind.id} carries points but has no `pass` rule or `bands`",
            )
        if ind.minimum_requirement and not decidable:
            yield self.issue(
                (*base, "minimum_requirement"),
                "CB214",
                f"minimum requirement {ind.id} needs a `pass` rule or `bands`",
            )
        if ind.partial and ind.pass_ is None:
            yield self.issue(
                (*base, "partial"),
                "CB209",
                "partial credit needs a `pass` rule for the full points",
            )
        for n, step in enumerate(ind.partial):
            if step.points > ind.points:
                yield self.issue(
                    (*base, "partial", n, "points"),
                    "CB209",
                    f"a partial step earns {format_value(step.points)} points, more than the "
                    f"indicator's full {format_value(ind.points)}",
                )
            elif step.points == ind.points:
                yield self.issue(
                    (*base, "partial", n, "points"),
                    "CB209",
                    "a partial step earning the full points is a second pass rule; fold it into `pass`",
                    warning=True,
                )
        if fitting:
            yield from self._overlaps(base, ind)
        if ind.applies_if is not None:
            yield from self._applies_if(base, ind)
        if ind.peer_bands is not None and not answer_kind(answer).numeric(answer):
            yield self.issue(
                (*base, "peer_bands"),
                "CB205",
                f"peer_bands compare numbers; a {answer.type} answer has none to compare",
            )

    def _answer_bounds(self, base: Path, answer: AnswerType) -> Iterator[Issue]:
        if answer_kind(answer).universe(answer) is not None:
            return  # a finite answer has no bounds
        stated = answer_kind(answer).describe(answer)
        low, high = stated.low, stated.high
        if low is not None and high is not None and low > high:
            yield self.issue((*base, "answer", "min"), "CB215", f"min {low} is above max {high}")

    def _rule_fits(self, path: Path, rule: Rule, answer: AnswerType) -> Iterator[Issue]:
        kind = answer_kind(answer)
        allowed = kind.operators(answer)
        for op in rule.operators():
            if op not in allowed:
                yield self.issue(
                    (*path, op),
                    "CB205",
                    f"'{op}' does not fit a {answer.type} answer; use {', '.join(allowed)}",
                )
                return
        values: list[tuple[Path, Any]] = []
        if rule.equals is not None:
            values.append(((*path, "equals"), rule.equals))
        values += [((*path, "one_of", n), v) for n, v in enumerate(rule.one_of or ())]
        for where, value in values:
            problem = kind.value_problem(answer, value)
            if problem is not None:
                yield self.issue(where, *problem)
        bounds = [
            ((*path, op), getattr(rule, op))
            for op in _NUMERIC_OPS[:4]
            if getattr(rule, op) is not None
        ]
        bounds += [((*path, "between", n), v) for n, v in enumerate(rule.between or ())]
        for where, bound in bounds:
            message = kind.bound_problem(answer, bound)
            if message is not None:
                yield self.issue(where, "CB205", message)
                return
        coverage = coverage_of(rule, answer)
        if coverage is not None and not (coverage.finite or coverage.spans):
            yield self.issue(
                path,
                "CB215",
                f"the rule {rule.describe()} can never hold for this answer",
                warning=True,
            )

    def _overlaps(self, base: Path, ind: Indicator) -> Iterator[Issue]:
        answer = ind.answer
        if ind.bands is not None:
            named = [(name, rule) for name, rule in ind.bands.items() if rule is not None]
            covers = [(name, coverage_of(rule, answer)) for name, rule in named]
            if all(c is not None for _, c in covers):
                for i, (name_a, a) in enumerate(covers):
                    for name_b, b in covers[i + 1 :]:
                        assert a is not None
                        assert b is not None
                        both = a.overlap(b)
                        if both is not None:
                            yield self.issue(
                                (*base, "bands", name_b),
                                "CB207",
                                f"bands {name_a} and {name_b} both cover {both}",
                            )
                gap = gaps_of([c for _, c in covers if c is not None], answer)
                if gap is not None:
                    yield self.issue(
                        (*base, "bands"),
                        "CB208",
                        f"no band covers {gap}; extend a band, or bound the answer with min/max",
                    )
        if ind.pass_ is not None:
            full = coverage_of(ind.pass_, answer)
            for n, step in enumerate(ind.partial):
                part = coverage_of(step, answer)
                if full is not None and part is not None:
                    both = full.overlap(part)
                    if both is not None:
                        yield self.issue(
                            (*base, "partial", n),
                            "CB221",
                            f"this step overlaps the pass rule at {both}; the pass rule wins there",
                            warning=True,
                        )

    def _applies_if(self, base: Path, ind: Indicator) -> Iterator[Issue]:
        condition = ind.applies_if
        assert condition is not None
        path = (*base, "applies_if")
        target = self.c.indicator(condition.indicator)
        if target is None:
            yield self._unknown(
                (*path, "indicator"), "CB203", "indicator", condition.indicator, self.indicator_ids
            )
        elif target.id == ind.id:
            yield self.issue(
                (*path, "indicator"), "CB212", f"{ind.id} cannot depend on its own answer"
            )
        else:
            yield from self._rule_fits(path, condition, target.answer)

    def _applicability_cycles(self) -> Iterator[Issue]:
        depends = {
            i.id: i.applies_if.indicator for i in self.c.indicators if i.applies_if is not None
        }
        reported: set[str] = set()
        for start in depends:
            chain = [start]
            current = depends.get(start)
            while current is not None and current in depends and current not in chain:
                chain.append(current)
                current = depends.get(current)
            if current == start and len(chain) > 1 and start not in reported:
                reported.update(chain)
                index = self.indicator_ids.index(start)
                cycle = " → ".join([*chain, start])
                yield self.issue(
                    ("indicators", index, "applies_if", "indicator"),
                    "CB212",
                    f"applicability cycle: {cycle}",
                )

    # -- levels --------------------------------------------------------------
    def _level(self, index: int, requires: Sequence[Requirement]) -> Iterator[Issue]:
        context = CheckContext(self.c, index)
        for n, req in enumerate(requires):
            yield from self._findings(
                ("levels", index, "requires", n), requirement_kind(req).check(req, context)
            )

    def _findings(self, base: Path, findings: Iterable[Finding]) -> Iterator[Issue]:
        for found in findings:
            yield self.issue((*base, *found.path), found.code, found.message, found.warning)

    # -- examples -------------------------------------------------------------
    def _examples(self) -> Iterator[Issue]:
        if not self.c.examples:
            yield self.issue(
                ("levels",),
                "CB220",
                "no golden examples: add `examples` with the level each must get",
                warning=True,
            )
        for index, example in enumerate(self.c.examples):
            base: Path = ("examples", index)
            yield from check_answers(
                self.c, example.answers, (*base, "answers"), self.doc, unknown_code="CB203"
            )
            if example.previous is not None:
                yield from check_answers(
                    self.c,
                    example.previous.answers,
                    (*base, "previous", "answers"),
                    self.doc,
                    unknown_code="CB203",
                )
                level = example.previous.level
                if level is not None and level not in self.level_ids:
                    yield self._unknown(
                        (*base, "previous", "level"), "CB213", "level", level, self.level_ids
                    )
            for k, name in enumerate(example.improvement_areas):
                if name not in self.indicator_ids:
                    yield self._unknown(
                        (*base, "improvement_areas", k),
                        "CB203",
                        "indicator",
                        name,
                        self.indicator_ids,
                    )
            expected = example.expect.level
            if expected is not None and expected not in self.level_ids:
                yield self._unknown(
                    (*base, "expect", "level"), "CB213", "level", expected, self.level_ids
                )
