"""LAPE-N08: a family centre network involves its clients (children, young people and
parents: experience experts, a client panel or a youth council) in planning and evaluating
its services (DOMAIN.md; seed 003)."""

from __future__ import annotations

from ._network_helpers import (
    BEFORE_IN_FORCE,
    FIRST_DAY,
    assert_nothing_found,
    check,
    found,
    snapshot,
)

RULE = "LAPE-N08"
FAILED = {(RULE, "network", "fc", "failed", "warning")}
UNKNOWN = {(RULE, "network", "fc", "unknown", "warning")}

CLIENTS = """
    {id: kokemus, name: Family centre experience experts, kind: experience_expert,
     county: PS},
    {id: nuva, name: Kuopio and Siilinjärvi youth council, kind: youth_council,
     municipalities: [Kuopio, Siilinjärvi]},
    {id: aluenuva, name: Pohjois-Savo county youth council, kind: county_youth_council,
     county: PS}
"""


def network(*seats: str, kind: str = "family_centre", actors: str = "") -> str:
    """A Pohjois-Savo family centre led by the county, with the county, Kuopio's education
    department and ``seats`` (YAML flow mappings of network members) as its members."""
    listed = "\n".join(f"              - {s}" for s in seats)
    return f"""
        actors: [{CLIENTS}{", " + actors if actors else ""}]
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


def seat(actor: str, involvement: str | None, period: str = "") -> str:
    """A client seat; ``involvement`` a YAML list, or ``None`` for not given."""
    given = "" if involvement is None else f", involvement: {involvement}"
    dated = f", period: {period}" if period else ""
    return f"{{actor: {actor}, role: speaks for the clients{given}{dated}}}"


def test_client_panel_planning_and_evaluating_conforms() -> None:
    """'involves its clients (... a client panel ...) in planning and evaluating'."""
    text = network(seat("ps-asiakasraati", "[planning, evaluation]"))
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_first_day_in_force_planning_only() -> None:
    """'in planning and evaluating': on the first day in force, a panel that only plans."""
    report = check(snapshot(network(seat("ps-asiakasraati", "[planning]"))), RULE, FIRST_DAY)
    assert found(report, RULE) == FAILED


def test_not_in_force_the_day_before() -> None:
    """'in force 2023-01-01 ..': on 2022-12-31 the rule examines nothing."""
    report = check(snapshot(network()), RULE, BEFORE_IN_FORCE)
    result = report.result(RULE)
    assert result is not None
    assert (result.in_force, result.examined, found(report, RULE)) == (False, 0, set())


def test_evaluation_only_fails() -> None:
    """'in planning and evaluating': experience experts who only evaluate."""
    assert found(check(snapshot(network(seat("kokemus", "[evaluation]"))), RULE), RULE) == FAILED


def test_clients_together_cover_both() -> None:
    """Lead: 'such members together take part in both planning and evaluation'."""
    text = network(seat("kokemus", "[planning]"), seat("nuva", "[evaluation]"))
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_county_youth_council_is_a_client_member() -> None:
    """Lead: 'clients = members that are ... youth councils or county youth councils'."""
    text = network(seat("aluenuva", "[planning, evaluation]"))
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_involvement_given_as_none_fails() -> None:
    """'in planning and evaluating': a client member said to take part in neither."""
    assert found(check(snapshot(network(seat("kokemus", "[]"))), RULE), RULE) == FAILED


def test_involvement_not_given_is_unknown() -> None:
    """Lead: '`involvement` not given on a client member ... -> unknown'."""
    assert found(check(snapshot(network(seat("kokemus", None))), RULE), RULE) == UNKNOWN


def test_planning_given_and_the_rest_not_given_is_unknown() -> None:
    """Lead: 'no other client covering both -> unknown': planning given, the rest not."""
    text = network(seat("kokemus", "[planning]"), seat("nuva", None))
    assert found(check(snapshot(text), RULE), RULE) == UNKNOWN


def test_another_client_covering_both_decides() -> None:
    """Lead: '... and no other client covering both': another client covers both."""
    text = network(seat("kokemus", None), seat("ps-asiakasraati", "[planning, evaluation]"))
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_no_client_member_fails() -> None:
    """Lead: 'no client member -> failed': an organisation does not speak for clients."""
    text = network(seat("kuopio-perheet", "[planning, evaluation]"))
    assert found(check(snapshot(text), RULE), RULE) == FAILED


def test_client_seat_ended_the_day_before_fails() -> None:
    """Lead: 'among the members in effect': a client seat that ended the day before."""
    old = seat("ps-asiakasraati", "[planning, evaluation]", "{start: 2023-01-01, end: 2023-05-31}")
    assert found(check(snapshot(network(old)), RULE), RULE) == FAILED


def test_client_seat_on_its_last_day_counts() -> None:
    """'counts only on the days it is in effect': a client seat on its last day."""
    last = seat("ps-asiakasraati", "[planning, evaluation]", "{start: 2023-01-01, end: 2023-06-01}")
    assert_nothing_found(check(snapshot(network(last)), RULE), RULE)


def test_client_actor_ended_the_day_before_fails() -> None:
    """'An actor whose period has ended fills no seat': a client panel wound up."""
    wound_up = (
        "{id: old-panel, name: Former client panel, kind: client_panel, county: PS,"
        " period: {start: 2020-01-01, end: 2023-05-31}}"
    )
    text = network(seat("old-panel", "[planning, evaluation]"), actors=wound_up)
    assert found(check(snapshot(text), RULE), RULE) == FAILED


def test_other_network_kind_is_not_examined() -> None:
    """'a family centre network involves its clients': another kind is not examined."""
    report = check(snapshot(network(kind="other")), RULE)
    result = report.result(RULE)
    assert result is not None
    assert (result.examined, found(report, RULE)) == (0, set())
