"""The domain model: validators, periods, money, derived properties, the snapshot index.

The property tests draw snapshots from :mod:`lape.testing` and compare every
index look-up with a brute-force scan of the snapshot.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from lape.errors import ArgumentError
from lape.model import (
    Actor,
    ActorKind,
    ChangeAgent,
    CheckSettings,
    CoordinationLink,
    CountyCode,
    DevelopmentProject,
    EntityKind,
    FundingPool,
    Grant,
    Group,
    GroupKind,
    HealthSocialCentre,
    Interface,
    Involvement,
    Level,
    Mandate,
    Membership,
    MunicipalityCode,
    NationalBody,
    NetworkMember,
    Period,
    Priority,
    Reference,
    RegionCode,
    Responsibility,
    Scope,
    Sector,
    Service,
    ServiceNetwork,
    Severity,
    Snapshot,
    SnapshotInfo,
    TargetGroup,
    euros,
)
from lape.model._ids import ID_PATTERN
from lape.testing import (
    actors,
    change_agents,
    funding_pools,
    grants,
    groups,
    health_social_centres,
    mandates,
    memberships,
    money,
    periods,
    service_networks,
    services,
    snapshots,
)

D = dt.date
M = MunicipalityCode
R = RegionCode
C = CountyCode
KIDS = frozenset({TargetGroup.CHILDREN})

# -- one test per validator ----------------------------------------------------

VALID: dict[type, dict[str, Any]] = {
    Period: {"start": D(2017, 1, 1)},
    Actor: {"id": "a", "name": "A", "kind": ActorKind.PARISH},
    ChangeAgent: {
        "id": "ca",
        "name": "CA",
        "region": "06",
        "employment": Period(start=D(2017, 1, 1)),
    },
    FundingPool: {"id": "p", "name": "P"},
    Grant: {"id": "g", "pool": "p", "recipient": "a", "amount": Decimal("100.00")},
    DevelopmentProject: {"id": "dp", "name": "DP"},
    Membership: {"actor": "a"},
    Mandate: {},
    Group: {"id": "g", "name": "G", "kind": GroupKind.MUNICIPAL},
    HealthSocialCentre: {"id": "c", "name": "C", "county": "08"},
    NetworkMember: {"actor": "a"},
    Service: {"id": "s", "name": "S", "service_type": "t", "provider": "a", "target_groups": KIDS},
    Interface: {"service": "s"},
    CoordinationLink: {"actors": ("a", "b")},
    ServiceNetwork: {"id": "n", "name": "N"},
    SnapshotInfo: {},
    Scope: {},
    CheckSettings: {},
    Snapshot: {},
}


def _id_cases(cls: type, field: str) -> list[Any]:
    return [
        pytest.param(cls, field, 5, TypeError, id=f"{cls.__name__}.{field}-int"),
        pytest.param(cls, field, "-a", ValueError, id=f"{cls.__name__}.{field}-leading-dash"),
        pytest.param(cls, field, "", ValueError, id=f"{cls.__name__}.{field}-empty"),
        pytest.param(cls, field, "a b", ValueError, id=f"{cls.__name__}.{field}-space"),
    ]


def _case(cls: type, field: str, value: Any, exc: type[Exception], label: str) -> Any:
    return pytest.param(cls, field, value, exc, id=f"{cls.__name__}.{field}-{label}")


def _text(cls: type, field: str) -> Any:
    return _case(cls, field, b"bytes", TypeError, "bytes")


def _enum(cls: type, field: str, value: str) -> Any:
    return _case(cls, field, value, TypeError, "enum-value-as-str")


def _municipality(cls: type, field: str) -> list[Any]:
    return [
        _case(cls, field, 837.0, TypeError, "float"),
        _case(cls, field, "83", ValueError, "two-digits"),
        _case(cls, field, "Kajani", ValueError, "not-a-name"),
    ]


def _region(cls: type, field: str) -> list[Any]:
    return [
        _case(cls, field, 6.5, TypeError, "float"),
        _case(cls, field, "6", ValueError, "one-digit"),
    ]


def _county(cls: type, field: str) -> list[Any]:
    return [
        _case(cls, field, 8.5, TypeError, "float"),
        _case(cls, field, "100", ValueError, "three"),
    ]


def _period(cls: type, field: str) -> Any:
    return _case(cls, field, (D(2017, 1, 1), None), TypeError, "tuple")


def _date(cls: type, field: str) -> Any:
    return _case(cls, field, "1.1.2017", TypeError, "str")


def _bool(cls: type, field: str) -> list[Any]:
    return [_case(cls, field, "yes", TypeError, "str"), _case(cls, field, 1, TypeError, "int")]


def _money(cls: type, field: str) -> list[Any]:
    return [
        _case(cls, field, 0.5, TypeError, "float"),
        _case(cls, field, True, TypeError, "bool"),
        _case(cls, field, "5.001", ValueError, "str-sub-cent"),
        _case(cls, field, "five", ValueError, "str"),
        _case(cls, field, Decimal("0.001"), ValueError, "sub-cent"),
        _case(cls, field, Decimal("NaN"), ValueError, "nan"),
        _case(cls, field, Decimal("Infinity"), ValueError, "infinity"),
    ]


def _id_tuple(cls: type, field: str) -> list[Any]:
    return [
        _case(cls, field, "a", TypeError, "str"),
        _case(cls, field, {"a"}, TypeError, "set"),
        _case(cls, field, ("a", 5), TypeError, "int-member"),
        _case(cls, field, ("a", "-b"), ValueError, "bad-id-member"),
    ]


def _code_tuple(cls: type, field: str, bad: str) -> list[Any]:
    return [
        _case(cls, field, "837", TypeError, "str"),
        _case(cls, field, (bad,), ValueError, "bad-code-member"),
        _case(cls, field, (5.5,), TypeError, "float-member"),
    ]


def _enum_set(cls: type, field: str, member: object) -> list[Any]:
    return [
        _case(cls, field, member, TypeError, "member"),
        _case(cls, field, frozenset({"x"}), TypeError, "str-member"),
    ]


def _tuple_of(cls: type, field: str) -> list[Any]:
    return [
        _case(cls, field, set(), TypeError, "set"),
        _case(cls, field, ({"id": "x"},), TypeError, "mapping-member"),
    ]


CASES: list[Any] = [
    _date(Period, "start"),
    _case(Period, "start", None, TypeError, "none"),
    _date(Period, "end"),
    # Actor
    *_id_cases(Actor, "id"),
    _text(Actor, "name"),
    _enum(Actor, "kind", "parish"),
    *_enum_set(Actor, "sectors", Sector.CHURCH),
    *_code_tuple(Actor, "municipalities", "83"),
    *_region(Actor, "region"),
    *_county(Actor, "county"),
    *_id_cases(Actor, "hospital_district"),
    _enum(Actor, "body", "stm"),
    _enum(Actor, "level", "local"),
    *_id_tuple(Actor, "composed_of"),
    _period(Actor, "period"),
    # ChangeAgent
    *_id_cases(ChangeAgent, "id"),
    _text(ChangeAgent, "name"),
    *_region(ChangeAgent, "region"),
    _case(ChangeAgent, "region", None, TypeError, "none"),
    *_id_cases(ChangeAgent, "project_area"),
    *_id_cases(ChangeAgent, "employer"),
    *_code_tuple(ChangeAgent, "employer_chosen_by", "8370"),
    *_id_cases(ChangeAgent, "salary_payer"),
    *_id_cases(ChangeAgent, "pool"),
    _period(ChangeAgent, "employment"),
    _case(ChangeAgent, "employment", None, TypeError, "none"),
    # FundingPool
    *_id_cases(FundingPool, "id"),
    _text(FundingPool, "name"),
    _enum(FundingPool, "kind", "state_subsidy"),
    _enum(FundingPool, "programme", "lape"),
    *_money(FundingPool, "amount"),
    *_id_cases(FundingPool, "payer"),
    _text(FundingPool, "purpose"),
    _period(FundingPool, "call"),
    _period(FundingPool, "costs"),
    *_bool(FundingPool, "self_financing"),
    _text(FundingPool, "source"),
    # Grant
    *_id_cases(Grant, "id"),
    *_id_cases(Grant, "pool"),
    *_id_cases(Grant, "recipient"),
    *_money(Grant, "amount"),
    _case(Grant, "amount", None, TypeError, "none"),
    *_id_tuple(Grant, "participants"),
    _text(Grant, "purpose"),
    *_enum_set(Grant, "target_groups", TargetGroup.CHILDREN),
    _enum(Grant, "programme", "lape"),
    *_enum_set(Grant, "priorities", Priority.CHILD_PROTECTION),
    _case(Grant, "priorities", None, TypeError, "none"),
    *_region(Grant, "region"),
    *_id_cases(Grant, "project_area"),
    _date(Grant, "decided"),
    _period(Grant, "costs"),
    *_id_cases(Grant, "project"),
    # DevelopmentProject
    *_id_cases(DevelopmentProject, "id"),
    _text(DevelopmentProject, "name"),
    *_id_cases(DevelopmentProject, "project_area"),
    *_region(DevelopmentProject, "region"),
    *_id_cases(DevelopmentProject, "lead"),
    *_id_tuple(DevelopmentProject, "consortium"),
    *_enum_set(DevelopmentProject, "priorities", Priority.CHILD_PROTECTION),
    _period(DevelopmentProject, "period"),
    # Membership, Mandate, Group
    *_id_cases(Membership, "actor"),
    _enum(Membership, "role", "member"),
    _period(Membership, "period"),
    *_municipality(Mandate, "municipality"),
    *_region(Mandate, "region"),
    _date(Mandate, "decided"),
    _text(Mandate, "decision"),
    *_bool(Mandate, "existing_group"),
    _case(Mandate, "existing_group", None, TypeError, "none"),
    *_id_cases(Group, "id"),
    _text(Group, "name"),
    _enum(Group, "kind", "municipal"),
    *_municipality(Group, "municipality"),
    *_region(Group, "region"),
    *_id_cases(Group, "project_area"),
    *_tuple_of(Group, "members"),
    _case(Group, "mandate", {"region": "06"}, TypeError, "mapping"),
    *_id_tuple(Group, "cooperates_with"),
    _period(Group, "period"),
    # services
    *_id_cases(HealthSocialCentre, "id"),
    _text(HealthSocialCentre, "name"),
    *_county(HealthSocialCentre, "county"),
    *_id_cases(NetworkMember, "actor"),
    _text(NetworkMember, "role"),
    _period(NetworkMember, "period"),
    *_enum_set(NetworkMember, "involvement", Involvement.PLANNING),
    *_id_cases(Service, "id"),
    _text(Service, "name"),
    *_id_cases(Service, "service_type"),
    *_id_cases(Service, "provider"),
    *_enum_set(Service, "target_groups", TargetGroup.CHILDREN),
    _case(Service, "target_groups", None, TypeError, "none"),
    _enum(Service, "sector", "social_health"),
    *_enum_set(Service, "responsibility", Responsibility.COUNTY),
    *_municipality(Service, "municipality"),
    _enum(Interface, "target_group", "children"),
    *_municipality(Interface, "municipality"),
    *_county(Interface, "county"),
    *_id_tuple(Interface, "municipal_services"),
    *_id_tuple(Interface, "county_services"),
    *_id_cases(Interface, "service"),
    _text(Interface, "description"),
    _case(CoordinationLink, "actors", "ab", TypeError, "str"),
    _case(CoordinationLink, "actors", ("a", 5), TypeError, "int-member"),
    _case(CoordinationLink, "actors", ("a", "-b"), ValueError, "bad-id-member"),
    _case(CoordinationLink, "actors", ("a",), ValueError, "one-actor"),
    _case(CoordinationLink, "actors", ("a", "b", "c"), ValueError, "three-actors"),
    _case(CoordinationLink, "actors", (), ValueError, "no-actors"),
    _text(CoordinationLink, "description"),
    *_id_cases(ServiceNetwork, "id"),
    _text(ServiceNetwork, "name"),
    _enum(ServiceNetwork, "kind", "family_centre"),
    *_county(ServiceNetwork, "county"),
    *_id_cases(ServiceNetwork, "centre"),
    *_id_tuple(ServiceNetwork, "leads"),
    *_tuple_of(ServiceNetwork, "members"),
    *_tuple_of(ServiceNetwork, "services"),
    *_tuple_of(ServiceNetwork, "interfaces"),
    *_tuple_of(ServiceNetwork, "coordination"),
    _period(ServiceNetwork, "period"),
    # snapshot
    _text(SnapshotInfo, "title"),
    _text(SnapshotInfo, "description"),
    _date(SnapshotInfo, "as_of"),
    *_bool(SnapshotInfo, "illustrative"),
    *_code_tuple(Scope, "regions", "6"),
    *_code_tuple(Scope, "counties", "100"),
    *_code_tuple(Scope, "municipalities", "83"),
    _case(CheckSettings, "select", "LAPE-G01", TypeError, "str"),
    _case(CheckSettings, "select", ("LAPE-G01", 5), TypeError, "int-member"),
    _case(CheckSettings, "ignore", "LAPE-G01", TypeError, "str"),
    _case(CheckSettings, "ignore", (None,), TypeError, "none-member"),
    _case(CheckSettings, "severity", {"LAPE-G01": "warn"}, TypeError, "str-value"),
    _case(CheckSettings, "severity", ["LAPE-G01"], TypeError, "list"),
    _case(CheckSettings, "severity", {5: Severity.ERROR}, TypeError, "int-key"),
    _case(Snapshot, "info", {"title": "x"}, TypeError, "mapping"),
    _case(Snapshot, "scope", None, TypeError, "none"),
    *_tuple_of(Snapshot, "actors"),
    *_tuple_of(Snapshot, "groups"),
    *_tuple_of(Snapshot, "change_agents"),
    *_tuple_of(Snapshot, "pools"),
    *_tuple_of(Snapshot, "grants"),
    *_tuple_of(Snapshot, "projects"),
    *_tuple_of(Snapshot, "centres"),
    *_tuple_of(Snapshot, "networks"),
    _case(Snapshot, "checks", {"select": []}, TypeError, "mapping"),
    *_tuple_of(Snapshot, "surveys"),
]


@pytest.mark.parametrize(("cls", "field", "value", "exc"), CASES)
def test_validator_rejects(cls: type, field: str, value: object, exc: type[Exception]) -> None:
    """Each refusal is an ArgumentError (a LapeError, TypeError and ValueError) whose
    one-line message names the class and the field: never attrs' raw tuple."""
    with pytest.raises(exc) as refused:
        cls(**{**VALID[cls], field: value})
    error = refused.value
    assert isinstance(error, ArgumentError)
    assert error.argument.startswith(f"{cls.__name__}.{field}")
    assert len(error.args) == 1
    assert "Attribute(" not in str(error)
    assert "\n" not in str(error)


