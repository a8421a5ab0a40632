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
_NO_FACETS: frozenset[Facet] = frozenset()

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


def _actor_facets(actor: Actor) -> frozenset[Facet]:
    """The facets of one member (see :data:`Facet`)."""
    kind = actor.kind.value
    sectors: Iterable[str | None] = [s.value for s in actor.sectors] if actor.sectors else (None,)
    codes: Iterable[str | None] = actor.municipalities or (None,)
    found: set[Facet] = {(kind, s, c) for s in sectors for c in codes}
    found.update((kind, c) for c in codes)
    found.add((kind,))
    return frozenset(found)


_Profile = tuple[ActorKind, frozenset[Sector] | None, tuple[MunicipalityCode, ...]]
"""What a member's facets depend on: its kind, sectors and municipalities."""


class _Profiles:
    """The facets of members, worked out once for each profile (kind, sectors,
    municipalities) that some member has (many members share one), with every
    municipality code the members list."""

    __slots__ = ("codes", "facets_of")

    def __init__(self) -> None:
        self.facets_of: dict[_Profile, frozenset[Facet]] = {}
        self.codes: set[MunicipalityCode] = set()

    def of(self, actors: Sequence[Actor]) -> list[_Profile]:
        """The profiles of ``actors`` (each new one's facets worked out)."""
        known = self.facets_of
        found = [(a.kind, a.sectors, a.municipalities) for a in actors]
        for profile, a in zip(found, actors, strict=True):
            if profile not in known:
                known[profile] = _actor_facets(a)
                self.codes.update(a.municipalities)
        return found

    def facets(self, profiles: Sequence[_Profile]) -> frozenset[Facet]:
        """The facets of members with ``profiles``."""
        if not profiles:
            return _NO_FACETS
        if len(profiles) == 1:
            return self.facets_of[profiles[0]]
        return frozenset().union(*map(self.facets_of.__getitem__, profiles))

    def holding(self, groups_of: Mapping[_Profile, set[int]]) -> dict[Facet, set[int]]:
        """Each facet with the groups having a member of a profile with it, given the
        groups of each profile: a union of sets per facet, not a step per member."""
        sets: dict[Facet, list[set[int]]] = {}
        for profile, groups in groups_of.items():
            for f in self.facets_of[profile]:
                sets.setdefault(f, []).append(groups)
        return {f: set().union(*found) for f, found in sets.items()}


class GroupSeats:
    """The day-independent part: each group's seats resolved to their actors, once
    per snapshot. Keyed by the group object (``id(group)``), so that two groups
    sharing an ID (LAPE-S02) keep their own members."""

    __slots__ = (
        "_groups_of",
        "_holding",
        "codes",
        "dated",
        "facets",
        "kinds",
        "members",
        "profiles",
        "seats",
    )

    def __init__(self, groups: Sequence[Group], actors: Mapping[str, Actor]) -> None:
        self.seats: dict[int, tuple[tuple[Actor, Membership], ...]] = {}
        """The seats of each :attr:`dated` group, with their actors."""
        self.members: dict[int, tuple[Actor, ...]] = {}
        """Each group's member actors, in seat order, whatever the day."""
        self.kinds: dict[int, frozenset[ActorKind]] = {}
        self.facets: dict[int, frozenset[Facet]] = {}
        self.dated: set[int] = set()
        """The groups with a dated seat or member: the day decides who sits in them."""
        self.profiles = _Profiles()
        self._groups_of: dict[_Profile, set[int]] = {}
        """The undated groups having a member of each profile."""
        get = actors.get
        for group in groups:
            key = id(group)
            seats = group.members
            found = [get(m.actor) for m in seats]
            if None in found:  # an ID that names no actor fills no seat (LAPE-S01 reports it)
                seats = tuple(m for m, a in zip(seats, found, strict=True) if a is not None)
                found = [a for a in found if a is not None]
            here: tuple[Actor, ...] = tuple(found)  # type: ignore[arg-type]
            self.members[key] = here
            # comprehensions, not a step per member: most groups have no dates at all
            dated = bool([m for m in seats if m.period is not None])
            if not dated:
                dated = bool([a for a in here if a.period is not None])
            if dated:
                self.dated.add(key)
                self.seats[key] = tuple(zip(here, seats, strict=True))
            profiles = self.profiles.of(here)
            self.kinds[key] = frozenset([p[0] for p in profiles])
            self.facets[key] = self.profiles.facets(profiles)
            if not dated:
                for p in profiles:
                    holders = self._groups_of.get(p)
                    if holders is None:
                        self._groups_of[p] = {key}
                    else:
                        holders.add(key)
        self.codes: set[MunicipalityCode] = self.profiles.codes
        """Every municipality code the members list (to find the merged ones on a day)."""
        self._holding: dict[Facet, set[int]] | None = None

    def holding(self) -> dict[Facet, set[int]]:
        """Each facet with the undated groups whose members have it (made once): the
        groups holding it on any day, but for the :attr:`dated` ones."""
        if self._holding is None:
            self._holding = self.profiles.holding(self._groups_of)
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
        self._actors: dict[int, tuple[Actor, ...]] = seats.members
        self._seats = seats
        self._kinds = seats.kinds
        self._facets = seats.facets
        self._holding: dict[Facet, set[int]] | None = None
        if seats.dated:
            self._actors = dict(seats.members)
            self._kinds = dict(seats.kinds)
            self._facets = dict(seats.facets)
            for key in seats.dated:
                here = tuple(
                    actor
                    for actor, seat in seats.seats[key]
                    if _holds(seat.period, day) and _holds(actor.period, day)
                )
                profiles = seats.profiles.of(here)
                self._actors[key] = here
                self._kinds[key] = frozenset([p[0] for p in profiles])
                self._facets[key] = seats.profiles.facets(profiles)

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
            self._holding = self._holding_on_day()
        return self._holding.get(facet, _NONE)

    def _holding_on_day(self) -> dict[Facet, set[int]]:
        """The snapshot's holding of the undated groups (shared by every day), with the
        dated groups' members of the day added to copies of the sets they touch."""
        found = self._seats.holding()
        if not self._seats.dated:
            return found
        found = dict(found)
        copied: set[Facet] = set()
        for key in self._seats.dated:
            for f in self._facets[key]:
                if f not in copied:
                    copied.add(f)
                    found[f] = set(found.get(f, ()))
                found[f].add(key)
        return found

    def facets(self, group: Group) -> frozenset[Facet]:
        """The facets of the group's members in effect (see :func:`facet`, :func:`place`):
        ``facet(kind, sector, code) in members.facets(group)`` tells whether a member of
        ``kind`` lists ``sector`` and ``code``."""
        return self._facets.get(id(group), _NO_FACETS)


_NONE: frozenset[int] = frozenset()


def _holds(period: Period | None, day: dt.date) -> bool:
    return period is None or period.contains(day)
