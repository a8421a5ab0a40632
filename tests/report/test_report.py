# ruff: noqa: N806 - ``G`` for a graph, as in networkx
"""``lape.report.html``: what the report shows, that user text stays text, that long
lists are cut with a count, and that the document is accessible."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lape
from lape.model import (
    Actor,
    ActorKind,
    Group,
    GroupKind,
    Membership,
    MunicipalityCode,
    Sector,
    Snapshot,
    SnapshotInfo,
)
from lape.network import collaboration_graph
from lape.report import MAX_FINDINGS, MAX_PER_RULE, MAX_PICTURE_NODES, PALETTE, html
from lape.rules import Lang

_VOID = frozenset({"meta", "br", "img", "input", "link", "hr", "col", "wbr", "source"})
_SVG_EMPTY = frozenset({"circle", "rect", "line", "polygon", "polyline", "path"})


class Document(HTMLParser):
    """The parts of a document the tests read: every start tag with its attributes,
    the headings' levels, the text, and whether every element is closed in order."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[int] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.feed(text)
        self.close()
        if self.stack:
            self.problems.append(f"not closed: {self.stack}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in _VOID and tag not in _SVG_EMPTY:
            self.problems.append(f"self-closed {tag}")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def count(self, tag: str, css_class: str | None = None) -> int:
        return sum(
            1
            for t, a in self.tags
            if t == tag and (css_class is None or css_class in (a.get("class") or "").split())
        )


@pytest.fixture(scope="module")
def example_html() -> str:
    return html(lape.example(), file_name="ps.yaml")


def test_the_example_report_is_one_document_in_its_language(example_html: str) -> None:
    assert example_html.startswith(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">'
    )
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in example_html
    doc = Document(example_html)
    assert doc.problems == []
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", example_html)  # nothing fetched
    assert doc.count("link") == 0
    assert doc.count("img") == 0
    assert doc.count("script") == 1  # the print helper, inline
    assert all(a.get("src") is None for t, a in doc.tags if t == "script")
    languages: tuple[tuple[Lang, str], ...] = (("fi", "Yhteenveto"), ("sv", "Sammanfattning"))
    for lang, word in languages:
        page = html(lape.example(), lang=lang, timeline=False)
        assert page.startswith(f'<!DOCTYPE html>\n<html lang="{lang}">')
        assert f">{word}</h2>" in page


def test_the_summary_counts_and_every_finding_with_its_rule(example_html: str) -> None:
    report = lape.check(lape.example())
    counts = report.counts()
    for key in ("error", "warning", "info", "unknown"):
        assert re.search(
            rf'<li class="count {key}"><span class="n">{counts[key]}</span>', example_html
        )
    assert "Does not conform" in example_html
    in_force = sum(1 for r in report.results if r.in_force)
    assert f"{in_force} of {len(report.results)} rules in force" in example_html
    doc = Document(example_html)
    assert doc.count("details", "rule") == len({f.rule for f in report.findings})
    for f in report.findings:
        assert f'id="rule-{f.rule}"' in example_html
        assert f.message_in("en").removeprefix(f"{f.subject}: ") in " ".join(doc.text)
        assert f"<code>{f.path}</code>" in example_html
    # the source of each rule: its document and quote
    assert "seeds/001_fcf0a286dac43d18.txt" in example_html
    assert "«en representant för de unga" in example_html
    assert "lape check ps.yaml --as-of 2017-10-01 --format json" in example_html


def test_the_coverage_tables(example_html: str) -> None:
    assert (
        'North Savo (11): <span class="counted">18 municipalities; 4 with a municipal group; '
        "6 in the regional group" in example_html
    )
    empty = html(Snapshot(info=SnapshotInfo(as_of=dt.date(2017, 6, 1))), timeline=False)
    assert "No development groups are in effect on the day." in empty
    assert "No service networks are in effect on the day." in empty
    later = html(lape.example(), as_of=dt.date(2023, 6, 1), timeline=False)
    assert "Pohjois-Savo family centre network" in later
    doc = Document(later)
    text = " ".join(doc.text)
    # the Iisalmi split without an interface, and the Kuopio ones with
    assert re.search(r"Iisalmi\s+children", text)
    assert later.count('<span class="no">') >= 1
    assert later.count('<span class="yes">') >= 2


def test_the_network_picture_has_one_mark_per_actor(example_html: str) -> None:
    snapshot = lape.example()
    G = collaboration_graph(snapshot, as_of=snapshot.info.as_of)
    doc = Document(example_html)
    nodes = [a["data-node"] or "" for t, a in doc.tags if t == "g" and a.get("class") == "node"]
    assert sorted(nodes) == sorted(G)
    assert {a.id for a in snapshot.actors} <= set(nodes)
    isolated = [n for n in G if G.degree(n) == 0]
    assert doc.count("circle", "isolated") == len(isolated) > 0
    assert "share in the largest component" in example_html


def test_a_large_graph_is_drawn_by_region() -> None:
    codes = ["297", "140", "091", "049"]  # Kuopio, Iisalmi (North Savo); Helsinki, Espoo
    actors = tuple(
        Actor(
            id=f"a{i}",
            name=f"Actor {i}",
            kind=ActorKind.ORGANISATION,
            sectors=frozenset({Sector.CIVIL_SOCIETY}),
            municipalities=(MunicipalityCode(codes[i % 4]),),
        )
        for i in range(MAX_PICTURE_NODES + 10)
    )
    group = Group(
        id="g",
        name="G",
        kind=GroupKind.OTHER,
        members=tuple(Membership(actor=a.id) for a in actors[:4]),
    )
    page = html(Snapshot(actors=actors, groups=(group,)), as_of=dt.date(2017, 6, 1), timeline=False)
    doc = Document(page)
    assert doc.count("g", "node") == 0
    assert sorted(
        a["data-area"] or "" for t, a in doc.tags if t == "g" and a.get("class") == "area"
    ) == ["01", "11"]
    assert f"The network has {MAX_PICTURE_NODES + 10} nodes, too many for one picture" in page


def test_long_lists_are_cut_with_a_count_never_silently() -> None:
    groups = tuple(
        Group(
            id=f"g{i}",
            name=f"Group {i}",
            kind=GroupKind.MUNICIPAL,
            municipality=MunicipalityCode("297"),
        )
        for i in range(400)
    )
    snapshot = Snapshot(groups=groups, info=SnapshotInfo(as_of=dt.date(2017, 6, 1)))
    report = lape.check(snapshot)
    assert len(report.findings) > MAX_FINDINGS
    page = html(snapshot, report=report, timeline=False, file_name="big.yaml")
    doc = Document(page)
    rows = sum(1 for t, a in doc.tags if t == "table" and a.get("class") == "findings")
    assert rows == len({f.rule for f in report.findings})
    shown = len(re.findall(r"<tr><th scope=\"row\">group Group", page.split('id="by-subject"')[0]))
    assert shown == MAX_FINDINGS
    not_shown = [int(n) for n in re.findall(r"(\d+) more findings? not shown in this file", page)]
    assert sum(not_shown) + shown == len(report.findings)
    assert "--select LAPE-G01 --format json" in page
    assert len(groups) - MAX_PER_RULE in not_shown  # the first rule: cut at its own cap
    # every rule's count is in the summary table, whole
    assert f'<td class="num">{len(groups)}</td>' in page


_PIECES = [
    "<",
    ">",
    "&",
    '"',
    "'",
    "\x1b",
    "\u202e",
    "\x00",
    "\ud800",
    "</script>",
    "<!--",
    "&amp;",
]
_NASTY = st.lists(st.characters() | st.sampled_from(_PIECES), min_size=1, max_size=20).map("".join)


@settings(max_examples=25, deadline=None)
@given(title=_NASTY, name=_NASTY)
def test_user_text_renders_as_text(title: str, name: str) -> None:
    actor = Actor(id="a", name=name, kind=ActorKind.PARISH)
    group = Group(
        id="g",
        name=name,
        kind=GroupKind.MUNICIPAL,
        municipality=MunicipalityCode("297"),
        members=(Membership(actor="a"),),
    )
    snapshot = Snapshot(
        info=SnapshotInfo(title=title, as_of=dt.date(2017, 6, 1)), actors=(actor,), groups=(group,)
    )
    page = html(snapshot, timeline=False)
    page.encode("utf-8")  # a lone surrogate is shown as an escape, never written
    doc = Document(page)
    assert doc.problems == []
    assert doc.count("script") == 1
    assert doc.count("style") == 1
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e]", page)
    allowed = {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "script",
        "body",
        "a",
        "header",
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "strong",
        "time",
        "nav",
        "ol",
        "li",
        "ul",
        "main",
        "section",
        "span",
        "details",
        "summary",
        "div",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "code",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "footer",
        "caption",
        "figure",
        "figcaption",
        "svg",
        "g",
        "line",
        "circle",
        "rect",
        "polygon",
        "path",
        "text",
        "polyline",
    }
    assert {t for t, _ in doc.tags} <= allowed