@pytest.mark.parametrize("cls", list(VALID), ids=lambda c: c.__name__)
def test_valid_base_builds(cls: type) -> None:
    cls(**VALID[cls])


def test_every_validated_field_has_a_case() -> None:
    covered = {(p.values[0], p.values[1]) for p in CASES}
    validated = {
        (cls, f.name) for cls in VALID for f in attrs.fields(cls) if f.validator is not None
    }
    assert validated - covered == set()


def _optional_fields() -> list[Any]:
    return [
        pytest.param(cls, f.name, id=f"{cls.__name__}.{f.name}")
        for cls in VALID
        for f in attrs.fields(cls)
        if f.default is None
    ]


@pytest.mark.parametrize(("cls", "field"), _optional_fields())
def test_optional_field_accepts_none(cls: type, field: str) -> None:
    built = cls(**{**VALID[cls], field: None})
    assert getattr(built, field) is None


def test_id_and_code_messages_name_the_class_and_the_field() -> None:
    with pytest.raises(ArgumentError, match=r"^Actor.id: expected an ID: .*, not '-a'$"):
        Actor(id="-a", name="A", kind=ActorKind.PARISH)
    with pytest.raises(
        ArgumentError, match=r"^Group.region: expected text \(a region\), not float 6.5$"
    ):
        Group(id="g", name="G", kind=GroupKind.REGIONAL, region=6.5)  # type: ignore[arg-type]
    with pytest.raises(
        ArgumentError, match=r"^FundingPool.amount: an amount of euros has at most two decimals"
    ):
        FundingPool(id="p", name="P", amount=Decimal("1.005"))
    with pytest.raises(
        ArgumentError,
        match=r"^CoordinationLink.actors: a coordination link joins exactly two actors, not 3$",
    ):
        CoordinationLink(actors=("a", "b", "c"))


