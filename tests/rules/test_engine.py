"""The engine: in force or not, rule sets and precedence, reports, parameters, custom rules."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import lape
from lape.model import Period, Severity
from lape.rules import (
    Context,
    Outcome,
    ParameterError,
    Report,
    RuleSelectionError,
    RuleSet,
    Source,
    Status,
    Text,
    catalogue,
    check,
    default_parameters,
    rule,
)

BROKEN = """
info: {title: Broken, as_of: 2017-06-01}
actors:
  - {id: a, name: A, kind: parish}
  - {id: a, name: B, kind: parish}
groups:
  - {id: g, name: G, kind: municipal, municipality: Kuopio, members: [{actor: ghost}]}
"""


def test_catalogue_ids_are_unique_and_well_formed() -> None:
    ids = catalogue().ids
    assert len(ids) == len(set(ids))
    assert all(i.startswith("LAPE-") for i in ids)


SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
ROOT = Path(__file__).resolve().parents[2]
HELD = {"docs/": ROOT / "docs", "src/lape/reference/": ROOT / "src" / "lape" / "reference"}
"""The sources the repository holds besides the seeds: the quote must stand in them."""


def _words(text: str) -> str:
    return " ".join(text.split())


def test_every_quote_stands_in_the_text_it_cites() -> None:
    cited = [r for r in catalogue() if r.source.document.startswith("seeds/")]
    assert len(cited) >= 30
    for r in cited:
        name = r.source.document.removeprefix("seeds/").split(" ", 1)[0]
        seed = _words((SEEDS / name).read_text(encoding="utf-8"))
        assert _words(r.source.quote) in seed, r.id
    held = 0
    for r in catalogue():
        for prefix, root in HELD.items():
            if r.source.document.startswith(prefix):
                name = r.source.document.removeprefix(prefix).split(" ", 1)[0]
                assert _words(r.source.quote) in _words((root / name).read_text("utf-8")), r.id
                held += 1
    assert held >= 5  # S01-S03, F02, F09, F10


def test_every_rule_speaks_three_languages_and_cites_a_source() -> None:
    for r in catalogue():
        for text in (r.title, r.message):
            assert all(text.as_dict().values()), r.id
        # a message may be all placeholders ("{subject}: {problem}"); the title never is
        assert len({r.title.fi, r.title.sv, r.title.en}) >= 2, r.id
        assert r.condition is not None, r.id
        assert len({r.condition.fi, r.condition.sv, r.condition.en}) == 3, r.id
        assert all("{subject}" in m for m in r.message.as_dict().values()), r.id
        assert r.source.document, r.id
        assert r.source.quote, r.id


def test_a_rule_out_of_force_does_not_fire_and_says_so() -> None:
    s = lape.loads(BROKEN)
    early = check(s, as_of=dt.date(2015, 6, 1))
    late = check(s, as_of=dt.date(2017, 6, 1))
    g12_early, g12_late = early.result("LAPE-G12"), late.result("LAPE-G12")
    assert g12_early is not None
    assert not g12_early.in_force
    assert g12_early.examined == 0
    assert g12_late is not None
    assert g12_late.in_force
    assert g12_late.failed == 1
    assert not early.filter(rule="LAPE-G12").findings
    # integrity is always in force
    assert {f.rule for f in early.findings} >= {"LAPE-S01", "LAPE-S02"}


def test_findings_follow_severity_first_when_a_rule_is_regraded() -> None:
    s = lape.loads(BROKEN)
    report = check(s, severity={"LAPE-S01": "info", "LAPE-G05": "warning"})
    keys = [f.sort_key() for f in report.findings]
    assert keys == sorted(keys)
    order = [f.severity for f in report.findings]
    assert order == sorted(order, key=lambda severity: severity.rank)
    assert {Severity.WARNING, Severity.INFO} <= set(order)


def test_as_of_defaults_to_the_snapshot_date() -> None:
    assert check(lape.loads(BROKEN)).as_of == dt.date(2017, 6, 1)


def test_findings_are_sorted_and_deterministic() -> None:
    s = lape.loads(BROKEN)
    first, second = check(s), check(s)
    assert first == second
    keys = [f.sort_key() for f in first.findings]
    assert keys == sorted(keys)


def test_report_answers_conforms_counts_and_filters() -> None:
    report = check(lape.loads(BROKEN))
    assert not report.conforms
    counts = report.counts()
    assert counts["error"] == len(report.filter(severity="error").findings)
    assert set(counts) == {"error", "warning", "info", "unknown"}
    only_s01 = report.filter(rule="LAPE-S01")
    assert {f.rule for f in only_s01.findings} == {"LAPE-S01"}
    assert [f.subject.id for f in report.filter(subject="g", rule="LAPE-S01").findings] == ["g"]


def test_report_json_shape() -> None:
    data = json.loads(check(lape.loads(BROKEN)).to_json())
    assert data["conforms"] is False
    finding = data["findings"][0]
    assert {"rule", "severity", "subject", "message", "path", "evidence", "source"} <= set(finding)
    assert {r["rule"] for r in data["rules"]} == set(catalogue().ids)


def test_diff_tells_what_was_fixed_and_what_is_new() -> None:
    before = check(lape.loads(BROKEN))
    fixed_text = BROKEN.replace("  - {id: a, name: B, kind: parish}\n", "")
    after = check(lape.loads(fixed_text))
    diff = before.diff(after)
    assert {f.rule for f in diff.fixed} == {"LAPE-S02"}
    assert diff.new == ()
    assert {f.key for f in diff.unchanged} == {f.key for f in after.findings}


def test_diff_tells_a_changed_finding_from_an_unchanged_one() -> None:
    snapshot = lape.example()
    params = default_parameters()
    small = check(snapshot, parameters=params.override("pool.lape-regional-2016.amount", "1000"))
    smaller = check(snapshot, parameters=params.override("pool.lape-regional-2016.amount", "999"))
    diff = small.diff(smaller)
    assert (diff.fixed, diff.new) == ((), ())
    assert [f.rule for f in diff.changed] == ["LAPE-F01"]  # overspent by another amount
    assert "LAPE-F01" not in {f.rule for f in diff.unchanged}
    assert {f.key for f in (*diff.changed, *diff.unchanged)} == {f.key for f in smaller.findings}
    regraded = check(snapshot, severity={"LAPE-G04": "warning"})
    assert [f.rule for f in check(snapshot).diff(regraded).changed] == ["LAPE-G04"]
    assert check(snapshot).diff(check(snapshot)).changed == ()


def test_select_ignore_and_severity_in_code() -> None:
    s = lape.loads(BROKEN)
    only = check(s, select=["LAPE-S*"])
    assert {r.rule for r in only.results} == {"LAPE-S01", "LAPE-S02", "LAPE-S03"}
    ignored = check(s, ignore=["integrity"])
    assert not any(r.rule.startswith("LAPE-S") for r in ignored.results)
    softer = check(s, severity={"LAPE-S02": "warning"})
    assert {f.severity for f in softer.filter(rule="LAPE-S02").findings} == {Severity.WARNING}


def test_an_unknown_rule_name_is_an_error_not_a_silent_no_op() -> None:
    with pytest.raises(RuleSelectionError, match="LAPE-X99"):
        check(lape.loads(BROKEN), select=["LAPE-X99"])


def test_file_settings_then_code_settings() -> None:
    text = BROKEN + "checks: {ignore: [LAPE-S02], severity: {LAPE-S01: warning}}\n"
    s = lape.loads(text)
    from_file = check(s)
    assert not from_file.filter(rule="LAPE-S02").findings
    assert {f.severity for f in from_file.filter(rule="LAPE-S01").findings} == {Severity.WARNING}
    overridden = check(s, severity={"LAPE-S01": "error"})
    assert {f.severity for f in overridden.filter(rule="LAPE-S01").findings} == {Severity.ERROR}
    without_file = check(s, file_settings=False)
    assert without_file.filter(rule="LAPE-S02").findings


def test_messages_in_three_languages() -> None:
    report = check(lape.loads(BROKEN), lang="sv")
    finding = report.filter(rule="LAPE-S01").findings[0]
    assert finding.message == finding.messages.sv
    assert report.in_language("fi").findings[0].message == report.findings[0].messages.fi
    with pytest.raises(ValueError, match="unknown language"):
        check(lape.loads(BROKEN), lang="de")  # type: ignore[arg-type]


def test_parameters_are_dated_and_overridable() -> None:
    params = default_parameters()
    day = dt.date(2017, 1, 1)
    changed = params.override("LAPE-F03.min_actors", 5, start=dt.date(2018, 1, 1))
    assert changed.value("LAPE-F03.min_actors", day) == 2
    assert changed.value("LAPE-F03.min_actors", dt.date(2018, 1, 1)) == 5
    assert params.value("LAPE-F03.min_actors", dt.date(2018, 1, 1)) == 2
    for name in params:
        assert params[name].reference


def test_a_misspelt_parameter_is_refused_with_the_closest_name() -> None:
    typo = default_parameters().override("LAPE-F03.min_actor", 3)
    with pytest.raises(ParameterError, match=r"did you mean 'LAPE-F03\.min_actors'"):
        check(lape.example(), parameters=typo)


def test_a_pool_amount_must_name_a_known_pool() -> None:
    params = default_parameters()
    with pytest.raises(ParameterError, match="no known funding pool; did you mean"):
        check(lape.example(), parameters=params.override("pool.lape-regional-2106.amount", "1"))
    # a pool of the reference data, and a pool the snapshot defines itself, are known
    check(lape.example(), parameters=params.override("pool.lape-regional-2016.amount", "1"))
    own = lape.loads("pools: [{id: our-pool, name: Ours, kind: state_subsidy}]\n")
    check(own, parameters=params.override("pool.our-pool.amount", "1"), as_of=dt.date(2017, 1, 1))


def test_a_rule_whose_parameter_is_missing_is_refused_before_checking() -> None:
    @rule(
        id="MY-P01",
        severity=Severity.INFO,
        subjects="actor",
        in_force=Period(start=dt.date(2016, 1, 1)),
        source=Source("our own guideline", "at least n actors"),
        title=Text(fi="n", sv="n", en="n"),
        message=Text(fi="{subject}", sv="{subject}", en="{subject}"),
        parameters=("MY-P01.n",),
    )
    def n_actors(ctx: Context) -> Iterator[Outcome]:
        assert ctx.value("MY-P01.n") == 3
        yield from ()

    ours = catalogue().add(n_actors)
    with pytest.raises(ParameterError, match=r"rule MY-P01 reads the parameter 'MY-P01\.n'"):
        check(lape.example(), rules=ours)
    params = default_parameters().override("MY-P01.n", 3)
    result = check(lape.example(), rules=ours, parameters=params).result("MY-P01")
    assert result is not None
    assert result.in_force
    # a rule that is not checked (left out, or not in force) needs nothing
    check(lape.example(), rules=ours, ignore=["MY-P01"])
    check(lape.example(), rules=ours, as_of=dt.date(2015, 6, 1))


def test_a_user_rule_with_the_decorator() -> None:
    @rule(
        id="MY-X01",
        severity=Severity.WARNING,
        subjects="actor",
        in_force=Period(start=dt.date(2016, 1, 1)),
        source=Source("our own guideline", "every actor has a name longer than one letter"),
        title=Text(fi="Nimi", sv="Namn", en="Name"),
        message=Text(
            fi="{subject}: nimi {name} on liian lyhyt",
            sv="{subject}: namnet {name} är för kort",
            en="{subject}: the name {name} is too short",
        ),
    )
    def short_names(ctx: Context) -> Iterator[Outcome]:
        for actor in ctx.snapshot.actors:
            if len(actor.name) > 1:
                yield ctx.passed(actor)
            else:
                yield ctx.failed(actor, name=actor.name)

    rules = catalogue().add(short_names)
    report = check(lape.loads(BROKEN), rules=rules, select=["MY-X01"])
    assert [(f.rule, f.subject.id, f.message) for f in report.findings] == [
        ("MY-X01", "a", "A (a): the name A is too short"),
        ("MY-X01", "a", "B (a): the name B is too short"),
    ]
    assert report.conforms  # warnings never make a snapshot non-conforming


@pytest.mark.parametrize(
    ("en", "words"),
    [
        ("{subject}: a lone { brace", "write a literal brace twice"),
        ("{subject}: a {0} numbered field", "named"),
        ("{subject}: an {} empty field", "named"),
    ],
)
def test_a_message_template_is_checked_when_the_rule_is_made(en: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        rule(
            id="MY-X02",
            severity=Severity.WARNING,
            subjects="actor",
            in_force=Period(start=dt.date(2016, 1, 1)),
            source=Source("our own guideline", "a quote"),
            title=Text(fi="Nimi", sv="Namn", en="Name"),
            message=Text(fi="{subject}", sv="{subject}", en=en),
        )(lambda ctx: ())
    literal = Text(fi="{subject}: {{x}}", sv="{subject}: {{x}}", en="{subject}: {{x}}")
    made = rule(
        id="MY-X02",
        severity=Severity.WARNING,
        subjects="actor",
        in_force=Period(start=dt.date(2016, 1, 1)),
        source=Source("our own guideline", "a quote"),
        title=Text(fi="Nimi", sv="Namn", en="Name"),
        message=literal,
    )(lambda ctx: ())
    assert made.message == literal


def test_a_rule_set_refuses_duplicate_ids() -> None:
    first = catalogue().rules[0]
    with pytest.raises(RuleSelectionError):
        RuleSet((first, first))


def test_unknown_is_neither_pass_nor_failure() -> None:
    s = lape.loads(
        """
