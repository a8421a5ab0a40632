# ruff: noqa: N803, N806 - ``G`` for a graph, as in networkx
"""The collaboration graph: nodes, ties, weights and periods, by example and as properties.

The properties compare the graph with :func:`reference`, a plain implementation
of the definitions in ``collaboration_graph``'s docstring one pair at a time, with
no shortcut: for every source (group, grant, network, link, interface, change
agent) and every two seats in it, the tie holds when the source's period and
both seats' periods share a day (that day, with ``as_of``). It is slow and
obviously right, so that the fast builder can be compared with it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lape
from lape.model import (
    Actor,
    ActorKind,
    ChangeAgent,
    CoordinationLink,
    Grant,
    Group,
    GroupKind,
    Interface,
    Membership,
    MunicipalityCode,
    NetworkMember,
    Period,
    RegionCode,
    Responsibility,
    Sector,
    Service,
    ServiceNetwork,
    Snapshot,
    TargetGroup,
    euros,
)
from lape.network import (
    AGENT_KIND,
    HUB_KIND,
    MAX_CLIQUE,
    TieKind,
    agent_node,
    collaboration_graph,
    hub_node,
)
from lape.testing import national_snapshot, snapshots

if TYPE_CHECKING:
    import networkx as nx

# snapshots() draws many nested entities: slow to draw on a busy machine
slow_to_draw = settings(suppress_health_check=[HealthCheck.too_slow])

D = dt.date
OCT_2017 = D(2017, 10, 1)


def period(start: str, end: str | None = None) -> Period:
    return Period(start=D.fromisoformat(start), end=D.fromisoformat(end) if end else None)


def actor(actor_id: str, kind: ActorKind = ActorKind.ORGANISATION, **kw: Any) -> Actor:
    return Actor(id=actor_id, name=actor_id.upper(), kind=kind, **kw)


def group(group_id: str, *members: str | Membership, **kw: Any) -> Group:
    seats = tuple(m if isinstance(m, Membership) else Membership(actor=m) for m in members)
    kw.setdefault("kind", GroupKind.OTHER)
    return Group(id=group_id, name=group_id, members=seats, **kw)


Bounds: TypeAlias = tuple[dt.date, dt.date]
Seat: TypeAlias = tuple[str, "Period | None"]
Tie: TypeAlias = tuple[str, str]


class Reference:
    """The expected graph: nodes, and for each pair its ties and their periods."""

    def __init__(self) -> None:
        self.nodes: set[str] = set()
        self.ties: dict[frozenset[str], set[Tie]] = defaultdict(set)
        self.periods: dict[frozenset[str], set[Bounds]] = defaultdict(set)


def bounds(periods: Iterable[Period | None]) -> Bounds | None:
    """The days all ``periods`` share, as (first, last); ``None`` when none (or one is
    inverted). ``None`` periods are unlimited."""
    start, end = dt.date.min, dt.date.max
    for p in periods:
        if p is None:
            continue
        if p.end is not None and p.end < p.start:
            return None
        start = max(start, p.start)
        end = min(end, p.end or dt.date.max)
    return (start, end) if start <= end else None


def as_bounds(period: Period | None) -> Bounds:
    found = bounds([period])
    assert found is not None
    return found


def _seats_by_node(seats: Iterable[Seat]) -> dict[str, list[Period | None]]:
    """Each node's seat periods; a seat without a period covers the others."""
    found: dict[str, list[Period | None]] = defaultdict(list)
    for node, period in seats:
        found[node].append(period)
    return {node: [None] if None in ps else ps for node, ps in found.items()}