@pytest.mark.parametrize(
    "value", ["tampere-sote", "grant:2017/12", "a", "0", "Äänekoski_1.x", "kunta/837"]
)
def test_valid_ids(value: str) -> None:
    assert Actor(id=value, name="A", kind=ActorKind.PARISH).id == value


@pytest.mark.parametrize("value", ["_a", ".a", "a b", "a\n", "a,b", "a#b", "ä!"])
def test_invalid_ids(value: str) -> None:
    with pytest.raises(ValueError, match="expected an ID"):
        Actor(id=value, name="A", kind=ActorKind.PARISH)


def test_municipality_code_is_ascii_digits() -> None:
    with pytest.raises(ValueError, match="unknown municipality '٨٣٧'"):
        Actor(id="a", name="A", kind=ActorKind.PARISH, municipalities=(MunicipalityCode("٨٣٧"),))


# -- periods ---------------------------------------------------------------------

TERM = Period(start=D(2016, 1, 1), end=D(2018, 12, 31))
OPEN = Period(start=D(2020, 1, 1))
INVERTED = Period.as_given(start=D(2018, 1, 1), end=D(2017, 1, 1))


def test_period_contains() -> None:
    assert TERM.contains(D(2016, 1, 1))
    assert TERM.contains(D(2018, 12, 31))
    assert not TERM.contains(D(2015, 12, 31))
    assert not TERM.contains(D(2019, 1, 1))
    assert OPEN.contains(D(2999, 1, 1))
    assert not OPEN.contains(D(2019, 12, 31))


def test_one_day_period() -> None:
    day = Period(start=D(2017, 6, 1), end=D(2017, 6, 1))
    assert day.contains(D(2017, 6, 1))
    assert not day.is_inverted
    assert TERM.covers(day)
    assert day.overlaps(TERM)


def test_period_covers() -> None:
    assert TERM.covers(Period(start=D(2017, 1, 1), end=D(2017, 12, 31)))
    assert TERM.covers(TERM)
    assert not TERM.covers(Period(start=D(2017, 1, 1)))
    assert not TERM.covers(Period(start=D(2015, 1, 1), end=D(2017, 1, 1)))
    assert not TERM.covers(Period(start=D(2018, 1, 1), end=D(2019, 1, 1)))
    assert OPEN.covers(Period(start=D(2021, 1, 1)))
    assert OPEN.covers(Period(start=D(2021, 1, 1), end=D(2022, 1, 1)))
    assert not OPEN.covers(TERM)


