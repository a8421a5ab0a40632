"""LAPE-N06: no two actors run the same kind of service for the same target group in the
same municipality (or both county-wide) in one network without a coordination link
(DOMAIN.md); one finding per cluster of duplicate services (the lead's choice)."""

from __future__ import annotations

import attrs

from ._network_helpers import (
    BEFORE_IN_FORCE,
    FIRST_DAY,
    assert_nothing_found,
    check,
    counted,
    found,
    providers,
    snapshot,
)

RULE = "LAPE-N06"
ONE = {(RULE, "network", "fc", "failed", "warning"): 1}


def service(
    sid: str,
    provider: str,
    *,
    kind: str = "family_counselling",
    targets: str = "[families]",
    municipality: str | None = "Kuopio",
) -> str:
    """A service as a YAML flow mapping (``municipality=None``: county-wide)."""
    where = "" if municipality is None else f", municipality: {municipality}"
    return (
        f"{{id: {sid}, name: {sid}, service_type: {kind}, provider: {provider},"
        f" target_groups: {targets}{where}}}"
    )


def network(
    *services: str, links: tuple[tuple[str, str], ...] = (), actors: str = "", nid: str = "fc"
) -> str:
    """A Pohjois-Savo family centre with ``services`` and coordination ``links``; every
    provider is a member with a role."""
    seats = "\n".join(
        f"              - {{actor: {a}, role: {a} work}}" for a in providers(*services)
    )
    offered = "\n".join(f"              - {s}" for s in services)
    pairs = "\n".join(f"              - {{actors: [{a}, {b}]}}" for a, b in links)
    return f"""
        actors: [{actors}]
        networks:
          - id: {nid}
            name: Family centre {nid}
            county: PS
            centre: ps-keskus
            leads: [ps-hva]
            members:
{seats}
            services:
{offered}
            coordination: {"[]" if not links else ""}
{pairs}
        """


TWICE = (service("county-counselling", "ps-hva"), service("ngo-counselling", "kuopio-perheet"))


def test_coordinated_duplicates_conform() -> None:
    """'without a coordination link': two coordinated family counselling services."""
    text = network(*TWICE, links=(("ps-hva", "kuopio-perheet"),))
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_coordination_link_is_symmetric() -> None:
    """'a coordination link' (file format: 'the two actors that coordinate (symmetric)')."""
    text = network(*TWICE, links=(("kuopio-perheet", "ps-hva"),))
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_first_day_in_force_uncoordinated_duplicates() -> None:
    """'in force 2023-01-01 ..': on its first day, two uncoordinated services."""
    assert counted(check(snapshot(network(*TWICE)), RULE, FIRST_DAY), RULE) == ONE


def test_not_in_force_the_day_before() -> None:
    """'in force 2023-01-01 ..': on 2022-12-31 the rule examines nothing."""
    report = check(snapshot(network(*TWICE)), RULE, BEFORE_IN_FORCE)
    result = report.result(RULE)
    assert result is not None
    assert (result.in_force, result.examined, found(report, RULE)) == (False, 0, set())


def test_different_municipalities_are_not_duplicates() -> None:
    """'in the same municipality': meeting places in Kuopio and in Siilinjärvi."""
    text = network(
        service("kuopio-place", "kuopio-perheet", kind="meeting_place"),
        service(
            "siilinjarvi-place", "kuopio-srk", kind="meeting_place", municipality="Siilinjärvi"
        ),
    )
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_both_county_wide_are_duplicates() -> None:
    """'(or both county-wide)': two county-wide family counselling services."""
    text = network(
        service("county-counselling", "ps-hva", municipality=None),
        service("ngo-counselling", "kuopio-perheet", municipality=None),
    )
    assert counted(check(snapshot(text), RULE), RULE) == ONE


def test_county_wide_and_municipal_are_not_the_same_place() -> None:
    """'in the same municipality (or both county-wide)': one county-wide, one Kuopio's."""
    text = network(
        service("county-counselling", "ps-hva", municipality=None),
        service("ngo-counselling", "kuopio-perheet"),
    )
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_different_target_groups_are_not_duplicates() -> None:
    """'for the same target group': counselling for children and for parents."""
    text = network(
        service("child-counselling", "ps-hva", targets="[children]"),
        service("parent-counselling", "kuopio-perheet", targets="[parents]"),
    )
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_overlapping_target_groups_are_duplicates() -> None:
    """'for the same target group': both serve families, one also children."""
    text = network(
        service("county-counselling", "ps-hva", targets="[children, families]"),
        service("ngo-counselling", "kuopio-perheet", targets="[families]"),
    )
    assert counted(check(snapshot(text), RULE), RULE) == ONE


