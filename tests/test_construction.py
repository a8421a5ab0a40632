"""Building the model in Python takes what a file takes (issue 16): lists for tuples,
areas by name or code, ISO dates, amounts as text or whole numbers; refusals are one
readable ArgumentError naming class, field and item; an inverted period is refused
unless asked for, while a file with one loads and LAPE-S03 reports it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

import lape
from lape.errors import ArgumentError, LapeError
from lape.model import (
    Actor,
    ActorKind,
    ChangeAgent,
    FundingPool,
    Grant,
    Group,
    GroupKind,
    HealthSocialCentre,
    Period,
    Scope,
    Snapshot,
)
from lape.testing import snapshots


def _as_lists(value: Any) -> Any:
    """An entity rebuilt through its constructor with every tuple given as a list."""
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        changes = {f.alias or f.name: _as_lists(getattr(value, f.name)) for f in fields if f.init}
        return type(value)(**changes)
    if type(value) is tuple:
        return [_as_lists(v) for v in value]
    return value


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(snapshots(max_actors=6, max_groups=3))
def test_lists_build_what_tuples_build(snapshot: Snapshot) -> None:
    rebuilt = _as_lists(snapshot)
    assert rebuilt == snapshot
    assert type(rebuilt.actors) is tuple


def test_areas_by_name_become_codes() -> None:
    actor = Actor(
        id="k",
        name="Kajaani",
        kind=ActorKind.MUNICIPALITY,
        municipalities=["Kajaani", "Tammerfors", "837"],
        region="Kainuu",
        county="Kainuun hyvinvointialue",
    )
    assert (actor.municipalities, actor.region, actor.county) == (("205", "837", "837"), "18", "20")
    assert Scope(regions=["Norra Savolax", "Pohjois-Savo"], counties=["PI"]) == Scope(
        regions=("11", "11"), counties=("08",)
    )
    assert (
        HealthSocialCentre(id="c", name="C", county="Pirkanmaa wellbeing services county").county
        == "08"
    )
    assert (
        Group(id="g", name="G", kind=GroupKind.MUNICIPAL, municipality="Varkaus").municipality
        == "915"
    )
    assert (
        ChangeAgent(
            id="a", name="A", region="Kainuu", employer="k", employment=Period(start="2016-10-01")
        ).region
        == "18"
    )


def test_a_code_that_names_no_area_is_kept_for_the_rules() -> None:
    assert Actor(
        id="k", name="K", kind=ActorKind.PARISH, municipalities=["999"]
    ).municipalities == ("999",)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: Actor(id="k", name="K", kind=ActorKind.PARISH, municipalities=["Kajani"]),
            "Actor.municipalities[0]: unknown municipality 'Kajani' (give a 3-digit code or a "
            "name); did you mean 'Kajaani'?",
        ),
        (
            lambda: Group(id="g", name="G", kind=GroupKind.REGIONAL, region="Pohjois-Savon"),
            "Group.region: unknown region 'Pohjois-Savon' (give a 2-digit code or a name); "
            "did you mean 'Pohjois-Savo'?",
        ),
        (
            lambda: HealthSocialCentre(id="c", name="C", county="Kainuu"),
            "HealthSocialCentre.county: unknown county 'Kainuu' (give a 2-digit code or a "
            "name); did you mean 'Kainuun hyvinvointialue'?",
        ),
        (
            lambda: Actor(id="k", name="K", kind=ActorKind.PARISH, municipalities="Kajaani"),
            "Actor.municipalities: expected a tuple (or a list), not str 'Kajaani'",
        ),
        (
            lambda: Actor(id="k", name="K", kind=ActorKind.PARISH, composed_of={"a", "b"}),
            "Actor.composed_of: expected a tuple (or a list), not a set (a set has no "
            "order: give a list or a tuple)",
        ),
        (
            lambda: Actor(id="k", name="K", kind="parsh"),
            "Actor.kind: expected an ActorKind, not str 'parsh'; did you mean ActorKind.PARISH?",
        ),
        (
            lambda: Period(start="2018-01-01", end="2017-01-01"),
            "Period.end: 2017-01-01 is before the start 2018-01-01: a period ends on or after "
            "the day it starts (to keep such a period on purpose, e.g. to see LAPE-S03 report "
            "it, build it with Period.as_given)",
        ),
        (
            lambda: Period(start="2018-02-30"),
            None,
        ),
    ],
)
def test_refusals_are_one_readable_error(build: Any, message: str | None) -> None:
    with pytest.raises(ArgumentError) as refused:
        build()
    error = refused.value
    assert isinstance(error, LapeError)
    assert isinstance(error, TypeError)
    assert isinstance(error, ValueError)
    if message is not None:
        assert str(error) == message
    assert "Attribute(" not in str(error)
    assert len(error.args) == 1


def test_dates_and_amounts_as_in_a_file() -> None:
    grant = Grant(
        id="g",
        pool="p",
        recipient="a",
        amount="12500.50",
        decided="2016-12-22",
        costs=Period(start="2017-01-01", end="2018-12-31"),
    )
    assert grant.amount == Decimal("12500.50")
    assert grant.decided == dt.date(2016, 12, 22)
    assert grant.costs == Period(start=dt.date(2017, 1, 1), end=dt.date(2018, 12, 31))
    assert FundingPool(id="p", name="P", amount=20_000_000).amount == Decimal(20_000_000)
    with pytest.raises(ArgumentError, match=r"^FundingPool\.amount: "):
        FundingPool(id="p", name="P", amount=1.5)  # type: ignore[arg-type]


def test_an_inverted_period_is_refused_in_python_but_a_file_with_one_loads() -> None:
    inverted = Period.as_given(start="2018-01-01", end="2017-01-01")
    assert inverted.is_inverted
    assert not inverted.contains(dt.date(2017, 6, 1))
    snapshot = lape.loads(
        "actors: [{id: a, name: A, kind: parish, municipalities: [Kuopio],"
        " period: {start: 2018-01-01, end: 2017-01-01}}]"
    )
    assert snapshot.actors[0].period == inverted
    assert snapshot.actors[0].municipalities == ("297",)
    report = lape.check(snapshot, select=["LAPE-S03"], as_of=dt.date(2017, 6, 1))
    assert [(f.rule, f.subject.id) for f in report.findings] == [("LAPE-S03", "a")]


@pytest.mark.parametrize("value", [["a"], {"a": 1}, {"a"}])
def test_an_unhashable_id_is_refused_by_name(value: object) -> None:
    with pytest.raises(ArgumentError, match=r"Actor\.id: expected text \(an ID\)"):
        Actor(id=value, name="A", kind=ActorKind.PARISH)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"Actor\.county: expected text"):
        Actor(id="a", name="A", kind=ActorKind.PARISH, county=value)  # type: ignore[arg-type]


def test_vocabularies_by_value_in_python_as_in_a_file() -> None:
    from lape.model import Sector, TargetGroup

    a = Actor(id="a", name="A", kind="parish", sectors=["church"])  # typed: str is taken
    assert a.kind is ActorKind.PARISH
    assert a.sectors == frozenset({Sector.CHURCH})
    from_file = lape.loads(
        "actors:\n  - {id: a, name: A, kind: parish, sectors: [church]}\n"
    ).actors[0]
    assert a == from_file
    grant = lape.model.Grant(
        id="g", pool="p", recipient="a", amount="1 000", target_groups=["children"]
    )
    assert grant.target_groups == frozenset({TargetGroup.CHILDREN})
    with pytest.raises(ArgumentError, match=r"did you mean ActorKind\.PARISH"):
        Actor(id="a", name="A", kind="parsh")