def test_period_overlaps() -> None:
    assert TERM.overlaps(Period(start=D(2018, 12, 31), end=D(2019, 6, 1)))
    assert not TERM.overlaps(Period(start=D(2019, 1, 1), end=D(2019, 6, 1)))
    assert not TERM.overlaps(OPEN)
    assert OPEN.overlaps(Period(start=D(2000, 1, 1)))
    assert OPEN.overlaps(Period(start=D(2019, 1, 1), end=D(2020, 1, 1)))
    assert not OPEN.overlaps(Period(start=D(2019, 1, 1), end=D(2019, 12, 31)))


def test_inverted_period_is_representable_and_empty() -> None:
    assert INVERTED.is_inverted
    assert not TERM.is_inverted
    assert not OPEN.is_inverted
    assert not INVERTED.contains(D(2017, 6, 1))
    assert not INVERTED.contains(D(2018, 1, 1))
    assert not TERM.covers(INVERTED)
    assert not INVERTED.covers(INVERTED)
    assert not INVERTED.overlaps(TERM)
    assert not TERM.overlaps(INVERTED)


def test_period_open_and_str() -> None:
    assert OPEN.is_open
    assert not TERM.is_open
    assert str(TERM) == "2016-01-01..2018-12-31"
    assert str(OPEN) == "2020-01-01.."


def test_period_equality_and_hash() -> None:
    assert Period(start=D(2016, 1, 1), end=D(2018, 12, 31)) == TERM
    assert hash(Period(start=D(2016, 1, 1), end=D(2018, 12, 31))) == hash(TERM)
    with pytest.raises(TypeError):
        Period(D(2016, 1, 1))  # type: ignore[call-arg]


def test_period_refuses_datetime() -> None:
    with pytest.raises(TypeError):
        Period(start=dt.datetime(2017, 1, 1, 12, 0))


@given(periods(), st.dates())
def test_contains_agrees_with_bounds(period: Period, day: dt.date) -> None:
    expected = period.start <= day and (period.end is None or day <= period.end)
    assert period.contains(day) == expected


@given(periods(allow_inverted=True), periods(allow_inverted=True))
def test_covers_and_overlaps_agree_with_days(a: Period, b: Period) -> None:
    if a.covers(b):
        assert a.overlaps(b)
        assert a.contains(b.start)
        if b.end is not None:
            assert a.contains(b.end)
    assert a.overlaps(b) == b.overlaps(a)
    if a.is_inverted or b.is_inverted:
        assert not a.overlaps(b)
        assert not a.covers(b)


# -- money -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("19000000.50", Decimal("19000000.50")),
        (" 12.5 ", Decimal("12.5")),
        (250, Decimal("250")),
        (Decimal("0.01"), Decimal("0.01")),
        ("12.000", Decimal("12")),
        ("-5", Decimal("-5")),
        ("1E+3", Decimal("1000")),
    ],
)
def test_euros_accepts(value: str | int | Decimal, expected: Decimal) -> None:
    amount = euros(value)
    assert isinstance(amount, Decimal)
    assert amount == expected


def test_euros_keeps_the_written_precision() -> None:
    assert str(euros("19000000.50")) == "19000000.50"
    assert str(euros(250)) == "250"


@pytest.mark.parametrize("value", [0.1, 1.0, True, None, [1]])
def test_euros_refuses_floats_and_non_numbers(value: Any) -> None:
    with pytest.raises(TypeError, match="money must be given as a string, an integer or a Decimal"):
        euros(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0.001", "an amount of euros has at most two decimals (cents), not 0.001"),
        ("1E-5", "an amount of euros has at most two decimals (cents), not 0.00001"),
        ("NaN", "an amount of euros must be finite, not NaN"),
        ("Infinity", "an amount of euros must be finite, not Infinity"),
        ("twelve", "not an amount of euros: 'twelve'"),
        ("1 000", "not an amount of euros: '1 000'"),
        ("", "not an amount of euros: ''"),
    ],
)
def test_euros_refuses_bad_amounts(value: str, message: str) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        euros(value)


def test_euros_huge_sub_cent_amount_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="at most two decimals"):
        euros("1234567890123456789012345678.001")
    assert euros("123456789012345678.000") == Decimal("123456789012345678")
    with pytest.raises(ValueError, match="less than 1,000,000,000,000,000,000"):
        euros("1234567890123456789012345678.000")


@given(money())
def test_money_strategy_gives_euros(amount: Decimal) -> None:
    assert isinstance(amount, Decimal)
    assert amount >= Decimal("0.01")
    assert euros(amount) == amount
    assert amount == amount.quantize(Decimal("0.01"))


@given(money(min_value=-5, max_value="5.00"))
def test_money_strategy_bounds(amount: Decimal) -> None:
    assert Decimal(-5) <= amount <= Decimal(5)


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


# -- the snapshot and its index ------------------------------------------------------


def _svc(sid: str, provider: str) -> Service:
    return Service(id=sid, name=sid, service_type="t", provider=provider, target_groups=KIDS)


@pytest.fixture
def snapshot() -> Snapshot:
    return Snapshot(
        info=SnapshotInfo(title="Test"),
        actors=(
            Actor(id="a", name="A", kind=ActorKind.PARISH, municipalities=(M("837"), M("211"))),
            Actor(id="b", name="B", kind=ActorKind.ORGANISATION, composed_of=("a", "ghost")),
            Actor(id="stm", name="STM", kind=ActorKind.MINISTRY, body=NationalBody.STM),
            Actor(id="a", name="A again", kind=ActorKind.OTHER, municipalities=(M("837"),)),
        ),
        groups=(
            Group(
                id="g1",
                name="G1",
                kind=GroupKind.MUNICIPAL,
                municipality=M("837"),
                members=(Membership(actor="a"), Membership(actor="b"), Membership(actor="a")),
                cooperates_with=("g2",),
            ),
            Group(
                id="g2",
                name="G2",
                kind=GroupKind.REGIONAL,
                region=R("06"),
                members=(Membership(actor="b"), Membership(actor="nobody")),
                cooperates_with=("g2", "g3"),
            ),
            Group(id="g3", name="G3", kind=GroupKind.NATIONAL, region=R("06")),
        ),
        change_agents=(
            ChangeAgent(
                id="ca",
                name="CA",
                region=R("06"),
                employer="b",
                salary_payer="stm",
                pool="lape-agents-2019",
                employment=Period(start=D(2016, 10, 1), end=D(2018, 12, 31)),
            ),
        ),
        pools=(FundingPool(id="p1", name="P1", payer="stm", amount=euros("1000.00")),),
        grants=(
            Grant(id="gr1", pool="p1", recipient="a", amount=euros(10), participants=("b",)),
            Grant(id="gr2", pool="lape-regional-2016", recipient="b", amount=euros(20)),
            Grant(id="gr1", pool="p1", recipient="stm", amount=euros(30)),
        ),
        centres=(HealthSocialCentre(id="c1", name="C1", county=C("08")),),
        networks=(
            ServiceNetwork(
                id="n1",
                name="N1",
                county=C("08"),
                centre="c1",
                leads=("a",),
                members=(NetworkMember(actor="b"), NetworkMember(actor="a")),
                services=(_svc("s1", "a"), _svc("s2", "b")),
                interfaces=(Interface(service="s2"), Interface(service="s9")),
                coordination=(CoordinationLink(actors=("a", "b")),),
            ),
            ServiceNetwork(
                id="n2",
                name="N2",
                centre="c2",
                members=(NetworkMember(actor="stm"),),
                services=(_svc("s3", "zed"), _svc("s1", "b")),
            ),
        ),
    )