def reference(
    snapshot: Snapshot,
    as_of: dt.date | None,
    *,
    change_agents: bool = True,
    max_clique: int | None = MAX_CLIQUE,
) -> Reference:
    ref = Reference()
    actors: dict[str, Actor] = {}
    for actor in snapshot.actors:
        actors.setdefault(actor.id, actor)
    ref.nodes |= set(actors)
    agents: dict[str, ChangeAgent] = {}
    for agent in snapshot.change_agents:
        agents.setdefault(agent.id, agent)
    if change_agents:
        for agent in agents.values():
            if as_of is None or agent.employment.contains(as_of):
                ref.nodes.add(agent_node(agent.id))

    def holds(periods: list[Period | None]) -> Bounds | None:
        found = bounds(periods)
        if found is None or (as_of is not None and not found[0] <= as_of <= found[1]):
            return None
        return found

    def add(a: str, b: str, tie: Tie, periods: list[Period | None]) -> None:
        if a == b or a not in ref.nodes or b not in ref.nodes:
            return
        found = holds(periods)
        if found is None:
            return
        key = frozenset((a, b))
        ref.ties[key].add(tie)
        ref.periods[key].add(found)

    def clique(kind: str, source: str, base: Period | None, seats: list[Seat]) -> None:
        by_node = _seats_by_node(seats)
        members = [
            node
            for node, periods in by_node.items()
            if node in ref.nodes and any(holds([base, p]) for p in periods)
        ]
        if max_clique is not None and len(members) > max_clique:  # a hub instead
            hub = f"{kind}#{source}"
            ref.nodes.add(hub)
            star(kind, source, base, (hub, None), seats)
            return
        for a, b in combinations(by_node, 2):
            for pa in by_node[a]:
                for pb in by_node[b]:
                    add(a, b, (kind, source), [base, pa, pb])

    def star(kind: str, source: str, base: Period | None, centre: Seat, seats: list[Seat]) -> None:
        node, own = centre
        for other, periods in _seats_by_node(seats).items():
            for p in periods:
                add(node, other, (kind, source), [base, own, p])

    groups: dict[str, Group] = {}
    for group in snapshot.groups:
        groups.setdefault(group.id, group)
    for group in groups.values():
        clique("group", group.id, group.period, [(m.actor, m.period) for m in group.members])
    grants: dict[str, Grant] = {}
    for grant in snapshot.grants:
        grants.setdefault(grant.id, grant)
    for grant in grants.values():
        clique("grant", grant.id, grant.costs, [(a, None) for a in grant.actors])
    networks: dict[str, ServiceNetwork] = {}
    for network in snapshot.networks:
        networks.setdefault(network.id, network)
    services: dict[str, Service] = {}
    for network in snapshot.networks:
        for svc in network.services:
            services.setdefault(svc.id, svc)
    done: set[str] = set()
    municipal = {ActorKind.MUNICIPALITY, ActorKind.MUNICIPAL_BODY}
    for network in networks.values():
        seats: list[Seat] = [(lead, None) for lead in network.leads]
        seats += [(m.actor, m.period) for m in network.members]
        clique("network", network.id, network.period, seats)
        for link in network.coordination:
            a, b = link.actors
            clique("coordination", network.id, network.period, [(a, None), (b, None)])
        for k, interface in enumerate(network.interfaces):
            sides = [
                [services[x].provider for x in side if x in services]
                for side in (interface.municipal_services, interface.county_services)
            ]
            for m in sides[0]:
                others: list[Seat] = [(c, None) for c in sides[1]]
                star(
                    "interface", f"{network.id}/interfaces[{k}]", network.period, (m, None), others
                )
            if interface.service is None:
                continue
            found = services.get(interface.service)
            if found is None or found.id in done:
                continue
            svc = found
            done.add(svc.id)
            provider = actors.get(svc.provider)
            if provider is None:
                continue
            if provider.kind in municipal:
                other = [
                    (a, p)
                    for a, p in seats
                    if a in network.leads
                    or (a in actors and actors[a].kind is ActorKind.WELLBEING_SERVICES_COUNTY)
                ]
            else:
                code = interface.municipality or svc.municipality
                other = [
                    (a, p)
                    for a, p in seats
                    if a in actors
                    and actors[a].kind in municipal
                    and (code is None or code in actors[a].municipalities)
                ]
            star("interface", svc.id, network.period, (provider.id, None), other)
    for agent in agents.values():
        centre: Seat = (agent_node(agent.id), agent.employment)
        if agent.employer is not None:
            star("agent_employer", agent.id, None, centre, [(agent.employer, None)])
        for group in groups.values():
            members = [(m.actor, m.period) for m in group.members]
            if group.kind is GroupKind.NATIONAL:
                star("agent_leadership", group.id, group.period, centre, members)
            if group.kind is GroupKind.REGIONAL and group.region == agent.region:
                areas = (agent.project_area, group.project_area)
                if None in areas or areas[0] == areas[1]:
                    star("agent_region", group.id, group.period, centre, members)
    return ref


