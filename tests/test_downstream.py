"""A downstream project's tests, written the way a user of ``lape`` writes them.

Only public names: ``lape``, ``lape.testing`` and the fixtures of the pytest
plugin that installing ``lape`` registers (``lape_example``, ``lape_check``).
The "downstream code under test" is the small dashboard below; docs/testing.md
shows the same tests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import Phase, given, seed, settings
from hypothesis import strategies as st

import lape
import lape.model
from lape.testing import Checker, RuleBreak, problems, rule_breaks, snapshots, valid_snapshots

DAY = dt.date(2017, 6, 1)


# -- the downstream code under test --------------------------------------------------------------


def dashboard(snapshot: lape.Snapshot, day: dt.date | None = None) -> dict[str, list[str]]:
    """Red flags per subject ID: the rule IDs of its errors and warnings, in order (failures only:
    an unknown finding means a fact is missing, which a dashboard shows apart)."""
    flags: dict[str, list[str]] = {}
    for f in lape.check(snapshot, as_of=day).failures:
        if f.severity.value != "info" and f.rule not in flags.get(f.subject.id, []):
            flags.setdefault(f.subject.id, []).append(f.rule)
    return flags


def groups_without_youth(snapshot: lape.Snapshot, day: dt.date) -> list[str]:
    """The development groups that lack a youth representative."""
    return dashboard_rule(snapshot, day, "LAPE-G05")


def membership_rows(snapshot: lape.Snapshot) -> list[tuple[str, str, str]]:
    """(group, actor, role) rows for a spreadsheet."""
    return [(g.id, m.actor, m.role.value) for g in snapshot.groups for m in g.members]


def dashboard_rule(snapshot: lape.Snapshot, day: dt.date, rule: str) -> list[str]:
    return sorted(subject for subject, rules in dashboard(snapshot, day).items() if rule in rules)


# -- the tests ---------------------------------------------------------------------------------


def test_the_example_has_red_flags(lape_example: lape.Snapshot) -> None:
    flags = dashboard(lape_example)
    assert flags["varkaus-lape"] == ["LAPE-G04"]
    assert flags["siilinjarvi-lape"] == ["LAPE-G05"]


def test_the_example_with_the_checker(lape_example: lape.Snapshot, lape_check: Checker) -> None:
    assert ("LAPE-G05", "group", "siilinjarvi-lape") in lape_check.problems(lape_example)
    assert lape_check(lape_example).conforms is False


@given(valid_snapshots(as_of=DAY))
def test_no_red_flags_on_a_valid_snapshot(snapshot: lape.Snapshot) -> None:
    assert dashboard(snapshot) == {}


@given(rule_breaks(as_of=DAY, rule="LAPE-G05"))
def test_the_dashboard_shows_a_missing_youth_representative(b: RuleBreak) -> None:
    assert groups_without_youth(b.snapshot, b.as_of) == [b.subject_id]


@given(rule_breaks())
def test_the_dashboard_flags_exactly_the_broken_rule(b: RuleBreak) -> None:
    flagged = {
        (rule, subject) for subject, rules in dashboard(b.snapshot).items() for rule in rules
    }
    assert flagged == {(rule, subject_id) for rule, _, subject_id in b.expected}


@given(rule_breaks(as_of=dt.date(2023, 6, 1)))
def test_a_break_with_the_checker_fixture(lape_check: Checker, b: RuleBreak) -> None:
    lape_check.assert_breaks(b)
    assert problems(lape_check(b.snapshot)) == b.expected


@settings(max_examples=25)  # arbitrary snapshots are large: about 0.1 s each to draw
@given(st.from_type(lape.Snapshot))
def test_membership_rows_for_any_snapshot(snapshot: lape.Snapshot) -> None:
    # st.from_type works for every lape model class once lape is installed.
    rows = membership_rows(snapshot)
    assert len(rows) == sum(len(g.members) for g in snapshot.groups)
    assert {actor for _, actor, _ in rows} <= {a.id for a in snapshot.actors}


@settings(max_examples=25)
@given(st.from_type(lape.Snapshot) | snapshots())
def test_the_dashboard_takes_any_drawn_snapshot(snapshot: lape.Snapshot) -> None:
    # the drawn ``checks:`` section is one check() accepts: this never raises
    flags = dashboard(snapshot)
    assert set(flags) <= {f.subject.id for f in lape.check(snapshot).findings}


# -- what a failing property shows --------------------------------------------------------------

PASTE = {"datetime": dt, "Decimal": Decimal, **{n: getattr(lape.model, n) for n in dir(lape.model)}}


def falsifying(test: Callable[[], None]) -> tuple[str, lape.Snapshot]:
    """Run a property that fails; the snapshot its report prints, and its text."""
    with pytest.raises(AssertionError) as failed:
        test()
    text = "\n".join(getattr(failed.value, "__notes__", []))
    start = text.index("s=") + 2
    end = text.rindex(",\n)")
    printed = text[start:end]
    return printed, eval(printed, PASTE)  # what a user pastes into a test


def test_a_counterexample_shrinks_and_prints_as_a_snapshot_to_paste() -> None:
    failing: list[lape.Snapshot] = []

    @seed(16)
    @settings(
        max_examples=100,
        database=None,
        derandomize=False,  # the seed above, in every profile (CI's derandomizes)
        phases=[Phase.generate, Phase.shrink],
    )
    @given(snapshots(max_actors=3, max_groups=2, max_pools=2, max_grants=2, max_networks=1))
    def grants_are_small(s: lape.Snapshot) -> None:
        if any(g.amount >= 10 for g in s.grants):
            failing.append(s)
            raise AssertionError

    printed, pasted = falsifying(grants_are_small)
    assert pasted == failing[-1]
    # what the failure does not need is deleted (hypothesis's shrinker does not always
    # reach the very smallest: a second pool or actor may stay, see docs/testing.md)
    assert len(pasted.grants) == 1
    assert (pasted.groups, pasted.networks, pasted.change_agents) == ((), (), ())
    assert "_snapshot_of" not in printed
    assert "World(" not in printed
    assert "info=" not in printed  # fields at their defaults are left out


def test_a_valid_snapshot_prints_as_a_snapshot_to_paste() -> None:
    failing: list[lape.Snapshot] = []

    @seed(16)
    @settings(
        max_examples=50,
        database=None,
        derandomize=False,  # the seed above, in every profile
        phases=[Phase.generate, Phase.shrink],
    )
    @given(valid_snapshots(as_of=DAY))
    def no_grants(s: lape.Snapshot) -> None:
        if s.grants:
            failing.append(s)
            raise AssertionError

    printed, pasted = falsifying(no_grants)
    assert printed.startswith("Snapshot(")
    assert pasted == failing[-1]
    assert dashboard(pasted) == {}


def test_a_failing_property_over_inverted_periods_shows_its_counterexample() -> None:
    from lape.testing import periods

    @settings(max_examples=50, database=None)
    @given(periods(allow_inverted=True, allow_open=False))
    def never_inverted(p: lape.model.Period) -> None:
        assert not p.is_inverted

    with pytest.raises(AssertionError):  # the user's failure, not an error inside lape
        never_inverted()