actors:
  - {id: k, name: K, kind: municipal_body, municipalities: [Kuopio]}
groups:
  - {id: g, name: G, kind: municipal, municipality: Kuopio, members: [{actor: k}]}
"""
    )
    report: Report = check(s, as_of=dt.date(2017, 1, 1), select=["LAPE-G01"])
    [finding] = report.findings
    assert finding.status is Status.UNKNOWN
    assert finding.severity is Severity.ERROR  # the rule's severity, whatever the status
    assert report.counts() == {"error": 0, "warning": 0, "info": 0, "unknown": 1}
    assert report.conforms


def test_filters_counts_conforms_and_json_keep_unknowns_apart_from_failures() -> None:
    s = lape.loads(
        """
actors:
  - {id: k, name: K, kind: municipal_body, municipalities: [Kuopio]}
  - {id: v, name: V, kind: municipal_body, sectors: [education_youth],
     municipalities: [Varkaus]}
groups:
  - {id: g, name: G, kind: municipal, municipality: Kuopio, members: [{actor: k}]}
  - {id: h, name: H, kind: municipal, municipality: Varkaus, members: [{actor: v}]}
"""
    )
    report = check(s, as_of=dt.date(2017, 1, 1), select=["LAPE-G01"])
    assert [(f.subject.id, f.status) for f in report.findings] == [
        ("g", Status.UNKNOWN),
        ("h", Status.FAILED),
    ]
    errors = report.filter(severity="error").findings
    assert [f.subject.id for f in errors] == ["h"]
    assert len(errors) == report.counts()["error"] == 1
    assert [f.subject.id for f in report.filter(severity="error", status="unknown").findings] == [
        "g"
    ]
    assert [f.subject.id for f in report.failures] == ["h"]
    assert [f.subject.id for f in report.unknowns] == ["g"]
    assert not report.conforms
    data = json.loads(report.to_json())
    assert [f["subject"]["id"] for f in data["findings"]] == ["h"]
    assert [(f["subject"]["id"], f["status"]) for f in data["unknown"]] == [("g", "unknown")]
    assert data["counts"] == {"error": 1, "warning": 0, "info": 0, "unknown": 1}


def test_ignoring_a_rule_that_a_selection_left_out_does_nothing() -> None:
    s = lape.loads(BROKEN + "checks: {select: [LAPE-S*], ignore: [LAPE-G01]}\n")
    report = check(s, select=["LAPE-S01"], ignore=["LAPE-S02"], severity={"LAPE-G05": "info"})
    assert {r.rule for r in report.results} == {"LAPE-S01"}
    with pytest.raises(RuleSelectionError, match="LAPE-Q01"):
        check(s, select=["LAPE-S01"], ignore=["LAPE-Q01"])


def test_every_rule_has_a_fidelity_module_named_after_it() -> None:
    fidelity = ROOT / "tests" / "fidelity"
    for r in catalogue():
        module = fidelity / f"test_{r.id.split('-', 1)[1].lower()}.py"
        assert module.is_file(), f"{r.id}: no {module.name} in tests/fidelity"


def test_a_rule_names_what_it_examines_from_the_registry() -> None:
    made = rule(
        id="OUR-X01",
        severity=Severity.INFO,
        subjects=("group", lape.model.AreaKind.MUNICIPALITY),
        in_force=lape.model.Period(start=dt.date(2016, 1, 1)),
        source=Source("ours", "ours"),
        title=Text("a", "b", "c"),
        message=Text("{subject}", "{subject}", "{subject}"),
    )(lambda ctx: ())
    assert made.subjects == (lape.model.EntityKind.GROUP, lape.model.AreaKind.MUNICIPALITY)
    with pytest.raises(ValueError, match="subjects: 'grop' is no kind of entity or area"):
        rule(
            id="OUR-X02",
            severity=Severity.INFO,
            subjects="grop",
            in_force=lape.model.Period(start=dt.date(2016, 1, 1)),
            source=Source("ours", "ours"),
            title=Text("a", "b", "c"),
            message=Text("{subject}", "{subject}", "{subject}"),
        )(lambda ctx: ())


def test_every_rule_a_catalogue_module_defines_is_in_its_list() -> None:
    """A rule defined but left out of its module's RULES would silently never run."""
    from lape.rules import Rule
    from lape.rules._catalogue import change_agents, funding, groups, integrity, services, youth

    for module in (groups, change_agents, funding, youth, services, integrity):
        defined = {id(value) for value in vars(module).values() if isinstance(value, Rule)}
        listed = {id(r) for r in module.RULES}
        assert defined == listed, module.__name__
        assert set(module.RULES) <= set(catalogue())


