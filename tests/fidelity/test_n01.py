"""LAPE-N01: a family centre network is led as a whole: exactly one lead actor (DOMAIN.md)."""

from __future__ import annotations

from ._network_helpers import (
    BEFORE_IN_FORCE,
    FIRST_DAY,
    assert_nothing_found,
    check,
    found,
    snapshot,
)

RULE = "LAPE-N01"
FAILED = {(RULE, "network", "fc", "failed", "error")}


def network(leads: str, *, kind: str = "family_centre", period: str = "", actors: str = "") -> str:
    """A Pohjois-Savo family centre with the given leads (YAML flow list)."""
    return f"""
        actors: [{actors}]
        networks:
          - id: fc
            name: Kuopio family centre
            kind: {kind}
            county: PS
            centre: ps-keskus
            leads: {leads}
            {period}
            members:
              - {{actor: ps-hva, role: leads the network}}
              - {{actor: kuopio-sivistys, role: schools}}
        """


def test_one_lead_conforms() -> None:
    """'exactly one lead actor': a network with one lead is led as a whole."""
    assert_nothing_found(check(snapshot(network("[ps-hva]")), RULE), RULE)


def test_first_day_in_force_without_lead() -> None:
    """'in force 2023-01-01 ..': on its first day a network without a lead fails."""
    assert found(check(snapshot(network("[]")), RULE, FIRST_DAY), RULE) == FAILED


def test_not_in_force_the_day_before() -> None:
    """'in force 2023-01-01 ..': on 2022-12-31 the rule examines nothing."""
    report = check(snapshot(network("[]")), RULE, BEFORE_IN_FORCE)
    result = report.result(RULE)
    assert result is not None
    assert (result.in_force, result.examined, found(report, RULE)) == (False, 0, set())


def test_no_lead_fails() -> None:
    """'exactly one lead actor': no lead is not one."""
    assert found(check(snapshot(network("[]")), RULE), RULE) == FAILED


def test_two_leads_fail() -> None:
    """'exactly one lead actor': two leads are not led as a whole."""
    text = network("[ps-hva, kuopio-sivistys]")
    assert found(check(snapshot(text), RULE), RULE) == FAILED


def test_lead_whose_period_ended_the_day_before_fails() -> None:
    """'An actor whose period has ended fills no seat': a lead that ended the day before."""
    ended = (
        "{id: old-lead, name: Kuopio family services (closed), kind: municipal_body,"
        " sectors: [social_health], municipalities: [Kuopio],"
        " period: {start: 2019-01-01, end: 2023-05-31}}"
    )
    text = network("[old-lead]", actors=ended)
    assert found(check(snapshot(text), RULE), RULE) == FAILED


def test_lead_on_the_last_day_of_its_period_leads() -> None:
    """'counts only on the days it is in effect': a lead on the last day of its period."""
    last_day = (
        "{id: old-lead, name: Kuopio family services, kind: municipal_body,"
        " sectors: [social_health], municipalities: [Kuopio],"
        " period: {start: 2019-01-01, end: 2023-06-01}}"
    )
    text = network("[old-lead]", actors=last_day)
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_second_lead_ended_the_day_before_leaves_exactly_one() -> None:
    """'An actor whose period has ended fills no seat': the other of two leads ended."""
    ended = (
        "{id: old-lead, name: Kuopio family services (closed), kind: municipal_body,"
        " sectors: [social_health], municipalities: [Kuopio],"
        " period: {start: 2019-01-01, end: 2023-05-31}}"
    )
    text = network("[ps-hva, old-lead]", actors=ended)
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_network_on_its_last_day_is_examined() -> None:
    """'Every dated thing counts only on the days it is in effect': a network's last day."""
    text = network("[]", period="period: {start: 2023-01-01, end: 2023-06-01}")
    assert found(check(snapshot(text), RULE), RULE) == FAILED


def test_network_ended_the_day_before_is_not_examined() -> None:
    """'Every dated thing counts only on the days it is in effect': a network that ended."""
    text = network("[]", period="period: {start: 2023-01-01, end: 2023-05-31}")
    report = check(snapshot(text), RULE)
    result = report.result(RULE)
    assert result is not None
    assert (result.examined, found(report, RULE)) == (0, set())


def test_other_network_kind_is_not_examined() -> None:
    """'a family centre network is led as a whole': another kind of network is not one."""
    report = check(snapshot(network("[]", kind="other")), RULE)
    result = report.result(RULE)
    assert result is not None
    assert (result.examined, found(report, RULE)) == (0, set())


def test_helsinki_family_centre_with_one_lead_conforms() -> None:
    """'exactly one lead actor': Helsinki (county 90) leads its own family centre."""
    text = """
        actors:
          - {id: hki-kasvatus, name: "City of Helsinki, social services and health care",
             kind: municipal_body, sectors: [social_health], municipalities: [Helsinki],
             county: "90"}
        centres:
          - {id: hki-keskus, name: Helsinki family centre network, county: "90"}
        networks:
          - id: hki-fc
            name: Helsinki family centre
            county: HKI
            centre: hki-keskus
            leads: [hki-kasvatus]
            members:
              - {actor: hki-kasvatus, role: leads the network}
        """
    assert_nothing_found(check(snapshot(text), RULE), RULE)