def ties_of(G: nx.Graph[str], u: str, v: str) -> set[tuple[str, str]]:
    return set(G.edges[u, v]["ties"])


# -- the example -----------------------------------------------------------------------


def test_example_nodes_are_actors_and_the_change_agent() -> None:
    snapshot = lape.example()
    G = collaboration_graph(snapshot, as_of=OCT_2017)
    assert set(G) == {a.id for a in snapshot.actors} | {agent_node("ps-change-agent")}
    assert G.nodes["kuopio-sote"] == {
        "name": "City of Kuopio, social and health services",
        "kind": "municipal_body",
        "sectors": ("social_health",),
        "municipalities": ("297",),
        "municipality": "297",
        "region": "11",
        "county": "13",
        "level": "local",
    }
    assert G.nodes["ylasavo-nuva"]["municipality"] is None  # four municipalities
    assert G.nodes["ylasavo-nuva"]["region"] == "11"  # all of them in region 11
    assert G.nodes["stm"]["level"] == "national"
    assert G.nodes["stm"]["region"] is None
    assert G.nodes["ps-hva-neuvolat"]["region"] == "11"  # from its county
    assert G.nodes["joroinen-nuva"]["region"] == "10"  # Joroinen moved to 11 only in 2021
    assert collaboration_graph(snapshot, as_of=D(2021, 1, 1)).nodes["joroinen-nuva"]["region"] == (
        "11"
    )
    assert G.graph == {
        "as_of": OCT_2017,
        "title": "Pohjois-Savo 2017 (illustrative)",
        "tie_kinds": tuple(k.value for k in TieKind),
        "max_clique": MAX_CLIQUE,
        "hubs": (),
    }


def test_example_edges_count_each_shared_tie_once() -> None:
    G = collaboration_graph(lape.example(), as_of=OCT_2017, sources=True)
    assert ties_of(G, "kuopio-sote", "ps-shp") == {
        ("group", "ps-lape"),
        ("group", "ps-sote-valmistelu"),
        ("grant", "ps-lape-2017"),
    }
    edge = G.edges["kuopio-sote", "ps-shp"]
    assert edge["weight"] == 3
    assert edge["kinds"] == ("grant", "group")
    assert set(edge["periods"]) == {
        period("2016-09-26", "2018-12-31"),  # ps-lape
        None,  # ps-sote-valmistelu has no period
        period("2017-01-01", "2018-12-31"),  # the grant's costs
    }
    agent = agent_node("ps-change-agent")
    assert ties_of(G, agent, "ps-shp") == {
        ("agent_employer", "ps-change-agent"),
        ("agent_region", "ps-lape"),
    }
    assert ties_of(G, agent, "stm") == {("agent_leadership", "lape-national-leadership")}
    assert G.nodes[agent]["kind"] == AGENT_KIND


