"""LAPE-W01: what the snapshot says about counties agrees with the county division (Act
614/2021): an actor, network, centre or service that names a county and municipalities
names municipalities of that county (Helsinki organises its own services; Åland belongs to
none). The reference data itself is tested by the test suite, not by a rule (DOMAIN.md)."""

from __future__ import annotations

import datetime as dt

from ._network_helpers import (
    BEFORE_IN_FORCE,
    FIRST_DAY,
    assert_nothing_found,
    check,
    found,
    snapshot,
)

RULE = "LAPE-W01"


def actor(county: str, *municipalities: str, period: str = "") -> str:
    """One actor ``a`` naming ``county`` and ``municipalities``."""
    dated = f", period: {period}" if period else ""
    return f"""
        actors:
          - {{id: a, name: Family services, kind: municipal_body, county: {county},
             municipalities: [{", ".join(municipalities)}]{dated}}}
        """


def failed(subject_kind: str = "actor", subject_id: str = "a") -> set[tuple[str, ...]]:
    return {(RULE, subject_kind, subject_id, "failed", "error")}


def test_actor_agreeing_with_the_division_conforms() -> None:
    """'names municipalities of that county': Kuopio lies in Pohjois-Savo's county."""
    assert_nothing_found(check(snapshot(actor("PS", "Kuopio")), RULE), RULE)


def test_first_day_in_force_actor_of_the_wrong_county() -> None:
    """'in force 2023-01-01 ..': on its first day, Pohjois-Savo's county with Tampere."""
    report = check(snapshot(actor("PS", "Tampere")), RULE, FIRST_DAY)
    assert found(report, RULE) == failed()


def test_not_in_force_the_day_before() -> None:
    """'in force 2023-01-01 ..': on 2022-12-31 the rule examines nothing."""
    report = check(snapshot(actor("PS", "Tampere")), RULE, BEFORE_IN_FORCE)
    result = report.result(RULE)
    assert result is not None
    assert (result.in_force, result.examined, found(report, RULE)) == (False, 0, set())


def test_reference_data_is_not_what_the_rule_examines() -> None:
    """'The reference data itself is tested by the test suite, not by a rule'."""
    report = check(snapshot(common=False), RULE)
    result = report.result(RULE)
    assert result is not None
    assert (result.examined, found(report, RULE)) == (0, set())


def test_one_of_several_municipalities_outside_fails() -> None:
    """'names municipalities of that county': Kuopio and Tampere under Pohjois-Savo."""
    assert found(check(snapshot(actor("PS", "Kuopio", "Tampere")), RULE), RULE) == failed()


def test_shared_council_inside_the_county_conforms() -> None:
    """'names municipalities of that county': Kuopio and Siilinjärvi under Pohjois-Savo."""
    assert_nothing_found(check(snapshot(actor("PS", "Kuopio", "Siilinjärvi")), RULE), RULE)


def test_helsinki_with_its_own_code_conforms() -> None:
    """'Helsinki organises its own services': Helsinki under county code 90."""
    assert_nothing_found(check(snapshot(actor('"90"', "Helsinki")), RULE), RULE)


def test_espoo_under_helsinki_fails() -> None:
    """'Helsinki organises its own services': Espoo under county code 90."""
    assert found(check(snapshot(actor('"90"', "Espoo")), RULE), RULE) == failed()


def test_helsinki_under_an_uusimaa_county_fails() -> None:
    """'Helsinki organises its own services': Helsinki is in no Uusimaa county."""
    assert found(check(snapshot(actor("LU", "Helsinki")), RULE), RULE) == failed()


def test_capital_region_municipalities_in_their_own_counties() -> None:
    """'names municipalities of that county': Espoo, Kauniainen, Kirkkonummi in LU."""
    text = actor("LU", "Espoo", "Kauniainen", "Kirkkonummi")
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_vantaa_under_ita_uusimaa_fails() -> None:
    """'names municipalities of that county': Vantaa is not in Itä-Uusimaa."""
    assert found(check(snapshot(actor("IU", "Vantaa")), RULE), RULE) == failed()


