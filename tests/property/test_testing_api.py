"""lape.testing itself: registration, lazy imports, arguments, shrinking, the rules it
cannot break and why, the checker's messages."""

from __future__ import annotations

import datetime as dt
import enum
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import lape
import lape.model
from lape.model import GroupKind, Snapshot
from lape.rules import catalogue, check
from lape.testing import (
    UNBREAKABLE,
    Checker,
    RuleBreak,
    _hypothesis_setup_hook,
    breakable_rules,
    breakable_window,
    problems,
    rule_breaks,
    valid_snapshots,
)
from lape.testing._breaks import RECIPES

D = dt.date


def _run(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True)


# -- registration and imports ----------------------------------------------------------------


MODEL_TYPES = [
    cls
    for cls in (getattr(lape.model, name) for name in lape.model.__all__)
    if isinstance(cls, type) and not issubclass(cls, enum.Enum)  # enums need no help
]


@pytest.mark.parametrize("cls", MODEL_TYPES, ids=lambda c: c.__name__)
def test_every_model_type_has_a_strategy(cls: type) -> None:
    _hypothesis_setup_hook()  # harmless when hypothesis already called it

    @settings(max_examples=5)
    @given(st.from_type(cls))
    def draw(value: object) -> None:
        assert isinstance(value, cls)

    draw()


@pytest.mark.parametrize("code_type", ["MunicipalityCode", "RegionCode", "CountyCode"])
def test_area_codes_are_real(code_type: str) -> None:
    from lape.reference import geography

    geo = geography()
    known: set[str] = {*geo.municipalities, *geo.regions, *geo.counties}

    @settings(max_examples=10)
    @given(st.from_type(getattr(lape.model, code_type)))
    def draw(code: str) -> None:
        assert code in known

    draw()


@settings(max_examples=5)
@given(st.from_type(RuleBreak))
def test_rule_breaks_are_registered(b: RuleBreak) -> None:
    assert problems(b.check()) == b.expected


def test_the_hook_loads_no_strategy_module() -> None:
    # hypothesis runs the hook while it is itself being imported: nothing of ours that
    # imports hypothesis may load then, or importing a strategy first would fail.
    _run(
        "import sys, hypothesis, lape.testing;"
        "assert 'lape.testing._strategies' not in sys.modules;"
        "assert 'lape.testing._valid' not in sys.modules"
    )


@pytest.mark.parametrize("name", ["snapshots", "valid_snapshots", "rule_breaks"])
def test_a_strategy_imports_first_in_a_fresh_process(name: str) -> None:
    _run(f"from lape.testing import {name}; {name}()")


def test_what_needs_no_hypothesis_works_without_it() -> None:
    _run(
        "import sys; sys.modules['hypothesis'] = None\n"
        "import lape.testing.pytest_plugin\n"
        "from lape.testing import Checker, RuleBreak, breakable_rules, problems\n"
        "from lape.testing import national_snapshot\n"
        "assert 'LAPE-G05' in breakable_rules()\n"
        "import lape.testing\n"
        "try:\n"
        "    lape.testing.valid_snapshots\n"
        "except ImportError as exc:\n"
        "    assert \"pip install 'lape[test]'\" in str(exc), exc\n"
        "else:\n"
        "    raise AssertionError('no ImportError')\n"
    )


def test_the_pytest_plugin_is_registered() -> None:
    from importlib.metadata import entry_points

    plugins = {e.name: e.value for e in entry_points(group="pytest11")}
    assert plugins.get("lape") == "lape.testing.pytest_plugin"


def test_dir_lists_the_public_names() -> None:
    import lape.testing

    assert set(lape.testing.__all__) <= set(dir(lape.testing))
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        lape.testing.nothing  # noqa: B018


# -- arguments ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "strategy",
    [
        pytest.param(lambda: valid_snapshots(as_of="2017-01-01"), id="day-as-text"),  # type: ignore[arg-type]
        pytest.param(lambda: valid_snapshots(as_of=dt.datetime(2017, 1, 1)), id="datetime-for-day"),
        pytest.param(lambda: valid_snapshots(max_areas=0), id="no-area"),
        pytest.param(lambda: valid_snapshots(max_municipalities=0), id="no-municipality"),
        pytest.param(lambda: valid_snapshots(max_grants=-1), id="negative"),
        pytest.param(lambda: valid_snapshots(max_networks=True), id="bool-size"),
        pytest.param(lambda: rule_breaks(rule="LAPE-X99"), id="unknown-rule"),
        pytest.param(lambda: rule_breaks(rule=5), id="rule-not-text"),  # type: ignore[arg-type]
        pytest.param(lambda: rule_breaks(rule="LAPE-N01", as_of=D(2017, 1, 1)), id="not-in-force"),
        pytest.param(lambda: rule_breaks(rule="LAPE-C06", as_of=D(2019, 12, 31)), id="c06-in-2019"),
        pytest.param(lambda: rule_breaks(rule="LAPE-W01", as_of=D(2022, 12, 31)), id="w01-in-2022"),
        pytest.param(
            lambda: rule_breaks(rule="LAPE-F10", as_of=D(2016, 8, 31)), id="before-the-call"
        ),
        pytest.param(lambda: rule_breaks(max_areas=0), id="break-sizes"),
    ],
)
def test_bad_arguments_are_refused_when_drawn(strategy: Any) -> None:
    built = strategy()  # no error until drawn from, as in hypothesis' own strategies

    @given(built)
    def draw(_: object) -> None:
        pass

    with pytest.raises(InvalidArgument):
        draw()


