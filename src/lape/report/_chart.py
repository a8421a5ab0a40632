"""The timeline: the same snapshot checked on a series of dates, drawn as inline SVG
line charts (findings; the network's ties), with the values as a table beside."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from lape.model import Period, Snapshot
from lape.network import Timeline, timeline
from lape.report._page import PALETTE, Page, table
from lape.report._text import esc, w
from lape.rules import Lang

__all__ = ["MAX_AUTO_DATES", "span_dates", "timeline_html"]

MAX_AUTO_DATES: Final = 8
"""The most dates the report chooses by itself (each date is one build and one check)."""

_W: Final = 640.0
_H: Final = 200.0
_LEFT, _RIGHT, _TOP, _BOTTOM = 48.0, 16.0, 12.0, 28.0
_SERIES: Final = {
    "errors": (PALETTE["error"][0], "", "circle"),
    "warnings": (PALETTE["warning"][0], "6 3", "square"),
    "info": (PALETTE["info"][0], "2 3", "diamond"),
    "unknown": (PALETTE["unknown"][0], "8 3 2 3", "triangle"),
    "edges": ("#1a1a1a", "", "circle"),
}
"""Each line's colour, dash pattern and marker: never colour alone."""
_WORD: Final = {
    "errors": "errors",
    "warnings": "warnings",
    "info": "infos",
    "unknown": "unknowns",
    "edges": "ties",
}


def _periods(snapshot: Snapshot) -> Iterable[Period | None]:
    for actor in snapshot.actors:
        yield actor.period
    for group in snapshot.groups:
        yield group.period
        for seat in group.members:
            yield seat.period
    for grant in snapshot.grants:
        yield grant.costs
    for agent in snapshot.change_agents:
        yield agent.employment
    for network in snapshot.networks:
        yield network.period


def span_dates(snapshot: Snapshot, day: dt.date) -> tuple[dt.date, ...]:
    """The dates of an automatic timeline: ``day``'s month and day in each year from
    the first year a period of the snapshot starts to the last year one starts or
    ends (every few years when more than :data:`MAX_AUTO_DATES`); none when they all
    lie in one year. One pass over the snapshot's periods.

    >>> import lape
    >>> [d.isoformat() for d in span_dates(lape.example(), dt.date(2017, 10, 1))][:3]
    ['2016-10-01', '2017-10-01', '2018-10-01']
    """
    years: set[int] = {day.year}
    for period in _periods(snapshot):
        if period is None or period.is_inverted:
            continue
        for found in (period.start, period.end):
            if found is not None and 1990 <= found.year <= 2100:
                years.add(found.year)
    first, last = min(years), max(years)
    if first == last:
        return ()
    step = max(1, math.ceil((last - first + 1) / MAX_AUTO_DATES))
    dates = []
    for year in range(first, last + 1, step):
        try:
            dates.append(day.replace(year=year))
        except ValueError:  # 29 February in a common year
            dates.append(dt.date(year, 2, 28))
    return tuple(dates)


def _scale(values: Sequence[float], top: float) -> list[float]:
    return [_TOP + (_H - _TOP - _BOTTOM) * (1 - v / top) for v in values]


def _nice(top: float) -> float:
    if top <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(top))
    for m in (1.0, 2.0, 2.5, 5.0, 10.0):
        if top <= m * power:
            return m * power
    return 10.0 * power


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
    if shape == "diamond":
        points = [(x, y - 4.5), (x + 4.5, y), (x, y + 4.5), (x - 4.5, y)]
    elif shape == "triangle":
        points = [(x, y - 4.5), (x + 4.5, y + 3.5), (x - 4.5, y + 3.5)]
    else:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'
    return f'<polygon points="{" ".join(f"{a:.1f},{b:.1f}" for a, b in points)}" fill="{colour}"/>'


