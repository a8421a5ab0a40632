# ruff: noqa: N803, N806 - ``G`` (and ``H``) for a graph, as in networkx
"""The collaboration graph of a snapshot: actors (and change agents) joined by their ties.

Tie kinds and how an edge's attributes are computed are described in
:func:`collaboration_graph` and in ``docs/network.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from itertools import combinations, repeat
from typing import Any, Final, TypeAlias

import networkx as nx

from lape.model import (
    MUNICIPAL_BODIES,
    Actor,
    ActorKind,
    ChangeAgent,
    CountyCode,
    EntityKind,
    Geography,
    Grant,
    Group,
    GroupKind,
    Interface,
    Level,
    Period,
    Sector,
    ServiceNetwork,
    Snapshot,
    Vocabulary,
)
from lape.network._pairs import Data as _Data
from lape.network._pairs import Key as _Key
from lape.network._pairs import PairTable

__all__ = [
    "AGENT_KIND",
    "HUB_KIND",
    "MAX_CLIQUE",
    "TieKind",
    "agent_node",
    "collaboration_graph",
    "hub_node",
]


class TieKind(Vocabulary):
    """The kinds of tie that join two nodes of the collaboration graph.

    Each tie has a *source*: the entity that makes it (a group, a network, a
    grant, a service, a change agent), and a period. Two nodes share at most
    one tie of a kind per source, so an edge's weight counts distinct
    ``(kind, source)`` pairs.
    """

    GROUP = "group"
    """Both actors hold a seat in the same group (development group, reform
    preparation, national leadership or other); source: the group."""
    NETWORK = "network"
    """Both actors lead or are members of the same service network; source: the network."""
    GRANT = "grant"
    """Both actors take part in the same grant (recipient or participant); source: the grant."""
    COORDINATION = "coordination"
    """An explicit coordination link of a service network; source: the network."""
    INTERFACE = "interface"
    """The two sides of an identified interface of a split service: the service's
    provider and the network's actors on the other side (see
    :func:`collaboration_graph`); source: the service."""
    AGENT_EMPLOYER = "agent_employer"
    """A change agent and its employer organisation; source: the agent."""
    AGENT_REGION = "agent_region"
    """A change agent and each member of its region's regional group; source: the group."""
    AGENT_LEADERSHIP = "agent_leadership"
    """A change agent and each member of the programme's national leadership
    (a group of kind ``national``); source: the group."""


AGENT_KIND: Final = "change_agent"
"""The ``kind`` node attribute of a change agent's node (actors carry their :class:`ActorKind`)."""

HUB_KIND: Final = "hub"
"""The ``kind`` node attribute of a hub: the node that stands for a source too large
to expand into a clique (see :data:`MAX_CLIQUE`)."""

MAX_CLIQUE: Final = 250
"""The most nodes one source (a group, a service network, a grant) joins pairwise by
default: a larger one gets a hub node tied to each of its members instead (see
:func:`collaboration_graph`). A clique of *n* nodes makes *n(n-1)/2* edges; a national
network of 200 members is real (seed 004), and stays a clique."""

_AGENT_PREFIX: Final = "change_agent#"
_MUNICIPAL_KINDS: Final = MUNICIPAL_BODIES

# One shared tuple per set of sectors: it keeps the node dicts untracked by the cyclic
# garbage collector (see lape.network._pairs).
_SECTORS: dict[frozenset[Sector], tuple[str, ...]] = {}
_Seat: TypeAlias = tuple[str, "Period | None"]
_Seats: TypeAlias = tuple[Sequence[str], "Sequence[Period | None] | None"]
"""Node IDs, and their periods (``None`` when no seat has one)."""
_Source: TypeAlias = "Group | ServiceNetwork | Grant"
"""An entity whose members a tie joins pairwise."""


def agent_node(agent_id: str) -> str:
    """The node of change agent ``agent_id`` in a collaboration graph.

    ``#`` never occurs in an entity ID, so an agent's node never collides with
    an actor's.

    >>> agent_node("ps-change-agent")
    'change_agent#ps-change-agent'
    """
    return f"{_AGENT_PREFIX}{agent_id}"