def test_the_example_in_2023_has_the_family_centre_and_no_change_agent() -> None:
    G = collaboration_graph(lape.example(), as_of=D(2023, 6, 1), sources=True)
    assert agent_node("ps-change-agent") not in G
    # Kuopio's interface for children: the city's schools and day care meet the
    # county's clinics and family services
    assert ties_of(G, "ps-hva-neuvolat", "kuopio-sivistys") == {
        ("network", "ps-family-centre"),
        ("coordination", "ps-family-centre"),
        ("interface", "ps-family-centre/interfaces[0]"),
    }
    assert ties_of(G, "kuopio-sivistys", "ps-hva-perhepalvelut") == {
        ("network", "ps-family-centre"),
        ("interface", "ps-family-centre/interfaces[0]"),
        ("interface", "ps-family-centre/interfaces[1]"),
    }
    assert ties_of(G, "kuopio-sivistys", "ps-hva") == {("network", "ps-family-centre")}
    assert not any(("group", "ps-lape") in d["ties"] for *_, d in G.edges(data=True))


def test_without_a_day_every_period_counts() -> None:
    snapshot = lape.example()
    every = collaboration_graph(snapshot)
    assert every.graph["as_of"] is None
    for day in (D(2016, 1, 1), OCT_2017, D(2023, 6, 1)):
        on_day = collaboration_graph(snapshot, as_of=day)
        assert all(every.has_edge(u, v) for u, v in on_day.edges)


# -- tie kinds one by one -----------------------------------------------------------------


def test_group_ties_hold_while_both_seats_and_the_group_do() -> None:
    snapshot = Snapshot(
        actors=(actor("a"), actor("b"), actor("c")),
        groups=(
            group(
                "g",
                Membership(actor="a", period=period("2017-01-01", "2017-06-30")),
                Membership(actor="b", period=period("2017-04-01")),
                "c",
                period=period("2016-01-01", "2018-12-31"),
            ),
        ),
    )
    G = collaboration_graph(snapshot)
    assert G.edges["a", "b"]["periods"] == (period("2017-04-01", "2017-06-30"),)
    assert G.edges["a", "c"]["periods"] == (period("2017-01-01", "2017-06-30"),)
    assert G.edges["b", "c"]["periods"] == (period("2017-04-01", "2018-12-31"),)
    assert set(collaboration_graph(snapshot, as_of=D(2017, 2, 1)).edges) == {("a", "c")}
    assert collaboration_graph(snapshot, as_of=D(2019, 1, 1)).number_of_edges() == 0


def test_seats_that_never_meet_make_no_tie() -> None:
    snapshot = Snapshot(
        actors=(actor("a"), actor("b")),
        groups=(
            group(
                "g",
                Membership(actor="a", period=period("2016-01-01", "2016-12-31")),
                Membership(actor="b", period=period("2017-01-01")),
            ),
            group(
                "inverted", "a", "b", period=Period.as_given(start="2018-01-01", end="2017-01-01")
            ),
        ),
    )
    assert collaboration_graph(snapshot).number_of_edges() == 0


def test_two_seats_of_one_actor_count_as_one_tie() -> None:
    snapshot = Snapshot(
        actors=(actor("a"), actor("b")),
        groups=(
            group(
                "g",
                Membership(actor="a", period=period("2016-01-01", "2016-12-31")),
                Membership(actor="a", period=period("2018-01-01", "2018-12-31")),
                "b",
            ),
        ),
    )
    edge = collaboration_graph(snapshot).edges["a", "b"]
    assert edge["weight"] == 1
    assert set(edge["periods"]) == {
        period("2016-01-01", "2016-12-31"),
        period("2018-01-01", "2018-12-31"),
    }
    on_day = collaboration_graph(snapshot, as_of=D(2018, 5, 1)).edges["a", "b"]
    assert on_day["periods"] == (period("2018-01-01", "2018-12-31"),)


def test_grants_tie_recipient_and_participants_during_the_costs() -> None:
    snapshot = Snapshot(
        actors=(actor("r"), actor("p"), actor("q")),
        grants=(
            Grant(
                id="g1",
                pool="lape-regional-2016",
                recipient="r",
                participants=("p", "q", "r"),
                amount=euros("100.00"),
                costs=period("2017-01-01", "2018-12-31"),
            ),
        ),
    )
    G = collaboration_graph(snapshot, sources=True)
    assert set(G.edges) == {("r", "p"), ("r", "q"), ("p", "q")}
    assert ties_of(G, "p", "q") == {("grant", "g1")}
    assert collaboration_graph(snapshot, as_of=D(2019, 1, 1)).number_of_edges() == 0


