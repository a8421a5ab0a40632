"""LAPE-N07: where, in one municipality, a network's services for the same target group are
organised partly by the municipality and partly by the county (across services, not only
within one), an interface for that target group and municipality is recorded naming the
services on both sides (DOMAIN.md); one finding per (municipality, target group) not
covered (the lead's choice)."""

from __future__ import annotations

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

RULE = "LAPE-N07"
FAILURE = (RULE, "network", "fc", "failed", "error")


def service(
    sid: str,
    provider: str,
    organiser: str,
    *,
    targets: str = "[children]",
    municipality: str | None = "Kuopio",
) -> str:
    """A service as a YAML flow mapping, organised by ``organiser`` (a YAML list of
    responsibilities); ``municipality=None``: county-wide."""
    where = "" if municipality is None else f", municipality: {municipality}"
    return (
        f"{{id: {sid}, name: {sid}, service_type: {sid}, provider: {provider},"
        f" target_groups: {targets}, responsibility: {organiser}{where}}}"
    )


SCHOOL = service("kuopio-school", "kuopio-sivistys", "[municipality]")
WELFARE = service("student-welfare", "ps-hva", "[county]")
COVERED = (
    "{target_group: children, municipality: Kuopio, county: PS,"
    " municipal_services: [kuopio-school], county_services: [student-welfare],"
    " description: School psychologists and social workers come from the county}"
)


def network(
    *services: str, interfaces: tuple[str, ...] = (), actors: str = "", county: str = "PS"
) -> str:
    """A family centre of ``county`` led by the county, with ``services`` and
    ``interfaces`` (YAML flow mappings); every provider is a member with a role."""
    seats = "\n".join(
        f"              - {{actor: {a}, role: {a} work}}" for a in providers(*services)
    )
    offered = "\n".join(f"              - {s}" for s in services)
    recorded = "\n".join(f"              - {i}" for i in interfaces)
    return f"""
        actors: [{actors}]
        networks:
          - id: fc
            name: Family centre
            county: {county}
            leads: [{providers(*services)[0]}]
            members:
{seats}
            services:
{offered}
            interfaces: {"[]" if not interfaces else ""}
{recorded}
        """


def test_recorded_interface_conforms() -> None:
    """'an interface for that target group and municipality ... naming the services'."""
    text = network(SCHOOL, WELFARE, interfaces=(COVERED,))
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_first_day_in_force_split_across_services_without_interface() -> None:
    """'across services, not only within one': school and student welfare, on day one."""
    report = check(snapshot(network(SCHOOL, WELFARE)), RULE, FIRST_DAY)
    assert counted(report, RULE) == {FAILURE: 1}


def test_not_in_force_the_day_before() -> None:
    """'in force 2023-01-01 ..': on 2022-12-31 the rule examines nothing."""
    report = check(snapshot(network(SCHOOL, WELFARE)), RULE, BEFORE_IN_FORCE)
    result = report.result(RULE)
    assert result is not None
    assert (result.in_force, result.examined, found(report, RULE)) == (False, 0, set())


def test_interface_missing_the_county_side_fails() -> None:
    """'naming the services on both sides': an interface naming only the school."""
    partial = "{target_group: children, municipality: Kuopio, municipal_services: [kuopio-school]}"
    report = check(snapshot(network(SCHOOL, WELFARE, interfaces=(partial,))), RULE)
    assert counted(report, RULE) == {FAILURE: 1}


def test_services_on_the_wrong_sides_fail() -> None:
    """'naming the services on both sides' (lead: each on its own side): sides swapped."""
    swapped = (
        "{target_group: children, municipality: Kuopio,"
        " municipal_services: [student-welfare], county_services: [kuopio-school]}"
    )
    report = check(snapshot(network(SCHOOL, WELFARE, interfaces=(swapped,))), RULE)
    assert counted(report, RULE) == {FAILURE: 1}


def test_interface_of_another_municipality_fails() -> None:
    """'an interface for that ... municipality': Siilinjärvi's does not cover Kuopio."""
    elsewhere = COVERED.replace("municipality: Kuopio", "municipality: Siilinjärvi")
    report = check(snapshot(network(SCHOOL, WELFARE, interfaces=(elsewhere,))), RULE)
    assert counted(report, RULE) == {FAILURE: 1}