def test_a_title_with_markup_and_control_characters() -> None:
    title = '<script>alert("x")</script>\x1b[31m\u202eKuopio'
    page = html(Snapshot(info=SnapshotInfo(title=title, as_of=dt.date(2017, 6, 1))), timeline=False)
    assert (
        "<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\\x1b[31m\\u202eKuopio</h1>" in page
    )
    assert page.count("<script>") == 1


def test_headings_in_order_and_tables_with_headers(example_html: str) -> None:
    doc = Document(example_html)
    assert doc.headings[0] == 1
    assert doc.headings.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(doc.headings, doc.headings[1:], strict=False))
    assert doc.count("table") == doc.count("thead") > 5
    assert all(a.get("scope") in ("col", "row") for t, a in doc.tags if t == "th")
    svgs = [a for t, a in doc.tags if t == "svg" and a.get("role") == "img"]
    assert len(svgs) == 3
    assert all(a.get("aria-label") for a in svgs)
    for key in ("error", "warning", "info", "unknown"):  # severity in words, not colour alone
        assert re.search(
            rf'<span class="badge {key}"><span aria-hidden="true">.</span> \w', example_html
        )


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("key", sorted(PALETTE))
def test_contrast_is_at_least_wcag_aa(key: str) -> None:
    fg, bg = (_luminance(c) for c in PALETTE[key])
    ratio = (max(fg, bg) + 0.05) / (min(fg, bg) + 0.05)
    assert ratio >= 4.5, (key, ratio)