# -- which rules -------------------------------------------------------------------------------


def test_every_catalogue_rule_can_be_broken() -> None:
    ids = set(catalogue().ids)
    assert set(breakable_rules()) == set(RECIPES) == ids
    assert dict(UNBREAKABLE) == {}


def test_the_windows_lie_inside_the_rules_time_in_force() -> None:
    for r in catalogue():
        window = breakable_window(r.id)
        if window is None:
            continue
        assert r.in_force.contains(window.start)
        if window.end is not None:
            assert r.in_force.contains(window.end)


@pytest.mark.parametrize(
    ("day", "some", "none_of"),
    [
        (D(2015, 6, 1), {"LAPE-S01", "LAPE-S03"}, {"LAPE-G05", "LAPE-F01"}),
        (D(2016, 8, 31), {"LAPE-G05", "LAPE-F09"}, {"LAPE-F10"}),
        (D(2016, 9, 1), {"LAPE-F10"}, {"LAPE-Y01"}),
        (D(2017, 5, 31), {"LAPE-G05", "LAPE-C03", "LAPE-F09"}, {"LAPE-Y01", "LAPE-N01"}),
        (D(2017, 6, 1), {"LAPE-Y01"}, {"LAPE-Y02"}),
        (D(2019, 12, 31), {"LAPE-C03"}, {"LAPE-G01", "LAPE-C06"}),
        (D(2020, 1, 1), {"LAPE-C03", "LAPE-C04", "LAPE-C06"}, {"LAPE-G01", "LAPE-N08"}),
        (D(2023, 1, 1), {"LAPE-Y02", "LAPE-N07", "LAPE-N08", "LAPE-W01", "LAPE-W02"}, {"LAPE-G15"}),
    ],
)
def test_breakable_rules_by_day(day: dt.date, some: set[str], none_of: set[str]) -> None:
    rules = set(breakable_rules(day))
    assert some <= rules
    assert not none_of & rules


@settings(max_examples=5)
@given(rule_breaks(rule="LAPE-C03", as_of=D(2020, 6, 1)))
def test_c03_breaks_alone_in_2020_while_c06_examines_the_agent(b: RuleBreak) -> None:
    # From 2020 LAPE-C06 is in force too: the STM-funded agent past 2019 is paid through
    # the 2019 pool by its area's own organisation, which C06 accepts.
    report = b.check()
    assert problems(report) == {("LAPE-C03", *b.subject)}
    c06 = report.result("LAPE-C06")
    assert c06 is not None
    assert c06.examined >= 1
    assert (c06.failed, c06.unknown) == (0, 0)


@settings(max_examples=5)
@given(rule_breaks(rule="LAPE-W01", as_of=D(2023, 6, 1)))
def test_w01_examines_the_snapshot_not_the_reference_data(b: RuleBreak) -> None:
    empty = check(Snapshot(), as_of=D(2023, 6, 1), select=["LAPE-W01"]).result("LAPE-W01")
    assert empty is not None
    assert empty.examined == 0
    kind, subject_id = b.subject
    ids = {
        "actor": {a.id for a in b.snapshot.actors},
        "network": {n.id for n in b.snapshot.networks},
    }
    assert subject_id in ids[kind]


# -- shrinking ------------------------------------------------------------------------------------


def test_a_valid_snapshot_shrinks_to_one_municipality() -> None:
    # Built from small integers, a snapshot shrinks fast and far (a rule break is a
    # valid snapshot and one change, so it shrinks alike).
    s = find(valid_snapshots(as_of=D(2017, 6, 1)), lambda s: True)
    municipal = [g for g in s.groups if g.kind is GroupKind.MUNICIPAL]
    assert len(municipal) == 1
    assert s.grants == ()
    assert s.projects == ()
    assert s.change_agents == ()


# -- RuleBreak and the checker --------------------------------------------------------------------