def test_aland_belongs_to_no_county() -> None:
    """'Åland belongs to none': Mariehamn named with a county fails."""
    assert found(check(snapshot(actor("PS", "Maarianhamina")), RULE), RULE) == failed()


def test_merged_municipality_counts_as_its_successor() -> None:
    """'A merged municipality counts as the municipality it merged into': Juankoski."""
    assert_nothing_found(check(snapshot(actor("PS", "Juankoski")), RULE), RULE)


def test_merged_municipality_in_its_successors_county() -> None:
    """'A merged municipality counts as the municipality it merged into': Luvia, SA."""
    assert_nothing_found(check(snapshot(actor("SA", "Luvia")), RULE), RULE)


def test_merged_municipality_in_another_county_fails() -> None:
    """'A merged municipality counts as the municipality it merged into': Luvia, PS."""
    assert found(check(snapshot(actor("PS", "Luvia")), RULE), RULE) == failed()


def test_actor_ended_the_day_before_is_not_examined() -> None:
    """'Every dated thing counts only on the days it is in effect': an actor that ended."""
    text = actor("PS", "Tampere", period="{start: 2023-01-01, end: 2023-05-31}")
    assert found(check(snapshot(text), RULE), RULE) == set()


def test_actor_on_its_last_day_is_examined() -> None:
    """'Every dated thing counts only on the days it is in effect': its last day is one."""
    text = actor("PS", "Tampere", period="{start: 2023-01-01, end: 2023-06-01}")
    assert found(check(snapshot(text), RULE), RULE) == failed()


def network(
    county: str, municipality: str, *, kind: str = "family_centre", interface: str = ""
) -> str:
    """A network of ``county`` with one service for ``municipality`` and, if given, an
    interface for the municipality ``interface`` (naming ``county`` as its county)."""
    recorded = (
        f"[{{target_group: children, county: {county}, municipality: {interface},"
        " county_services: [clinic]}]"
        if interface
        else "[]"
    )
    return f"""
        networks:
          - id: fc
            name: Family centre
            kind: {kind}
            county: {county}
            centre: ps-keskus
            leads: [ps-hva]
            members: [{{actor: ps-hva, role: leads}}]
            services:
              - {{id: clinic, name: Child health clinic, service_type: clinic, provider: ps-hva,
                 target_groups: [children], sector: social_health, responsibility: [county],
                 municipality: {municipality}}}
            interfaces: {recorded}
        """


def test_network_agreeing_with_the_division_conforms() -> None:
    """'a network ... names municipalities of that county': service and interface agree."""
    text = network("PS", "Kuopio", interface="Kuopio")
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_interface_of_another_county_fails() -> None:
    """'a network ... that names a county and municipalities': an interface in Tampere."""
    text = network("PS", "Kuopio", interface="Tampere")
    assert found(check(snapshot(text), RULE), RULE) == failed("network", "fc")


def test_other_network_with_a_service_of_another_county_fails() -> None:
    """'a network ... or service that names a county': a Tampere service, other network."""
    text = network("PS", "Tampere", kind="other")
    assert found(check(snapshot(text), RULE), RULE) == failed("network", "fc")


def test_family_centre_with_a_service_of_another_county_fails() -> None:
    """'a network ... or service that names a county': a Tampere service, family centre."""
    # The row makes no exception for family centres, though LAPE-N04 reports the same service.
    assert found(check(snapshot(network("PS", "Tampere")), RULE), RULE) == failed("network", "fc")


def test_rule_keeps_applying_in_later_years() -> None:
    """'in force 2023-01-01 ..' (open-ended): still checked in 2025."""
    report = check(snapshot(actor("PS", "Tampere")), RULE, dt.date(2025, 6, 1))
    assert found(report, RULE) == failed()
