"""LAPE-N02: a family centre network spans social and health services and education
services (DOMAIN.md)."""

from __future__ import annotations

from ._network_helpers import (
    BEFORE_IN_FORCE,
    FIRST_DAY,
    assert_nothing_found,
    check,
    found,
    snapshot,
)

RULE = "LAPE-N02"
FAILED = {(RULE, "network", "fc", "failed", "error")}

CLINIC = (
    "{id: clinic, name: Child health clinic, service_type: child_health_clinic,"
    " provider: ps-hva, target_groups: [children], sector: social_health,"
    " responsibility: [county], municipality: Kuopio}"
)
SCHOOL = (
    "{id: school, name: Kuopio comprehensive schools, service_type: school,"
    " provider: kuopio-sivistys, target_groups: [children], sector: education_youth,"
    " responsibility: [municipality], municipality: Kuopio}"
)


def network(
    *services: str, members: str = "ps-hva", kind: str = "family_centre", actors: str = ""
) -> str:
    """A Pohjois-Savo family centre led by the county, offering ``services`` (YAML flow
    mappings); ``members`` are the IDs of its member actors, separated by spaces."""
    listed = "\n".join(f"              - {s}" for s in services)
    seats = "\n".join(f"              - {{actor: {a}, role: {a} work}}" for a in members.split())
    return f"""
        actors: [{actors}]
        networks:
          - id: fc
            name: Kuopio family centre
            kind: {kind}
            county: PS
            centre: ps-keskus
            leads: [{members.split()[0]}]
            members:
{seats}
            services: {"[]" if not services else ""}
{listed}
        """


def test_social_health_and_education_conform() -> None:
    """'spans social and health services and education services': a clinic and a school."""
    assert_nothing_found(
        check(snapshot(network(CLINIC, SCHOOL, members="ps-hva kuopio-sivistys")), RULE), RULE
    )


def test_first_day_in_force_without_education() -> None:
    """'in force 2023-01-01 ..': on its first day a network of clinics only fails."""
    assert found(check(snapshot(network(CLINIC)), RULE, FIRST_DAY), RULE) == FAILED


def test_not_in_force_the_day_before() -> None:
    """'in force 2023-01-01 ..': on 2022-12-31 the rule examines nothing."""
    report = check(snapshot(network(CLINIC)), RULE, BEFORE_IN_FORCE)
    result = report.result(RULE)
    assert result is not None
    assert (result.in_force, result.examined, found(report, RULE)) == (False, 0, set())


def test_education_only_fails() -> None:
    """'spans social and health services and education services': schools alone do not."""
    assert found(check(snapshot(network(SCHOOL, members="kuopio-sivistys")), RULE), RULE) == FAILED


def test_no_services_fail() -> None:
    """'spans social and health services and education services': no services, no actors."""
    assert found(check(snapshot(network()), RULE), RULE) == FAILED


def test_education_member_spans_education_services() -> None:
    """'spans ... education services': an education department among the network's actors."""
    # Seed 004 counts "bildningstjänster" among a family-centre network's actors: an
    # education department is education services even without a listed school.
    text = network(CLINIC, members="ps-hva kuopio-sivistys")
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_another_sector_is_not_education() -> None:
    """'education services': a culture and leisure service does not stand for them."""
    culture = (
        "{id: kuopio-kulttuuri, name: Kuopio culture services, kind: municipal_body,"
        " sectors: [culture_leisure], municipalities: [Kuopio]}"
    )
    library = (
        "{id: library, name: Library story hours, service_type: story_hour,"
        " provider: kuopio-kulttuuri, target_groups: [children], sector: culture_leisure,"
        " municipality: Kuopio}"
    )
    text = network(CLINIC, library, members="ps-hva kuopio-kulttuuri", actors=culture)
    assert found(check(snapshot(text), RULE), RULE) == FAILED


def test_service_without_sector_is_unknown() -> None:
    """'spans ... education services': a service of no given sector might be one (unknown)."""
    provider = "{id: kuopio-palvelut, name: Kuopio services, kind: municipal_body,"
    provider += " municipalities: [Kuopio]}"
    unsorted = (
        "{id: unsorted, name: Family work, service_type: family_work,"
        " provider: kuopio-palvelut, target_groups: [families], municipality: Kuopio}"
    )
    text = network(CLINIC, unsorted, members="ps-hva kuopio-palvelut", actors=provider)
    report = check(snapshot(text), RULE)
    assert found(report, RULE) == {(RULE, "network", "fc", "unknown", "error")}


def test_provider_ended_the_day_before_runs_no_service() -> None:
    """'Every dated thing counts only on the days it is in effect': the school's provider ended."""
    closed = (
        "{id: old-school-board, name: Kuopio school board (closed), kind: municipal_body,"
        " sectors: [education_youth], municipalities: [Kuopio],"
        " period: {start: 2017-01-01, end: 2023-05-31}}"
    )
    school = SCHOOL.replace("provider: kuopio-sivistys", "provider: old-school-board")
    text = network(CLINIC, school, members="ps-hva old-school-board", actors=closed)
    report = check(snapshot(text), RULE)
    assert found(report, RULE) == FAILED


def test_other_network_kind_is_not_examined() -> None:
    """'a family centre network spans ...': a network of another kind is not examined."""
    report = check(snapshot(network(CLINIC, kind="other")), RULE)
    result = report.result(RULE)
    assert result is not None
    assert (result.examined, found(report, RULE)) == (0, set())
