"""The public API as a user's code calls it, type-checked under ``mypy --strict``
(``mypy --strict src tests`` reads this file) and run by pytest (issue 16).

Plain strings go where codes are taken (``MunicipalityCode`` and its kin are
``NewType``s of ``str`` for the values the model gives back; the constructors and
look-ups take any ``str``: a code or a name), lists where tuples are kept, ISO text
where dates are, and look-ups with ``strict=True`` or the edit helpers give a value,
never ``None``, so no ``assert x is not None`` is needed. A mistake here is a type
error in CI before it is a failing test.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from decimal import Decimal

from typing_extensions import assert_type

import lape
from lape.model import (
    Actor,
    ActorKind,
    CountyCode,
    FundingPool,
    Grant,
    GrantKind,
    Group,
    GroupKind,
    Membership,
    Municipality,
    MunicipalityCode,
    Period,
    Programme,
    RegionCode,
    Scope,
    Snapshot,
    SnapshotInfo,
    add_entity,
    evolve_entity,
    get_entity,
    remove_entity,
    replace_entity,
)
from lape.reference import geography
from lape.rules import Finding, Report, check, default_parameters


def _a_snapshot_built_in_python() -> Snapshot:
    return Snapshot(
        info=SnapshotInfo(title="Kainuu", as_of="2017-10-01"),
        scope=Scope(municipalities=["Kajaani", "Sotkamo"], regions=["Kainuu"]),
        actors=[
            Actor(
                id="kajaani-sote",
                name="Kajaani social and health services",
                kind=ActorKind.MUNICIPALITY,
                municipalities=["205"],
                region="18",
            ),
            Actor(
                id="kajaani-srk",
                name="Kajaanin seurakunta",
                kind=ActorKind.PARISH,
                municipalities=["Kajaani"],
                period=Period(start="2016-01-01"),
            ),
        ],
        groups=[
            Group(
                id="kajaani-lape",
                name="Kajaani LAPE group",
                kind=GroupKind.MUNICIPAL,
                municipality="Kajaani",
                members=[Membership(actor="kajaani-sote"), Membership(actor="kajaani-srk")],
            )
        ],
        pools=[
            FundingPool(
                id="kainuu-pool",
                name="Kainuu development",
                kind=GrantKind.STATE_SUBSIDY,
                programme=Programme.LAPE,
                amount=100_000,
            )
        ],
        grants=[
            Grant(
                id="kainuu-grant",
                pool="kainuu-pool",
                recipient="kajaani-sote",
                amount="25000.00",
                decided="2016-12-22",
            )
        ],
    )


def test_plain_strings_lists_and_iso_text_build_the_model() -> None:
    snapshot = _a_snapshot_built_in_python()
    actor = snapshot.actors[1]
    assert_type(actor.municipalities, tuple[MunicipalityCode, ...])
    assert actor.municipalities == ("205",)
    assert snapshot.scope.municipalities == ("205", "765")
    assert_type(snapshot.scope.regions, tuple[RegionCode, ...])
    assert snapshot.scope.regions == ("18",)
    assert snapshot.groups[0].municipality == "205"
    assert snapshot.info.as_of == dt.date(2017, 10, 1)
    assert snapshot.grants[0].amount == Decimal("25000.00")
    assert snapshot.pools[0].amount == Decimal(100_000)


def test_strict_look_ups_give_values_not_optionals() -> None:
    geo = geography()
    code = geo.municipality_code("Kajaani", strict=True)
    assert_type(code, MunicipalityCode)
    maybe = geo.municipality_code("Kajaani")
    assert_type(maybe, MunicipalityCode | None)
    municipality = geo.municipality(code, strict=True)
    assert_type(municipality, Municipality)
    county = geo.county_code("Kainuun hyvinvointialue", strict=True)
    assert_type(county, CountyCode)
    assert (code, municipality.name_fi, county) == ("205", "Kajaani", "20")
    name: str = "Kajaani"  # any str, not only a MunicipalityCode
    assert geo.municipality(name) is None  # a name is not a code
    assert geo.region_of(code, dt.date(2017, 1, 1)) == "18"
    assert geo.municipalities["205"].name_fi == "Kajaani"  # the registries by a bare code
    assert geo.regions["18"].name_fi == "Kainuu"
    assert geo.counties[county].region == "18"


def test_edits_are_typed_by_the_class_asked_for() -> None:
    snapshot = lape.example()
    group = get_entity(snapshot, Group, "varkaus-lape")
    assert_type(group, Group)
    seated = evolve_entity(
        snapshot, Group, "varkaus-lape", members=[*group.members, Membership(actor="kuopio-srk")]
    )
    assert_type(seated, Snapshot)
    again = replace_entity(seated, group)
    assert again == snapshot
    parish = Actor(
        id="varkaus-srk",
        name="Varkauden seurakunta",
        kind=ActorKind.PARISH,
        municipalities=["Varkaus"],
    )
    with_parish = add_entity(snapshot, parish)
    assert remove_entity(with_parish, Actor, "varkaus-srk") == snapshot


def test_reports_and_what_ifs_are_typed() -> None:
    snapshot = lape.example()
    report = check(snapshot)
    assert_type(report, Report)
    findings = report.findings
    assert_type(findings, tuple[Finding, ...])
    smaller = default_parameters().override("pool.lape-regional-2016.amount", Decimal(1_000_000))
    after = check(snapshot, parameters=smaller)
    assert [f.rule for f in report.diff(after).new] == ["LAPE-F01"]
    copied: Report = pickle.loads(pickle.dumps(after))
    assert copied == after
    assert copy.deepcopy(snapshot) == snapshot