def _network(**kw: Any) -> ServiceNetwork:
    kw.setdefault("id", "fc")
    kw.setdefault("name", "Family centre")
    return ServiceNetwork(**kw)


def _service(service_id: str, provider: str, **kw: Any) -> Service:
    return Service(
        id=service_id,
        name=service_id,
        service_type=service_id,
        provider=provider,
        target_groups=frozenset({TargetGroup.CHILDREN}),
        **kw,
    )


def test_networks_coordination_links_and_interfaces() -> None:
    split = frozenset({Responsibility.MUNICIPALITY, Responsibility.COUNTY})
    snapshot = Snapshot(
        actors=(
            actor("county", ActorKind.WELLBEING_SERVICES_COUNTY),
            actor("kuopio-edu", ActorKind.MUNICIPAL_BODY, municipalities=("297",)),
            actor("iisalmi-edu", ActorKind.MUNICIPAL_BODY, municipalities=("140",)),
            actor("ngo"),
            actor("clinic", ActorKind.OTHER),
        ),
        networks=(
            _network(
                leads=("county",),
                members=(
                    NetworkMember(actor="kuopio-edu"),
                    NetworkMember(actor="iisalmi-edu", period=period("2024-01-01")),
                    NetworkMember(actor="ngo"),
                    NetworkMember(actor="clinic"),
                ),
                services=(
                    _service("pupil-welfare", "kuopio-edu", responsibility=split),
                    _service(
                        "consultation",
                        "clinic",
                        responsibility=split,
                        municipality=MunicipalityCode("140"),
                    ),
                ),
                interfaces=(
                    Interface(service="pupil-welfare", municipality=MunicipalityCode("297")),
                    Interface(service="consultation"),
                ),
                coordination=(
                    CoordinationLink(actors=("ngo", "clinic")),
                    CoordinationLink(actors=("clinic", "ngo")),  # the same link again
                    CoordinationLink(actors=("ngo", "ngo")),  # not a tie
                ),
                period=period("2023-01-01"),
            ),
        ),
    )
    G = collaboration_graph(snapshot, sources=True)
    assert ties_of(G, "ngo", "clinic") == {("network", "fc"), ("coordination", "fc")}
    # a municipal provider faces the county side: the lead and the county
    assert ties_of(G, "kuopio-edu", "county") == {
        ("network", "fc"),
        ("interface", "pupil-welfare"),
    }
    # a county-side provider faces the municipal actors of the service's municipality
    assert ties_of(G, "clinic", "iisalmi-edu") == {
        ("network", "fc"),
        ("interface", "consultation"),
    }
    assert ("interface", "consultation") not in ties_of(G, "clinic", "kuopio-edu")
    assert G.edges["clinic", "iisalmi-edu"]["periods"] == (period("2024-01-01"),)
    on_day = collaboration_graph(snapshot, as_of=D(2023, 6, 1))
    assert not on_day.has_edge("clinic", "iisalmi-edu")
    assert collaboration_graph(snapshot, as_of=D(2022, 6, 1)).number_of_edges() == 0


