"""The model's validators: one case per validated field, IDs and codes."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

import attrs
import pytest

from lape.errors import ArgumentError
from lape.model import (
    Actor,
    ActorKind,
    ChangeAgent,
    CheckSettings,
    CoordinationLink,
    CountyCode,
    DevelopmentProject,
    FundingPool,
    Grant,
    Group,
    GroupKind,
    HealthSocialCentre,
    Interface,
    Involvement,
    Mandate,
    Membership,
    MunicipalityCode,
    NetworkMember,
    Period,
    Priority,
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


ENUM_VALUES: list[tuple[type, str, str]] = []
"""Each enum field with a value of one of its members, as a file gives it."""


def _enum(cls: type, field: str, value: str) -> Any:
    ENUM_VALUES.append((cls, field, value))  # a member's value is taken, as in a file
    return _case(cls, field, value + "-nope", TypeError, "enum-unknown-value")


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


@pytest.mark.parametrize(
    ("cls", "field", "value"), ENUM_VALUES, ids=[f"{c.__name__}.{f}" for c, f, _ in ENUM_VALUES]
)
def test_an_enum_field_takes_a_members_value_as_a_file_does(
    cls: type, field: str, value: str
) -> None:
    built = cls(**{**VALID[cls], field: value})
    found = getattr(built, field)
    assert isinstance(found, enum.Enum)
    assert found.value == value


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
