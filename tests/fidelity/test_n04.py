"""LAPE-N04: a family centre network belongs to one wellbeing services county and is part
of its social and health centre; its services and its member actors (other than national
ones) lie in that county (DOMAIN.md)."""

from __future__ import annotations

from ._network_helpers import (
    BEFORE_IN_FORCE,
    FIRST_DAY,
    assert_nothing_found,
    check,
    found,
    snapshot,
)

RULE = "LAPE-N04"
FAILED = {(RULE, "network", "fc", "failed", "error")}
UNKNOWN = {(RULE, "network", "fc", "unknown", "error")}

KUOPIO_SCHOOL = (
    "{id: school, name: Kuopio comprehensive schools, service_type: school,"
    " provider: kuopio-sivistys, target_groups: [children], sector: education_youth,"
    " responsibility: [municipality], municipality: Kuopio}"
)
COUNTY_CLINIC = (
    "{id: clinic, name: Child health clinics, service_type: child_health_clinic,"
    " provider: ps-hva, target_groups: [children], sector: social_health,"
    " responsibility: [county]}"
)


def network(
    *,
    seats: tuple[str, ...] = (),
    services: tuple[str, ...] = (),
    actors: str = "",
    centre: str = "ps-keskus",
    kind: str = "family_centre",
) -> str:
    """A Pohjois-Savo family centre led by the county, with the county and Kuopio's
    education department as members, a county-wide clinic and a Kuopio school, plus the
    given ``seats`` and ``services`` (YAML flow mappings)."""
    members = "\n".join(f"              - {s}" for s in seats)
    offered = "\n".join(f"              - {s}" for s in services)
    return f"""
        actors: [{actors}]
        networks:
          - id: fc
            name: Kuopio family centre
            kind: {kind}
            county: PS
            centre: {centre}
            leads: [ps-hva]
            members:
              - {{actor: ps-hva, role: leads the network}}
              - {{actor: kuopio-sivistys, role: schools}}
{members}
            services:
              - {COUNTY_CLINIC}
              - {KUOPIO_SCHOOL}
{offered}
        """


def seat(actor: str) -> str:
    return f"{{actor: {actor}, role: partner}}"


def test_network_inside_its_county_conforms() -> None:
    """'belongs to one wellbeing services county ...; its services and its member actors ...'."""
    text = network(seats=(seat("kuopio-perheet"), seat("kuopio-srk"), seat("ps-asiakasraati")))
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_first_day_in_force_centre_of_another_county() -> None:
    """'is part of its social and health centre': Pirkanmaa's centre, on the first day."""
    text = network(centre="pi-keskus").replace(
        "actors: []",
        "actors: []\n        centres: [{id: pi-keskus, name: Pirkanmaa centre, county: PI}]",
    )
    assert found(check(snapshot(text), RULE, FIRST_DAY), RULE) == FAILED


def test_not_in_force_the_day_before() -> None:
    """'in force 2023-01-01 ..': on 2022-12-31 the rule examines nothing."""
    tampere = (
        "{id: tampere-clinic, name: Tampere clinic, service_type: child_health_clinic,"
        " provider: ps-hva, target_groups: [children], municipality: Tampere}"
    )
    report = check(snapshot(network(services=(tampere,))), RULE, BEFORE_IN_FORCE)
    result = report.result(RULE)
    assert result is not None
    assert (result.in_force, result.examined, found(report, RULE)) == (False, 0, set())


def test_service_in_another_county_fails() -> None:
    """'its services ... lie in that county': a Tampere service in Pohjois-Savo's network."""
    tampere = (
        "{id: tampere-clinic, name: Tampere family counselling, service_type: family_counselling,"
        " provider: ps-hva, target_groups: [families], sector: social_health,"
        " responsibility: [county], municipality: Tampere}"
    )
    assert found(check(snapshot(network(services=(tampere,))), RULE), RULE) == FAILED


def test_member_of_another_county_fails() -> None:
    """'its member actors (other than national ones) lie in that county': a Tampere member."""
    tampere = (
        "{id: tampere-sivistys, name: Tampere education, kind: municipal_body,"
        " sectors: [education_youth], municipalities: [Tampere]}"
    )
    text = network(seats=(seat("tampere-sivistys"),), actors=tampere)
    assert found(check(snapshot(text), RULE), RULE) == FAILED


def test_national_member_may_lie_anywhere() -> None:
    """'its member actors (other than national ones)': THL is a national member."""
    assert_nothing_found(check(snapshot(network(seats=(seat("thl"),))), RULE), RULE)


def test_member_naming_no_area_is_unknown() -> None:
    """'Belongs to an area' (lead): an actor naming no municipality, county or region."""
    nowhere = "{id: mll, name: Mannerheim League local branch, kind: organisation}"
    text = network(seats=(seat("mll"),), actors=nowhere)
    assert found(check(snapshot(text), RULE), RULE) == UNKNOWN


def test_member_of_the_region_lies_in_the_county() -> None:
    """'Belongs to an area: ... else its region's' (lead): a Pohjois-Savo regional actor."""
    regional = "{id: ps-yhdistys, name: Pohjois-Savo family association, kind: organisation,"
    regional += " region: Pohjois-Savo}"
    text = network(seats=(seat("ps-yhdistys"),), actors=regional)
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_member_of_another_region_fails() -> None:
    """'Belongs to an area: ... else its region's' (lead): a Pirkanmaa regional actor."""
    regional = "{id: pi-yhdistys, name: Pirkanmaa family association, kind: organisation,"
    regional += " region: Pirkanmaa}"
    text = network(seats=(seat("pi-yhdistys"),), actors=regional)
    assert found(check(snapshot(text), RULE), RULE) == FAILED