def hub_node(kind: TieKind | str, source_id: str) -> str:
    """The hub node of the group, network or grant ``source_id`` (``kind`` ``group``,
    ``network`` or ``grant``) when it is too large for a clique (:data:`MAX_CLIQUE`).

    >>> hub_node("group", "national-family-centres")
    'group#national-family-centres'
    """
    value = kind.value if isinstance(kind, TieKind) else TieKind(kind).value
    return f"{value}#{source_id}"


def collaboration_graph(
    snapshot: Snapshot,
    *,
    as_of: dt.date | None = None,
    ties: Iterable[TieKind | str] | None = None,
    change_agents: bool = True,
    sources: bool = False,
    geography: Geography | None = None,
    max_clique: int | None = MAX_CLIQUE,
) -> nx.Graph[str]:
    """The collaboration graph of ``snapshot``: who works with whom.

    **Nodes** are the snapshot's actors, by ID (one node per ID; of two actors
    sharing an ID the first counts), whatever their own period, and with
    ``change_agents=True`` one node per change agent (:func:`agent_node`, kind
    ``"change_agent"``), left out on an ``as_of`` outside its employment.
    Node attributes: ``name``, ``kind`` (the actor kind's value),
    ``sectors`` (a sorted tuple of sector values, ``None`` when not given),
    ``municipalities`` (a tuple of codes), ``municipality`` (the code when
    there is exactly one), ``region`` and ``county`` (given, or derived from
    the municipalities when they agree, a region from the county; ``None``
    otherwise) and ``level`` (``local``, ``regional`` or ``national``).

    **Edges** join two nodes that share at least one tie (:class:`TieKind`):

    - ``group``: seated in the same group, during the meet of the group's
      period and both seats' periods;
    - ``network``: leading or being members of the same service network,
      during the network's period (and the membership's);
    - ``grant``: recipient or participant of the same grant, during its
      cost period;
    - ``coordination``: an explicit coordination link, during the network's period;
    - ``interface``: an identified interface that names services on both sides:
      every provider of a municipal-side service with every provider of a
      county-side service (source ``<network>/interfaces[<k>]``); in the older
      form, naming one split service: the provider and the
      network's actors on the other side of the split. A provider of a
      municipal kind (``municipality``, ``municipal_body``) faces the county
      side: the network's leads and its ``wellbeing_services_county``
      actors; any other provider faces the municipal side: the network's
      actors of a municipal kind serving the interface's municipality (or the
      service's; every one when neither is given);
    - ``agent_employer``, ``agent_region``, ``agent_leadership``: a change
      agent with its employer, with the members of its region's regional
      groups (of its own project area when both name one) and with the
      members of the national leadership groups, during its employment
      (and the group's and the seat's periods).

    A missing period means "no limit known": such a tie holds on every day.
    References to actors that do not exist are left out (rule LAPE-S01
    reports them), as are entities whose ID repeats an earlier one (LAPE-S02).

    Edge attributes: ``weight``, the number of ties the two share (each group,
    network, grant, coordinating network, split service and agent counted
    once); ``kinds``, the sorted tie kinds; ``periods``, the distinct periods
    during which the ties hold (``None`` for an unlimited one). With
    ``sources=True`` also ``ties``: the ``(kind, source ID)`` of each tie
    (building is then slower). With ``as_of`` only the ties that hold on that
    day count, and only their periods that contain it; without it every tie
    whose period has a day counts. ``ties=`` keeps only some kinds.

    **Large sources.** A group, service network or grant whose ties would join
    more than ``max_clique`` nodes (default :data:`MAX_CLIQUE`, 250) is not
    expanded into a clique: it gets a *hub* node (:func:`hub_node`, e.g.
    ``group#<its ID>``; kind ``"hub"``, ``hub`` the tie kind, ``seats`` the
    number of members it joins, ``name``, ``region``, ``county`` and
    ``municipality`` from the source, ``level`` and ``sectors`` ``None``)
    tied to each member by a tie of the source's kind, during the same
    periods. Two members are then two steps apart, through the hub. The graph
    attribute ``hubs`` lists the hub nodes. ``max_clique=None`` expands
    every source (a group of 5,000 then makes 12.5 million edges).

    The graph attributes ``as_of``, ``title``, ``tie_kinds``, ``max_clique``
    and ``hubs`` say how it was built. Building takes time linear in the
    number of node pairs the ties make (a clique of *n* nodes makes
    *n(n-1)/2*), so at most ``(max_clique - 1) / 2`` pairs per seat: linear
    in the file.

    >>> import datetime as dt, lape
    >>> G = collaboration_graph(lape.example(), as_of=dt.date(2017, 10, 1))
    >>> G.number_of_nodes(), G.number_of_edges()
    (42, 171)
    >>> edge = G.edges["kuopio-sote", "ps-shp"]
    >>> edge["weight"], edge["kinds"], [str(p) for p in edge["periods"]]
    (3, ('grant', 'group'), ['2016-09-26..2018-12-31', 'None', '2017-01-01..2018-12-31'])
    >>> G.nodes["kuopio-sote"]["region"], G.nodes[agent_node("ps-change-agent")]["kind"]
    ('11', 'change_agent')
    >>> H = collaboration_graph(lape.example(), as_of=dt.date(2017, 10, 1), sources=True)
    >>> H.edges["kuopio-sote", "ps-shp"]["ties"]
    (('group', 'ps-lape'), ('group', 'ps-sote-valmistelu'), ('grant', 'ps-lape-2017'))
    """
    if max_clique is not None and (isinstance(max_clique, bool) or max_clique < 2):
        msg = f"max_clique must be a whole number of at least 2, or None, not {max_clique!r}"
        raise ValueError(msg)
    if geography is None:
        from lape.reference import geography as reference_geography

        geography = reference_geography()
    kinds = _tie_kinds(ties)
    builder = _Builder(
        snapshot,
        as_of,
        kinds,
        geography,
        change_agents=change_agents,
        sources=sources,
        max_clique=max_clique,
    )
    G: nx.Graph[str] = nx.Graph(
        as_of=as_of,
        title=snapshot.info.title,
        tie_kinds=tuple(k.value for k in TieKind if k in kinds),
        max_clique=max_clique,
    )
    builder.add_nodes(G)
    builder.add_ties()
    G.add_nodes_from(builder.hubs.items())
    G.graph["hubs"] = tuple(builder.hubs)
    G.add_edges_from(builder.pairs.edges())
    return G


