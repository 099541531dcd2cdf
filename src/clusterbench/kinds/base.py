"""The shape every requirement kind has: one object that decides, explains, checks, describes."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, Generic, TypeVar, get_args

from ..models.common import construct
from ..models.criteria import Criteria
from ..models.result import RequirementResult
from .check import CheckContext, Finding
from .description import Description
from .facts import Facts
from .scope import Scope
from .terms import Term

__all__ = ["Description", "RequirementKind"]

R = TypeVar("R")


class RequirementKind(ABC, Generic[R]):
    """One requirement kind: its model, its terms, its explanation, checks and description.

    Subclasses set ``model`` (the pydantic model of the requirement, whose `kind` literal
    names the kind) and are listed in :mod:`clusterbench.kinds.registry`.
    """

    model: ClassVar[type[Any]]
    kind: ClassVar[str]
    """The kind's name as criteria files write it (`score`, `minimums`), from the model."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "model" in cls.__dict__:
            (name,) = get_args(cls.model.model_fields["kind"].annotation)
            cls.kind = str(name)

    def expand(self, req: R, criteria: Criteria) -> tuple[Any, ...]:
        """The requirements this one stands for: itself, or (`kind: level`) a level's."""
        return (req,)

    def scope(self, req: R) -> Scope:
        """The indicators the requirement counts (every indicator unless narrowed)."""
        return Scope()

    def ids(self, req: R, facts: Facts) -> tuple[str, ...] | None:
        """The ids of :meth:`scope` in these criteria (None: every indicator)."""
        return self.scope(req).ids(facts.criteria)

    @abstractmethod
    def terms(self, req: R, facts: Facts) -> tuple[Term, ...]:
        """What the requirement asks for, as sums over the indicators' measures."""

    def stated(
        self, req: R, facts: Facts, build: Callable[[], tuple[Term, ...]]
    ) -> tuple[Term, ...]:
        """Terms that depend on the criteria alone, built once per requirement.

        The same term objects on every call let gap and margin analysis remember what an
        indicator's move does to them.
        """
        memo = facts.criteria.memo
        key = ("terms", id(req))
        found: tuple[Term, ...] | None = memo.get(key)
        if found is None:  # built (and its scope looked up) only the first time
            found = memo[key] = build()
        return found

    def holds(self, req: R, facts: Facts) -> bool:
        """Whether the requirement holds."""
        return all(t.holds(facts) for t in self.terms(req, facts))

    def fixable(self, req: R, facts: Facts) -> bool:
        """Whether better answers in this assessment could make it hold."""
        return all(t.fixed is not False for t in self.terms(req, facts))

    @abstractmethod
    def explain(self, req: R, facts: Facts) -> RequirementResult:
        """Held or not, with every fact behind it (see :meth:`result`)."""

    @abstractmethod
    def check(self, req: R, context: CheckContext) -> Iterator[Finding]:
        """What this requirement needs to make sense in its criteria file (CB2xx)."""

    def check_related(self, req: R, context: CheckContext) -> Iterator[Finding]:
        """Checks against other criteria sets (``context.known``); most kinds have none."""
        return iter(())

    @abstractmethod
    def describe(self, req: R) -> Description:
        """The requirement as stated, without an assessment's numbers."""

    def result(self, **facts: Any) -> RequirementResult:
        """A RequirementResult of this kind: facts only; words are the phrase layer's."""
        return construct(RequirementResult, kind=self.kind, **facts)
