"""Who sits in each group on one day: the members in effect, their kinds and sectors.

:meth:`SnapshotIndex.group_members` gives a :class:`GroupMembers` for a day. What
does not depend on the day (each group's seats resolved to their actors, the kinds,
sectors and municipalities of its members, whether any seat or member has a period
at all) is worked out once per snapshot; a day then only revisits the groups with a
dated seat or member. The composition rules (LAPE-G01..G11) become look-ups and set
operations over it: "the groups lacking a parish are the municipal groups minus
those that have one".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

from lape.model._actors import Actor, ActorKind
from lape.model._groups import Group, Membership
from lape.model._ids import MunicipalityCode
from lape.model._period import Period
from lape.model._vocabulary import Sector

_NO_KINDS: frozenset[ActorKind] = frozenset()

__all__ = ["Facet", "GroupMembers", "GroupSeats", "facet", "place"]

Facet = tuple[str, str | None, str | None] | tuple[str, str | None] | tuple[str]
"""What a group's members are, for set look-ups: ``(kind, sector, municipality)`` for
each of a member's sectors and listed municipalities, ``(kind, municipality)`` and
``(kind,)``, with the enums' values (text hashes fast) and ``None`` where a member
gives none."""


def facet(
    kind: ActorKind, sector: Sector | None, municipality: str | None
) -> tuple[str, str | None, str | None]:
    """The facet of a member of ``kind`` listing ``sector`` and ``municipality``."""
    return (kind.value, None if sector is None else sector.value, municipality)


def place(kind: ActorKind, municipality: str | None) -> tuple[str, str | None]:
    """The facet of a member of ``kind`` listing ``municipality`` (any sector)."""
    return (kind.value, municipality)


def _facets(actors: Iterable[Actor]) -> frozenset[Facet]:
    found: set[Facet] = set()
    for a in actors:
        kind = a.kind.value
        sectors: Iterable[str | None] = [s.value for s in a.sectors] if a.sectors else (None,)
        codes: Iterable[str | None] = a.municipalities or (None,)
        found.update((kind, s, c) for s in sectors for c in codes)
        found.update((kind, c) for c in codes)
        found.add((kind,))
    return frozenset(found)


def _holding(facets: Mapping[int, frozenset[Facet]]) -> dict[Facet, set[int]]:
    """Each facet with the groups (their ``id()``) whose members have it."""
    found: dict[Facet, set[int]] = {}
    for key, group_facets in facets.items():
        for f in group_facets:
            holders = found.get(f)
            if holders is None:
                found[f] = {key}
            else:
                holders.add(key)
    return found


class GroupSeats:
    """The day-independent part: each group's seats resolved to their actors, once
    per snapshot. Keyed by the group object (``id(group)``), so that two groups
    sharing an ID (LAPE-S02) keep their own members."""

    __slots__ = ("_holding", "codes", "dated", "facets", "kinds", "seats")

    def __init__(self, groups: Sequence[Group], actors: Mapping[str, Actor]) -> None:
        self.seats: dict[int, tuple[tuple[Actor, Membership], ...]] = {}
        self.kinds: dict[int, frozenset[ActorKind]] = {}
        self.facets: dict[int, frozenset[Facet]] = {}
        self.dated: set[int] = set()
        """The groups with a dated seat or member: the day decides who sits in them."""
        self.codes: set[MunicipalityCode] = set()
        """Every municipality code the members list (to find the merged ones on a day)."""
        get = actors.get
        for group in groups:
            key = id(group)
            found: list[tuple[Actor, Membership]] = []
            for m in group.members:
                actor = get(m.actor)
                if actor is None:
                    continue  # an ID that names no actor: LAPE-S01 reports it
                if m.period is not None or actor.period is not None:
                    self.dated.add(key)
                found.append((actor, m))
            self.seats[key] = tuple(found)
            members = [actor for actor, _ in found]
            self.kinds[key] = frozenset(a.kind for a in members)
            self.facets[key] = _facets(members)
            for a in members:
                self.codes.update(a.municipalities)
        self._holding: dict[Facet, set[int]] | None = None

    def holding(self) -> dict[Facet, set[int]]:
        """Each facet with the groups whose members have it, whatever the day (made once)."""
        if self._holding is None:
            self._holding = _holding(self.facets)
        return self._holding


class GroupMembers:
    """The members of every group in effect on one day (seat and actor both in effect),
    with their kinds and *facets* (kind, sector, listed municipality) for set look-ups.

    >>> import lape, datetime as dt
    >>> from lape.model import ActorKind, Sector
    >>> s = lape.example()
    >>> members = s.index.group_members(dt.date(2017, 10, 1))
    >>> varkaus = s.index.group("varkaus-lape")
    >>> sorted(k.value for k in members.kinds(varkaus))
    ['municipal_body', 'organisation', 'youth_council']
    >>> facet(ActorKind.MUNICIPAL_BODY, Sector.SOCIAL_HEALTH, "915") in members.facets(varkaus)
    True
    """

    __slots__ = ("_actors", "_facets", "_holding", "_kinds", "_seats", "codes", "day")

    def __init__(self, seats: GroupSeats, day: dt.date) -> None:
        self.day = day
        self.codes: frozenset[MunicipalityCode] = frozenset(seats.codes)
        """Every municipality code the members of any group list (whatever the day)."""
        self._actors: dict[int, tuple[Actor, ...]] = {
            key: tuple(actor for actor, _ in found)
            for key, found in seats.seats.items()
            if key not in seats.dated
        }
        self._seats = seats
        self._kinds = seats.kinds
        self._facets = seats.facets
        self._holding: dict[Facet, set[int]] | None = None
        if seats.dated:
            self._kinds = dict(seats.kinds)
            self._facets = dict(seats.facets)
            for key in seats.dated:
                here = tuple(
                    actor
                    for actor, seat in seats.seats[key]
                    if _holds(seat.period, day) and _holds(actor.period, day)
                )
                self._actors[key] = here
                self._kinds[key] = frozenset(a.kind for a in here)
                self._facets[key] = _facets(here)

    def actors(self, group: Group) -> tuple[Actor, ...]:
        """The group's member actors in effect on the day, in seat order (an actor
        seated twice is listed twice)."""
        return self._actors.get(id(group), ())

    def kinds(self, group: Group) -> frozenset[ActorKind]:
        """The kinds of :meth:`actors`."""
        return self._kinds.get(id(group), _NO_KINDS)

    def sectors(self, group: Group) -> frozenset[Sector]:
        """The sectors given for :meth:`actors`."""
        return frozenset(s for a in self.actors(group) for s in (a.sectors or ()))

    def holding(self, facet: Facet) -> AbstractSet[int]:
        """The groups (their ``id()``) whose members in effect have ``facet``: set
        operations over these answer a composition rule for every group at once.

        >>> import lape, datetime as dt
        >>> from lape.model import ActorKind
        >>> s = lape.example()
        >>> members = s.index.group_members(dt.date(2017, 10, 1))
        >>> parish = members.holding((ActorKind.PARISH.value,))
        >>> [g.id for g in s.groups if g.kind.value == "municipal" and id(g) not in parish]
        ['varkaus-lape']
        """
        if self._holding is None:
            dated = bool(self._seats.dated)  # else the snapshot's own index serves every day
            self._holding = _holding(self._facets) if dated else self._seats.holding()
        return self._holding.get(facet, _NONE)

    def facets(self, group: Group) -> frozenset[Facet]:
        """The facets of the group's members in effect (see :func:`facet`, :func:`place`):
        ``facet(kind, sector, code) in members.facets(group)`` tells whether a member of
        ``kind`` lists ``sector`` and ``code``."""
        return self._facets.get(id(group), frozenset())


_NONE: frozenset[int] = frozenset()


def _holds(period: Period | None, day: dt.date) -> bool:
    return period is None or period.contains(day)