def test_different_kinds_of_service_are_not_duplicates() -> None:
    """'the same kind of service': family counselling and a meeting place differ."""
    text = network(
        service("county-counselling", "ps-hva"),
        service("ngo-place", "kuopio-perheet", kind="meeting_place"),
    )
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_one_actor_running_a_service_twice_is_not_two_actors() -> None:
    """'no two actors run ...': one actor's two counselling points are its own affair."""
    text = network(service("counselling-a", "ps-hva"), service("counselling-b", "ps-hva"))
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_merged_municipality_is_the_same_municipality() -> None:
    """'A merged municipality counts as the municipality it merged into': Juankoski."""
    text = network(
        service("county-counselling", "ps-hva"),
        service("ngo-counselling", "kuopio-perheet", municipality="Juankoski"),
    )
    assert counted(check(snapshot(text), RULE), RULE) == ONE


def test_provider_ended_the_day_before_runs_nothing() -> None:
    """'Every dated thing counts only on the days it is in effect': a provider that ended."""
    closed = (
        "{id: old-ngo, name: Closed family association, kind: organisation,"
        " municipalities: [Kuopio], period: {start: 2010-01-01, end: 2023-05-31}}"
    )
    text = network(
        service("county-counselling", "ps-hva"),
        service("ngo-counselling", "old-ngo"),
        actors=closed,
    )
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_services_in_two_networks_are_not_in_one_network() -> None:
    """'in one network': the same service in two different networks is not reported."""
    first = snapshot(network(service("county-counselling", "ps-hva")))
    second = snapshot(network(service("ngo-counselling", "kuopio-perheet"), nid="fc2"))
    both = attrs.evolve(first, networks=(*first.networks, *second.networks))
    report = check(both, RULE)
    assert_nothing_found(report, RULE)


def test_three_uncoordinated_actors_are_one_cluster() -> None:
    """'no two actors run the same kind of service': three actors, one cluster."""
    text = network(
        service("place-a", "ps-hva", kind="meeting_place"),
        service("place-b", "kuopio-perheet", kind="meeting_place"),
        service("place-c", "kuopio-srk", kind="meeting_place"),
    )
    assert counted(check(snapshot(text), RULE), RULE) == ONE


def test_partly_coordinated_cluster_is_still_reported_once() -> None:
    """'without a coordination link': two of three coordinate; one cluster."""
    text = network(
        service("place-a", "ps-hva", kind="meeting_place"),
        service("place-b", "kuopio-perheet", kind="meeting_place"),
        service("place-c", "kuopio-srk", kind="meeting_place"),
        links=(("ps-hva", "kuopio-perheet"),),
    )
    assert counted(check(snapshot(text), RULE), RULE) == ONE


def test_fully_coordinated_cluster_conforms() -> None:
    """'without a coordination link': every pair of the three coordinates."""
    text = network(
        service("place-a", "ps-hva", kind="meeting_place"),
        service("place-b", "kuopio-perheet", kind="meeting_place"),
        service("place-c", "kuopio-srk", kind="meeting_place"),
        links=(
            ("ps-hva", "kuopio-perheet"),
            ("ps-hva", "kuopio-srk"),
            ("kuopio-perheet", "kuopio-srk"),
        ),
    )
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_two_clusters_give_two_findings() -> None:
    """'the same kind of service': meeting places and counselling are two clusters."""
    text = network(
        *TWICE,
        service("place-a", "ps-hva", kind="meeting_place"),
        service("place-b", "kuopio-srk", kind="meeting_place"),
    )
    expected = {(RULE, "network", "fc", "failed", "warning"): 2}
    assert counted(check(snapshot(text), RULE), RULE) == expected


def test_many_duplicates_are_one_finding() -> None:
    """'no two actors run the same kind of service': forty actors, one cluster."""
    ngos = ", ".join(
        f"{{id: ngo-{i}, name: Association {i}, kind: organisation, municipalities: [Kuopio]}}"
        for i in range(40)
    )
    places = [service(f"place-{i}", f"ngo-{i}", kind="meeting_place") for i in range(40)]
    assert counted(check(snapshot(network(*places, actors=ngos)), RULE), RULE) == ONE