def _tie_kinds(ties: Iterable[TieKind | str] | None) -> frozenset[TieKind]:
    if ties is None:
        return frozenset(TieKind)
    if isinstance(ties, (str, TieKind)):
        ties = (ties,)
    found = set()
    for tie in ties:
        if isinstance(tie, TieKind):
            found.add(tie)
            continue
        try:
            found.add(TieKind(tie))
        except ValueError:
            allowed = ", ".join(repr(k.value) for k in TieKind)
            msg = f"unknown tie kind {tie!r}; expected one of {allowed}"
            raise ValueError(msg) from None
    return frozenset(found)


# -- periods ---------------------------------------------------------------------


class _Empty:
    """The meet of two periods that share no day."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<no day>"


_EMPTY: Final = _Empty()


def _meet(p: Period | None, q: Period | None) -> Period | _Empty | None:
    """The days ``p`` and ``q`` share (``None`` is unlimited), or ``_EMPTY``."""
    if p is None or q is None:
        one = q if p is None else p
        return _EMPTY if one is not None and one.is_inverted else one
    if p.is_inverted or q.is_inverted:
        return _EMPTY
    start = max(p.start, q.start)
    if p.end is None:
        end = q.end
    elif q.end is None:
        end = p.end
    else:
        end = min(p.end, q.end)
    if end is not None and end < start:
        return _EMPTY
    if start == p.start and end == p.end:
        return p
    if start == q.start and end == q.end:
        return q
    return Period(start=start, end=end)


def _holds(period: Period | None, day: dt.date | None) -> bool:
    """Whether a tie with ``period`` holds on ``day`` (``None``: any day will do)."""
    if period is None:
        return True
    if day is None:
        return not period.is_inverted
    return period.contains(day)


# -- the builder -------------------------------------------------------------------


class _Builder:
    """Which ties exist: walks the snapshot's sources (groups, grants, networks,
    change agents), keeps the seats that exist and hold (on the day), and hands
    each tie to a :class:`~lape.network._pairs.PairTable`, which accumulates the
    pairs.

    A source whose clique would join more than ``max_clique`` nodes gets a hub
    node of its own instead, tied to each of them (a star).
    """

    def __init__(
        self,
        snapshot: Snapshot,
        day: dt.date | None,
        kinds: frozenset[TieKind],
        geography: Geography,
        *,
        change_agents: bool,
        sources: bool,
        max_clique: int | None,
    ) -> None:
        self.snapshot = snapshot
        self.index = snapshot.index
        self.day = day
        self.kinds = kinds
        self.geography = geography
        self.max_clique = max_clique
        self.pairs = PairTable(sources=sources)
        # Big containers made here would be young when the graph's first objects
        # are, and the garbage collector's first passes would walk them: a dict of
        # strings to None is never tracked, and the snapshot's own tuple is old.
        self.actors: Sequence[Actor] = snapshot.actors
        self.nodes: dict[str, None] = dict.fromkeys([a.id for a in snapshot.actors])
        """The nodes, as keys (a set would be tracked)."""
        if len(self.nodes) < len(self.actors):  # the first of actors that share an ID counts
            first: dict[str, Actor] = {}
            for actor in snapshot.actors:
                first.setdefault(actor.id, actor)
            self.actors = list(first.values())
        self.agents = list(self._agents()) if change_agents else []
        self.nodes.update(dict.fromkeys(agent_node(agent.id) for agent in self.agents))
        self.known = self.nodes.keys()
        self.hubs: dict[str, _Data] = {}
        """The hub nodes made so far, with their attributes."""

    # -- nodes ------------------------------------------------------------------

    def add_nodes(self, G: nx.Graph[str]) -> None:
        """Adds the nodes to ``G``, then writes each node's attributes into the
        attribute dict networkx made for it (the dicts ``G.nodes(data=True)``
        gives): no dict of ours per node to make and copy.

        The areas of a municipality list and an actor's level are computed once
        per distinct input; ``_value_`` is an enum member's plain attribute
        (``.value`` goes through a slow descriptor).
        """
        G.add_nodes_from(self.nodes)
        areas: dict[tuple[str, ...], tuple[str | None, str | None]] = {}
        levels: dict[tuple[Any, ...], str] = {}
        counties = self.geography.counties
        for actor, (_, data) in zip(self.actors, iter(G.nodes(data=True)), strict=False):
            municipalities = actor.municipalities
            shared = areas.get(municipalities)
            if shared is None:
                shared = areas[municipalities] = self._areas(municipalities)
            region = actor.region or shared[0]
            county = actor.county or shared[1]
            if region is None and county is not None:
                of_county = counties.get(CountyCode(county))
                region = of_county.region if of_county is not None else None
            sectors = actor.sectors
            values = None
            if sectors is not None:
                values = _SECTORS.get(sectors)
                if values is None:
                    values = _SECTORS[sectors] = tuple(sorted(s.value for s in sectors))
            kind, given = actor.kind._value_, actor.level
            key = (  # what Actor.working_level depends on
                kind,
                None if given is None else given._value_,
                actor.body is None,
                not municipalities,
                actor.region is None,
                actor.county is None,
            )
            level = levels.get(key)
            if level is None:
                level = levels[key] = actor.working_level._value_
            data["name"] = actor.name
            data["kind"] = kind
            data["sectors"] = values
            data["municipalities"] = municipalities
            data["municipality"] = municipalities[0] if len(municipalities) == 1 else None
            data["region"] = region
            data["county"] = county
            data["level"] = level
        regional, nodes = Level.REGIONAL.value, G.nodes
        for agent in self.agents:  # by node: few, and robust to an actor of the same ID
            data = nodes[agent_node(agent.id)]
            data["name"] = agent.name
            data["kind"] = AGENT_KIND
            data["sectors"] = None
            data["municipalities"] = ()
            data["municipality"] = None
            data["region"] = agent.region
            data["county"] = None
            data["level"] = regional

    def _areas(self, codes: tuple[str, ...]) -> tuple[str | None, str | None]:
        """The region and county that all of ``codes`` share (``None`` when they differ)."""
        regions: set[str] = set()
        counties: set[str] = set()
        geo, day = self.geography, self.day
        for code in codes:
            m = geo.municipality(code)
            if m is None:
                continue
            regions.add(m.region_on(day) if day is not None else m.region)
            if m.county is not None:
                counties.add(m.county)
        region = regions.pop() if len(regions) == 1 else None
        county = counties.pop() if len(counties) == 1 else None
        return region, county

    def _agents(self) -> Iterator[ChangeAgent]:
        for agent in self.snapshot.change_agents:
            if self.index.change_agent(agent.id) is not agent:
                continue
            if self.day is not None and not agent.employment.contains(self.day):
                continue
            yield agent

    def _hub(self, kind: TieKind, source: _Source, seats: int) -> str:
        """The hub node of ``source``, made (and its attributes recorded) on first use."""
        node = hub_node(kind, source.id)
        if node in self.hubs:
            return node
        region: str | None = None
        county: str | None = None
        municipality: str | None = None
        if isinstance(source, Group):
            region, municipality = source.region, source.municipality
            if region is None and municipality is not None:
                region = self._areas((municipality,))[0]
        elif isinstance(source, ServiceNetwork):
            county = source.county
            of_county = self.geography.counties.get(county) if county is not None else None
            region = of_county.region if of_county is not None else None
        else:
            region = source.region
        self.hubs[node] = {
            "name": getattr(source, "name", source.id),
            "kind": HUB_KIND,
            "sectors": None,
            "municipalities": () if municipality is None else (municipality,),
            "municipality": municipality,
            "region": region,
            "county": county,
            "level": None,
            "hub": kind._value_,
            "seats": seats,
        }
        self.nodes[node] = None
        return node

    # -- ties ---------------------------------------------------------------------

    def add_ties(self) -> None:
        kinds, index = self.kinds, self.index
        repeated = index.duplicates()  # usually none: then every entity is the first of its ID
        check_groups = EntityKind.GROUP in repeated
        national: list[Group] = []
        for group in self.snapshot.groups:
            if check_groups and index.group(group.id) is not group:
                continue
            if group.kind is GroupKind.NATIONAL:
                national.append(group)
            if TieKind.GROUP in kinds:
                self._clique(TieKind.GROUP, group, group.period, _group_seats(group))
        if TieKind.GRANT in kinds:
            check_grants = EntityKind.GRANT in repeated
            for grant in self.snapshot.grants:
                if check_grants and index.grant(grant.id) is not grant:
                    continue
                seats = ((grant.recipient, *grant.participants), None)
                self._clique(TieKind.GRANT, grant, grant.costs, seats)
        interfaces: set[str] = set()
        for network in self.snapshot.networks:
            if index.network(network.id) is not network:
                continue
            if TieKind.NETWORK in kinds:
                self._clique(TieKind.NETWORK, network, network.period, _network_seats(network))
            if TieKind.COORDINATION in kinds:
                self._coordination(network)
            if TieKind.INTERFACE in kinds:
                self._interfaces(network, interfaces)
        agent_kinds = {TieKind.AGENT_EMPLOYER, TieKind.AGENT_REGION, TieKind.AGENT_LEADERSHIP}
        if kinds & agent_kinds:
            for agent in self.agents:
                self._agent(agent, national)

    def _coordination(self, network: ServiceNetwork) -> None:
        seen: set[_Key] = set()
        for link in network.coordination:
            a, b = link.actors
            key = (a, b) if a < b else (b, a)
            if a == b or key in seen:
                continue
            seen.add(key)
            self._clique(TieKind.COORDINATION, network, network.period, (key, None))

    def _interfaces(self, network: ServiceNetwork, done: set[str]) -> None:
        """Interface ties, one per service (in the first network that names it)."""
        index = self.index
        ids, periods = _network_seats(network)
        seats = list(zip(ids, periods or (None,) * len(ids), strict=True))
        for k, interface in enumerate(network.interfaces):
            self._interface_sides(network, k, interface)
            if interface.service is None:
                continue
            service = index.service(interface.service)
            if service is None or service.id in done:
                continue
            done.add(service.id)
            provider = index.actor(service.provider)
            if provider is None:
                continue
            other: list[_Seat] = []
            if provider.kind in _MUNICIPAL_KINDS:
                leads = set(network.leads)
                for a, p in seats:
                    actor = index.actor(a)
                    if a in leads or (
                        actor is not None and actor.kind is ActorKind.WELLBEING_SERVICES_COUNTY
                    ):
                        other.append((a, p))
            else:
                code = interface.municipality or service.municipality
                for a, p in seats:
                    actor = index.actor(a)
                    if (
                        actor is not None
                        and actor.kind in _MUNICIPAL_KINDS
                        and (code is None or code in actor.municipalities)
                    ):
                        other.append((a, p))
            self._star(TieKind.INTERFACE, service.id, network.period, (provider.id, None), other)

    def _interface_sides(self, network: ServiceNetwork, k: int, interface: Interface) -> None:
        """An interface that names services on both sides: a tie between every provider
        of a municipal-side service and every provider of a county-side service."""
        index = self.index
        sides = []
        for side in (interface.municipal_services, interface.county_services):
            providers = (index.service(x) for x in side)
            sides.append(list(dict.fromkeys(svc.provider for svc in providers if svc is not None)))
        municipal, county = sides
        source = f"{network.id}/interfaces[{k}]"
        paired: set[frozenset[str]] = set()  # a provider on both sides pairs once
        for provider in municipal:
            seats = []
            for c in county:
                pair = frozenset((provider, c))
                if c != provider and pair not in paired:
                    paired.add(pair)
                    seats.append((c, None))
            self._star(TieKind.INTERFACE, source, network.period, (provider, None), seats)

    def _agent(self, agent: ChangeAgent, national: Sequence[Group]) -> None:
        node = agent_node(agent.id)
        centre: _Seat = (node, agent.employment)
        kinds, index = self.kinds, self.index
        if TieKind.AGENT_EMPLOYER in kinds and agent.employer is not None:
            self._star(TieKind.AGENT_EMPLOYER, agent.id, None, centre, [(agent.employer, None)])
        if TieKind.AGENT_REGION in kinds:
            for group in index.groups_of_region(agent.region):
                if group.kind is not GroupKind.REGIONAL or index.group(group.id) is not group:
                    continue
                area, other_area = agent.project_area, group.project_area
                if area is not None and other_area is not None and area != other_area:
                    continue
                seats = [(m.actor, m.period) for m in group.members]
                self._star(TieKind.AGENT_REGION, group.id, group.period, centre, seats)
        if TieKind.AGENT_LEADERSHIP in kinds:
            for group in national:
                seats = [(m.actor, m.period) for m in group.members]
                self._star(TieKind.AGENT_LEADERSHIP, group.id, group.period, centre, seats)

    # -- cliques and stars: the seats that hold, and when ---------------------------

    def _clique(self, kind: TieKind, source: _Source, base: Period | None, seats: _Seats) -> None:
        """A tie from ``source`` between every two of ``seats`` (IDs, and their periods
        or ``None`` when none has one), during ``base`` met with the seats' periods;
        a hub (:meth:`_hub`) when that would join more than ``max_clique`` nodes."""
        if base is not None and not _holds(base, self.day):
            return
        ids, periods = seats
        pairs, value, cap = self.pairs, kind._value_, self.max_clique
        if periods is None:  # the common case: every seat holds whenever the source does
            found = sorted(self.known & ids)
            if len(found) < 2:
                return
            if cap is not None and len(found) > cap:
                hub = self._hub(kind, source, len(found))
                self._star(kind, source.id, base, (hub, None), zip(found, repeat(None)))
                return
            pairs.add_clique(found, pairs.tie(value, source.id, (base,)))
            return
        active = self._active(base, zip(ids, periods, strict=True))
        if len(active) < 2:
            return
        found = sorted(active)
        if cap is not None and len(found) > cap:
            hub = self._hub(kind, source, len(found))
            self._star(kind, source.id, base, (hub, None), zip(ids, periods, strict=True))
            return
        if all(not active[a] or active[a] == [base] for a in found):
            pairs.add_clique(found, pairs.tie(value, source.id, (base,)))
            return
        pairs.add_pairs(
            {
                (a, b): pairs.tie(value, source.id, met)
                for a, b in combinations(found, 2)
                if (met := self._pair_periods(base, active[a], active[b]))
            }
        )

    def _star(
        self,
        kind: TieKind,
        source: str,
        base: Period | None,
        centre: _Seat,
        seats: Iterable[_Seat],
    ) -> None:
        """A tie between the ``centre`` node and each of ``seats``."""
        node, own = centre
        met = _meet(base, own)
        if isinstance(met, _Empty) or node not in self.nodes or not _holds(met, self.day):
            return
        pairs, value = self.pairs, kind._value_
        found: dict[_Key, _Data] = {}
        for other, periods in self._active(met, seats).items():
            if other == node:
                continue
            key = (node, other) if node < other else (other, node)
            found[key] = pairs.tie(value, source, tuple(dict.fromkeys(periods)) or (met,))
        pairs.add_pairs(found)

    def _active(self, base: Period | None, seats: Iterable[_Seat]) -> dict[str, list[Period]]:
        """The existing nodes among ``seats`` with the periods each sits, met with
        ``base`` (which holds on the day), keeping those that hold on the day.
        A seat without a period covers the node's others: its list is
        ``[base]``, or empty when ``base`` is unlimited too."""
        nodes, day = self.nodes, self.day
        found: dict[str, list[Period]] = {}
        full: set[str] = set()
        for node, period in seats:
            if node not in nodes:
                continue
            if period is None:
                full.add(node)
                found.setdefault(node, [])
                continue
            met = _meet(base, period)
            if isinstance(met, Period) and (day is None or met.contains(day)):
                found.setdefault(node, []).append(met)
        whole = [] if base is None else [base]
        for node in full:
            found[node] = list(whole)
        return found

    def _pair_periods(
        self, base: Period | None, first: list[Period], second: list[Period]
    ) -> tuple[Period | None, ...]:
        """The periods two nodes sit together (their lists as from :meth:`_active`)."""
        if not first:
            return tuple(dict.fromkeys(second)) if second else (base,)
        if not second:
            return tuple(dict.fromkeys(first))
        day = self.day
        found: dict[Period | None, None] = {}
        for p in first:
            for q in second:
                met = _meet(p, q)
                if isinstance(met, Period) and (day is None or met.contains(day)):
                    found[met] = None
        return tuple(found)


def _group_seats(group: Group) -> _Seats:
    """The seats' IDs and periods (plain loops: quicker than ``attrgetter`` on attrs'
    slotted classes, whose attributes the interpreter reads by a specialised path)."""
    members = group.members
    ids = [m.actor for m in members]
    for m in members:
        if m.period is not None:
            return ids, [m.period for m in members]
    return ids, None


def _network_seats(network: ServiceNetwork) -> _Seats:
    ids = [*network.leads, *(m.actor for m in network.members)]
    if all(m.period is None for m in network.members):
        return ids, None
    return ids, [*(None for _ in network.leads), *(m.period for m in network.members)]