def test_interface_of_another_target_group_fails() -> None:
    """'an interface for that target group': the parents' does not cover the children."""
    parents = COVERED.replace("target_group: children", "target_group: parents")
    report = check(snapshot(network(SCHOOL, WELFARE, interfaces=(parents,))), RULE)
    assert counted(report, RULE) == {FAILURE: 1}


def test_interface_without_municipality_stands_for_any() -> None:
    """Lead: 'an interface whose municipality ... is not given stands for any'."""
    anywhere = COVERED.replace("municipality: Kuopio, ", "")
    text = network(SCHOOL, WELFARE, interfaces=(anywhere,))
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_interface_without_target_group_stands_for_any() -> None:
    """'an interface whose municipality or target group is not given stands for any'."""
    anyone = COVERED.replace("target_group: children, ", "")
    assert_nothing_found(
        check(snapshot(network(SCHOOL, WELFARE, interfaces=(anyone,))), RULE), RULE
    )


def test_interfaces_together_name_both_sides() -> None:
    """Lead: 'the interfaces recorded ... must together name every service of the split'."""
    school_side = (
        "{target_group: children, municipality: Kuopio, municipal_services: [kuopio-school]}"
    )
    county_side = (
        "{target_group: children, municipality: Kuopio, county_services: [student-welfare]}"
    )
    text = network(SCHOOL, WELFARE, interfaces=(school_side, county_side))
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_no_split_when_one_side_organises_everything() -> None:
    """'partly by the municipality and partly by the county': the municipality alone."""
    club = service("youth-club", "kuopio-sivistys", "[municipality]")
    report = check(snapshot(network(SCHOOL, club)), RULE)
    assert found(report, RULE) == set()


def test_organisation_is_neither_side() -> None:
    """'partly by the municipality and partly by the county': an organisation's service."""
    ngo = service("ngo-club", "kuopio-perheet", "[organisation]")
    report = check(snapshot(network(SCHOOL, ngo)), RULE)
    assert found(report, RULE) == set()


def test_one_finding_per_municipality() -> None:
    """'in one municipality': a county-wide service splits in Kuopio and in Siilinjärvi."""
    county_wide = service("student-welfare", "ps-hva", "[county]", municipality=None)
    other_school = service(
        "siilinjarvi-school", "siilinjarvi-sivistys", "[municipality]", municipality="Siilinjärvi"
    )
    report = check(snapshot(network(SCHOOL, other_school, county_wide)), RULE)
    assert counted(report, RULE) == {FAILURE: 2}


def test_county_wide_service_interface_in_one_municipality_leaves_the_other() -> None:
    """'an interface for that ... municipality': Kuopio's leaves Siilinjärvi's split."""
    county_wide = service("student-welfare", "ps-hva", "[county]", municipality=None)
    other_school = service(
        "siilinjarvi-school", "siilinjarvi-sivistys", "[municipality]", municipality="Siilinjärvi"
    )
    text = network(SCHOOL, other_school, county_wide, interfaces=(COVERED,))
    assert counted(check(snapshot(text), RULE), RULE) == {FAILURE: 1}


def test_one_interface_without_municipality_covers_every_municipality() -> None:
    """Lead: 'an interface whose municipality ... is not given stands for any'."""
    county_wide = service("student-welfare", "ps-hva", "[county]", municipality=None)
    other_school = service(
        "siilinjarvi-school", "siilinjarvi-sivistys", "[municipality]", municipality="Siilinjärvi"
    )
    everywhere = (
        "{target_group: children, county: PS,"
        " municipal_services: [kuopio-school, siilinjarvi-school],"
        " county_services: [student-welfare]}"
    )
    text = network(SCHOOL, other_school, county_wide, interfaces=(everywhere,))
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_one_finding_per_target_group() -> None:
    """'for the same target group': children and young people are two splits."""
    school = service(
        "kuopio-school", "kuopio-sivistys", "[municipality]", targets="[children, young_people]"
    )
    welfare = service("student-welfare", "ps-hva", "[county]", targets="[children, young_people]")
    assert counted(check(snapshot(network(school, welfare)), RULE), RULE) == {FAILURE: 2}
    covered = check(snapshot(network(school, welfare, interfaces=(COVERED,))), RULE)
    assert counted(covered, RULE) == {FAILURE: 1}


