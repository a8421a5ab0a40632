"""LAPE-N03: a family centre network has partners among organisations and parishes
(DOMAIN.md; seed 004: "partnerskap med organisationer och församlingar")."""

from __future__ import annotations

from ._network_helpers import (
    BEFORE_IN_FORCE,
    FIRST_DAY,
    assert_nothing_found,
    check,
    found,
    snapshot,
)

RULE = "LAPE-N03"
FAILED = {(RULE, "network", "fc", "failed", "warning")}


def network(*seats: str, kind: str = "family_centre", actors: str = "") -> str:
    """A Pohjois-Savo family centre led by the county, with the county, Kuopio's education
    department and ``seats`` (YAML flow mappings of network members) as its members."""
    listed = "\n".join(f"              - {s}" for s in seats)
    return f"""
        actors: [{actors}]
        networks:
          - id: fc
            name: Kuopio family centre
            kind: {kind}
            county: PS
            centre: ps-keskus
            leads: [ps-hva]
            members:
              - {{actor: ps-hva, role: leads the network}}
              - {{actor: kuopio-sivistys, role: schools}}
{listed}
        """


ORGANISATION = "{actor: kuopio-perheet, role: open meeting place}"
PARISH = "{actor: kuopio-srk, role: family clubs}"


def test_organisation_and_parish_conform() -> None:
    """'partners among organisations and parishes': both are there."""
    assert_nothing_found(check(snapshot(network(ORGANISATION, PARISH)), RULE), RULE)


def test_an_organisation_alone_is_a_partner() -> None:
    """'partners among organisations and parishes': an organisation is such a partner."""
    assert_nothing_found(check(snapshot(network(ORGANISATION)), RULE), RULE)


def test_a_parish_alone_is_a_partner() -> None:
    """'partners among organisations and parishes': a parish is such a partner."""
    assert_nothing_found(check(snapshot(network(PARISH)), RULE), RULE)


def test_first_day_in_force_without_partners() -> None:
    """'in force 2023-01-01 ..': on its first day, public bodies only are warned about."""
    assert found(check(snapshot(network()), RULE, FIRST_DAY), RULE) == FAILED


def test_not_in_force_the_day_before() -> None:
    """'in force 2023-01-01 ..': on 2022-12-31 the rule examines nothing."""
    report = check(snapshot(network()), RULE, BEFORE_IN_FORCE)
    result = report.result(RULE)
    assert result is not None
    assert (result.in_force, result.examined, found(report, RULE)) == (False, 0, set())


def test_company_and_school_are_not_such_partners() -> None:
    """'partners among organisations and parishes': a company and a school are neither."""
    others = (
        "{id: kuopio-oy, name: Perhepalvelut Oy, kind: company, municipalities: [Kuopio]},"
        " {id: savonia, name: Savonia University of Applied Sciences,"
        " kind: educational_institution, municipalities: [Kuopio]}"
    )
    text = network("{actor: kuopio-oy, role: home help}", "{actor: savonia, role: training}")
    text = text.replace("actors: []", f"actors: [{others}]")
    assert found(check(snapshot(text), RULE), RULE) == FAILED


def test_organisation_whose_seat_ended_the_day_before_is_no_partner() -> None:
    """'a seat's period': an organisation whose seat ended the day before is no partner."""
    seat = (
        "{actor: kuopio-perheet, role: meeting place, period: {start: 2023-01-01, end: 2023-05-31}}"
    )
    assert found(check(snapshot(network(seat)), RULE), RULE) == FAILED


def test_organisation_whose_seat_ends_on_the_checked_day_is_a_partner() -> None:
    """'counts only on the days it is in effect': a seat on its last day."""
    seat = (
        "{actor: kuopio-perheet, role: meeting place, period: {start: 2023-01-01, end: 2023-06-01}}"
    )
    assert_nothing_found(check(snapshot(network(seat)), RULE), RULE)


def test_parish_whose_own_period_ended_the_day_before_is_no_partner() -> None:
    """'An actor whose period has ended fills no seat, whatever the seat says': a parish."""
    merged = (
        "{id: old-srk, name: Juankoski parish, kind: parish, sectors: [church],"
        " municipalities: [Juankoski], period: {start: 2000-01-01, end: 2023-05-31}}"
    )
    text = network("{actor: old-srk, role: family clubs}", actors=merged)
    assert found(check(snapshot(text), RULE), RULE) == FAILED


def test_other_network_kind_is_not_examined() -> None:
    """'a family centre network has partners ...': another kind of network is not examined."""
    report = check(snapshot(network(kind="other")), RULE)
    result = report.result(RULE)
    assert result is not None
    assert (result.examined, found(report, RULE)) == (0, set())
