"""What a Result says about the assessment against its peer group in a cohort."""

from pydantic import Field

from .common import Model, Number, Points
from .result_values import AnswerData, Ratio

__all__ = ["PeerCategory", "PeerComparison", "PeerIndicator"]


class PeerCategory(Model):
    """One category against the peer group."""

    id: str
    share: Number | None = Field(
        description="The assessment's share of the category's points (nearest float)."
    )
    share_exact: Ratio | None = Field(default=None, description="`share` exactly.")
    mean: Number | None = Field(description="The peers' mean share (a rounded statistic).")
    n: int


class PeerIndicator(Model):
    """One indicator against the peer group."""

    id: str
    value: AnswerData = None
    points: Points
    n: int = Field(description="Peers to which the indicator applied.")
    met_share: Number | None = Field(
        default=None, description="Share of peers meeting it (nearest float)."
    )
    met_share_exact: Ratio | None = Field(
        default=None, description="`met_share` exactly: peers meeting it over the `n`."
    )
    mean: Number | None = Field(default=None, description="Peers' mean answer (numeric answers).")
    median: Number | None = None
    lower: int | None = Field(
        default=None, description="How many of the `n` peers gave a lower answer."
    )
    equal: int | None = Field(default=None, description="How many gave the same answer.")


class PeerComparison(Model):
    """The assessment against its peer group in a cohort."""

    by: str = Field(description="How the cohort groups organisations: portfolio, country or size.")
    group: str = Field(
        description="The group compared with (`all` when the own group is too small)."
    )
    n: int
    score_share: Number | None = Field(
        default=None, description="The assessment's share of all points (nearest float)."
    )
    score_share_exact: Ratio | None = Field(default=None, description="`score_share` exactly.")
    score_mean: Number | None = None
    score_lower: int | None = Field(
        default=None, description="How many of the `n` peers reached a lower share."
    )
    score_equal: int | None = Field(default=None, description="How many reached the same share.")
    levels: dict[str, int] = Field(default_factory=dict)
    categories: tuple[PeerCategory, ...] = ()
    indicators: tuple[PeerIndicator, ...] = ()