def test_helsinki_has_no_split() -> None:
    """'Helsinki organises its own' (glossary): the city is on both sides."""
    helsinki = (
        "{id: hki-kasko, name: Helsinki education, kind: municipal_body,"
        " sectors: [education_youth], municipalities: [Helsinki]},"
        " {id: hki-sote, name: Helsinki social and health services, kind: municipal_body,"
        " sectors: [social_health], municipalities: [Helsinki]}"
    )
    text = network(
        service("hki-school", "hki-kasko", "[municipality]", municipality="Helsinki"),
        service("hki-welfare", "hki-sote", "[county]", municipality="Helsinki"),
        actors=helsinki,
        county='"90"',
    )
    assert found(check(snapshot(text), RULE), RULE) == set()


def test_vantaa_is_split_like_any_other_municipality() -> None:
    """'Helsinki organises its own' is Helsinki only: Vantaa's split needs an interface."""
    vantaa = (
        "{id: vantaa-kasvo, name: Vantaa education, kind: municipal_body,"
        " sectors: [education_youth], municipalities: [Vantaa]},"
        " {id: vakehyva, name: Vantaan ja Keravan hyvinvointialue,"
        " kind: wellbeing_services_county, county: VK}"
    )
    text = network(
        service("vantaa-school", "vantaa-kasvo", "[municipality]", municipality="Vantaa"),
        service("vantaa-welfare", "vakehyva", "[county]", municipality="Vantaa"),
        actors=vantaa,
        county="VK",
    )
    assert counted(check(snapshot(text), RULE), RULE) == {FAILURE: 1}


def test_one_split_service_needs_an_interface() -> None:
    """'(across services, not only within one)': one service split within itself."""
    pupil_welfare = service("pupil-welfare", "kuopio-sivistys", "[municipality, county]")
    assert counted(check(snapshot(network(pupil_welfare)), RULE), RULE) == {FAILURE: 1}


def test_older_interface_form_covers_its_service() -> None:
    """Model: the one-service interface 'stands for that service on both sides'."""
    pupil_welfare = service("pupil-welfare", "kuopio-sivistys", "[municipality, county]")
    old_form = "{service: pupil-welfare, municipality: Kuopio, description: shared}"
    text = network(pupil_welfare, interfaces=(old_form,))
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_merged_municipality_splits_with_its_successor() -> None:
    """'A merged municipality counts as the municipality it merged into': Juankoski."""
    juankoski = service(
        "juankoski-school", "kuopio-sivistys", "[municipality]", municipality="Juankoski"
    )
    assert counted(check(snapshot(network(juankoski, WELFARE)), RULE), RULE) == {FAILURE: 1}


def test_merged_municipality_interface_of_the_successor_covers_it() -> None:
    """'A merged municipality counts as the municipality it merged into': its interface."""
    juankoski = service(
        "juankoski-school", "kuopio-sivistys", "[municipality]", municipality="Juankoski"
    )
    interface = COVERED.replace("kuopio-school", "juankoski-school")
    text = network(juankoski, WELFARE, interfaces=(interface,))
    assert_nothing_found(check(snapshot(text), RULE), RULE)


def test_provider_ended_the_day_before_runs_no_service() -> None:
    """'Every dated thing counts only on the days it is in effect': a provider that ended."""
    closed = (
        "{id: old-provider, name: Student welfare association (closed), kind: organisation,"
        " municipalities: [Kuopio], period: {start: 2010-01-01, end: 2023-05-31}}"
    )
    welfare = service("student-welfare", "old-provider", "[county]")
    report = check(snapshot(network(SCHOOL, welfare, actors=closed)), RULE)
    assert found(report, RULE) == set()