def test_the_timeline_when_the_snapshot_spans_years(example_html: str) -> None:
    assert 'id="timeline"' in example_html
    doc = Document(example_html)
    series = [a["data-series"] for t, a in doc.tags if t == "g" and a.get("data-series")]
    assert series == ["errors", "warnings", "info", "unknown", "edges"]
    assert example_html.count("<polyline") == 5
    assert 'id="timeline"' not in html(lape.example(), timeline=False)
    two = html(lape.example(), timeline=[dt.date(2017, 10, 1), dt.date(2023, 10, 1)])
    assert re.search(r"<th scope=\"row\">2023-10-01</th><td class=\"num\">2</td>", two)


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="unknown language 'de'"):
        html(lape.example(), lang="de")  # type: ignore[arg-type]
    report = lape.check(lape.example())
    with pytest.raises(ValueError, match="the report is of 2017-10-01"):
        html(lape.example(), report=report, as_of=dt.date(2020, 1, 1))


def test_the_national_report_stays_small() -> None:
    from lape.testing import national_snapshot

    snapshot = national_snapshot()
    report = lape.check(snapshot)
    page = html(snapshot, report=report, timeline=False)
    assert len(page.encode()) < 3_000_000
    for rule in {f.rule for f in report.findings}:
        assert f'id="rule-{rule}"' in page


