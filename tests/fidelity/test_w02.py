"""LAPE-W02: from 2023 the social and health services of a family centre are organised by
the county (Helsinki: the city), not by a municipality or a joint municipal authority, and
not provided by a joint municipal authority either (dissolved on 1.1.2023; HUS excepted for
specialised care) (DOMAIN.md)."""

from __future__ import annotations

from ._network_helpers import (
    BEFORE_IN_FORCE,
    FIRST_DAY,
    assert_nothing_found,
    check,
    found,
    snapshot,
)

RULE = "LAPE-W02"

PROVIDERS = """
    {id: kuopio-sote, name: Kuopio social and health services, kind: municipal_body,
     sectors: [social_health], municipalities: [Kuopio]},
    {id: kuopio, name: City of Kuopio, kind: municipality, municipalities: [Kuopio]},
    {id: ps-kuntayhtyma, name: Ylä-Savon SOTE kuntayhtymä, kind: joint_municipal_authority,
     sectors: [social_health], municipalities: [Iisalmi, Kiuruvesi, Sonkajärvi, Vieremä]},
    {id: ps-shp, name: Pohjois-Savon sairaanhoitopiiri, kind: hospital_district,
     hospital_district: PS, region: Pohjois-Savo},
    {id: hus, name: HUS Helsinki University Hospital, kind: hospital_district,
     hospital_district: HUS, region: Uusimaa},
    {id: hki-sote, name: Helsinki social services and health care, kind: municipal_body,
     sectors: [social_health], municipalities: [Helsinki]},
    {id: vantaa-sote, name: Vantaa social and health services, kind: municipal_body,
     sectors: [social_health], municipalities: [Vantaa]},
    {id: vakehyva, name: Vantaan ja Keravan hyvinvointialue, kind: wellbeing_services_county,
     county: VK}
"""


def service(
    provider: str,
    organiser: str | None,
    *,
    sid: str = "clinic",
    sector: str = "social_health",
    municipality: str | None = "Kuopio",
) -> str:
    """A service as a YAML flow mapping; ``organiser`` a YAML list of responsibilities or
    ``None`` (not given); ``municipality=None``: county-wide."""
    organised = "" if organiser is None else f", responsibility: {organiser}"
    where = "" if municipality is None else f", municipality: {municipality}"
    return (
        f"{{id: {sid}, name: Child health clinic, service_type: child_health_clinic,"
        f" provider: {provider}, target_groups: [children], sector: {sector}"
        f"{organised}{where}}}"
    )


def network(
    *services: str, county: str = "PS", kind: str = "family_centre", period: str = ""
) -> str:
    """A family centre of ``county`` offering ``services``."""
    offered = "\n".join(f"              - {s}" for s in services)
    return f"""
        actors: [{PROVIDERS}]
        networks:
          - id: fc
            name: Family centre
            kind: {kind}
            county: {county}
            leads: [ps-hva]
            members: [{{actor: ps-hva, role: leads}}]
            {period}
            services:
{offered}
        """


def failed(sid: str = "clinic") -> set[tuple[str, ...]]:
    return {(RULE, "service", sid, "failed", "warning")}


def test_county_organised_service_conforms() -> None:
    """'the social and health services of a family centre are organised by the county'."""
    assert_nothing_found(check(snapshot(network(service("ps-hva", "[county]"))), RULE), RULE)


def test_first_day_in_force_municipality_organised_service() -> None:
    """'from 2023 ... not by a municipality': a Kuopio-organised clinic on 2023-01-01."""
    text = network(service("kuopio-sote", "[municipality]"))
    assert found(check(snapshot(text), RULE, FIRST_DAY), RULE) == failed()


def test_not_in_force_the_day_before() -> None:
    """'from 2023': on 2022-12-31 the rule examines nothing."""
    text = network(service("kuopio-sote", "[municipality]"))
    report = check(snapshot(text), RULE, BEFORE_IN_FORCE)
    result = report.result(RULE)
    assert result is not None
    assert (result.in_force, result.examined, found(report, RULE)) == (False, 0, set())


