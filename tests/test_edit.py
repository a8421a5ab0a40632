"""The edit helpers for what-ifs (issue 16): get, add, replace, remove and evolve an
entity of a snapshot by its class and ID, each giving a new snapshot."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lape
from lape.errors import ArgumentError, LapeError, NotFoundError
from lape.model import (
    ENTITY_TYPES,
    Actor,
    ActorKind,
    ChangeAgent,
    Group,
    Membership,
    Service,
    ServiceNetwork,
    Snapshot,
    add_entity,
    evolve_entity,
    get_entity,
    remove_entity,
    replace_entity,
)
from lape.testing import snapshots

TOP_LEVEL = [t for t in ENTITY_TYPES if t.top_level]


def _entities(snapshot: Snapshot) -> list[tuple[type, str]]:
    return [
        (t.cls, e.id)
        for t in TOP_LEVEL
        if t.cls is not None and t.list_name is not None
        for e in getattr(snapshot, t.list_name)
    ]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), snapshots(max_actors=6, max_groups=3))
def test_each_edit_changes_one_entity_and_keeps_the_original(
    data: st.DataObject, snapshot: Snapshot
) -> None:
    entities = _entities(snapshot)
    if not entities:
        return
    cls, entity_id = data.draw(st.sampled_from(entities))
    list_name = next(t.list_name for t in TOP_LEVEL if t.cls is cls)
    assert list_name is not None
    before = getattr(snapshot, list_name)
    entity: Any = get_entity(snapshot, cls, entity_id)
    assert entity is next(e for e in before if e.id == entity_id)

    assert replace_entity(snapshot, entity) == snapshot
    assert evolve_entity(snapshot, cls, entity_id) == snapshot

    removed = remove_entity(snapshot, cls, entity_id)
    assert list(getattr(removed, list_name)) == [e for e in before if e.id != entity_id]
    with pytest.raises(NotFoundError):
        get_entity(removed, cls, entity_id)
    added = add_entity(removed, entity)
    assert getattr(added, list_name)[-1] is entity
    assert getattr(snapshot, list_name) is before  # the original is untouched
    others = [t.list_name for t in TOP_LEVEL if t.list_name != list_name]
    for other in others:
        assert other is not None
        assert getattr(added, other) == getattr(snapshot, other)


def test_evolve_seats_a_member_and_the_check_sees_it() -> None:
    snapshot = lape.example()
    group = get_entity(snapshot, Group, "varkaus-lape")
    changed = evolve_entity(
        snapshot,
        Group,
        "varkaus-lape",
        members=[*group.members, Membership(actor="kuopio-srk")],
    )
    assert get_entity(changed, Group, "varkaus-lape").members[-1].actor == "kuopio-srk"
    before = lape.check(snapshot, select=["LAPE-G04"])
    after = lape.check(changed, select=["LAPE-G04"])
    assert [f.subject.id for f in before.findings] == ["varkaus-lape"]
    assert after.findings == ()


def test_evolve_goes_through_the_converters_and_checks() -> None:
    snapshot = lape.example()
    moved = evolve_entity(snapshot, Actor, "varkaus-sote", municipalities=["Leppävirta"])
    assert get_entity(moved, Actor, "varkaus-sote").municipalities == ("420",)
    with pytest.raises(ArgumentError, match=r"Actor\.municipalities\[0\]: .*'Kajaani'"):
        evolve_entity(snapshot, Actor, "varkaus-sote", municipalities=["Kajani"])


def test_an_unknown_id_names_the_closest() -> None:
    snapshot = lape.example()
    varkaus = get_entity(snapshot, Group, "varkaus-lape")
    for call in (
        lambda: get_entity(snapshot, Group, "varkaus-lap"),
        lambda: remove_entity(snapshot, Group, "varkaus-lap"),
        lambda: evolve_entity(snapshot, Group, "varkaus-lap", name="x"),
        lambda: replace_entity(snapshot, attrs.evolve(varkaus, id="varkaus-lap")),
    ):
        with pytest.raises(NotFoundError) as caught:
            call()
        assert str(caught.value) == "no group 'varkaus-lap'; did you mean 'varkaus-lape'?"
        assert caught.value.suggestion == "varkaus-lape"
        assert isinstance(caught.value, LapeError)
        assert isinstance(caught.value, LookupError)
    with pytest.raises(NotFoundError, match=r"^no change agent 'zz'$"):
        remove_entity(snapshot, ChangeAgent, "zz")


def test_adding_an_id_already_there_is_refused() -> None:
    snapshot = lape.example()
    again = get_entity(snapshot, Actor, "kuopio-srk")
    with pytest.raises(
        ArgumentError,
        match=r"^entity: the snapshot already has an actor 'kuopio-srk' \(use replace_entity",
    ):
        add_entity(snapshot, again)


def test_only_the_snapshot_s_own_lists_are_edited() -> None:
    snapshot = lape.example()
    with pytest.raises(ArgumentError, match=r"a service changes with its ServiceNetwork"):
        get_entity(snapshot, Service, "x")  # type: ignore[type-var]
    with pytest.raises(ArgumentError, match=r"not str"):
        remove_entity(snapshot, str, "x")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"expected a Snapshot, not dict"):
        get_entity({}, Group, "x")  # type: ignore[arg-type]


def test_a_faulty_snapshot_s_duplicates_all_change() -> None:
    parish = Actor(id="p", name="P", kind=ActorKind.PARISH, municipalities=["Kuopio"])
    snapshot = Snapshot(actors=[parish, attrs.evolve(parish, name="Q")])
    assert get_entity(snapshot, Actor, "p").name == "P"
    renamed = evolve_entity(snapshot, Actor, "p", name="R")
    assert [a.name for a in renamed.actors] == ["R", "R"]
    assert remove_entity(snapshot, Actor, "p").actors == ()


def test_a_network_s_services_change_with_their_network() -> None:
    snapshot = lape.example()
    network = snapshot.networks[0]
    fewer = evolve_entity(snapshot, ServiceNetwork, network.id, services=network.services[:1])
    assert get_entity(fewer, ServiceNetwork, network.id).services == network.services[:1]
    assert fewer.groups is snapshot.groups
