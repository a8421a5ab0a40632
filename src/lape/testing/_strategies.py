"""Hypothesis strategies for the ``lape`` model, in hypothesis' house style.

Every public function here returns a :class:`~hypothesis.strategies.SearchStrategy`.
Arguments are keyword-only and checked when the strategy is first drawn from;
a bad one raises :class:`hypothesis.errors.InvalidArgument`.

Entity strategies take the IDs they may refer to (``actor_ids=``,
``pool_ids=``...) as plain sequences: pass the IDs of entities that exist and
every reference resolves; leave them out and arbitrary IDs are drawn (which
then dangle). :func:`snapshots` builds the referenced entities first and draws
every reference among their IDs, so its snapshots have no dangling references
and no duplicate IDs within a kind.

Area codes are real ones from :func:`lape.reference.geography`, read when the
first example is drawn.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import enum
import functools
import string
import unicodedata
from collections.abc import Callable, Hashable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from lape.model import (
    ID_PATTERN,
    Actor,
    ActorKind,
    ChangeAgent,
    CheckSettings,
    CoordinationLink,
    CountyCode,
    DevelopmentProject,
    FundingPool,
    Geography,
    Grant,
    GrantKind,
    Group,
    GroupKind,
    HealthSocialCentre,
    HospitalDistrict,
    Interface,
    Involvement,
    Level,
    Mandate,
    MemberRole,
    Membership,
    Municipality,
    MunicipalityCode,
    NationalBody,
    NetworkKind,
    NetworkMember,
    Period,
    Priority,
    Programme,
    ProjectArea,
    Region,
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
    WellbeingServicesCounty,
    euros,
)
from lape.testing._record import recorded

__all__ = [
    "actors",
    "change_agents",
    "check_settings",
    "coordination_links",
    "development_projects",
    "funding_pools",
    "grants",
    "groups",
    "health_social_centres",
    "interfaces",
    "mandates",
    "memberships",
    "money",
    "network_members",
    "periods",
    "scopes",
    "service_networks",
    "services",
    "snapshot_infos",
    "snapshots",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

Ids = tuple[str, ...] | None
"""The IDs an entity may refer to: ``None`` for any drawn ID, empty for none."""

MIN_DATE = dt.date(2015, 1, 1)
"""The earliest day drawn by default: the year before the programme started."""
MAX_DATE = dt.date(2030, 12, 31)
"""The latest day drawn by default."""

_DEFAULT_MIN_MONEY = Decimal("0.01")
_DEFAULT_MAX_MONEY = Decimal("100000000.00")

# Internal bounds where a ``max_*`` argument is left as ``None``.
_SMALL = 3
_DEFAULT_MAX_ACTORS = 8
_DEFAULT_MAX_OTHERS = 4


# -- argument checks (run at draw time) --------------------------------------


def _check_size(name: str, value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{name}={value!r} must be an integer or None"
        raise InvalidArgument(msg)
    if value < 0:
        msg = f"{name}={value!r} must not be negative"
        raise InvalidArgument(msg)


def _check_sizes(min_name: str, min_size: int, max_name: str, max_size: int | None) -> None:
    _check_size(min_name, min_size)
    _check_size(max_name, max_size)
    if max_size is not None and min_size > max_size:
        msg = f"{min_name}={min_size!r} is larger than {max_name}={max_size!r}"
        raise InvalidArgument(msg)


def _check_flag(name: str, value: bool) -> None:
    if not isinstance(value, bool):
        msg = f"{name}={value!r} must be True or False"
        raise InvalidArgument(msg)


def _check_ids(name: str, value: Sequence[str] | None, *, required: bool = False) -> None:
    if value is None:
        return
    if isinstance(value, str) or not isinstance(value, Sequence):
        msg = f"{name}={value!r} must be a sequence of IDs (e.g. a list), or None"
        raise InvalidArgument(msg)
    for item in value:
        if not isinstance(item, str) or ID_PATTERN.fullmatch(item) is None:
            msg = f"{name} holds {item!r}, which is not a valid ID"
            raise InvalidArgument(msg)
    if required and not value:
        msg = f"{name} is empty, but this entity must refer to one of them; pass None or some IDs"
        raise InvalidArgument(msg)


def _check_strategy(name: str, value: st.SearchStrategy[T] | None) -> None:
    if value is not None and not isinstance(value, st.SearchStrategy):
        msg = f"{name}={value!r} must be a strategy (wrap a single value in st.just())"
        raise InvalidArgument(msg)


def _check_date(name: str, value: dt.date) -> None:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        msg = f"{name}={value!r} must be a datetime.date (not a datetime)"
        raise InvalidArgument(msg)


def _size(value: int | None, default: int) -> int:
    return default if value is None else value


# -- building blocks -----------------------------------------------------------


_ID_LETTERS = (
    string.ascii_letters
    + string.digits
    + "äöåÄÖÅéüßøæçñ"  # Finnish, Swedish and other Latin letters
    + "ΩλЖжक中文ك٣１ǅª"  # Greek, Cyrillic, Devanagari, Han, Arabic, fullwidth digit, titlecase
)
"""The letters and digits IDs are drawn from: ASCII and a sample of other scripts."""


@functools.cache
def _ids() -> st.SearchStrategy[str]:
    """Entity IDs: strings that match :data:`lape.model._ids.ID_PATTERN` in full.

    A letter or digit, then letters, digits and ``_ . : / -``, from a short
    alphabet (:data:`_ID_LETTERS`): hypothesis checks every character of a drawn
    string against its alphabet's intervals one by one, which for the whole of
    Unicode's letters and digits took a fifth of the time to draw a snapshot.
    (``st.from_regex`` is slower still.)
    """
    assert all(ID_PATTERN.fullmatch(c) for c in _ID_LETTERS)
    return _joined(st.sampled_from(_ID_LETTERS), st.text(_ID_LETTERS + "_.:/-", max_size=15))


@st.composite
def _joined(draw: st.DrawFn, first: st.SearchStrategy[str], rest: st.SearchStrategy[str]) -> str:
    # drawn in a composite, not with st.builds(operator.add, ...): hypothesis would print
    # every ID of a counterexample as the call that made it, ``add('a', '')``
    return draw(first) + draw(rest)


@functools.cache
def _texts() -> st.SearchStrategy[str]:
    # NFC, as text is read from a file (lape.io normalises it), so that what is
    # drawn is what a file can hold
    return _normalised(st.text(max_size=30))


@st.composite
def _normalised(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> str:
    # not ``.map(...)``: hypothesis would print each text as the call that made it
    return unicodedata.normalize("NFC", draw(texts))


@functools.lru_cache(maxsize=1024)
def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


@functools.cache
def _dates() -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=MIN_DATE, max_value=MAX_DATE)


_POSITION = st.integers(min_value=0, max_value=63)
"""A reference as a position in the tuple of IDs it names, taken modulo the tuple's
length. The range is the same whatever the length, so a reference draws the same
choices when hypothesis deletes an entity it may name: the choices after it do not
shift (a range that shrank with the list would draw nothing at one entity, and every
later choice would then be read by the wrong field). Shrinks to the first ID."""
_POSITIONS = st.lists(_POSITION, max_size=_SMALL).map(tuple)
_OPTIONAL_POSITION = st.none() | _POSITION


@functools.lru_cache(maxsize=64)
def _position_lists(max_size: int) -> st.SearchStrategy[list[int]]:
    return st.lists(_POSITION, max_size=max_size)


def _at(ids: tuple[str, ...], positions: Sequence[int]) -> tuple[str, ...]:
    """The IDs at ``positions`` (modulo the number of IDs); none when there are no IDs."""
    return tuple(ids[p % len(ids)] for p in positions) if ids else ()


# References are drawn as positions in the tuple of IDs (from strategies built once, not
# anew for every tuple of IDs), or as any ID when the IDs are ``None``.


def _ref(draw: st.DrawFn, ids: Ids) -> str:
    """One of ``ids`` (not empty), or any ID when ``ids`` is ``None``."""
    if ids is None:
        return draw(_ids())
    return ids[draw(_POSITION) % len(ids)]


def _ref_tuple(draw: st.DrawFn, ids: Ids, max_size: int = _SMALL) -> tuple[str, ...]:
    """Up to ``max_size`` of ``ids`` (repeats allowed); none when ``ids`` is empty."""
    if ids is None:
        return draw(_tuples_of(_ids(), max_size))
    if not ids:
        return ()
    return _at(ids, draw(_position_lists(max_size)))


def _optional_ref(draw: st.DrawFn, ids: Ids) -> str | None:
    """One of ``ids`` or ``None``; only ``None`` when ``ids`` is empty."""
    if ids is None:
        return draw(_optional(_ids()))
    if not ids:
        return None
    i = draw(_OPTIONAL_POSITION)
    return None if i is None else ids[i % len(ids)]


# Strategies built inside a composite are validated on every draw; caching the
# ones built from the same arguments halves the time to draw a snapshot.


_BOOLEANS = st.booleans()


def _frozen(ids: Sequence[str] | None) -> Ids:
    return None if ids is None else tuple(ids)


_ARGUMENTS: contextvars.ContextVar[tuple[Any, ...]] = contextvars.ContextVar("lape_element_args")
"""What :func:`_element` passes on: the IDs its entity may refer to, set by :func:`_list_of`."""


@functools.cache
def _element(fn: Callable[..., T]) -> st.SearchStrategy[T]:
    """``fn(draw, *arguments)`` as a strategy: one element of a list, drawn whole. One
    strategy per function, built once: the arguments (the IDs drawn so far) come from
    :data:`_ARGUMENTS`, since a strategy built anew for each draw costs more to validate
    than drawing from it."""

    @st.composite
    def element(draw: st.DrawFn) -> T:
        return fn(draw, *_ARGUMENTS.get())

    return element()


def _list_of(
    draw: st.DrawFn,
    fn: Callable[..., T],
    arguments: tuple[Any, ...] = (),
    *,
    min_size: int = 0,
    max_size: int,
    key: Callable[[T], Hashable] | None = None,
) -> list[T]:
    """A list of ``fn(draw, *arguments)``, each element drawn whole so that hypothesis
    can delete it; distinct by ``key`` when one is given."""
    token = _ARGUMENTS.set(arguments)
    try:
        if key is None:
            return draw(_lists(_element(fn), max_size))
        return draw(_unique_lists(_element(fn), min_size, max_size, key))
    finally:
        _ARGUMENTS.reset(token)


@functools.lru_cache(maxsize=1024)
def _lists(elements: st.SearchStrategy[T], max_size: int) -> st.SearchStrategy[list[T]]:
    """Lists hypothesis can shrink by deleting elements (none when ``max_size`` is 0)."""
    return st.lists(elements, max_size=max_size)


@functools.lru_cache(maxsize=256)
def _unique_ids(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(_ids(), min_size=min_size, max_size=max_size, unique=True)


def _id_of(entity: Any) -> str:
    return str(entity.id)


@functools.lru_cache(maxsize=1024)
def _unique_lists(
    elements: st.SearchStrategy[T],
    min_size: int,
    max_size: int,
    key: Callable[[T], Hashable] = _id_of,
) -> st.SearchStrategy[list[T]]:
    """Lists of entities with distinct IDs (``key``)."""
    return st.lists(elements, min_size=min_size, max_size=max_size, unique_by=key)


@functools.cache
def _money() -> st.SearchStrategy[Decimal]:
    return money()


@functools.lru_cache(maxsize=1024)
def _sampled(values: tuple[T, ...]) -> st.SearchStrategy[T]:
    return st.sampled_from(values)


@functools.lru_cache(maxsize=1024)
def _tuples_of(elements: st.SearchStrategy[T], max_size: int) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(elements, max_size=max_size).map(tuple)


def _members(cls: type[E]) -> st.SearchStrategy[E]:
    """The members of enum ``cls``."""
    return _sampled(tuple(cls))


@functools.lru_cache(maxsize=1024)
def _frozensets(
    elements: st.SearchStrategy[T], min_size: int = 0
) -> st.SearchStrategy[frozenset[T]]:
    return st.frozensets(elements, min_size=min_size, max_size=_SMALL)


@functools.cache
def _area_codes() -> tuple[
    tuple[MunicipalityCode, ...],
    tuple[RegionCode, ...],
    tuple[CountyCode, ...],
    tuple[str, ...],
    tuple[str, ...],
]:
    from lape.reference import geography  # reads the CSV files: only when drawing

    geo = geography()
    return (
        tuple(sorted(m.code for m in geo.municipalities.values())),
        tuple(sorted(r.code for r in geo.regions.values())),
        tuple(sorted(c.code for c in geo.counties.values())),
        tuple(sorted(geo.hospital_districts)),
        tuple(sorted(geo.project_areas)),
    )


@functools.cache
def _municipality_codes() -> st.SearchStrategy[MunicipalityCode]:
    return st.sampled_from(_area_codes()[0])


@functools.cache
def _region_codes() -> st.SearchStrategy[RegionCode]:
    return st.sampled_from(_area_codes()[1])


@functools.cache
def _county_codes() -> st.SearchStrategy[CountyCode]:
    return st.sampled_from(_area_codes()[2])


@functools.cache
def _hospital_district_ids() -> st.SearchStrategy[str]:
    return st.sampled_from(_area_codes()[3])


@functools.cache
def _project_area_ids() -> st.SearchStrategy[str]:
    return st.sampled_from(_area_codes()[4])


@functools.cache
def _geographies() -> st.SearchStrategy[Geography]:
    from lape.reference import geography

    return st.just(geography())


@functools.cache
def _municipalities() -> st.SearchStrategy[Municipality]:
    from lape.reference import geography

    geo = geography()
    return st.sampled_from([geo.municipalities[c] for c in _area_codes()[0]])


@functools.cache
def _regions() -> st.SearchStrategy[Region]:
    from lape.reference import geography

    geo = geography()
    return st.sampled_from([geo.regions[c] for c in _area_codes()[1]])


@functools.cache
def _counties() -> st.SearchStrategy[WellbeingServicesCounty]:
    from lape.reference import geography

    geo = geography()
    return st.sampled_from([geo.counties[c] for c in _area_codes()[2]])


@functools.cache
def _hospital_districts() -> st.SearchStrategy[HospitalDistrict]:
    from lape.reference import geography

    geo = geography()
    return st.sampled_from([geo.hospital_districts[c] for c in _area_codes()[3]])


@functools.cache
def _project_areas() -> st.SearchStrategy[ProjectArea]:
    from lape.reference import geography

    geo = geography()
    return st.sampled_from([geo.project_areas[c] for c in _area_codes()[4]])


@functools.lru_cache(maxsize=1024)
def _code_tuples(
    codes: st.SearchStrategy[T], max_size: int = _SMALL
) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(codes, max_size=max_size, unique=True).map(tuple)


# -- public strategies ---------------------------------------------------------


@st.composite
def periods(
    draw: st.DrawFn,
    *,
    min_value: dt.date = MIN_DATE,
    max_value: dt.date = MAX_DATE,
    allow_open: bool = True,
    allow_inverted: bool = False,
) -> Period:
    """Periods that start on or after ``min_value`` and end on or before ``max_value``.

    ``allow_open`` lets the end be ``None`` (an open-ended period);
    ``allow_inverted`` lets the end fall before the start (a mistake that
    :class:`~lape.model.Period` can represent so that checking reports it).

    >>> from hypothesis import find
    >>> p = find(periods(allow_open=False), lambda p: p.end > p.start)
    >>> p.start < p.end
    True
    """
    _check_date("min_value", min_value)
    _check_date("max_value", max_value)
    _check_flag("allow_open", allow_open)
    _check_flag("allow_inverted", allow_inverted)
    if min_value > max_value:
        msg = f"min_value={min_value!r} is after max_value={max_value!r}"
        raise InvalidArgument(msg)
    period = _period(
        draw, min_value, max_value, allow_open=allow_open, allow_inverted=allow_inverted
    )
    return recorded(draw, period)


@functools.lru_cache(maxsize=256)
def _dates_between(low: dt.date, high: dt.date) -> st.SearchStrategy[dt.date]:
    return st.dates(min_value=low, max_value=high)


def _period(
    draw: st.DrawFn,
    low: dt.date = MIN_DATE,
    high: dt.date = MAX_DATE,
    *,
    allow_open: bool = True,
    allow_inverted: bool = False,
) -> Period:
    """A period inside ``low``..``high``: two days drawn from the same bounds (the
    later one the end unless ``allow_inverted``), so that no strategy is built per draw."""
    days = _dates_between(low, high)
    start = draw(days)
    end = draw(_optional(days) if allow_open else days)
    if end is not None and end < start and not allow_inverted:
        start, end = end, start
    return Period.as_given(start=start, end=end)


def _maybe_period(draw: st.DrawFn) -> Period | None:
    return _period(draw) if draw(_BOOLEANS) else None


@st.composite
def money(
    draw: st.DrawFn,
    *,
    min_value: Decimal | int | str | None = None,
    max_value: Decimal | int | str | None = None,
) -> Decimal:
    """Euro amounts as :class:`~decimal.Decimal` with at most cents (never floats).

    Positive by default (from 0.01); ``min_value`` and ``max_value`` are
    inclusive bounds given as ``Decimal``, ``int`` or text, at most cents each.
    Whole euros come both as ``Decimal('250')`` and ``Decimal('250.00')``.

    >>> from hypothesis import find
    >>> amount = find(money(max_value=100), lambda m: m > 50)
    >>> Decimal("50.01") <= amount <= 100
    True
    """
    low = _money_bound("min_value", min_value, _DEFAULT_MIN_MONEY)
    high = _money_bound("max_value", max_value, max(_DEFAULT_MAX_MONEY, low))
    if low > high:
        msg = f"min_value={min_value!r} is larger than max_value={max_value!r}"
        raise InvalidArgument(msg)
    cents = draw(st.integers(min_value=int(low * 100), max_value=int(high * 100)))
    if cents % 100 == 0 and draw(st.booleans()):
        return Decimal(cents // 100)
    return Decimal(cents).scaleb(-2)


def _money_bound(name: str, value: Decimal | int | str | None, default: Decimal) -> Decimal:
    if value is None:
        return default
    try:
        amount = euros(value)
    except (TypeError, ValueError) as exc:
        msg = f"{name}={value!r} is not an amount of euros: {exc}"
        raise InvalidArgument(msg) from None
    return amount


@st.composite
def actors(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    actor_ids: Sequence[str] | None = None,
) -> Actor:
    """Actors of every kind, with optional facts present or missing.

    ``ids`` draws the actor's own ID (default: any valid ID); ``actor_ids``
    are the IDs ``composed_of`` may name (default: any; empty: none).
    """
    _check_strategy("ids", ids)
    _check_ids("actor_ids", actor_ids)
    actor_id = draw(ids if ids is not None else _ids())
    return recorded(draw, _actor(draw, actor_id, _frozen(actor_ids)))


def _actor(draw: st.DrawFn, actor_id: str, actor_ids: Ids) -> Actor:
    return Actor(
        id=actor_id,
        name=draw(_texts()),
        kind=draw(_members(ActorKind)),
        sectors=draw(_optional(_frozensets(_members(Sector)))),
        municipalities=draw(_code_tuples(_municipality_codes())),
        region=draw(_optional(_region_codes())),
        county=draw(_optional(_county_codes())),
        hospital_district=draw(_optional(_hospital_district_ids())),
        body=draw(_optional(_members(NationalBody))),
        level=draw(_optional(_members(Level))),
        composed_of=_ref_tuple(draw, actor_ids),
        period=_maybe_period(draw),
    )


@st.composite
def memberships(draw: st.DrawFn, *, actor_ids: Sequence[str] | None = None) -> Membership:
    """Seats in a group, for one of ``actor_ids`` (default: any ID)."""
    _check_ids("actor_ids", actor_ids, required=True)
    return recorded(draw, _membership(draw, _frozen(actor_ids)))


def _membership(draw: st.DrawFn, actor_ids: Ids) -> Membership:
    return Membership(
        actor=_ref(draw, actor_ids),
        role=draw(_members(MemberRole)),
        period=_maybe_period(draw),
    )


@st.composite
def mandates(draw: st.DrawFn) -> Mandate:
    """Mandates given by a municipality, by a region, or by a grantor not recorded."""
    return recorded(draw, _mandate(draw))


_GRANTORS = ("municipality", "region", None)


def _mandate(draw: st.DrawFn) -> Mandate:
    grantor = draw(_sampled(_GRANTORS))
    return Mandate(
        municipality=draw(_municipality_codes()) if grantor == "municipality" else None,
        region=draw(_region_codes()) if grantor == "region" else None,
        decided=draw(_optional(_dates())),
        decision=draw(_optional(_texts())),
        existing_group=draw(_BOOLEANS),
    )


@st.composite
def groups(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    actor_ids: Sequence[str] | None = None,
    group_ids: Sequence[str] | None = None,
    max_members: int | None = None,
) -> Group:
    """Development groups of every kind, with members among ``actor_ids`` and
    cooperation partners among ``group_ids`` (default: any IDs; empty: none).

    ``max_members`` bounds the number of seats (default: a few).
    """
    _check_strategy("ids", ids)
    _check_ids("actor_ids", actor_ids)
    _check_ids("group_ids", group_ids)
    _check_size("max_members", max_members)
    group_id = draw(ids if ids is not None else _ids())
    return recorded(
        draw, _group(draw, group_id, _frozen(actor_ids), _frozen(group_ids), max_members)
    )


def _group(
    draw: st.DrawFn,
    group_id: str,
    actor_ids: Ids,
    group_ids: Ids,
    max_members: int | None = None,
) -> Group:
    seats = 0 if actor_ids is not None and not actor_ids else _size(max_members, 5)
    return Group(
        id=group_id,
        name=draw(_texts()),
        kind=draw(_members(GroupKind)),
        municipality=draw(_optional(_municipality_codes())),
        region=draw(_optional(_region_codes())),
        project_area=draw(_optional(_project_area_ids())),
        members=tuple(_list_of(draw, _membership, (actor_ids,), max_size=seats)),
        mandate=_mandate(draw) if draw(_BOOLEANS) else None,
        cooperates_with=_ref_tuple(draw, group_ids),
        period=_maybe_period(draw),
    )


@st.composite
def change_agents(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    actor_ids: Sequence[str] | None = None,
    pool_ids: Sequence[str] | None = None,
) -> ChangeAgent:
    """Change agents in a real region, employed for some period, with the
    employer and salary payer among ``actor_ids`` and the pool among
    ``pool_ids`` (default: any IDs; empty: left out)."""
    _check_strategy("ids", ids)
    _check_ids("actor_ids", actor_ids)
    _check_ids("pool_ids", pool_ids)
    agent_id = draw(ids if ids is not None else _ids())
    return recorded(draw, _change_agent(draw, agent_id, _frozen(actor_ids), _frozen(pool_ids)))


def _change_agent(draw: st.DrawFn, agent_id: str, actor_ids: Ids, pool_ids: Ids) -> ChangeAgent:
    return ChangeAgent(
        id=agent_id,
        name=draw(_texts()),
        region=draw(_region_codes()),
        project_area=draw(_optional(_project_area_ids())),
        employer=_optional_ref(draw, actor_ids),
        employer_chosen_by=draw(_optional(_code_tuples(_municipality_codes()))),
        salary_payer=_optional_ref(draw, actor_ids),
        pool=_optional_ref(draw, pool_ids),
        employment=_period(draw),
    )


@st.composite
def funding_pools(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    actor_ids: Sequence[str] | None = None,
) -> FundingPool:
    """Funding pools, their amount known or not, the payer among ``actor_ids``."""
    _check_strategy("ids", ids)
    _check_ids("actor_ids", actor_ids)
    pool_id = draw(ids if ids is not None else _ids())
    return recorded(draw, _funding_pool(draw, pool_id, _frozen(actor_ids)))


def _funding_pool(draw: st.DrawFn, pool_id: str, actor_ids: Ids) -> FundingPool:
    return FundingPool(
        id=pool_id,
        name=draw(_texts()),
        kind=draw(_members(GrantKind)),
        programme=draw(_members(Programme)),
        amount=draw(_optional(_money())),
        payer=_optional_ref(draw, actor_ids),
        purpose=draw(_optional(_texts())),
        call=_maybe_period(draw),
        costs=_maybe_period(draw),
        self_financing=draw(_optional(_BOOLEANS)),
        source=draw(_optional(_texts())),
    )


@st.composite
def grants(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    pool_ids: Sequence[str] | None = None,
    actor_ids: Sequence[str] | None = None,
    project_ids: Sequence[str] | None = None,
) -> Grant:
    """Grants from one of ``pool_ids`` to one of ``actor_ids``, with participants
    among ``actor_ids`` (default: any IDs; an empty list is an error, since a
    grant must name its pool and recipient), funding one of ``project_ids`` or
    no project (default: any ID; empty: none)."""
    _check_strategy("ids", ids)
    _check_ids("pool_ids", pool_ids, required=True)
    _check_ids("actor_ids", actor_ids, required=True)
    _check_ids("project_ids", project_ids)
    grant_id = draw(ids if ids is not None else _ids())
    grant = _grant(draw, grant_id, _frozen(pool_ids), _frozen(actor_ids), _frozen(project_ids))
    return recorded(draw, grant)


def _grant(
    draw: st.DrawFn, grant_id: str, pool_ids: Ids, actor_ids: Ids, project_ids: Ids = None
) -> Grant:
    return Grant(
        id=grant_id,
        pool=_ref(draw, pool_ids),
        recipient=_ref(draw, actor_ids),
        amount=draw(_money()),
        participants=_ref_tuple(draw, actor_ids),
        purpose=draw(_optional(_texts())),
        target_groups=draw(_optional(_frozensets(_members(TargetGroup)))),
        programme=draw(_members(Programme)),
        priorities=draw(_frozensets(_members(Priority))),
        region=draw(_optional(_region_codes())),
        project_area=draw(_optional(_project_area_ids())),
        decided=draw(_optional(_dates())),
        costs=_maybe_period(draw),
        project=_optional_ref(draw, project_ids),
    )


@st.composite
def development_projects(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    actor_ids: Sequence[str] | None = None,
) -> DevelopmentProject:
    """Development projects of a real project area and region (or not given), the lead
    applicant and the consortium among ``actor_ids`` (default: any IDs; empty: none),
    perhaps with 2020-2022 priorities and a period."""
    _check_strategy("ids", ids)
    _check_ids("actor_ids", actor_ids)
    project_id = draw(ids if ids is not None else _ids())
    return recorded(draw, _project(draw, project_id, _frozen(actor_ids)))


def _project(draw: st.DrawFn, project_id: str, actor_ids: Ids) -> DevelopmentProject:
    return DevelopmentProject(
        id=project_id,
        name=draw(_texts()),
        project_area=draw(_optional(_project_area_ids())),
        region=draw(_optional(_region_codes())),
        lead=_optional_ref(draw, actor_ids),
        consortium=_ref_tuple(draw, actor_ids),
        priorities=draw(_frozensets(_members(Priority))),
        period=_maybe_period(draw),
    )


@st.composite
def health_social_centres(
    draw: st.DrawFn, *, ids: st.SearchStrategy[str] | None = None
) -> HealthSocialCentre:
    """Social and health centres of real wellbeing services counties."""
    _check_strategy("ids", ids)
    return recorded(draw, _centre(draw, draw(ids if ids is not None else _ids())))


def _centre(draw: st.DrawFn, centre_id: str) -> HealthSocialCentre:
    return HealthSocialCentre(id=centre_id, name=draw(_texts()), county=draw(_county_codes()))


@st.composite
def services(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    actor_ids: Sequence[str] | None = None,
) -> Service:
    """Services run by one of ``actor_ids`` (default: any ID; empty is an error)."""
    _check_strategy("ids", ids)
    _check_ids("actor_ids", actor_ids, required=True)
    service_id = draw(ids if ids is not None else _ids())
    return recorded(draw, _service(draw, service_id, _frozen(actor_ids)))


def _service(draw: st.DrawFn, service_id: str, actor_ids: Ids) -> Service:
    return Service(
        id=service_id,
        name=draw(_texts()),
        service_type=draw(_ids()),
        provider=_ref(draw, actor_ids),
        target_groups=draw(_frozensets(_members(TargetGroup), min_size=1)),
        sector=draw(_optional(_members(Sector))),
        responsibility=draw(_frozensets(_members(Responsibility))),
        municipality=draw(_optional(_municipality_codes())),
    )


def _new_service(draw: st.DrawFn, actor_ids: Ids) -> Service:
    return _service(draw, draw(_ids()), actor_ids)


@st.composite
def service_networks(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    actor_ids: Sequence[str] | None = None,
    centre_ids: Sequence[str] | None = None,
    service_ids: Sequence[str] | None = None,
    max_services: int | None = None,
) -> ServiceNetwork:
    """Service networks whose leads, members, service providers and coordination
    links name ``actor_ids``, whose centre is one of ``centre_ids``.

    ``service_ids`` gives the IDs of the network's own services, which must be
    distinct (default: up to ``max_services`` services with distinct drawn IDs).
    Interfaces name the network's own services. With ``actor_ids=[]`` the
    network has no actors and no services.
    """
    _check_strategy("ids", ids)
    _check_ids("actor_ids", actor_ids)
    _check_ids("centre_ids", centre_ids)
    _check_ids("service_ids", service_ids)
    _check_size("max_services", max_services)
    if service_ids is not None and len(set(service_ids)) != len(service_ids):
        msg = f"service_ids={service_ids!r} must not repeat an ID"
        raise InvalidArgument(msg)
    if actor_ids is not None and not actor_ids and service_ids:
        msg = "service_ids given but actor_ids is empty: a service needs a provider"
        raise InvalidArgument(msg)
    network_id = draw(ids if ids is not None else _ids())
    network = _service_network(
        draw,
        network_id,
        _frozen(actor_ids),
        _frozen(centre_ids),
        _frozen(service_ids),
        _size(max_services, _SMALL),
    )
    return recorded(draw, network)


def _service_network(
    draw: st.DrawFn,
    network_id: str,
    actor_ids: Ids,
    centre_ids: Ids,
    service_ids: Ids,
    max_services: int = _SMALL,
) -> ServiceNetwork:
    """A network; its services have ``service_ids`` or, when ``None``, up to
    ``max_services`` drawn IDs, distinct within the network."""
    no_actors = actor_ids is not None and not actor_ids
    if service_ids is not None:
        svcs = tuple(_service(draw, i, actor_ids) for i in service_ids)
    elif no_actors:
        svcs = ()
    else:
        svcs = tuple(_list_of(draw, _new_service, (actor_ids,), max_size=max_services, key=_id_of))
    own = tuple(svc.id for svc in svcs)
    return ServiceNetwork(
        id=network_id,
        name=draw(_texts()),
        kind=draw(_members(NetworkKind)),
        county=draw(_optional(_county_codes())),
        centre=_optional_ref(draw, centre_ids),
        leads=_ref_tuple(draw, actor_ids, 2),
        members=()
        if no_actors
        else tuple(_list_of(draw, _network_member, (actor_ids,), max_size=_SMALL)),
        services=svcs,
        interfaces=tuple(_list_of(draw, _interface, (own,), max_size=2)),
        coordination=()
        if no_actors
        else tuple(_list_of(draw, _coordination_link, (actor_ids,), max_size=2)),
        period=_maybe_period(draw),
    )


@st.composite
def interfaces(draw: st.DrawFn, *, service_ids: Sequence[str] | None = None) -> Interface:
    """Interfaces between the municipality's and the county's services among
    ``service_ids`` (default: any IDs; empty: they name none): a target group, a
    municipality and a county each given or not, services on each side, and the older
    one-service form (``service``) alone or beside them."""
    _check_ids("service_ids", service_ids)
    return recorded(draw, _interface(draw, _frozen(service_ids)))


_INTERFACE_FORMS = ("new", "older", "both")


def _interface(draw: st.DrawFn, service_ids: Ids) -> Interface:
    form = draw(_sampled(_INTERFACE_FORMS))
    new, older = form != "older", form != "new"
    return Interface(
        target_group=draw(_optional(_members(TargetGroup))) if new else None,
        municipality=draw(_optional(_municipality_codes())),
        county=draw(_optional(_county_codes())) if new else None,
        municipal_services=_ref_tuple(draw, service_ids, 2) if new else (),
        county_services=_ref_tuple(draw, service_ids, 2) if new else (),
        service=_optional_ref(draw, service_ids) if older else None,
        description=draw(_optional(_texts())),
    )


@st.composite
def coordination_links(
    draw: st.DrawFn, *, actor_ids: Sequence[str] | None = None
) -> CoordinationLink:
    """Links between two of ``actor_ids`` (default: any IDs; empty is an error)."""
    _check_ids("actor_ids", actor_ids, required=True)
    return recorded(draw, _coordination_link(draw, _frozen(actor_ids)))


def _coordination_link(draw: st.DrawFn, actor_ids: Ids) -> CoordinationLink:
    return CoordinationLink(
        actors=(_ref(draw, actor_ids), _ref(draw, actor_ids)),
        description=draw(_optional(_texts())),
    )


@st.composite
def network_members(draw: st.DrawFn, *, actor_ids: Sequence[str] | None = None) -> NetworkMember:
    """Members of a service network among ``actor_ids`` (default: any IDs; empty is
    an error), their role identified or not, their involvement in planning and
    evaluating the services given or not."""
    _check_ids("actor_ids", actor_ids, required=True)
    return recorded(draw, _network_member(draw, _frozen(actor_ids)))


def _network_member(draw: st.DrawFn, actor_ids: Ids) -> NetworkMember:
    return NetworkMember(
        actor=_ref(draw, actor_ids),
        role=draw(_optional(_texts())),
        period=_maybe_period(draw),
        involvement=draw(_optional(_frozensets(_members(Involvement)))),
    )


def snapshot_infos() -> st.SearchStrategy[SnapshotInfo]:
    """What a snapshot says about itself: title, description, its day or none."""
    return _infos()


@functools.cache
def _infos() -> st.SearchStrategy[SnapshotInfo]:
    return st.builds(
        SnapshotInfo,
        title=_texts(),
        description=_texts(),
        as_of=_optional(_dates()),
        illustrative=st.booleans(),
    )


def scopes() -> st.SearchStrategy[Scope]:
    """Scopes of real regions, counties and municipalities (each list possibly empty)."""
    return _scopes()


@functools.cache
def _scopes() -> st.SearchStrategy[Scope]:
    return st.builds(
        Scope,
        regions=_code_tuples(_region_codes()),
        counties=_code_tuples(_county_codes()),
        municipalities=_code_tuples(_municipality_codes()),
    )


@functools.cache
def _rule_names() -> tuple[st.SearchStrategy[str], st.SearchStrategy[str]]:
    """Names a ``checks:`` section may give: rule IDs, tags, ID prefixes and patterns
    (for ``select`` and ``ignore``); rule IDs and patterns (for ``severity``), all
    matching some rule of the catalogue, read when the first example is drawn."""
    from lape.rules import catalogue  # only when drawing

    rules = tuple(catalogue())
    ids = tuple(r.id for r in rules)
    patterns = tuple(sorted({f"LAPE-{r.prefix}*" for r in rules}))
    tags = tuple(sorted({t for r in rules for t in r.tags} | {r.prefix for r in rules}))
    return st.sampled_from(ids + patterns + tags), st.sampled_from(ids + patterns)


def check_settings() -> st.SearchStrategy[CheckSettings]:
    """A file's ``checks:`` section: rules to select and to ignore (by ID, tag or
    pattern) and severities (by ID or pattern), every name matching some rule of
    :func:`lape.rules.catalogue`, so that checking accepts them.

    >>> from hypothesis import given, settings
    >>> from lape.model import Snapshot
    >>> from lape.rules import check
    >>> @settings(max_examples=10, deadline=None)
    ... @given(check_settings())
    ... def test_check_accepts_them(checks):
    ...     check(Snapshot(checks=checks))
    >>> test_check_accepts_them()
    """
    return _check_settings()


@functools.cache
def _check_settings() -> st.SearchStrategy[CheckSettings]:
    names, severity_names = _rule_names()
    return st.builds(
        CheckSettings,
        select=st.lists(names, max_size=2, unique=True).map(tuple),
        ignore=st.lists(names, max_size=2, unique=True).map(tuple),
        severity=st.dictionaries(severity_names, _members(Severity), max_size=2),
    )


# -- snapshots: each entity drawn whole, references among what exists ---------------------
#
# Every list of entities is an ``st.lists`` of independently drawn elements, each of which
# draws all of its own choices (its ID, its fields, its references) in one run, so that
# hypothesis can delete an entity by deleting its run. References to another kind are
# drawn among the IDs of the kind drawn before (actors first, then pools, centres,
# projects, groups, change agents, grants, networks); references within a kind (an
# actor's ``composed_of``, a group's ``cooperates_with``) as positions, read against the
# kind's IDs once the list is drawn. Deleting an entity then moves a reference to
# another one, never leaves it dangling, and never shifts the choices of the rest.


def _actor_with_parts(draw: st.DrawFn) -> tuple[Actor, tuple[int, ...]]:
    return _actor(draw, draw(_ids()), ()), draw(_POSITIONS)


def _group_with_partners(draw: st.DrawFn, actor_ids: Ids) -> tuple[Group, tuple[int, ...]]:
    return _group(draw, draw(_ids()), actor_ids, ()), draw(_POSITIONS)


def _new_pool(draw: st.DrawFn, actor_ids: Ids) -> FundingPool:
    return _funding_pool(draw, draw(_ids()), actor_ids)


def _new_centre(draw: st.DrawFn) -> HealthSocialCentre:
    return _centre(draw, draw(_ids()))


def _new_project(draw: st.DrawFn, actor_ids: Ids) -> DevelopmentProject:
    return _project(draw, draw(_ids()), actor_ids)


def _new_agent(draw: st.DrawFn, actor_ids: Ids, pool_ids: Ids) -> ChangeAgent:
    return _change_agent(draw, draw(_ids()), actor_ids, pool_ids)


def _new_grant(draw: st.DrawFn, pool_ids: Ids, actor_ids: Ids, project_ids: Ids) -> Grant:
    return _grant(draw, draw(_ids()), pool_ids, actor_ids, project_ids)


def _new_network(draw: st.DrawFn, actor_ids: Ids, centre_ids: Ids) -> ServiceNetwork:
    return _service_network(draw, draw(_ids()), actor_ids, centre_ids, None)


def _first_of_pair(pair: tuple[Actor | Group, tuple[int, ...]]) -> str:
    return pair[0].id


def _renamed(names: dict[str, str], name: str) -> str:
    return names.get(name, name)


def _distinct_services(networks: list[ServiceNetwork]) -> tuple[ServiceNetwork, ...]:
    """``networks`` with every service ID unique across them: a service whose ID an
    earlier network already has gets a suffix (its network's interfaces follow)."""
    seen: set[str] = set()
    found = []
    for n in networks:
        renamed: dict[str, str] = {}
        for svc in n.services:
            new = svc.id
            k = 1
            while new in seen:
                new, k = f"{svc.id}.{k}", k + 1
            seen.add(new)
            if new != svc.id:
                renamed[svc.id] = new
        if renamed:
            again = functools.partial(_renamed, renamed)
            n = attrs.evolve(
                n,
                services=tuple(attrs.evolve(s, id=again(s.id)) for s in n.services),
                interfaces=tuple(
                    attrs.evolve(
                        f,
                        municipal_services=tuple(map(again, f.municipal_services)),
                        county_services=tuple(map(again, f.county_services)),
                        service=None if f.service is None else again(f.service),
                    )
                    for f in n.interfaces
                ),
            )
        found.append(n)
    return tuple(found)


@st.composite
def snapshots(
    draw: st.DrawFn,
    *,
    min_actors: int = 0,
    max_actors: int | None = None,
    max_groups: int | None = None,
    max_change_agents: int | None = None,
    max_pools: int | None = None,
    max_grants: int | None = None,
    max_projects: int | None = None,
    max_centres: int | None = None,
    max_networks: int | None = None,
) -> Snapshot:
    """Whole snapshots whose every reference points at an entity they hold.

    IDs are unique within their kind (services: across all networks) and every
    reference names an entity of the snapshot. The ``checks:`` section names only
    rules of the catalogue, so ``lape.check`` accepts every snapshot drawn. Grants
    appear only when the snapshot has both actors and pools. The ``max_*``
    arguments bound each list (``None``: a small internal bound).

    Each entity is drawn whole, independently of those after it, so a failing
    example shrinks by deleting entities: to the fewest a property needs. It
    prints as the constructor call that makes it, with only the fields that differ
    from their defaults (paste it after ``import datetime``,
    ``from decimal import Decimal`` and ``from lape.model import *``).

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10)
    ... @given(snapshots(min_actors=1, max_actors=3, max_groups=2))
    ... def test_references_resolve(s):
    ...     assert 1 <= len(s.actors) <= 3 and len(s.groups) <= 2
    ...     assert list(s.index.dangling_references()) == [] and s.index.duplicates() == {}
    >>> test_references_resolve()
    """
    _check_sizes("min_actors", min_actors, "max_actors", max_actors)
    for name, value in (
        ("max_groups", max_groups),
        ("max_change_agents", max_change_agents),
        ("max_pools", max_pools),
        ("max_grants", max_grants),
        ("max_projects", max_projects),
        ("max_centres", max_centres),
        ("max_networks", max_networks),
    ):
        _check_size(name, value)
    most = max(_DEFAULT_MAX_ACTORS, min_actors)
    drafts = _list_of(
        draw,
        _actor_with_parts,
        min_size=min_actors,
        max_size=_size(max_actors, most),
        key=_first_of_pair,
    )
    actor_ids = tuple(a.id for a, _ in drafts)
    the_actors = tuple(attrs.evolve(a, composed_of=_at(actor_ids, p)) for a, p in drafts)

    def entities(
        fn: Callable[..., T], arguments: tuple[Ids, ...], most: int | None
    ) -> tuple[T, ...]:
        size = _size(most, _DEFAULT_MAX_OTHERS)
        return tuple(_list_of(draw, fn, arguments, max_size=size, key=_id_of))

    pools = entities(_new_pool, (actor_ids,), max_pools)
    pool_ids = tuple(p.id for p in pools)
    centres = entities(_new_centre, (), max_centres)
    centre_ids = tuple(c.id for c in centres)
    projects = entities(_new_project, (actor_ids,), max_projects)
    project_ids = tuple(p.id for p in projects)
    group_drafts = _list_of(
        draw,
        _group_with_partners,
        (actor_ids,),
        max_size=_size(max_groups, _DEFAULT_MAX_OTHERS),
        key=_first_of_pair,
    )
    group_ids = tuple(g.id for g, _ in group_drafts)
    the_groups = tuple(attrs.evolve(g, cooperates_with=_at(group_ids, p)) for g, p in group_drafts)
    agents = entities(_new_agent, (actor_ids, pool_ids), max_change_agents)
    the_grants: tuple[Grant, ...] = ()
    if actor_ids and pool_ids:
        the_grants = entities(_new_grant, (pool_ids, actor_ids, project_ids), max_grants)
    networks = entities(_new_network, (actor_ids, centre_ids), max_networks)
    snapshot = Snapshot(
        info=draw(_infos()),
        scope=draw(_scopes()),
        actors=the_actors,
        groups=the_groups,
        change_agents=agents,
        pools=pools,
        grants=the_grants,
        projects=projects,
        centres=centres,
        networks=_distinct_services(list(networks)),
        checks=draw(_check_settings()),
    )
    return recorded(draw, snapshot)