def test_change_agent_ties() -> None:
    employment = period("2016-11-01", "2018-12-31")
    snapshot = Snapshot(
        actors=(actor("shp"), actor("stm", ActorKind.MINISTRY), actor("city"), actor("far")),
        groups=(
            group(
                "rg",
                "shp",
                "city",
                kind=GroupKind.REGIONAL,
                region="11",
                project_area="pohjois-savo",
            ),
            group("other-area", "far", kind=GroupKind.REGIONAL, region="11", project_area="x"),
            group("other-region", "far", kind=GroupKind.REGIONAL, region="12"),
            group("national", "stm", kind=GroupKind.NATIONAL, period=period("2017-01-01")),
        ),
        change_agents=(
            ChangeAgent(
                id="agent",
                name="Agent",
                region=RegionCode("11"),
                project_area="pohjois-savo",
                employer="shp",
                employment=employment,
            ),
        ),
    )
    G = collaboration_graph(snapshot, sources=True)
    node = agent_node("agent")
    assert set(G[node]) == {"shp", "city", "stm"}
    assert ties_of(G, node, "shp") == {("agent_employer", "agent"), ("agent_region", "rg")}
    assert G.edges[node, "stm"]["periods"] == (period("2017-01-01", "2018-12-31"),)
    assert node not in collaboration_graph(snapshot, as_of=D(2019, 1, 1))
    assert node not in collaboration_graph(snapshot, change_agents=False)
    only = collaboration_graph(snapshot, ties=["agent_employer"])
    assert set(only.edges) == {(node, "shp")} or set(only.edges) == {("shp", node)}


def test_missing_actors_and_repeated_ids_are_left_out() -> None:
    snapshot = Snapshot(
        actors=(actor("a"), actor("b"), attrs.evolve(actor("a"), name="second a")),
        groups=(group("g", "a", "b", "ghost"), group("g", "a", "b")),
    )
    G = collaboration_graph(snapshot)
    assert set(G) == {"a", "b"}
    assert G.nodes["a"]["name"] == "A"
    assert G.edges["a", "b"]["weight"] == 1


def test_choosing_tie_kinds() -> None:
    snapshot = lape.example()
    groups_only = collaboration_graph(snapshot, ties=[TieKind.GROUP])
    assert {k for _, _, d in groups_only.edges(data=True) for k in d["kinds"]} == {"group"}
    assert groups_only.graph["tie_kinds"] == ("group",)
    assert collaboration_graph(snapshot, ties="grant").graph["tie_kinds"] == ("grant",)
    assert collaboration_graph(snapshot, ties=[]).number_of_edges() == 0
    with pytest.raises(ValueError, match="unknown tie kind 'groups'; expected one of 'group'"):
        collaboration_graph(snapshot, ties=["groups"])


def test_sectors_not_given_differ_from_none() -> None:
    snapshot = Snapshot(
        actors=(actor("a"), actor("b", sectors=frozenset()), actor("c", sectors=frozenset(Sector)))
    )
    G = collaboration_graph(snapshot)
    assert G.nodes["a"]["sectors"] is None
    assert G.nodes["b"]["sectors"] == ()
    assert G.nodes["c"]["sectors"] == tuple(sorted(s.value for s in Sector))


# -- properties ---------------------------------------------------------------------------

days = st.none() | st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 12, 31))


def _check_against(G: nx.Graph[str], ref: Reference, *, sources: bool) -> None:
    assert set(G) == ref.nodes
    expected_edges = {pair for pair, ties in ref.ties.items() if ties}
    assert {frozenset(e) for e in G.edges} == expected_edges
    for u, v, data in G.edges(data=True):
        ties = ref.ties[frozenset((u, v))]
        assert data["weight"] == len(ties)
        assert data["kinds"] == tuple(sorted({kind for kind, _ in ties}))
        if sources:
            assert set(data["ties"]) == ties
            assert len(data["ties"]) == data["weight"]
        found = {(p.start, p.end or D.max) if p else (D.min, D.max) for p in data["periods"]}
        assert found == ref.periods[frozenset((u, v))]


caps = st.none() | st.integers(min_value=2, max_value=4)
"""Caps small enough that the drawn snapshots' sources often exceed them."""


@slow_to_draw
@given(snapshots(max_actors=6), days, st.booleans(), caps)
def test_nodes_edges_weights_and_periods_match_the_definition(
    snapshot: Snapshot, as_of: D | None, sources: bool, max_clique: int | None
) -> None:
    G = collaboration_graph(snapshot, as_of=as_of, sources=sources, max_clique=max_clique)
    _check_against(G, reference(snapshot, as_of, max_clique=max_clique), sources=sources)
    assert set(G.graph["hubs"]) == {n for n, d in G.nodes(data=True) if d["kind"] == HUB_KIND}