def test_snapshot_repr(snapshot: Snapshot) -> None:
    assert repr(snapshot) == (
        "<Snapshot 'Test': 4 actors, 3 groups, 1 change agent, 1 pool, 3 grants, "
        "1 centre, 2 networks>"
    )
    assert repr(Snapshot()) == "<Snapshot: empty>"
    two_agents = Snapshot(change_agents=snapshot.change_agents * 2)
    assert repr(two_agents) == "<Snapshot: 2 change agents>"


def test_snapshot_counts(snapshot: Snapshot) -> None:
    assert snapshot.counts() == {
        "actor": 4,
        "group": 3,
        "change_agent": 1,
        "pool": 1,
        "grant": 3,
        "centre": 1,
        "network": 2,
    }
    assert Snapshot().counts() == {}


def test_index_is_built_once(snapshot: Snapshot) -> None:
    assert snapshot.index is snapshot.index
    assert snapshot.index.snapshot is snapshot


def test_lookups_by_id(snapshot: Snapshot) -> None:
    index = snapshot.index
    actor = index.actor("a")
    assert actor is not None
    assert actor.name == "A"  # the first of two with this ID
    assert index.actor("zzz") is None
    assert index.group("g2") is snapshot.groups[1]
    assert index.group("zzz") is None
    assert index.change_agent("ca") is snapshot.change_agents[0]
    assert index.change_agent("zzz") is None
    assert index.pool("p1") is snapshot.pools[0]
    assert index.pool("lape-regional-2016") is None  # reference pools are not the snapshot's
    assert index.grant("gr1") is snapshot.grants[0]
    assert index.grant("zzz") is None
    assert index.centre("c1") is snapshot.centres[0]
    assert index.centre("c2") is None
    assert index.network("n2") is snapshot.networks[1]
    assert index.network("zzz") is None
    assert index.service("s2") is snapshot.networks[0].services[1]
    assert index.service("s3") is snapshot.networks[1].services[0]
    assert index.service("s1") is snapshot.networks[0].services[0]
    assert index.service("zzz") is None


def test_relations(snapshot: Snapshot) -> None:
    index = snapshot.index
    g1, g2, g3 = snapshot.groups
    assert list(index.groups_of_actor("a")) == [g1]  # seated twice in g1, listed once
    assert list(index.groups_of_actor("b")) == [g1, g2]
    assert list(index.groups_of_actor("nobody")) == [g2]
    assert list(index.groups_of_actor("stm")) == []
    assert list(index.groups_of_region("06")) == [g2, g3]
    assert list(index.groups_of_region("01")) == []
    assert list(index.groups_of_municipality("837")) == [g1]
    assert list(index.groups_of_municipality("091")) == []
    a1, _, _, a2 = snapshot.actors
    assert list(index.actors_of_municipality("837")) == [a1, a2]
    assert list(index.actors_of_municipality("211")) == [a1]
    assert list(index.actors_of_municipality("091")) == []
    assert list(index.change_agents_of_region("06")) == list(snapshot.change_agents)
    assert list(index.change_agents_of_region("01")) == []


def test_grants_of_pool_and_actor(snapshot: Snapshot) -> None:
    index = snapshot.index
    gr1, gr2, gr1b = snapshot.grants
    assert list(index.grants_of_pool("p1")) == [gr1, gr1b]
    assert list(index.grants_of_pool("lape-regional-2016")) == [gr2]
    assert list(index.grants_of_pool("zzz")) == []
    assert list(index.grants_of_actor("a")) == [gr1]
    assert list(index.grants_of_actor("b")) == [gr1, gr2]  # participant, then recipient
    assert list(index.grants_of_actor("stm")) == [gr1b]
    assert list(index.grants_of_actor("zzz")) == []


def test_networks_of_county_and_actor(snapshot: Snapshot) -> None:
    index = snapshot.index
    n1, n2 = snapshot.networks
    assert list(index.networks_of_county("08")) == [n1]
    assert list(index.networks_of_county("90")) == []
    assert list(index.networks_of_actor("a")) == [n1]  # lead and member: listed once
    assert list(index.networks_of_actor("b")) == [n1]
    assert list(index.networks_of_actor("stm")) == [n2]
    assert list(index.networks_of_actor("zed")) == []  # a provider only is not involved


def test_cooperation_is_symmetric(snapshot: Snapshot) -> None:
    index = snapshot.index
    assert index.cooperation_of("g1") == {"g2"}
    assert index.cooperation_of("g2") == {"g1", "g3"}  # its own ID is left out
    assert index.cooperation_of("g3") == {"g2"}  # named only on g2's side
    assert index.cooperation_of("zzz") == frozenset()


def test_path_and_position(snapshot: Snapshot) -> None:
    index = snapshot.index
    assert index.path(EntityKind.ACTOR, "a") == "actors[0]"
    assert index.path(EntityKind.ACTOR, "stm") == "actors[2]"
    assert index.path(EntityKind.GROUP, "g3") == "groups[2]"
    assert index.path(EntityKind.CHANGE_AGENT, "ca") == "change_agents[0]"
    assert index.path(EntityKind.POOL, "p1") == "pools[0]"
    assert index.path(EntityKind.GRANT, "gr2") == "grants[1]"
    assert index.path(EntityKind.CENTRE, "c1") == "centres[0]"
    assert index.path(EntityKind.NETWORK, "n2") == "networks[1]"
    assert index.path(EntityKind.SERVICE, "s2") == "networks[0].services[1]"
    assert index.path(EntityKind.SERVICE, "s3") == "networks[1].services[0]"
    assert index.path(EntityKind.SERVICE, "s1") == "networks[0].services[0]"
    for kind in EntityKind:
        assert index.path(kind, "zzz") is None
        assert index.position(kind, "zzz") is None
        assert index.entity(kind, "zzz") is None
        assert not index.has(kind, "zzz")
    assert index.entity(EntityKind.SERVICE, "s3") is snapshot.networks[1].services[0]
    assert index.has(EntityKind.SERVICE, "s3")
    assert index.entity(EntityKind.ACTOR, "a") is snapshot.actors[0]
    assert not index.has(EntityKind.POOL, "lape-regional-2016")
    assert index.position(EntityKind.GRANT, "gr1") == 0
    assert index.position(EntityKind.SERVICE, "s3") == 2  # numbered across networks