def test_rule_break_refuses_bad_subjects() -> None:
    with pytest.raises(TypeError, match="also_reported"):
        RuleBreak(
            snapshot=Snapshot(),
            as_of=D(2017, 1, 1),
            rule="LAPE-C02",
            subject_kind="change_agent",
            subject_id="a",
            also_reported=(("change_agent",),),  # type: ignore[arg-type]
        )


def test_the_checker_spells_out_the_findings() -> None:
    checker = Checker()
    with pytest.raises(AssertionError, match=r"LAPE-G04 failed .*\(varkaus-lape\)"):
        checker.assert_conforms(lape.example())
    wrong = RuleBreak(
        snapshot=lape.example(),
        as_of=D(2017, 10, 1),
        rule="LAPE-G05",
        subject_kind="group",
        subject_id="kuopio-lape",
        description="not really",
    )
    with pytest.raises(AssertionError, match=r"LAPE-G05 broken \(not really\)"):
        checker.assert_breaks(wrong)


@settings(max_examples=5)
@given(valid_snapshots(as_of=D(2023, 6, 1)))
def test_the_checker_passes_a_valid_snapshot(s: Snapshot) -> None:
    report = Checker().assert_conforms(s)
    assert report.conforms


def test_assert_conforms_passes_options_on_to_check() -> None:
    from lape.testing import Checker

    checker = Checker()
    with pytest.raises(AssertionError, match="LAPE-G04"):
        checker.assert_conforms(lape.example())
    # the example's only errors are G04, G05 and F02: without them it conforms
    report = checker.assert_conforms(lape.example(), ignore=["LAPE-G04", "LAPE-G05", "LAPE-F02"])
    assert report.conforms
    assert checker.assert_conforms(lape.example(), rules=catalogue().select("LAPE-S*")).conforms


# -- what valid snapshots hold: the revised rules' structures are reached -------------------------
# (each `find` stops at the first example that has it, unshrunk; a few dozen draws at most)


def _find(day: dt.date, condition: Any, **sizes: int) -> Snapshot:
    found: Snapshot = find(
        valid_snapshots(as_of=day, **sizes),
        condition,
        settings=settings(max_examples=500, database=None, phases=[Phase.generate]),
    )
    return found


def test_valid_snapshots_reach_the_capital_region() -> None:
    from lape.reference import geography

    capital = geography().project_areas["capital-region"].municipalities

    def linked_to_its_own_area(s: Snapshot) -> bool:
        regional = {g.id for g in s.groups if g.project_area == "capital-region"}
        return any(
            g.municipality in capital and regional & set(s.index.cooperation_of(g.id))
            for g in s.groups
            if g.kind is GroupKind.MUNICIPAL
        )

    s = _find(D(2017, 6, 1), linked_to_its_own_area)
    assert problems(check(s)) == set()


def test_valid_snapshots_reach_a_joint_authority_for_social_and_health() -> None:
    from lape.model import ActorKind

    def joint(s: Snapshot) -> bool:
        kinds = {a.id: a.kind for a in s.actors}
        return any(
            kinds.get(m.actor) is ActorKind.JOINT_MUNICIPAL_AUTHORITY
            for g in s.groups
            if g.kind is GroupKind.MUNICIPAL
            for m in g.members
        )

    assert problems(check(_find(D(2017, 6, 1), joint))) == set()


def test_valid_snapshots_reach_projects_of_the_2016_round() -> None:
    def funded(s: Snapshot) -> bool:
        projects = {p.id: p for p in s.projects}
        return any(g.pool == "lape-regional-2016" and g.project in projects for g in s.grants)

    s = _find(D(2017, 6, 1), funded, max_grants=4)
    projects = {p.id: p for p in s.projects}
    of_round = {
        projects[g.project] for g in s.grants if g.pool == "lape-regional-2016" and g.project
    }
    assert all(p.lead is not None and p.project_area is not None for p in of_round)
    assert problems(check(s)) == set()


def test_valid_snapshots_reach_agents_paid_by_their_own_area_after_2019() -> None:
    def own_payer(s: Snapshot) -> bool:
        return any(
            a.salary_payer is not None
            and a.salary_payer != "stm"
            and (a.employment.end is None or a.employment.end.year >= 2020)
            for a in s.change_agents
        )

    assert problems(check(_find(D(2021, 6, 1), own_payer))) == set()


def test_valid_snapshots_reach_interfaces_and_clients_in_family_centres() -> None:
    from lape.model import Involvement, NetworkKind

    def interfaces_and_clients(s: Snapshot) -> bool:
        return any(
            n.kind is NetworkKind.FAMILY_CENTRE
            and any(i.municipal_services and i.county_services for i in n.interfaces)
            and {x for m in n.members for x in (m.involvement or ())} == set(Involvement)
            for n in s.networks
        )

    s = _find(D(2023, 6, 1), interfaces_and_clients, max_networks=2)
    assert problems(check(s)) == set()