def test_split_responsibility_includes_the_municipality() -> None:
    """'not by a municipality': a responsibility split with the municipality (lead)."""
    text = network(service("ps-hva", "[municipality, county]"))
    assert found(check(snapshot(text), RULE), RULE) == failed()


def test_joint_municipal_authority_provider_fails() -> None:
    """'not provided by a joint municipal authority either (dissolved on 1.1.2023)'."""
    text = network(service("ps-kuntayhtyma", "[county]"))
    assert found(check(snapshot(text), RULE), RULE) == failed()


def test_hospital_district_provider_fails() -> None:
    """'HUS excepted': any other hospital district (a joint authority) is dissolved too."""
    assert found(check(snapshot(network(service("ps-shp", "[county]"))), RULE), RULE) == failed()


def test_hus_provider_is_excepted() -> None:
    """'HUS excepted for specialised care': HUS provides for the Vantaa-Kerava county."""
    text = network(
        service("hus", "[county]", sid="child-psychiatry", municipality="Vantaa"), county="VK"
    )
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_helsinki_organises_its_own() -> None:
    """'organised by the county (Helsinki: the city)': Helsinki's own clinic."""
    text = network(service("hki-sote", "[municipality]", municipality="Helsinki"), county='"90"')
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_helsinki_county_wide_service_is_the_citys() -> None:
    """'(Helsinki: the city)': a service for the whole of Helsinki's family centre."""
    text = network(service("hki-sote", "[municipality]", municipality=None), county='"90"')
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_vantaa_is_not_helsinki() -> None:
    """'(Helsinki: the city)' is Helsinki only: Vantaa organising a clinic."""
    text = network(service("vantaa-sote", "[municipality]", municipality="Vantaa"), county="VK")
    assert found(check(snapshot(text), RULE), RULE) == failed()


def test_no_responsibility_municipal_body_means_municipality() -> None:
    """Lead: 'with no `responsibility` given, the provider's kind tells the organiser'."""
    assert found(check(snapshot(network(service("kuopio-sote", None))), RULE), RULE) == failed()


def test_no_responsibility_municipality_means_municipality() -> None:
    """'a municipality or municipal body -> municipality': the City of Kuopio itself."""
    assert found(check(snapshot(network(service("kuopio", None))), RULE), RULE) == failed()


def test_no_responsibility_county_provider_conforms() -> None:
    """Lead: 'the provider's kind tells the organiser': the county runs it."""
    assert_nothing_found(check(snapshot(network(service("ps-hva", None))), RULE), RULE)


def test_organisation_outside_public_duty_is_not_reported() -> None:
    """'or, outside public duty, an organisation or parish' (Definitions) organises."""
    text = network(service("kuopio-perheet", "[organisation]", sid="peer-support"))
    assert found(check(snapshot(text), RULE), RULE) == set()


def test_education_service_is_not_examined() -> None:
    """'the social and health services of a family centre': a school is not one."""
    school = service("kuopio-sivistys", "[municipality]", sid="school", sector="education_youth")
    assert found(check(snapshot(network(school)), RULE), RULE) == set()


def test_other_network_kind_is_not_examined() -> None:
    """'of a family centre': a Kuopio-organised clinic in another kind of network."""
    text = network(service("kuopio-sote", "[municipality]"), kind="other")
    report = check(snapshot(text), RULE)
    result = report.result(RULE)
    assert result is not None
    assert (result.examined, found(report, RULE)) == (0, set())


def test_network_ended_the_day_before_is_not_examined() -> None:
    """'Every dated thing counts only on the days it is in effect': a network that ended."""
    text = network(
        service("kuopio-sote", "[municipality]"),
        period="period: {start: 2023-01-01, end: 2023-05-31}",
    )
    report = check(snapshot(text), RULE)
    result = report.result(RULE)
    assert result is not None
    assert (result.examined, found(report, RULE)) == (0, set())


def test_two_services_two_findings() -> None:
    """'the social and health services': two wrongly organised clinics, two findings."""
    text = network(
        service("kuopio-sote", "[municipality]", sid="clinic-a"),
        service("ps-kuntayhtyma", "[county]", sid="clinic-b"),
    )
    assert found(check(snapshot(text), RULE), RULE) == failed("clinic-a") | failed("clinic-b")