def test_service_path_with_duplicate_network_ids() -> None:
    s = Snapshot(
        networks=(
            ServiceNetwork(id="n", name="first"),
            ServiceNetwork(id="n", name="second", services=(_svc("s", "a"),)),
        )
    )
    assert s.index.path(EntityKind.SERVICE, "s") == "networks[1].services[0]"


def test_duplicates_for_each_kind() -> None:
    pool = FundingPool(id="p", name="P")
    s = Snapshot(
        actors=(
            Actor(id="a", name="1", kind=ActorKind.PARISH),
            Actor(id="b", name="2", kind=ActorKind.PARISH),
            Actor(id="a", name="3", kind=ActorKind.PARISH),
            Actor(id="a", name="4", kind=ActorKind.PARISH),
        ),
        groups=(Group(id="g", name="G", kind=GroupKind.OTHER),) * 2,
        change_agents=(
            ChangeAgent(id="c", name="C", region=R("06"), employment=Period(start=D(2017, 1, 1))),
        )
        * 2,
        pools=(pool, pool),
        grants=(Grant(id="x", pool="p", recipient="a", amount=euros(1)),) * 2,
        centres=(HealthSocialCentre(id="hc", name="HC", county=C("08")),) * 2,
        networks=(
            ServiceNetwork(id="n", name="N1", services=(_svc("s", "a"), _svc("t", "a"))),
            ServiceNetwork(id="m", name="N2", services=(_svc("u", "a"), _svc("s", "a"))),
            ServiceNetwork(id="n", name="N3"),
        ),
    )
    assert s.index.duplicates() == {
        EntityKind.ACTOR: {"a": (0, 2, 3)},
        EntityKind.GROUP: {"g": (0, 1)},
        EntityKind.CHANGE_AGENT: {"c": (0, 1)},
        EntityKind.POOL: {"p": (0, 1)},
        EntityKind.GRANT: {"x": (0, 1)},
        EntityKind.CENTRE: {"hc": (0, 1)},
        EntityKind.NETWORK: {"n": (0, 2)},
        EntityKind.SERVICE: {"s": (0, 3)},  # numbered across networks
    }
    assert Snapshot().index.duplicates() == {}
    paths = s.index.duplicate_paths()
    assert paths[EntityKind.ACTOR] == {"a": ("actors[0]", "actors[2]", "actors[3]")}
    assert paths[EntityKind.SERVICE] == {
        "s": ("networks[0].services[0]", "networks[1].services[1]")
    }
    assert s.index.ids(EntityKind.ACTOR) == ("a", "b")  # distinct, in input order
    assert s.index.ids(EntityKind.SERVICE) == ("s", "t", "u")
    assert s.index.path(EntityKind.SERVICE, "u") == "networks[1].services[0]"


def test_same_id_in_different_kinds_is_no_duplicate() -> None:
    s = Snapshot(
        actors=(Actor(id="x", name="X", kind=ActorKind.PARISH),),
        groups=(Group(id="x", name="X", kind=GroupKind.OTHER),),
        pools=(FundingPool(id="x", name="X"),),
    )
    assert s.index.duplicates() == {}


def test_references(snapshot: Snapshot) -> None:
    A, G, P, C, S = (  # noqa: N806 - short names keep the table readable
        EntityKind.ACTOR,
        EntityKind.GROUP,
        EntityKind.POOL,
        EntityKind.CENTRE,
        EntityKind.SERVICE,
    )
    GR, CA, N = EntityKind.GRANT, EntityKind.CHANGE_AGENT, EntityKind.NETWORK  # noqa: N806
    assert list(snapshot.index.references()) == [
        Reference("actors[1].composed_of[0]", A, "b", A, "a"),
        Reference("actors[1].composed_of[1]", A, "b", A, "ghost"),
        Reference("groups[0].members[0].actor", G, "g1", A, "a"),
        Reference("groups[0].members[1].actor", G, "g1", A, "b"),
        Reference("groups[0].members[2].actor", G, "g1", A, "a"),
        Reference("groups[0].cooperates_with[0]", G, "g1", G, "g2"),
        Reference("groups[1].members[0].actor", G, "g2", A, "b"),
        Reference("groups[1].members[1].actor", G, "g2", A, "nobody"),
        Reference("groups[1].cooperates_with[0]", G, "g2", G, "g2"),
        Reference("groups[1].cooperates_with[1]", G, "g2", G, "g3"),
        Reference("change_agents[0].employer", CA, "ca", A, "b"),
        Reference("change_agents[0].salary_payer", CA, "ca", A, "stm"),
        Reference("change_agents[0].pool", CA, "ca", P, "lape-agents-2019"),
        Reference("pools[0].payer", P, "p1", A, "stm"),
        Reference("grants[0].pool", GR, "gr1", P, "p1"),
        Reference("grants[0].recipient", GR, "gr1", A, "a"),
        Reference("grants[0].participants[0]", GR, "gr1", A, "b"),
        Reference("grants[1].pool", GR, "gr2", P, "lape-regional-2016"),
        Reference("grants[1].recipient", GR, "gr2", A, "b"),
        Reference("grants[2].pool", GR, "gr1", P, "p1"),
        Reference("grants[2].recipient", GR, "gr1", A, "stm"),
        Reference("networks[0].centre", N, "n1", C, "c1"),
        Reference("networks[0].leads[0]", N, "n1", A, "a"),
        Reference("networks[0].members[0].actor", N, "n1", A, "b"),
        Reference("networks[0].members[1].actor", N, "n1", A, "a"),
        Reference("networks[0].services[0].provider", S, "s1", A, "a"),
        Reference("networks[0].services[1].provider", S, "s2", A, "b"),
        Reference("networks[0].interfaces[0].service", N, "n1", S, "s2"),
        Reference("networks[0].interfaces[1].service", N, "n1", S, "s9"),
        Reference("networks[0].coordination[0].actors[0]", N, "n1", A, "a"),
        Reference("networks[0].coordination[0].actors[1]", N, "n1", A, "b"),
        Reference("networks[1].centre", N, "n2", C, "c2"),
        Reference("networks[1].members[0].actor", N, "n2", A, "stm"),
        Reference("networks[1].services[0].provider", S, "s3", A, "zed"),
        Reference("networks[1].services[1].provider", S, "s1", A, "b"),
    ]