def test_member_of_another_county_by_county_fails() -> None:
    """'Belongs to an area: ... else its county's' (lead): Pirkanmaa's county."""
    county = "{id: pi-hva, name: Pirkanmaan hyvinvointialue, kind: wellbeing_services_county,"
    county += " county: PI}"
    text = network(seats=(seat("pi-hva"),), actors=county)
    assert found(check(snapshot(text), RULE), RULE) == FAILED


def test_shared_youth_council_of_the_county_lies_in_it() -> None:
    """'its member actors ... lie in that county': a youth council shared in the county."""
    shared = "{id: nuva, name: Kuopio and Siilinjärvi youth council, kind: youth_council,"
    shared += " municipalities: [Kuopio, Siilinjärvi]}"
    text = network(seats=(seat("nuva"),), actors=shared)
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_service_of_merged_municipality_counts_as_its_successor() -> None:
    """'A merged municipality counts as the municipality it merged into': Juankoski."""
    juankoski = (
        "{id: juankoski-club, name: Juankoski family club, service_type: family_club,"
        " provider: kuopio-sivistys, target_groups: [families], sector: education_youth,"
        " responsibility: [municipality], municipality: Juankoski}"
    )
    assert_nothing_found(check(snapshot(network(services=(juankoski,))), RULE), RULE)


def test_member_of_merged_municipality_counts_as_its_successor() -> None:
    """'A merged municipality counts as the municipality it merged into': Luvia (Satakunta)."""
    luvia = "{id: luvia-srk, name: Luvia chapel parish, kind: parish, municipalities: [Luvia]}"
    text = network(seats=(seat("luvia-srk"),), actors=luvia)
    assert found(check(snapshot(text), RULE), RULE) == FAILED


def test_aland_member_lies_in_no_county() -> None:
    """'Åland belongs to none' (W01's row): a Mariehamn member lies in no county."""
    aland = "{id: ax-forening, name: Ålands familjeförening, kind: organisation,"
    aland += " municipalities: [Maarianhamina]}"
    text = network(seats=(seat("ax-forening"),), actors=aland)
    assert found(check(snapshot(text), RULE), RULE) == FAILED


def test_member_whose_seat_ended_the_day_before_is_not_examined() -> None:
    """'a seat's period': a Tampere member whose seat ended the day before."""
    tampere = (
        "{id: tampere-sivistys, name: Tampere education, kind: municipal_body,"
        " sectors: [education_youth], municipalities: [Tampere]}"
    )
    old_seat = (
        "{actor: tampere-sivistys, role: pilot, period: {start: 2023-01-01, end: 2023-05-31}}"
    )
    text = network(seats=(old_seat,), actors=tampere)
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_member_whose_own_period_ended_the_day_before_is_not_examined() -> None:
    """'An actor whose period has ended fills no seat': a Tampere body that ended."""
    tampere = (
        "{id: tampere-sivistys, name: Tampere education, kind: municipal_body,"
        " sectors: [education_youth], municipalities: [Tampere],"
        " period: {start: 2017-01-01, end: 2023-05-31}}"
    )
    text = network(seats=(seat("tampere-sivistys"),), actors=tampere)
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def helsinki(*seats: str) -> str:
    """A Helsinki family centre (county 90) led by the city, with the ``seats`` besides."""
    members = "\n".join(f"              - {s}" for s in seats)
    return f"""
        actors:
          - {{id: hki-sote, name: "City of Helsinki, social services and health care",
             kind: municipal_body, sectors: [social_health], municipalities: [Helsinki]}}
          - {{id: espoo-sivistys, name: Espoo education, kind: municipal_body,
             sectors: [education_youth], municipalities: [Espoo]}}
        centres:
          - {{id: hki-keskus, name: Helsinki family centre services, county: HKI}}
        networks:
          - id: fc
            name: Helsinki family centre
            county: "90"
            centre: hki-keskus
            leads: [hki-sote]
            members:
              - {{actor: hki-sote, role: leads the network}}
{members}
            services:
              - {{id: hki-clinic, name: Helsinki child health clinics, service_type: clinic,
                 provider: hki-sote, target_groups: [children], sector: social_health,
                 responsibility: [municipality], municipality: Helsinki}}
        """


def test_helsinki_network_conforms() -> None:
    """'Helsinki organises its own' (glossary): a Helsinki family centre, county 90."""
    assert_nothing_found(check(snapshot(helsinki(), common=False), RULE), RULE)


def test_espoo_member_of_helsinki_network_fails() -> None:
    """'its member actors ... lie in that county': Espoo is not in Helsinki's county 90."""
    text = helsinki(seat("espoo-sivistys"))
    assert found(check(snapshot(text, common=False), RULE), RULE) == FAILED


def test_other_network_kind_is_not_examined() -> None:
    """'a family centre network belongs to ...': a network of another kind is not examined."""
    tampere = (
        "{id: tampere-clinic, name: Tampere clinic, service_type: child_health_clinic,"
        " provider: ps-hva, target_groups: [children], municipality: Tampere}"
    )
    report = check(snapshot(network(services=(tampere,), kind="other")), RULE)
    result = report.result(RULE)
    assert result is not None
    assert (result.examined, found(report, RULE)) == (0, set())
