"""Derived properties of the model's classes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from lape.model import (
    Actor,
    ActorKind,
    CountyCode,
    Grant,
    Group,
    GroupKind,
    Level,
    Membership,
    MunicipalityCode,
    NationalBody,
    Period,
    RegionCode,
    Responsibility,
    Service,
    TargetGroup,
    euros,
)

D = dt.date
M = MunicipalityCode
R = RegionCode
C = CountyCode
KIDS = frozenset({TargetGroup.CHILDREN})


# -- derived properties ------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "level"),
    [
        ({"kind": ActorKind.MINISTRY}, Level.NATIONAL),
        ({"kind": ActorKind.GOVERNMENT_AGENCY}, Level.NATIONAL),
        ({"kind": ActorKind.ASSOCIATION_OF_MUNICIPALITIES}, Level.NATIONAL),
        ({"kind": ActorKind.ORGANISATION, "body": NationalBody.STEA}, Level.NATIONAL),
        ({"kind": ActorKind.HOSPITAL_DISTRICT}, Level.REGIONAL),
        ({"kind": ActorKind.REGIONAL_COUNCIL}, Level.REGIONAL),
        ({"kind": ActorKind.WELLBEING_SERVICES_COUNTY}, Level.REGIONAL),
        ({"kind": ActorKind.COMPETENCE_CENTRE}, Level.REGIONAL),
        ({"kind": ActorKind.COUNTY_YOUTH_COUNCIL}, Level.REGIONAL),
        ({"kind": ActorKind.ORGANISATION, "region": "06"}, Level.REGIONAL),
        ({"kind": ActorKind.ORGANISATION, "county": "08"}, Level.REGIONAL),
        ({"kind": ActorKind.ORGANISATION, "region": "06", "municipalities": ("837",)}, Level.LOCAL),
        ({"kind": ActorKind.MUNICIPAL_BODY, "municipalities": ("837",)}, Level.LOCAL),
        ({"kind": ActorKind.PARISH}, Level.LOCAL),
        ({"kind": ActorKind.MINISTRY, "level": Level.LOCAL}, Level.LOCAL),
        ({"kind": ActorKind.PARISH, "level": Level.NATIONAL}, Level.NATIONAL),
    ],
)
def test_actor_working_level(kwargs: dict[str, Any], level: Level) -> None:
    assert Actor(id="a", name="A", **kwargs).working_level is level


def test_grant_actors_recipient_first_each_once() -> None:
    grant = Grant(
        id="g", pool="p", recipient="r", amount=euros(1), participants=("x", "r", "y", "x")
    )
    assert grant.actors == ("r", "x", "y")
    assert Grant(id="g", pool="p", recipient="r", amount=euros(1)).actors == ("r",)


@pytest.mark.parametrize(
    ("responsibility", "split"),
    [
        (frozenset(), False),
        (frozenset({Responsibility.MUNICIPALITY}), False),
        (frozenset({Responsibility.COUNTY}), False),
        (frozenset({Responsibility.MUNICIPALITY, Responsibility.COUNTY}), True),
        (
            frozenset({Responsibility.MUNICIPALITY, Responsibility.COUNTY, Responsibility.PARISH}),
            True,
        ),
        (frozenset({Responsibility.COUNTY, Responsibility.ORGANISATION}), False),
    ],
)
def test_service_is_split(responsibility: frozenset[Responsibility], split: bool) -> None:
    svc = Service(
        id="s",
        name="S",
        service_type="t",
        provider="a",
        target_groups=KIDS,
        responsibility=responsibility,
    )
    assert svc.is_split is split


def test_group_member_ids_as_of() -> None:
    group = Group(
        id="g",
        name="G",
        kind=GroupKind.MUNICIPAL,
        members=(
            Membership(actor="always"),
            Membership(actor="early", period=Period(start=D(2016, 1, 1), end=D(2016, 12, 31))),
            Membership(actor="late", period=Period(start=D(2017, 1, 1))),
            Membership(
                actor="wrong", period=Period.as_given(start=D(2017, 1, 1), end=D(2016, 1, 1))
            ),
        ),
    )
    assert group.member_ids() == ("always", "early", "late", "wrong")
    assert group.member_ids(D(2016, 6, 1)) == ("always", "early")
    assert group.member_ids(D(2017, 6, 1)) == ("always", "late")
    assert group.member_ids(D(2015, 6, 1)) == ("always",)