@slow_to_draw
@given(snapshots(max_actors=6), days, st.integers(min_value=2, max_value=4))
def test_a_hub_joins_the_same_members_as_the_clique_would(
    snapshot: Snapshot, as_of: D | None, max_clique: int
) -> None:
    """Capped, two members of a source are joined directly or through its hub; and
    nothing else changes: an edge between two actors is a clique's edge."""
    capped = collaboration_graph(snapshot, as_of=as_of, max_clique=max_clique, sources=True)
    whole = collaboration_graph(snapshot, as_of=as_of, max_clique=None, sources=True)
    hubs = set(capped.graph["hubs"])
    for u, v, data in whole.edges(data=True):
        for kind, source in data["ties"]:
            direct = capped.has_edge(u, v) and (kind, source) in capped.edges[u, v]["ties"]
            if not direct:
                hub = hub_node(kind, source)
                assert hub in hubs
                assert capped.has_edge(hub, u)
                assert capped.has_edge(hub, v)
    for u, v, data in capped.edges(data=True):
        if u not in hubs and v not in hubs:
            assert set(data["ties"]) <= set(whole.edges[u, v]["ties"])


@slow_to_draw
@given(snapshots(max_actors=6), days)
def test_one_node_per_actor(snapshot: Snapshot, as_of: D | None) -> None:
    G = collaboration_graph(snapshot, as_of=as_of, change_agents=False)
    assert set(G) == {a.id for a in snapshot.actors}
    assert G.number_of_nodes() == len({a.id for a in snapshot.actors})


@slow_to_draw
@given(snapshots(max_actors=6), st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 12, 31)))
def test_as_of_never_shows_a_tie_outside_its_period(snapshot: Snapshot, as_of: D) -> None:
    G = collaboration_graph(snapshot, as_of=as_of)
    every = collaboration_graph(snapshot)
    for u, v, data in G.edges(data=True):
        assert all(p is None or p.contains(as_of) for p in data["periods"])
        assert every.has_edge(u, v)
        assert data["weight"] <= every.edges[u, v]["weight"]
    for node, data in G.nodes(data=True):
        if data["kind"] == AGENT_KIND:
            agent = snapshot.index.change_agent(node.removeprefix("change_agent#"))
            assert agent is not None
            assert agent.employment.contains(as_of)


@slow_to_draw
@given(snapshots(max_actors=6), days)
def test_sources_change_nothing_but_the_ties_attribute(snapshot: Snapshot, as_of: D | None) -> None:
    plain = collaboration_graph(snapshot, as_of=as_of)
    rich = collaboration_graph(snapshot, as_of=as_of, sources=True)
    assert set(plain.edges) == set(rich.edges)
    for u, v, data in rich.edges(data=True):
        other = plain.edges[u, v]
        assert other["weight"] == data["weight"]
        assert other["kinds"] == data["kinds"]
        assert set(other["periods"]) == set(data["periods"])
        assert set(data) - set(other) == {"ties"}


@slow_to_draw
@given(snapshots(max_actors=6), st.sets(st.sampled_from(TieKind)))
def test_kinds_filter_keeps_only_those_ties(snapshot: Snapshot, kinds: set[TieKind]) -> None:
    G = collaboration_graph(snapshot, ties=kinds, sources=True)
    values = {k.value for k in kinds}
    every = collaboration_graph(snapshot, sources=True)
    expected = {
        frozenset((u, v))
        for u, v, data in every.edges(data=True)
        if any(kind in values for kind, _ in data["ties"])
    }
    assert {frozenset(e) for e in G.edges} == expected
    for _, _, data in G.edges(data=True):
        assert {kind for kind, _ in data["ties"]} <= values