def test_a_source_shows_what_it_tells() -> None:
    import attrs

    from lape.model import Text
    from lape.report._source import source_html
    from lape.rules import Source

    @attrs.frozen
    class RichSource(Source):
        title: Text | None = None
        publisher: str | None = None
        date: dt.date | None = None
        url: str | None = None

        def quote_in(self, lang: Lang) -> str:
            return {"fi": "kunnan ryhmässä on nuorten edustaja", "en": "a youth member"}.get(
                lang, self.quote
            )

    source = RichSource(
        document="seeds/001_fcf0a286dac43d18.txt",
        quote="en representant för de unga",
        title=Text(fi="Otsikko", sv="Rubrik", en="Title"),
        publisher="STM",
        date=dt.date(2016, 6, 23),
        url="https://stm.fi/-/x",
    )
    shown = source_html(source, "fi")
    for text in ("Otsikko", "STM", "2016-06-23", '<a href="https://stm.fi/-/x">', "Julkaisija"):
        assert text in shown
    assert '<blockquote lang="sv"><p>«en representant för de unga»</p>' in shown
    assert '<blockquote lang="fi"><p>«kunnan ryhmässä on nuorten edustaja»</p>' in shown
    assert "käännös" in shown  # marked as a translation
    assert "translation" not in source_html(source, "sv")  # the original is Swedish
    hostile = RichSource(document="d", quote="q", url="javascript:alert(1)")
    assert "<a " not in source_html(hostile, "en")
    plain = source_html(Source(document="Act 611/2021 s. 32", quote="q"), "en")
    assert "<blockquote><p>«q»</p>" in plain  # a language not known is not claimed


@pytest.mark.parametrize("tied", [True, False])
def test_many_isolated_actors_stay_inside_the_picture(tied: bool) -> None:
    actors = "".join(
        f"  - {{id: a{i}, name: A{i}, kind: organisation, municipalities: [Kuopio]}}\n"
        for i in range(240)
    )
    group = (
        "groups:\n  - {id: g, name: G, kind: municipal, municipality: Kuopio,"
        " members: [{actor: a0}, {actor: a1}, {actor: a2}]}\n"
        if tied
        else ""
    )
    s = lape.loads(f"info: {{title: Many, as_of: 2017-06-01}}\nactors:\n{actors}{group}")
    page = html(s, timeline=False)
    svg = page[page.index('<svg class="network"') :]
    svg = svg[: svg.index("</svg>")]
    size = float(re.search(r'viewBox="0 0 ([0-9.]+) ', svg).group(1))  # type: ignore[union-attr]
    rings = re.findall(
        r'<circle cx="([-0-9.]+)" cy="([-0-9.]+)" r="[0-9.]+" fill="none" '
        r'stroke="#000" stroke-width="2.5" class="isolated"',
        svg,
    )
    assert len(rings) == 240 - (3 if tied else 0)
    for x, y in rings:
        assert 0 <= float(x) <= size
        assert 0 <= float(y) <= size


def test_a_subject_with_many_findings_of_one_rule_has_one_short_row() -> None:
    ghosts = ", ".join(f"{{actor: ghost{i}}}" for i in range(600))
    s = lape.loads(
        "info: {title: Ghosts, as_of: 2017-06-01}\ngroups:\n"
        f"  - {{id: g, name: G, kind: municipal, municipality: Kuopio, members: [{ghosts}]}}\n"
    )
    page = html(s, timeline=False)
    section = page[page.index('<section id="by-subject"') :]
    section = section[: section.index("</section>")]
    row = next(r for r in section.split("<tr") if "LAPE-S01" in r)
    assert row.count("LAPE-S01</a>") == 1
    assert "×600" in row
    assert re.search(r"… \(\+59[0-9]\)", row)  # the paths past the first five, counted
    assert len(row) < 3000


def test_the_timeline_counts_what_the_given_report_counts() -> None:
    s = lape.example()
    report = lape.check(s, select=["LAPE-G04"])
    page = html(s, report=report)
    timeline = page[page.index('id="timeline"') :]
    row = timeline[timeline.index('<th scope="row">2017-10-01</th>') :]
    errors = re.search(r'<td class="num">(\d+)</td>', row)
    assert errors is not None
    assert int(errors.group(1)) == report.counts()["error"] == 1  # not the catalogue's 3


def test_a_monthly_timeline_labels_its_months() -> None:
    s = lape.example()
    dates = tuple(dt.date(2017, month, 1) for month in range(1, 13))
    page = html(s, timeline=dates)
    chart = page[page.index('id="timeline"') :]
    chart = chart[chart.index('<svg class="chart"') : chart.index("</svg>")]
    labels = re.findall(r'text-anchor="middle">([^<]+)</text>', chart)
    assert labels == [f"2017-{month:02d}" for month in range(1, 13)]