def test_a_rule_s_result_by_id_strictly() -> None:
    """``strict=True`` gives the result or a NotFoundError naming the closest rule that
    ran, so user code needs no ``assert result is not None`` (issue 16)."""
    report = lape.check(lape.example(), select=["LAPE-G*"])
    assert report.result("LAPE-G04", strict=True).failed == 1
    assert report.result("LAPE-F01") is None  # not selected
    with pytest.raises(lape.errors.NotFoundError) as caught:
        report.result("LAPE-G004", strict=True)
    assert str(caught.value) == "no rule result 'LAPE-G004'; did you mean 'LAPE-G04'?"
    with pytest.raises(LookupError, match=r"^no rule result 'LAPE-F01'"):
        report.result("LAPE-F01", strict=True)


def test_a_check_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    assert gc.isenabled()
    check(lape.example())
    assert gc.isenabled()  # paused while the check ran, on again after
    gc.disable()
    try:
        check(attrs.evolve(lape.example()))  # a fresh snapshot: its index is built too
        assert not gc.isenabled()  # a caller's own pause is kept
    finally:
        gc.enable()


def test_a_source_shows_as_one_short_line() -> None:
    for r in catalogue():
        shown = repr(r.source)
        assert "\n" not in shown
        assert len(shown) <= 120, shown


def test_every_catalogue_parameter_is_described_in_three_languages() -> None:
    for p in default_parameters().values():
        assert p.descriptions is not None, p.name
        assert p.description_in("en") == p.description
        assert len({p.description_in(lang) for lang in ("fi", "sv", "en")}) == 3, p.name
