"""The whole report: one self-contained HTML document (inline CSS and SVG, no fonts,
pictures or scripts from anywhere else)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from lape._version import __version__
from lape.model import Geography, Snapshot
from lape.report._chart import span_dates, timeline_html
from lape.report._coverage import coverage_html
from lape.report._findings import findings_html, summary_html
from lape.report._network import network_html
from lape.report._page import PALETTE, Page
from lape.report._text import esc, w
from lape.rules import LANGUAGES, Lang, Report, Rule, catalogue, check

__all__ = ["html"]


def _css() -> str:
    colours = "".join(
        f".badge.{key},.verdict.{key}{{color:{fg};background:{bg}}}"
        for key, (fg, bg) in PALETTE.items()
        if key in ("error", "warning", "info", "unknown", "conforms")
    )
    return (
        ":root{color-scheme:light}*{box-sizing:border-box}"
        "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',"
        f"'DejaVu Sans',sans-serif;color:{PALETTE['text'][0]};background:#fff}}"
        "header,main,footer,nav{max-width:62rem;margin:0 auto;padding:0 1rem}"
        "h1{font-size:1.6rem;margin:1rem 0 .2rem}h2{font-size:1.35rem;margin:2rem 0 .6rem;"
        "border-bottom:2px solid #b3b3b3}h3{font-size:1.1rem}h4{font-size:1rem}"
        "summary h3,summary h4{display:inline;font-size:1rem;margin:0}"
        f"a{{color:{PALETTE['link'][0]}}}"
        ".skip{position:absolute;left:-999rem}.skip:focus{left:1rem;top:1rem;background:#fff}"
        ".subtitle{margin:0;font-size:1.1rem}"
        ".scroll{overflow-x:auto}"
        "table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.92rem}"
        "caption{text-align:left;font-weight:bold;padding:.2rem 0}"
        "th,td{border:1px solid #b3b3b3;padding:.3rem .45rem;text-align:left;vertical-align:top}"
        "thead th{background:#ededed}tbody th{font-weight:normal}"
        ".num{text-align:right;font-variant-numeric:tabular-nums}"
        "code{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:.88em;"
        "overflow-wrap:break-word}"
        ".badge{display:inline-block;padding:0 .4em;border:1px solid;border-radius:.3em;"
        "white-space:nowrap;font-size:.9em;font-weight:normal}"
        f"{colours}"
        ".verdict{padding:.6rem 1rem;border-left:.5rem solid;font-size:1.2rem}"
        "ul.counts{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}"
        "ul.counts li{border:1px solid #b3b3b3;border-radius:.4rem;padding:.4rem .8rem;"
        "min-width:9rem}ul.counts .n{display:block;font-size:1.7rem;font-weight:bold}"
        "details{margin:.4rem 0}summary{cursor:pointer;padding:.25rem 0}"
        "details.rule,details.area,details.network,details.actors{border:1px solid #c8c8c8;"
        "border-radius:.3rem;padding:.1rem .7rem}"
        ".counted{font-weight:normal}"
        "blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.7rem;border-left:3px solid #b3b3b3}"
        "blockquote p{margin:0}blockquote footer{font-size:.85em;color:#4d4d4d}"
        "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:0 .8rem;margin:.3rem 0}"
        "dl.facts dt{font-weight:bold}dl.facts dd{margin:0;overflow-wrap:anywhere}"
        "figure{margin:.5rem 0}svg.network,svg.chart{display:block;width:100%;height:auto;"
        "max-width:42rem;border:1px solid #d0d0d0;background:#fff}"
        "svg text{font-size:11px;fill:#1a1a1a}svg .grid{stroke:#d9d9d9}"
        "svg .mark{stroke:#4d4d4d;stroke-dasharray:4 3}"
        "ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem;"
        "font-size:.9rem}ul.legend svg{vertical-align:middle}"
        f".yes{{color:{PALETTE['conforms'][0]}}}.no{{color:{PALETTE['error'][0]}}}"
        f".more,.note,.none{{color:{PALETTE['muted'][0]}}}"
        "nav ol{columns:2}"
        "@media (max-width:40rem){body{font-size:15px}nav ol{columns:1}th,td{padding:.2rem}"
        "h1{font-size:1.35rem}}"
        "@media print{@page{size:A4;margin:14mm 12mm}body{font-size:10pt}.skip,nav{display:none}"
        "tr,figure,.badge{break-inside:avoid}h2,h3,h4{break-after:avoid}"
        "a{color:inherit;text-decoration:none}.scroll{overflow:visible}"
        "svg.network,svg.chart{max-width:15cm}}"
        "@media print{details::details-content{content-visibility:visible;display:contents}}"
    )


_PRINT = (
    'addEventListener("beforeprint",function(){'
    'document.querySelectorAll("details").forEach(function(d){d.open=true})})'
)
"""Printing opens every collapsed part (CSS does it too where the browser knows
``::details-content``)."""


def html(
    snapshot: Snapshot,
    *,
    as_of: dt.date | None = None,
    lang: Lang = "en",
    report: Report | None = None,
    timeline: bool | Iterable[dt.date] | None = None,
    rules: Iterable[Rule] = (),
    file_name: str | None = None,
    geography: Geography | None = None,
) -> str:
    """The check of ``snapshot`` on ``as_of`` as one self-contained HTML document in
    ``lang`` (``fi``, ``sv`` or ``en``): what ``lape report`` writes.

    The day defaults to the snapshot's ``info.as_of``, else today. ``report``: a check
    already made (``lape.check(...)`` with rules or options of your own); by default
    the whole catalogue is checked. ``rules``: rules of your own, so that their
    conditions show too. ``timeline``: ``None`` draws the findings and the ties over
    the years when the snapshot spans years (at most eight dates, each one build and
    one check), ``False`` leaves it out, dates draw those. ``file_name`` names the
    snapshot in the commands the report suggests.

    The document holds a summary (the verdict; errors, warnings, info and unknown;
    the rules in force), the findings by rule (each with its condition and source)
    and by subject, coverage tables (the municipalities in the development groups by
    region; each family centre's services and interfaces), the collaboration network
    (key measures, a picture, brokers, isolated and siloed actors) and the timeline.
    Long lists are capped, and every cut says how much is not shown.

    >>> import lape
    >>> page = html(lape.example(), lang="fi", timeline=False)
    >>> page.startswith('<!DOCTYPE html>\\n<html lang="fi">'), "LAPE-G04" in page
    (True, True)
    """
    if lang not in LANGUAGES:
        msg = f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}"
        raise ValueError(msg)
    if geography is None:
        from lape.reference import geography as reference_geography

        geography = reference_geography()
    if report is None:
        report = check(snapshot, as_of=as_of, lang=lang, geography=geography)
    elif as_of is not None and as_of != report.as_of:
        msg = f"the report is of {report.as_of}, not of as_of={as_of}"
        raise ValueError(msg)
    known = {r.id: r for r in catalogue()}
    known.update((r.id, r) for r in rules)
    page = Page(
        snapshot=snapshot,
        report=report,
        lang=lang,
        geography=geography,
        rules=known,
        file_name=file_name or "SNAPSHOT",
    )
    if timeline is None:
        dates: Sequence[dt.date] = span_dates(snapshot, page.day)
    elif timeline is True:
        dates = span_dates(snapshot, page.day)
    elif timeline is False:
        dates = ()
    else:
        dates = sorted(set(timeline))
    sections = [
        ("summary", "summary"),
        ("by-rule", "by_rule"),
        ("by-subject", "by_subject"),
        ("coverage", "coverage"),
        ("network", "network"),
    ]
    body = [summary_html(page), findings_html(page), coverage_html(page), network_html(page)]
    if len(dates) >= 2 and all(r.rule in known for r in report.results):
        body.append(timeline_html(page, dates))  # (a rule the page does not know: none)
        sections.append(("timeline", "timeline"))
    if not report.findings:
        sections = [s for s in sections if s[0] != "by-subject"]
    sections.append(("about", "about"))
    body.append(_about(page))
    return _document(page, sections, "".join(body))


def _title(page: Page) -> str:
    return page.snapshot.info.title or page.file_name


def _document(page: Page, sections: list[tuple[str, str]], body: str) -> str:
    lang = page.lang
    title = _title(page)
    illustrative = (
        f'<p class="note"><strong>{page.w("illustrative")}</strong></p>'
        if page.snapshot.info.illustrative
        else ""
    )
    nav = "".join(f'<li><a href="#{anchor}">{page.w(key)}</a></li>' for anchor, key in sections)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="lape {esc(__version__)}">\n'
        f"<title>{esc(title)} — {page.w('title')} {esc(page.day)}</title>\n"
        f"<style>{_css()}</style>\n<script>{_PRINT}</script>\n</head>\n<body>\n"
        f'<a class="skip" href="#main">{page.w("skip")}</a>\n'
        f"<header><h1>{esc(title)}</h1>"
        f'<p class="subtitle">{page.w("title")} — {page.w("as_of")} '
        f'<time datetime="{esc(page.day)}">{esc(page.day)}</time></p>{illustrative}</header>\n'
        f'<nav aria-labelledby="contents-h"><h2 id="contents-h">{page.w("contents")}</h2>'
        f"<ol>{nav}</ol></nav>\n"
        f'<main id="main">{body}</main>\n'
        "</body>\n</html>\n"
    )


def _about(page: Page) -> str:
    info = page.snapshot.info
    description = f"<p>{esc(info.description)}</p>" if info.description else ""
    made = esc(w("made_by", page.lang, version=__version__, day=dt.date.today().isoformat()))
    command = page.command("--format json")
    every = esc(w("all_findings", page.lang, command="{command}")).replace("{command}", command)
    return (
        f'<section id="about" aria-labelledby="about-h"><h2 id="about-h">{page.w("about")}</h2>'
        f"{description}<p>{made}</p><p>{every}</p></section>"
    )