def chart(
    dates: Sequence[dt.date],
    series: Mapping[str, Sequence[float]],
    *,
    title: str,
    lang: Lang,
    mark: dt.date | None = None,
) -> str:
    """A line chart of ``series`` (keys of ``_SERIES``) over ``dates`` as SVG, with a legend."""
    first, last = dates[0].toordinal(), dates[-1].toordinal()
    span = max(last - first, 1)

    def x_of(day: dt.date) -> float:
        return _LEFT + (_W - _LEFT - _RIGHT) * (day.toordinal() - first) / span

    top = _nice(max((max(v, default=0) for v in series.values()), default=0))
    xs = [x_of(d) for d in dates]
    parts = [
        f'<svg class="chart" viewBox="0 0 {_W:.0f} {_H:.0f}" role="img" '
        f'aria-label="{esc(title)}" xmlns="http://www.w3.org/2000/svg"><title>{esc(title)}</title>'
    ]
    for i in range(5):
        value = top * i / 4
        y = _scale([value], top)[0]
        label = f"{value:g}"
        parts.append(
            f'<line x1="{_LEFT}" x2="{_W - _RIGHT}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{esc(label)}</text>'
        )
    labels = _date_labels(dates)
    for x, shown in zip(xs, labels, strict=True):
        if shown:
            parts.append(
                f'<text x="{x:.1f}" y="{_H - 8:.1f}" text-anchor="middle">{esc(shown)}</text>'
            )
    if mark is not None and dates[0] <= mark <= dates[-1]:
        x = x_of(mark)
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{_TOP}" y2="{_H - _BOTTOM}" class="mark"/>'
        )
    legend = []
    for key, values in series.items():
        colour, dash, shape = _SERIES[key]
        ys = _scale(values, top)
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys, strict=True))
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        name = w(_WORD[key], lang)
        parts.append(
            f'<g class="series" data-series="{key}"><polyline points="{points}" fill="none" '
            f'stroke="{colour}" stroke-width="2"{dashed}/>'
            + "".join(
                f"<g>{_marker(shape, x, y, colour)}<title>{esc(name)} {d.isoformat()}: "
                f"{v:g}</title></g>"
                for x, y, d, v in zip(xs, ys, dates, values, strict=True)
            )
            + "</g>"
        )
        legend.append(
            f'<li><svg width="30" height="12" viewBox="0 0 30 12" aria-hidden="true">'
            f'<line x1="0" y1="6" x2="30" y2="6" stroke="{colour}" stroke-width="2"{dashed}/>'
            f"{_marker(shape, 15, 6, colour)}</svg> {esc(name)}</li>"
        )
    parts.append("</svg>")
    return f'{"".join(parts)}<ul class="legend">{"".join(legend)}</ul>'


_MAX_LABELS = 12
"""At most this many dates are labelled under a chart (every n-th one beyond)."""


def _date_labels(dates: Sequence[dt.date]) -> list[str]:
    """The label under each date of a chart: the year when each date has a year of its
    own, else year and month (or the whole date when months repeat too); at most
    :data:`_MAX_LABELS` of them shown (the rest empty), the first and last always."""
    if len({d.year for d in dates}) == len(dates):
        text = [str(d.year) for d in dates]
    elif len({(d.year, d.month) for d in dates}) == len(dates):
        text = [f"{d.year}-{d.month:02d}" for d in dates]
    else:
        text = [d.isoformat() for d in dates]
    every = -(-len(dates) // _MAX_LABELS)  # ceiling division
    return [t if i % every == 0 or i == len(dates) - 1 else "" for i, t in enumerate(text)]


def timeline_html(page: Page, dates: Sequence[dt.date]) -> str:
    """The timeline section for ``dates`` (at least two), each one build and one check
    with the rules the page's report ran, graded as it graded them."""
    found: Timeline = timeline(
        page.snapshot,
        dates,
        rules=list(page.rules.values()),
        select=[r.rule for r in page.report.results],
        severity={r.rule: r.severity for r in page.report.results},
        geography=page.geography,
    )
    lang = page.lang
    days = list(found.dates)
    findings = {
        "errors": [p.errors for p in found],
        "warnings": [p.warnings for p in found],
        "info": [p.info for p in found],
        "unknown": [p.unknown for p in found],
    }
    ties = {"edges": [p.measures.edges for p in found]}
    rows = [
        [
            esc(p.date),
            str(p.errors),
            str(p.warnings),
            str(p.info),
            str(p.unknown),
            str(p.measures.nodes),
            str(p.measures.edges),
            f"{p.measures.density:.4f}",
            str(p.measures.isolates),
            str(p.siloed),
        ]
        for p in found
    ]
    head = [page.w("day")]
    head += [page.w(k) for k in ("errors", "warnings", "infos", "unknowns", "nodes", "ties")]
    head += [page.w(k) for k in ("density", "isolated", "siloed")]
    return (
        f'<section id="timeline" aria-labelledby="timeline-h"><h2 id="timeline-h">'
        f"{page.w('timeline')}</h2><p>{page.w('timeline_note')}</p>"
        f'<figure class="chart"><figcaption>{page.w("chart_findings")}</figcaption>'
        + chart(days, findings, title=w("chart_findings", lang), lang=lang, mark=page.day)
        + f'</figure><figure class="chart"><figcaption>{page.w("chart_ties")}</figcaption>'
        + chart(days, ties, title=w("chart_ties", lang), lang=lang, mark=page.day)
        + f"</figure><details><summary>{page.w('table_of_values')}</summary>"
        + table(head, rows, numeric=tuple(range(1, 10)), row_headers=True)
        + "</details></section>"
    )