def test_dangling_references(snapshot: Snapshot) -> None:
    dangling = [(r.path, r.target) for r in snapshot.index.dangling_references()]
    assert dangling == [
        ("actors[1].composed_of[1]", "ghost"),
        ("groups[1].members[1].actor", "nobody"),
        ("change_agents[0].pool", "lape-agents-2019"),
        ("grants[1].pool", "lape-regional-2016"),
        ("networks[0].interfaces[1].service", "s9"),
        ("networks[1].centre", "c2"),
        ("networks[1].services[0].provider", "zed"),
    ]


def test_dangling_references_with_known_pools(snapshot: Snapshot) -> None:
    known = ["lape-regional-2016", "lape-agents-2019", "ghost"]
    dangling = [(r.path, r.target) for r in snapshot.index.dangling_references(known)]
    assert dangling == [
        ("actors[1].composed_of[1]", "ghost"),  # known_pools only excuses pools
        ("groups[1].members[1].actor", "nobody"),
        ("networks[0].interfaces[1].service", "s9"),
        ("networks[1].centre", "c2"),
        ("networks[1].services[0].provider", "zed"),
    ]


def test_dangling_references_accepts_any_iterable(snapshot: Snapshot) -> None:
    known = (p for p in ("lape-regional-2016",))
    paths = [r.path for r in snapshot.index.dangling_references(known_pools=known)]
    assert "grants[1].pool" not in paths
    assert "change_agents[0].pool" in paths


# -- property tests: the index against a brute-force scan --------------------------

_LISTS: Mapping[EntityKind, str] = {
    EntityKind.ACTOR: "actors",
    EntityKind.GROUP: "groups",
    EntityKind.CHANGE_AGENT: "change_agents",
    EntityKind.POOL: "pools",
    EntityKind.GRANT: "grants",
    EntityKind.PROJECT: "projects",
    EntityKind.CENTRE: "centres",
    EntityKind.NETWORK: "networks",
    EntityKind.SURVEY: "surveys",
}


def _entities(s: Snapshot, kind: EntityKind) -> list[Any]:
    if kind is EntityKind.SERVICE:
        return [svc for n in s.networks for svc in n.services]
    return list(getattr(s, _LISTS[kind]))


def _resolve(root: object, path: str) -> Any:
    """Follow a path such as ``networks[1].services[0].provider`` from ``root``."""
    value: Any = root
    for part in path.split("."):
        m = re.fullmatch(r"(\w+)((?:\[\d+\])*)", part)
        assert m is not None, path
        value = getattr(value, m.group(1))
        for index in re.findall(r"\[(\d+)\]", m.group(2)):
            value = value[int(index)]
    return value


def _doubled(s: Snapshot) -> Snapshot:
    """The snapshot with every list repeated: every ID is then used twice."""
    return attrs.evolve(
        s,
        actors=s.actors * 2,
        groups=s.groups * 2,
        change_agents=s.change_agents * 2,
        pools=s.pools * 2,
        grants=s.grants * 2,
        projects=s.projects * 2,
        centres=s.centres * 2,
        networks=s.networks * 2,
        surveys=s.surveys * 2,
    )


def _check_index_against_scan(s: Snapshot) -> None:
    index = s.index
    lookups: dict[EntityKind, Callable[[str], Any]] = {
        EntityKind.ACTOR: index.actor,
        EntityKind.GROUP: index.group,
        EntityKind.CHANGE_AGENT: index.change_agent,
        EntityKind.POOL: index.pool,
        EntityKind.GRANT: index.grant,
        EntityKind.PROJECT: index.project,
        EntityKind.CENTRE: index.centre,
        EntityKind.NETWORK: index.network,
        EntityKind.SERVICE: index.service,
        EntityKind.SURVEY: index.survey,
    }
    for kind, lookup in lookups.items():
        entities = _entities(s, kind)
        for entity in entities:
            first = next(e for e in entities if e.id == entity.id)
            assert lookup(entity.id) is first
            assert index.entity(kind, entity.id) is first
            assert index.has(kind, entity.id)
            path = index.path(kind, entity.id)
            assert path is not None
            if kind is not EntityKind.SERVICE:
                assert _resolve(s, path) is first
                assert index.position(kind, entity.id) == entities.index(first)
    actor_ids = {a.id for a in s.actors} | {r.target for r in index.references()}
    for actor_id in actor_ids:
        assert list(index.groups_of_actor(actor_id)) == [
            g for g in s.groups if actor_id in {m.actor for m in g.members}
        ]
        assert list(index.grants_of_actor(actor_id)) == [
            g for g in s.grants if actor_id == g.recipient or actor_id in g.participants
        ]
        assert list(index.networks_of_actor(actor_id)) == [
            n for n in s.networks if actor_id in n.leads or actor_id in {m.actor for m in n.members}
        ]
    for pool_id in {g.pool for g in s.grants} | {p.id for p in s.pools}:
        assert list(index.grants_of_pool(pool_id)) == [g for g in s.grants if g.pool == pool_id]
    for region in {g.region for g in s.groups} | {a.region for a in s.change_agents}:
        if region is None:
            continue
        assert list(index.groups_of_region(region)) == [g for g in s.groups if g.region == region]
        assert list(index.change_agents_of_region(region)) == [
            a for a in s.change_agents if a.region == region
        ]
    for code in {g.municipality for g in s.groups} | {
        c for a in s.actors for c in a.municipalities
    }:
        if code is None:
            continue
        assert list(index.groups_of_municipality(code)) == [
            g for g in s.groups if g.municipality == code
        ]
        assert list(index.actors_of_municipality(code)) == [
            a for a in s.actors if code in a.municipalities
        ]
    for county in {n.county for n in s.networks}:
        if county is None:
            continue
        assert list(index.networks_of_county(county)) == [
            n for n in s.networks if n.county == county
        ]
    for g in s.groups:
        expected = {
            h.id for h in s.groups if g.id in h.cooperates_with or h.id in g.cooperates_with
        }
        expected |= set(g.cooperates_with)
        expected.discard(g.id)
        assert index.cooperation_of(g.id) == expected
        for other in index.cooperation_of(g.id):
            assert g.id in index.cooperation_of(other)


