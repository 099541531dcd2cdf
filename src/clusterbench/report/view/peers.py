"""The assessment against its peer group, when the report is made with a cohort."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from ...kinds.registry import answer_kind
from ...models.criteria import Indicator
from ...models.result import PeerIndicator
from ...scoring.cohort import is_number
from .. import charts
from ..phrases.peers import holds_own, own_note, peer_group, peer_levels, peer_rank, ranked
from .context import Context

__all__ = ["PeerRow", "PeersView", "build_peers"]


@dataclass(frozen=True, slots=True)
class PeerRow:
    """One indicator's peer statistics (the answer itself is in the indicator table)."""

    id: str
    title: str
    median: str
    mean: str
    met: str
    rank: str


@dataclass(frozen=True, slots=True)
class PeersView:
    """The peer chapter."""

    group: str
    own: str | None
    """Said when the cohort holds this assessment itself: it is left out of the ranks."""
    share_line: str | None
    levels: str | None
    legend: Markup
    categories_chart: Markup | None
    indicators_charts: tuple[Markup, ...]
    rows: tuple[PeerRow, ...]


def build_peers(ctx: Context, accent: str) -> PeersView | None:
    """The peer comparison, when the Result was scored with a cohort."""
    peers = ctx.result.peers
    if peers is None:
        return None
    say = ctx.say
    _, fmt = say.gettext, say.fmt
    own = holds_own(ctx.result)
    colours = (accent, charts.MUTED)
    groups = []
    for category, outcome in zip(ctx.criteria.categories, peers.categories, strict=True):
        if outcome.share is None and outcome.mean is None:
            continue
        groups.append(
            charts.GroupedBar(
                label=say.line(category.title),
                values=(_float(outcome.share), _float(outcome.mean)),
                value_labels=(
                    fmt.share(outcome.share) if outcome.share is not None else "–",
                    _("%(share)s (n=%(n)d)") % {"share": fmt.share(outcome.mean), "n": outcome.n}
                    if outcome.mean is not None
                    else "–",
                ),
            )
        )
    rows, scales = [], []
    for indicator, item in zip(ctx.criteria.indicators, peers.indicators, strict=True):
        title = say.line(indicator.title)
        rows.append(
            PeerRow(
                id=item.id,
                title=title,
                median=_stat(ctx, indicator, item.median),
                mean=fmt.number(item.mean) if item.mean is not None else "–",
                met=fmt.percent(item.met_share, places=0) if item.met_share is not None else "–",
                rank=peer_rank(ranked(item.lower, item.equal, item.n, own), say) or "–",
            )
        )
        row = _scale_row(ctx, indicator, item)
        if row is not None:
            scales.append(row)
    share_line = None
    if peers.score_share is not None and peers.score_mean is not None:
        share_line = _(
            "This cluster reached %(share)s of the points; the group reached %(mean)s on average."
        ) % {"share": fmt.share(peers.score_share), "mean": fmt.share(peers.score_mean)}
        found = ranked(peers.score_lower, peers.score_equal, peers.n, own)
        if found is not None:
            share_line += " " + say.ngettext(
                "%(lower)d of the %(num)d other cluster reached a lower share.",
                "%(lower)d of the %(num)d other clusters reached a lower share.",
                found.n,
            ) % {"lower": found.lower, "num": found.n}
            if found.equal:
                share_line += " " + say.ngettext(
                    "%(num)d reached the same share.",
                    "%(num)d reached the same share.",
                    found.equal,
                ) % {"num": found.equal}
    keys = [
        ("bar", accent, _("this cluster")),
        ("bar", charts.MUTED, _("peer mean")),
    ]
    if scales:
        keys += [
            ("line", charts.INK, _("peer median")),
            ("marker", charts.THRESHOLD, _("threshold")),
        ]
    return PeersView(
        group=peer_group(ctx.result, say),
        own=own_note(ctx.result, say),
        share_line=share_line,
        levels=peer_levels(ctx.result, say) or None,
        legend=Markup(charts.legend(keys, title=_("Legend"))),
        categories_chart=Markup(
            charts.grouped_bars(
                groups, colours_named(colours), title=_("Categories against the peer group")
            )
        )
        if groups
        else None,
        # A chart cannot break across pages: three indicators at a time fill a page closely.
        indicators_charts=tuple(
            Markup(
                charts.scale_rows(
                    scales[i : i + 3], colours, title=_("Indicators against the peer group")
                )
            )
            for i in range(0, len(scales), 3)
        ),
        rows=tuple(rows),
    )


def colours_named(colours: tuple[str, str]) -> list[tuple[str, str]]:
    """The two series of the grouped bars (named in the legend, not in the chart)."""
    return [("", colour) for colour in colours]


def _stat(ctx: Context, indicator: Indicator, value: Decimal | None) -> str:
    return ctx.say.fmt.number(value) if value is not None else "–"


def _scale_row(ctx: Context, indicator: Indicator, item: PeerIndicator) -> charts.ScaleRow | None:
    """The answer, the peers' mean and median and the threshold on the answer's own scale."""
    if item.mean is None or not is_number(item.value):
        return None
    say = ctx.say
    value = Decimal(item.value)
    rule = indicator.pass_ or (indicator.bands.green if indicator.bands else None)
    threshold = rule.at_least if rule is not None and rule.at_least is not None else None
    threshold = threshold if isinstance(threshold, Decimal) else None
    kind = answer_kind(indicator.answer)
    stated = kind.describe(indicator.answer)
    span = kind.span(indicator.answer)  # a scale's steps, a percentage's 0 to 100
    if span is not None:
        low, high = span
    else:  # from zero to the answer's maximum, else to a round number above every value
        low = Decimal(0)
        if min(value, item.mean) < 0:
            return None  # a scale from zero cannot show a negative answer: the table does
        top = max(
            v for v in (value, item.mean, item.median, threshold, Decimal(1)) if v is not None
        )
        bound = stated.high
        high = Decimal(bound) if isinstance(bound, Decimal) and bound >= top else _round_up(top)
    return charts.ScaleRow(
        label=_clip(f"{item.id} {say.line(indicator.title)}", 80),
        low=float(low),
        high=float(high),
        value=float(value),
        mean=float(item.mean),
        median=float(item.median) if item.median is not None else None,
        threshold=float(threshold) if threshold is not None else None,
        # A scale step's label is in the indicator table: the chart names its number only.
        value_label=say.fmt.number(value) if stated.steps else say.value(indicator, item.value),
        # The mean in the answer's own unit: `1.4 projects (n=36)`, a scale's step number.
        mean_label=say.gettext("%(mean)s (n=%(n)d)")
        % {
            "mean": say.fmt.number(item.mean)
            if stated.steps
            else say.value(indicator, item.mean.quantize(Decimal("0.1"))),
            "n": item.n,
        },
        low_label=say.fmt.number(low),
        high_label=say.fmt.number(high),
    )


def _round_up(value: Decimal) -> Decimal:
    """The next of 1, 2, 5, 10, 20, 50 ... at or above ``value``."""
    step = Decimal(1)
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def _clip(text: str, limit: int) -> str:
    """`text`, cut at a word before `limit` characters with an ellipsis when longer."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _float(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None
