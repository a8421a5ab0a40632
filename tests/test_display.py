"""Jupyter displays: one-line bounded reprs and escaped, well-formed HTML for
reports, findings, rule results, report diffs, groups and snapshots."""

from __future__ import annotations

import ast
import datetime as dt
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lape
from lape.model import (
    Actor,
    ActorKind,
    Group,
    GroupKind,
    Mandate,
    MemberRole,
    Membership,
    MunicipalityCode,
    Period,
    RegionCode,
    Severity,
    Snapshot,
    SnapshotInfo,
)
from lape.rules import Finding, Report, Source, Status, Subject, Text, check
from lape.testing import groups, snapshots

SRC = Path(lape.__file__).parent
DAY = dt.date(2017, 10, 1)
OUR_TAGS = {
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "b",
    "br",
    "code",
    "span",
    "details",
    "summary",
}
VOID = {"br"}
EVIL = '<script>alert("x")</script> & <b>'

# text that often holds what HTML and repr() must escape
TEXTS = st.text(st.sampled_from(list("<>&\"'/ ab\n\t\x00é")) | st.characters())

slow_to_draw = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


class Page(HTMLParser):
    """Reads an HTML fragment: its tags (checking that they nest), its text, its rows."""

    def __init__(self, fragment: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.open: list[str] = []
        self.text: list[str] = []
        self.rows: list[list[tuple[str, str]]] = []
        self._cell: list[str] | None = None
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th"):
            self._cell = []
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes nothing"
        assert self.open[-1] == tag, f"</{tag}> closes <{self.open[-1]}>"
        self.open.pop()
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append((tag, "".join(self._cell)))
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def page(obj: object) -> Page:
    fragment = obj._repr_html_()  # type: ignore[attr-defined]
    assert isinstance(fragment, str)
    parsed = Page(fragment)
    assert parsed.open == [], f"unclosed: {parsed.open}"
    assert set(parsed.tags) <= OUR_TAGS, set(parsed.tags) - OUR_TAGS
    return parsed


def finding(
    rule: str = "LAPE-G04",
    *,
    kind: str = "group",
    subject_id: str = "g1",
    name: str | None = "Group one",
    message: str = "the group has no parish",
    severity: Severity = Severity.ERROR,
    status: Status = Status.FAILED,
    path: str | None = "groups[0]",
) -> Finding:
    literal = message.replace("{", "{{").replace("}", "}}")  # a template is a format string
    return Finding(
        rule=rule,
        severity=severity,
        status=status,
        subject=Subject(kind, subject_id, name),
        path=path,
        template=Text(fi=f"fi: {literal}", sv=f"sv: {literal}", en=literal),
        source=Source("seed 001", "a quote"),
        title=Text(fi="otsikko", sv="titel", en="a title"),
    )


def one_line(text: str, most: int) -> None:
    assert "\n" not in text
    assert "\r" not in text
    assert len(text) <= most, (len(text), text)


@pytest.fixture(scope="module")
def example_report() -> Report:
    return check(lape.example())


# -- reprs -----------------------------------------------------------------------------------


def test_finding_repr_is_one_short_line(example_report: Report) -> None:
    assert repr(example_report.findings[1]) == (
        "<Finding LAPE-G04 error group 'varkaus-lape' at groups[3]>"
    )
    unknown = finding(status=Status.UNKNOWN, severity=Severity.WARNING, path=None)
    assert repr(unknown) == "<Finding LAPE-G04 unknown warning group 'g1'>"


@given(
    rule=TEXTS,
    kind=TEXTS,
    subject_id=TEXTS,
    name=st.none() | TEXTS,
    message=TEXTS,
    path=st.none() | TEXTS,
)
def test_finding_repr_is_bounded_whatever_the_strings(
    rule: str, kind: str, subject_id: str, name: str | None, message: str, path: str | None
) -> None:
    f = finding(rule, kind=kind, subject_id=subject_id, name=name, message=message, path=path)
    f = f._replace(evidence={"ids": frozenset(str(i) for i in range(50))}, missing=("x",) * 99)
    one_line(repr(f), 200)


def test_finding_repr_with_long_evidence_stays_short() -> None:
    long = finding(subject_id="g" * 10_000, path="p" * 10_000, rule="LAPE-G" + "9" * 500)
    long = long._replace(evidence={"members": tuple(str(i) for i in range(10_000))})
    one_line(repr(long), 200)
    assert repr(long).startswith("<Finding LAPE-G999")
    assert "…" in repr(long)


def test_report_and_diff_reprs_stay_short_for_big_reports() -> None:
    many = tuple(finding(subject_id=f"g{i}", name="n" * 1000) for i in range(5000))
    report = Report(as_of=DAY, findings=many)
    assert repr(report) == (
        "<Report 2017-10-01: does not conform; 5000 errors, 0 warnings, 0 info, 0 unknown>"
    )
    diff = Report(as_of=DAY).diff(report)
    assert repr(diff) == "<ReportDiff: 0 fixed, 5000 new, 0 changed, 0 unchanged>"


def test_group_repr() -> None:
    g = Group(
        id="g",
        name="G" * 5000,
        kind=GroupKind.REGIONAL,
        region=RegionCode("11"),
        project_area="pohjois-savo",
        members=tuple(Membership(actor=f"a{i}") for i in range(3000)),
    )
    assert repr(g) == "<Group 'g' regional, region 11, project area pohjois-savo: 3000 members>"
    assert repr(attrs.evolve(g, members=g.members[:1], kind=GroupKind.NATIONAL)) == (
        "<Group 'g' national, region 11, project area pohjois-savo: 1 member>"
    )
    assert (
        repr(Group(id="n", name="N", kind=GroupKind.NATIONAL)) == "<Group 'n' national: 0 members>"
    )


@given(groups(max_members=30), TEXTS)
def test_group_repr_is_bounded(group: Group, name: str) -> None:
    group = attrs.evolve(group, name=name)
    one_line(repr(group), 200)
    assert str(len(group.members)) in repr(group)


def test_snapshot_repr_is_bounded_whatever_the_title() -> None:
    s = Snapshot(info=SnapshotInfo(title="T\n" * 10_000))
    one_line(repr(s), 100)
    assert repr(s).startswith("<Snapshot 'T\\nT\\n")
    assert repr(s).endswith("…': empty>")


@slow_to_draw
@given(snapshots(max_actors=8), TEXTS)
def test_snapshot_repr_and_html_for_any_snapshot(snapshot: Snapshot, title: str) -> None:
    snapshot = attrs.evolve(snapshot, info=attrs.evolve(snapshot.info, title=title))
    one_line(repr(snapshot), 300)
    shown = page(snapshot)
    if snapshot.actors:
        assert ("actors", str(len(snapshot.actors))) in [
            (cells[0][1], cells[1][1]) for cells in shown.rows if len(cells) == 2
        ]


def test_national_scale_reprs_are_short() -> None:
    s = lape.testing.national_snapshot()
    one_line(repr(s), 300)
    assert "20089 actors" in repr(s)
    shown = page(s)
    assert len(shown.rows) < 30
    for g in s.groups[:50]:
        one_line(repr(g), 200)


# -- the report's HTML -------------------------------------------------------------------------


def test_report_html_has_a_header_and_every_finding(example_report: Report) -> None:
    shown = page(example_report)
    text = shown.all_text
    assert "Report — as of 2017-10-01: does not conform" in text
    assert "errors: 3, warnings: 0, info: 1, unknown: 0" in text
    assert "language: en" in text
    for f in example_report.findings:
        assert f.rule in text
        assert f.message.removeprefix(f"{f.subject}: ") in text
        for document in f.source.documents:  # what each document is, not only its file name
            assert document.describe("en") in text
        assert f.source.quote in text
        assert f"{f.source.quote_in('en')}» (translation)" in text or f.source.language == "en"
        assert f.path is not None
        assert f.path in text


def test_report_html_groups_findings_by_subject() -> None:
    findings = (
        finding("LAPE-G04", subject_id="g1", name="One"),
        finding("LAPE-G05", subject_id="g2", name="Two"),
        finding("LAPE-G06", subject_id="g1", name="One", severity=Severity.INFO),
        finding("LAPE-Y01", kind="actor", subject_id="g1", name=None, severity=Severity.WARNING),
    )
    shown = page(Report(as_of=DAY, findings=findings))
    body = [cells for cells in shown.rows if cells and cells[0][0] == "th" and len(cells) == 1]
    assert [cells[0][1] for cells in body] == ["group One (g1)", "group Two (g2)", "actor g1"]
    order = [
        cells[0][1] if len(cells) == 1 else cells[1][1]
        for cells in shown.rows[1:]  # the first row is the table's head
    ]
    assert order == [
        "group One (g1)",
        "LAPE-G04",
        "LAPE-G06",
        "group Two (g2)",
        "LAPE-G05",
        "actor g1",
        "LAPE-Y01",
    ]


def test_report_html_caps_the_findings_and_says_how_many_more() -> None:
    many = tuple(finding(subject_id=f"g{i // 3}", name=None) for i in range(250))
    shown = page(Report(as_of=DAY, findings=many))
    finding_rows = [cells for cells in shown.rows if len(cells) == 5 and cells[0][0] == "td"]
    assert len(finding_rows) == 200
    assert "50 more findings not shown" in shown.all_text
    small = page(Report(as_of=DAY, findings=many[:200]))
    assert "more findings" not in small.all_text


def test_report_html_is_in_the_reports_language(example_report: Report) -> None:
    fi = example_report.in_language("fi")
    text = page(fi).all_text
    assert "tilanne 2017-10-01: ei täytä sääntöjä" in text
    assert "virheet: 3" in text
    assert "kieli: fi" in text
    assert "ryhmä Varkaus LAPE group (varkaus-lape)" in text
    assert "virhe" in text
    g04 = next(f for f in fi.findings if f.rule == "LAPE-G04")
    assert g04.message.removeprefix(f"{g04.subject}: ") in text
    assert "the group has no parish" not in text
    sv = page(example_report.in_language("sv")).all_text
    assert "läget 2017-10-01" in sv
    assert "grupp Varkaus LAPE group (varkaus-lape)" in sv


def test_empty_report_html() -> None:
    shown = page(Report(as_of=DAY))
    assert "conforms" in shown.all_text
    assert "no findings" in shown.all_text


def test_unknown_findings_say_so() -> None:
    shown = page(Report(as_of=DAY, findings=(finding(status=Status.UNKNOWN),)))
    assert "unknown (error)" in shown.all_text


@given(
    kind=TEXTS,
    subject_id=TEXTS,
    name=st.none() | TEXTS,
    message=TEXTS,
    path=st.none() | TEXTS,
)
def test_report_html_escapes_every_string(
    kind: str, subject_id: str, name: str | None, message: str, path: str | None
) -> None:
    f = finding(kind=kind, subject_id=subject_id, name=name, message=message, path=path)
    shown = page(Report(as_of=DAY, findings=(f,)))
    assert message.removeprefix(f"{f.subject}: ") in shown.all_text
    page(f)


def test_script_in_names_is_escaped(example_report: Report) -> None:
    f = finding(name=EVIL, message=EVIL, path=EVIL)
    for obj in (
        f,
        Report(as_of=DAY, findings=(f,)),
        Report(as_of=DAY).diff(Report(as_of=DAY, findings=(f,))),
    ):
        fragment = obj._repr_html_()
        assert fragment is not None
        assert "<script>" not in fragment
        assert "&lt;script&gt;" in fragment
        assert EVIL in page(obj).all_text


# -- findings, rule results, diffs ------------------------------------------------------------


def test_finding_html(example_report: Report) -> None:
    f = example_report.findings[1]
    shown = page(f)
    text = shown.all_text
    for part in (f.rule, f.message, f.title.get("en"), f.source.quote, "groups[3]", "group"):
        assert part in text
    assert "Varkaus LAPE group (varkaus-lape)" in text
    assert "Havainto LAPE-G04" in page(f.in_language("fi")).all_text


def test_finding_html_shortens_long_evidence() -> None:
    f = finding()._replace(evidence={"ids": tuple(str(i) for i in range(10_000))})
    fragment = f._repr_html_()
    assert fragment is not None
    assert len(fragment) < 3000


def test_rule_result_html(example_report: Report) -> None:
    result = example_report.result("LAPE-G04")
    assert result is not None
    cells = [text for _, text in page(result).rows[1]]
    assert cells == [
        "LAPE-G04",
        "error",
        "yes",
        str(result.examined),
        str(result.passed),
        str(result.failed),
        str(result.unknown),
    ]


def test_report_diff_html() -> None:
    before = check(lape.example())
    after = check(lape.example(), as_of=dt.date(2023, 6, 1))
    diff = before.diff(after)
    shown = page(diff)
    text = shown.all_text
    assert (
        f"fixed: {len(diff.fixed)}, new: {len(diff.new)}, changed: {len(diff.changed)}, "
        f"unchanged: {len(diff.unchanged)}" in text
    )
    for f in (*diff.fixed, *diff.new, *diff.changed, *diff.unchanged):
        assert f.rule in text
    widths = {len(cells) for cells in shown.rows}
    assert widths == {6, 2}  # the head and the findings; the subjects' rows span five


def test_report_diff_html_caps_the_findings() -> None:
    many = tuple(finding(subject_id=f"g{i}") for i in range(300))
    diff = Report(as_of=DAY, findings=many[:150]).diff(Report(as_of=DAY, findings=many[100:]))
    shown = page(diff)
    rows = [cells for cells in shown.rows if len(cells) == 6 and cells[0][0] == "td"]
    assert len(rows) == 200
    assert "100 more findings not shown" in shown.all_text


# -- groups and snapshots --------------------------------------------------------------------


def test_group_html_shows_members_roles_periods_and_mandate() -> None:
    seat = Period(start=dt.date(2016, 1, 1), end=dt.date(2017, 12, 31))
    g = Group(
        id="kuopio-lape",
        name=EVIL,
        kind=GroupKind.MUNICIPAL,
        municipality=MunicipalityCode("297"),
        members=(
            Membership(actor="kuopio-sote", role=MemberRole.CHAIR),
            Membership(actor="kuopio-nuva", role=MemberRole.YOUTH_REPRESENTATIVE, period=seat),
        ),
        mandate=Mandate(municipality=MunicipalityCode("297"), decided=dt.date(2016, 5, 2)),
        cooperates_with=("ps-lape",),
    )
    shown = page(g)
    assert shown.rows[1:] == [
        [("td", "kuopio-sote"), ("td", "chair"), ("td", "")],
        [("td", "kuopio-nuva"), ("td", "youth representative"), ("td", "2016-01-01..2017-12-31")],
    ]
    text = shown.all_text
    assert EVIL in text
    assert "municipal group; municipality 297" in text
    assert "mandate: by municipality 297, decided 2016-05-02" in text
    assert "cooperates with: ps-lape" in text
    fragment = g._repr_html_()
    assert fragment is not None
    assert "<script>" not in fragment


def test_group_html_caps_the_members() -> None:
    g = Group(
        id="g",
        name="G",
        kind=GroupKind.OTHER,
        members=tuple(Membership(actor=f"a{i}") for i in range(1000)),
    )
    shown = page(g)
    assert len(shown.rows) == 1 + 200 + 1  # head, members, foot
    assert "800 more members not shown" in shown.all_text
    assert "no members" in page(attrs.evolve(g, members=())).all_text


@given(groups(max_members=10), TEXTS)
def test_group_html_for_any_group(group: Group, name: str) -> None:
    group = attrs.evolve(group, name=name)
    shown = page(group)
    for m in group.members:
        assert m.actor in shown.all_text


def test_snapshot_html_is_a_summary() -> None:
    s = lape.example()
    shown = page(s)
    table = {cells[0][1]: cells[1][1] for cells in shown.rows}
    assert table["as of"] == "2017-10-01"
    assert table["regions"] == "11"
    assert table["counties (named)"] == "13"
    assert table["actors"] == str(len(s.actors))
    assert table["groups"] == str(len(s.groups))
    assert table["seats in groups"] == str(sum(len(g.members) for g in s.groups))
    assert table["services"] == "9"
    assert "pools" not in table
    assert "Pohjois-Savo 2017 (illustrative)" in shown.all_text


def test_snapshot_html_escapes_the_title_and_caps_area_lists() -> None:
    actors = tuple(
        Actor(id=f"a{i}", name="A", kind=ActorKind.PARISH, region=RegionCode(f"{i:02}"))
        for i in range(1, 30)
    )
    s = Snapshot(info=SnapshotInfo(title=EVIL, description=EVIL * 100), actors=actors)
    fragment = s._repr_html_()
    assert fragment is not None
    assert "<script>" not in fragment
    table = {cells[0][1]: cells[1][1] for cells in page(s).rows}
    assert table["regions (named)"].endswith("… (+9)")
    assert EVIL in page(s).all_text


# -- no IPython, no pandas, and the layering ---------------------------------------------------


def test_import_lape_and_displays_import_neither_pandas_nor_ipython() -> None:
    code = (
        "import sys, lape\n"
        "s = lape.example(); r = lape.check(s)\n"
        "r._repr_html_(); s._repr_html_(); s.groups[0]._repr_html_(); r.rows(); s.rows()\n"
        "print(sorted(m for m in ('pandas', 'IPython', 'hypothesis') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_model_imports_neither_rules_nor_network() -> None:
    for path in (SRC / "model").glob("*.py"):
        bad = {m for m in _imports(path) if m.startswith(("lape.rules", "lape.network"))}
        assert not bad, (path.name, bad)


@pytest.mark.parametrize("name", ["_html.py", "_pandas.py"])
def test_the_shared_helpers_import_nothing_of_lape(name: str) -> None:
    # but the counted nouns (lape._words), which import nothing themselves
    assert not {m for m in _imports(SRC / name) if m.startswith("lape") and m != "lape._words"}
    assert not {m for m in _imports(SRC / "_words.py") if m.startswith("lape")}