@given(snapshots())
def test_index_agrees_with_a_scan(s: Snapshot) -> None:
    _check_index_against_scan(s)


@given(snapshots(max_actors=4, max_groups=2, max_networks=2))
def test_index_of_doubled_snapshot_agrees_with_a_scan(s: Snapshot) -> None:
    doubled = _doubled(s)
    _check_index_against_scan(doubled)
    dups = doubled.index.duplicates()
    for kind in EntityKind:
        entities = _entities(s, kind)
        expected = {e.id: (i, i + len(entities)) for i, e in enumerate(entities)}
        assert dups.get(kind, {}) == expected


@given(snapshots())
def test_every_reference_resolves(s: Snapshot) -> None:
    assert list(s.index.dangling_references()) == []
    assert s.index.duplicates() == {}
    for ref in s.index.references():
        assert _resolve(s, ref.path) == ref.target
        assert ref.target in {e.id for e in _entities(s, ref.target_kind)}
        assert ref.source_id in {e.id for e in _entities(s, ref.source)}


@given(snapshots(max_actors=3))
def test_paths_of_services_resolve(s: Snapshot) -> None:
    for n in s.networks:
        for svc in n.services:
            path = s.index.path(EntityKind.SERVICE, svc.id)
            assert path is not None
            assert _resolve(s, path) is svc


# -- the lape.testing strategies -----------------------------------------------------


@given(periods(min_value=D(2016, 1, 1), max_value=D(2018, 12, 31), allow_open=False))
def test_periods_respect_bounds(p: Period) -> None:
    assert p.end is not None
    assert D(2016, 1, 1) <= p.start <= p.end <= D(2018, 12, 31)
    assert not p.is_inverted


@given(periods())
def test_periods_are_not_inverted_by_default(p: Period) -> None:
    assert not p.is_inverted


@given(
    st.one_of(
        actors(),
        memberships(),
        mandates(),
        groups(),
        change_agents(),
        funding_pools(),
        grants(),
        health_social_centres(),
        services(),
        service_networks(),
    )
)
def test_entity_strategies_build_valid_entities(entity: Any) -> None:
    # attrs runs the validators on construction; validating again must not fail
    attrs.validate(entity)
    for name in ("id", "actor", "pool", "recipient", "provider"):
        value = getattr(entity, name, None)
        if value is not None:
            assert ID_PATTERN.fullmatch(value)


@given(mandates())
def test_mandates_name_at_most_one_grantor(m: Mandate) -> None:
    assert m.municipality is None or m.region is None


@given(grants(pool_ids=["p"], actor_ids=["a", "b"]))
def test_grants_refer_to_the_given_ids(g: Grant) -> None:
    assert g.pool == "p"
    assert set(g.actors) <= {"a", "b"}


@given(service_networks(actor_ids=[]))
def test_networks_without_actors_have_no_services(n: ServiceNetwork) -> None:
    assert n.services == ()
    assert n.leads == ()
    assert n.members == ()
    assert n.coordination == ()


@given(snapshots(min_actors=2, max_actors=2, max_groups=0, max_networks=0))
def test_snapshot_sizes(s: Snapshot) -> None:
    assert len(s.actors) == 2
    assert s.groups == ()
    assert s.networks == ()


@pytest.mark.parametrize(
    "strategy",
    [
        pytest.param(
            lambda: money(min_value=0.5),  # type: ignore[arg-type]
            id="money-float-bound",
        ),
        pytest.param(lambda: money(min_value="1.001"), id="money-sub-cent-bound"),
        pytest.param(lambda: money(min_value=5, max_value=1), id="money-min-above-max"),
        pytest.param(
            lambda: periods(min_value=D(2020, 1, 1), max_value=D(2019, 1, 1)), id="periods-order"
        ),
        pytest.param(
            lambda: periods(min_value=dt.datetime(2020, 1, 1)),
            id="periods-datetime",
        ),
        pytest.param(
            lambda: periods(allow_open=1),  # type: ignore[arg-type]
            id="periods-flag",
        ),
        pytest.param(lambda: snapshots(min_actors=5, max_actors=2), id="snapshots-min-above-max"),
        pytest.param(lambda: snapshots(max_groups=-1), id="snapshots-negative"),
        pytest.param(
            lambda: snapshots(max_pools=1.5),  # type: ignore[arg-type]
            id="snapshots-float-size",
        ),
        pytest.param(lambda: grants(actor_ids=[]), id="grants-no-actors"),
        pytest.param(lambda: services(actor_ids=[]), id="services-no-actors"),
        pytest.param(lambda: memberships(actor_ids=[]), id="memberships-no-actors"),
        pytest.param(lambda: actors(actor_ids="abc"), id="actors-ids-as-str"),
        pytest.param(lambda: actors(actor_ids=["-bad"]), id="actors-bad-id"),
        pytest.param(
            lambda: actors(ids="x"),  # type: ignore[arg-type]
            id="actors-ids-not-strategy",
        ),
        pytest.param(lambda: groups(max_members=-1), id="groups-negative"),
        pytest.param(lambda: service_networks(service_ids=["a", "a"]), id="networks-repeat"),
        pytest.param(
            lambda: service_networks(actor_ids=[], service_ids=["s"]), id="networks-no-provider"
        ),
    ],
)
def test_strategies_refuse_bad_arguments(strategy: Callable[[], st.SearchStrategy[Any]]) -> None:
    built = strategy()  # no error until drawn from, as in hypothesis' own strategies

    @given(built)
    def draw(_: object) -> None:
        pass

    with pytest.raises(InvalidArgument):
        draw()


def test_setup_hook_registers_types() -> None:
    from lape.testing import _hypothesis_setup_hook

    _hypothesis_setup_hook()

    @given(st.from_type(Snapshot), st.from_type(MunicipalityCode), st.from_type(RegionCode))
    def check(s: Snapshot, code: str, region: str) -> None:
        assert list(s.index.dangling_references()) == []
        assert len(code) == 3
        assert len(region) == 2

    check()


def test_import_lape_does_not_import_hypothesis() -> None:
    import subprocess
    import sys

    code = "import sys, lape; lape.Snapshot; assert 'hypothesis' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
