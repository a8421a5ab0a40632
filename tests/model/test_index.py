"""The snapshot and its index: look-ups, relations, paths, duplicates, references;
the property tests compare every look-up with a brute-force scan of the snapshot."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import pytest
from hypothesis import given

from lape.model import (
    Actor,
    ActorKind,
    ChangeAgent,
    CoordinationLink,
    CountyCode,
    EntityKind,
    FundingPool,
    Grant,
    Group,
    GroupKind,
    HealthSocialCentre,
    Interface,
    Membership,
    MunicipalityCode,
    NationalBody,
    NetworkMember,
    Period,
    Reference,
    RegionCode,
    Service,
    ServiceNetwork,
    Snapshot,
    SnapshotInfo,
    TargetGroup,
    euros,
)
from lape.testing import (
    snapshots,
)

D = dt.date
M = MunicipalityCode
R = RegionCode
C = CountyCode
KIDS = frozenset({TargetGroup.CHILDREN})


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


@given(snapshots())
def test_raw_references_are_the_references_unformatted(s: Snapshot) -> None:
    from lape._paths import format_path

    formatted = [
        Reference(format_path(parts), source, source_id, target_kind, target)
        for parts, source, source_id, target_kind, target in s.index.raw_references()
    ]
    assert formatted == list(s.index.references())