def test_national_data_matches_the_definition() -> None:
    """Synthetic national data (two regions' groups and grants, two family-centre
    networks, every actor and change agent), where the builder's shortcuts run."""
    national = national_snapshot(scale=1)
    geo = lape.reference.geography()
    day = national.info.as_of
    assert day is not None
    regions = {"16", "18"}

    def here(code: str | None) -> bool:
        return code is not None and geo.region_of(code, day) in regions

    snapshot = attrs.evolve(
        national,
        groups=tuple(
            g
            for g in national.groups
            if g.kind is GroupKind.NATIONAL or g.region in regions or here(g.municipality)
        ),
        grants=tuple(g for g in national.grants if g.region in regions),
        networks=national.networks[:2],
    )
    for as_of in (day, None):
        G = collaboration_graph(snapshot, as_of=as_of, sources=True)
        _check_against(G, reference(snapshot, as_of), sources=True)
    assert G.number_of_nodes() == len(national.actors) + len(national.change_agents)
    assert G.number_of_edges() > 10_000


def test_big_groups_make_cliques() -> None:
    members = [f"m{i}" for i in range(40)]
    snapshot = Snapshot(actors=tuple(actor(m) for m in members), groups=(group("big", *members),))
    G = collaboration_graph(snapshot)
    assert G.number_of_edges() == 780
    assert all(G.has_edge(a, b) for a, b in combinations(members, 2))


def test_a_source_larger_than_the_cap_gets_a_hub() -> None:
    members = [f"m{i:04}" for i in range(MAX_CLIQUE + 1)]
    seats: list[str | Membership] = [
        *members[:-1],
        Membership(actor=members[-1], period=period("2018-01-01")),
    ]
    snapshot = Snapshot(
        actors=tuple(actor(m) for m in members),
        groups=(
            group("huge", *seats, kind=GroupKind.REGIONAL, region="11"),
            group("small", "m0000", "m0001"),
        ),
    )
    G = collaboration_graph(snapshot, sources=True)
    hub = hub_node("group", "huge")
    assert G.graph["hubs"] == (hub,)
    assert G.nodes[hub] == {
        "name": "huge",
        "kind": HUB_KIND,
        "hub": "group",
        "seats": MAX_CLIQUE + 1,
        "sectors": None,
        "municipalities": (),
        "municipality": None,
        "region": "11",
        "county": None,
        "level": None,
    }
    assert set(G[hub]) == set(members)
    assert G.number_of_edges() == MAX_CLIQUE + 2  # the hub's star and the small group's tie
    assert G.edges[hub, members[-1]]["periods"] == (period("2018-01-01"),)
    assert G.edges["m0000", "m0001"]["ties"] == (("group", "small"),)
    # on a day before the last seat holds, the group is back within the cap: a clique
    earlier = collaboration_graph(snapshot, as_of=D(2017, 6, 1))
    assert earlier.graph["hubs"] == ()
    assert earlier.number_of_edges() == MAX_CLIQUE * (MAX_CLIQUE - 1) // 2
    assert collaboration_graph(snapshot, max_clique=None).graph["hubs"] == ()


@pytest.mark.parametrize("bad", [0, 1, True, -5])
def test_max_clique_must_be_at_least_two(bad: int) -> None:
    with pytest.raises(ValueError, match="max_clique must be a whole number of at least 2"):
        collaboration_graph(lape.example(), max_clique=bad)


def test_a_group_of_5000_builds_in_linear_space() -> None:
    """The issue's 300 KB file: one group of 5,000 members (formerly minutes, 4 GB)."""
    members = [f"m{i:04}" for i in range(5000)]
    snapshot = Snapshot(actors=tuple(actor(m) for m in members), groups=(group("all", *members),))
    G = collaboration_graph(snapshot)
    assert G.number_of_nodes() == 5001
    assert G.number_of_edges() == 5000


def test_every_exported_name_exists() -> None:
    """``__all__`` is kept by hand: a name left behind by a rename breaks ``import *``."""
    import lape.network

    assert [name for name in lape.network.__all__ if not hasattr(lape.network, name)] == []
    assert lape.network.__all__ == sorted(
        lape.network.__all__, key=lambda n: (not n.isupper(), not n[0].isupper(), n)
    )
