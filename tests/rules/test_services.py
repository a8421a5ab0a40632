"""LAPE-N01..N08 and LAPE-W01..W02: family centre networks and wellbeing services counties.

For every rule: a conforming snapshot, a violating one (rule ID, subject,
severity, messages in three languages), the cases it cannot decide, and that
it is not in force before 2023.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import lape
from lape.model import (
    CountyCode,
    Geography,
    MunicipalityCode,
    Sector,
    Severity,
    Snapshot,
    TargetGroup,
)
from lape.reference import geography
from lape.rules import LANGUAGES, RuleSet, Status
from lape.rules._catalogue import services
from lape.rules._catalogue.services import RULES
from lape.testing import Checker

DAY = dt.date(2024, 3, 1)
BEFORE = dt.date(2022, 12, 31)

checker = Checker(rules=RuleSet(RULES), as_of=DAY)
"""The service-network and county rules alone, on ``DAY`` unless a call gives another day."""

KUOPIO = "297"
HELSINKI = "091"
ESPOO = "049"
MARIEHAMN = "478"

ACTORS = """
actors:
  - {id: ps-hva, name: North Savo wellbeing services county, kind: wellbeing_services_county,
     county: "13", sectors: [social_health]}
  - {id: ps-clinics, name: Child health clinics of the county, kind: other, county: "13",
     level: regional, sectors: [social_health]}
  - {id: kuo-sivistys, name: Kuopio education and youth, kind: municipal_body,
     sectors: [education_youth], municipalities: [Kuopio]}
  - {id: kuo-sote, name: Kuopio social and health, kind: municipal_body,
     sectors: [social_health], municipalities: [Kuopio]}
  - {id: kuopio, name: City of Kuopio, kind: municipality, municipalities: [Kuopio]}
  - {id: kuo-unknown, name: A Kuopio body of unknown sector, kind: municipal_body,
     municipalities: [Kuopio]}
  - {id: mll, name: Family association, kind: organisation, sectors: [civil_society],
     municipalities: [Kuopio]}
  - {id: ps-panel, name: Family client panel, kind: client_panel, county: "13",
     sectors: [social_health]}
  - {id: kuo-srk, name: Kuopio parish, kind: parish, sectors: [church], municipalities: [Kuopio]}
  - {id: hki-kasko, name: Helsinki education, kind: municipal_body, sectors: [education_youth],
     municipalities: [Helsinki]}
  - {id: hki-sote, name: Helsinki social services and health care, kind: municipal_body,
     sectors: [social_health], municipalities: [Helsinki]}
centres:
  - {id: ps-sote, name: North Savo social and health centre, county: "13"}
  - {id: pi-sote, name: Pirkanmaa social and health centre, county: "08"}
  - {id: hki-sote-keskus, name: Helsinki social and health centre, county: "90"}
"""

FAMILY_CENTRE = """
- id: fc
  name: North Savo family centre
  kind: family_centre
  county: "13"
  centre: ps-sote
  leads: [ps-hva]
  period: {start: 2023-01-01}
  members:
    - {actor: ps-hva, role: leads the network}
    - {actor: ps-clinics, role: child health clinics}
    - {actor: kuo-sivistys, role: early childhood education and schools}
    - {actor: mll, role: peer support}
    - {actor: kuo-srk, role: family clubs}
    - {actor: ps-panel, role: clients' voice, involvement: [planning, evaluation]}
  services:
    - {id: clinic, name: Child health clinic, service_type: child_health_clinic,
       provider: ps-clinics, target_groups: [children, families], sector: social_health,
       responsibility: [county]}
    - {id: ece, name: Early childhood education, service_type: early_childhood_education,
       provider: kuo-sivistys, target_groups: [children], sector: education_youth,
       responsibility: [municipality], municipality: Kuopio}
    - {id: pupil-welfare, name: Pupil welfare, service_type: pupil_welfare,
       provider: kuo-sivistys, target_groups: [children, young_people],
       sector: education_youth, responsibility: [municipality, county], municipality: Kuopio}
    - {id: meeting-place, name: Open meeting place, service_type: open_meeting_place,
       provider: mll, target_groups: [families, parents], sector: civil_society,
       responsibility: [organisation]}
    - {id: family-club, name: Family club, service_type: open_meeting_place,
       provider: kuo-srk, target_groups: [families, children], sector: church,
       responsibility: [parish]}
  interfaces:
    - {target_group: children, municipality: Kuopio, county: "13",
       municipal_services: [ece, pupil-welfare], county_services: [pupil-welfare, clinic],
       description: "school psychologists are the county's, pupil welfare groups the city's"}
    - {target_group: young_people, municipality: Kuopio, county: "13",
       municipal_services: [pupil-welfare], county_services: [pupil-welfare]}
  coordination:
    # the meeting place and the family club overlap (families): linked, in reverse order
    - {actors: [kuo-srk, mll], description: one weekly calendar}
"""


def _load(networks: str = FAMILY_CENTRE) -> Snapshot:
    """The actors and centres above with the given networks (a YAML list)."""
    body = textwrap.indent(textwrap.dedent(networks).strip("\n"), "  ")
    return lape.loads(f"{ACTORS}networks:\n{body}\n")


def _edit(text: str, **changes: str) -> str:
    """A network (YAML list item) with some of its keys given new YAML values.

    Each keyword names a key of the network (``leads``, ``centre``...); the
    key's nested lines are dropped with its old value; ``"~"`` makes it null.
    """
    out: list[str] = []
    replacing = False
    for line in textwrap.dedent(text).strip("\n").splitlines():
        if replacing and line.startswith("    "):
            continue  # a nested line of the value being replaced
        replacing = False
        key = line.removeprefix("- ").split(":", 1)[0].strip()
        if line.startswith(("- ", "  ")) and not line.startswith("    ") and key in changes:
            prefix = line[:2]
            out.append(f"{prefix}{key}: {changes.pop(key)}")
            replacing = True
        else:
            out.append(line)
    assert not changes, f"no such key in the network: {sorted(changes)}"
    return "\n".join(out) + "\n"


def _network(**changes: str) -> str:
    """The conforming family centre with some keys given new YAML values."""
    return _edit(FAMILY_CENTRE, **changes)


def _geography_with(**counties: str | None) -> Geography:
    """The reference geography with the counties of some municipalities changed
    (keyword ``m297="13"``: municipality 297's county)."""
    geo = geography()
    municipalities = dict(geo.municipalities)
    for key, county in counties.items():
        code = MunicipalityCode(key.removeprefix("m"))
        municipalities[code] = attrs.evolve(
            municipalities[code], county=None if county is None else CountyCode(county)
        )
    return attrs.evolve(geo, municipalities=municipalities)


# -- the catalogue entries ---------------------------------------------------------

SEVERITIES = {
    "LAPE-N01": Severity.ERROR,
    "LAPE-N02": Severity.ERROR,
    "LAPE-N03": Severity.WARNING,
    "LAPE-N04": Severity.ERROR,
    "LAPE-N05": Severity.WARNING,
    "LAPE-N06": Severity.WARNING,
    "LAPE-N07": Severity.ERROR,
    "LAPE-N08": Severity.WARNING,
    "LAPE-W01": Severity.ERROR,
    "LAPE-W02": Severity.WARNING,
}
SUBJECTS = {
    "LAPE-N01": "network",
    "LAPE-N02": "network",
    "LAPE-N03": "network",
    "LAPE-N04": "network",
    "LAPE-N05": "network",
    "LAPE-N06": "network",
    "LAPE-N07": "network",
    "LAPE-N08": "network",
    "LAPE-W01": "actor+network",
    "LAPE-W02": "service",
}

SEED_004 = Path(__file__).resolve().parents[1] / "data" / "seeds" / "004_03cf18482934f705.txt"


def test_rules_in_id_order_with_domain_severities_and_subjects() -> None:
    assert [r.id for r in RULES] == list(SEVERITIES)
    assert services.__all__ == ["RULES"]
    for r in RULES:
        assert r.severity is SEVERITIES[r.id], r.id
        assert [k.value for k in r.subjects] == SUBJECTS[r.id].split("+"), r.id
        assert r.in_force.start == dt.date(2023, 1, 1), r.id
        assert r.in_force.end is None, r.id
        assert r.tags & {"services", "counties"}, r.id
        for text in (r.title, r.message):
            assert all(text.get(lang).strip() for lang in LANGUAGES), r.id
        assert all(r.message.get(lang).startswith("{subject}") for lang in LANGUAGES), r.id


# -- the conforming snapshot -------------------------------------------------------


def test_conforming_snapshot_has_no_findings_and_every_rule_examines() -> None:
    report = checker(_load())
    assert report.findings == ()
    for r in RULES:
        checker.assert_passes(report, r.id)


def test_bundled_example_has_only_its_deliberate_network_shortcomings() -> None:
    report = checker(lape.example(), as_of=dt.date(2023, 6, 1))
    found = sorted((f.rule, f.subject.id) for f in report.findings)
    assert found == [
        ("LAPE-N05", "ps-family-centre"),
        ("LAPE-N07", "ps-family-centre"),
    ]


@pytest.mark.parametrize("rule_id", list(SEVERITIES))
def test_not_in_force_before_2023(rule_id: str) -> None:
    checker.assert_not_in_force(_load(), rule_id, as_of=BEFORE)


def test_networks_not_in_effect_are_not_examined() -> None:
    later = _network(period="{start: 2025-01-01}", leads="[]", county="~", centre="~")
    report = checker(_load(later))
    for rule_id in SEVERITIES:
        if rule_id != "LAPE-W01":  # W01 examines actors too
            checker.assert_not_examined(report, rule_id)
    assert report.findings == ()


# -- one violation per rule: ID, subject, severity, messages -------------------------

Case = Callable[[], tuple[Snapshot, Geography | None]]


def _only(networks: str) -> Case:
    return lambda: (_load(networks), None)


VIOLATIONS: dict[str, tuple[Case, str]] = {
    "LAPE-N01": (_only(_network(leads="[ps-hva, kuo-sivistys]")), "fc"),
    "LAPE-N02": (
        _only(
            """
            - id: fc-health
              name: Health only
              county: "13"
              centre: ps-sote
              leads: [ps-hva]
              members: [{actor: ps-clinics, role: clinics}, {actor: mll, role: peer support},
                        {actor: ps-panel, role: panel, involvement: [planning, evaluation]}]
              services:
                - {id: clinic, name: Clinic, service_type: child_health_clinic,
                   provider: ps-clinics, target_groups: [children], sector: social_health}
            """
        ),
        "fc-health",
    ),
    "LAPE-N03": (
        _only(
            """
            - id: fc-public
              name: Public bodies only
              county: "13"
              centre: ps-sote
              leads: [ps-hva]
              members: [{actor: ps-hva, role: lead}, {actor: kuo-sivistys, role: schools},
                        {actor: ps-panel, role: panel, involvement: [planning, evaluation]}]
            """
        ),
        "fc-public",
    ),
    "LAPE-N04": (_only(_network(centre="pi-sote")), "fc"),
    "LAPE-N05": (
        _only(
            FAMILY_CENTRE.replace(
                "{actor: kuo-sivistys, role: early childhood education and schools}",
                "{actor: kuo-sivistys}",
            )
        ),
        "fc",
    ),
    "LAPE-N06": (
        _only(
            FAMILY_CENTRE.replace(
                "{actors: [kuo-srk, mll], description: one weekly calendar}",
                "{actors: [kuo-srk, ps-hva]}",
            )
        ),
        "fc",
    ),
    "LAPE-N07": (
        _only(
            FAMILY_CENTRE.replace(
                """    - {target_group: young_people, municipality: Kuopio, county: "13",
       municipal_services: [pupil-welfare], county_services: [pupil-welfare]}
""",
                "",
            )
        ),
        "fc",
    ),
    "LAPE-N08": (
        _only(
            FAMILY_CENTRE.replace("involvement: [planning, evaluation]", "involvement: [planning]")
        ),
        "fc",
    ),
    "LAPE-W01": (
        lambda: (
            lape.loads(
                ACTORS.replace(
                    "     sectors: [social_health]}",
                    "     sectors: [social_health], municipalities: [Tampere]}",
                )
            ),
            None,
        ),
        "ps-panel",
    ),
    "LAPE-W02": (
        _only(
            FAMILY_CENTRE.replace(
                "provider: ps-clinics, target_groups: [children, families], "
                "sector: social_health,\n"
                "       responsibility: [county]",
                "provider: kuo-sote, target_groups: [children, families], "
                "sector: social_health,\n"
                "       responsibility: [municipality]",
            )
        ),
        "clinic",
    ),
}


@pytest.mark.parametrize("rule_id", list(VIOLATIONS))
def test_violation_is_reported_with_rule_subject_and_severity(rule_id: str) -> None:
    make, subject_id = VIOLATIONS[rule_id]
    snapshot, geo = make()
    report = checker(snapshot, geography=geo)
    kind = {"LAPE-W01": "actor", "LAPE-W02": "service"}.get(rule_id, "network")
    finding = checker.the_violation(
        report, rule_id, kind, subject_id, severity=SEVERITIES[rule_id]
    )  # exactly one, failed, messages naming the subject in every language
    assert finding.subject.kind in SUBJECTS[rule_id].split("+")
    assert finding.source == services.RULES[list(SEVERITIES).index(rule_id)].source
    assert len({finding.messages.get(lang) for lang in LANGUAGES}) == 3
    # no other rule of the module is disturbed by the change
    assert {f.rule for f in report.findings} == {rule_id}


def test_messages_in_finnish_and_swedish_name_the_facts() -> None:
    snapshot, _ = VIOLATIONS["LAPE-N01"][0]()
    report = checker(snapshot, lang="fi")
    (finding,) = checker.findings(report, "LAPE-N01")
    assert finding.message.startswith("North Savo family centre (fc): perhekeskusverkostolla on 2")
    assert "ps-hva, kuo-sivistys" in finding.messages.sv


# -- LAPE-N01 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("leads", "count"), [("[]", 0), ("[ps-hva, kuo-sivistys]", 2), ("[ps-hva, ps-hva]", None)]
)
def test_n01_exactly_one_lead(leads: str, count: int | None) -> None:
    report = checker(_load(_network(leads=leads)))
    found = checker.findings(report, "LAPE-N01")
    if count is None:  # the same lead named twice is still one lead
        assert found == []
        assert checker.examined(report, "LAPE-N01") == 1
        return
    (finding,) = found
    assert finding.evidence["count"] == count
    assert finding.path == "networks[0].leads"


def test_n01_to_n04_and_w02_examine_family_centres_only() -> None:
    other = _network(kind="other", leads="[]", county="~", centre="~")
    report = checker(_load(other))
    for rule_id in ("LAPE-N01", "LAPE-N02", "LAPE-N03", "LAPE-N04", "LAPE-W02"):
        assert checker.examined(report, rule_id) == 0, rule_id
    for rule_id in ("LAPE-N05", "LAPE-N06", "LAPE-N07"):
        assert checker.examined(report, rule_id) >= 1, rule_id


# -- LAPE-N02 ---------------------------------------------------------------------


def test_n02_evidence_names_the_lacking_sector() -> None:
    snapshot, _ = VIOLATIONS["LAPE-N02"][0]()
    (finding,) = checker.findings(snapshot, "LAPE-N02")
    assert finding.evidence["lacking"] == {Sector.EDUCATION_YOUTH}
    assert "education and youth sector" in finding.message


def test_n02_services_sectors_count_too() -> None:
    networks = """
    - id: fc-svc
      name: Spans through its services
      county: "13"
      centre: ps-sote
      leads: [ps-hva]
      members: [{actor: mll, role: peer support}]
      services:
        - {id: school-nurse, name: School nurses, service_type: school_health,
           provider: ps-hva, target_groups: [children], sector: education_youth}
    """
    report = checker(_load(networks))
    assert checker.findings(report, "LAPE-N02") == []
    assert checker.examined(report, "LAPE-N02") == 1


def test_n02_unknown_when_sectors_are_not_given() -> None:
    networks = """
    - id: fc-unknown
      name: Sectors not given
      county: "13"
      centre: ps-sote
      leads: [ps-hva]
      members: [{actor: kuo-unknown, role: something}, {actor: mll, role: peer support}]
      services:
        - {id: mystery, name: Mystery service, service_type: mystery, provider: mll,
           target_groups: [families]}
    """
    # one unknown, its message naming the network in every language
    finding = checker.the_unknown(_load(networks), "LAPE-N02", "network", "fc-unknown")
    assert finding.missing == ("sectors of actor kuo-unknown", "sector of service mystery")


def test_n02_known_sectors_decide_even_if_others_are_missing() -> None:
    snapshot = _load(
        FAMILY_CENTRE.replace(
            "{actor: mll, role: peer support}", "{actor: kuo-unknown, role: something}"
        )
    )
    assert checker.findings(snapshot, "LAPE-N02") == []


def test_n02_unknown_when_a_member_names_no_actor() -> None:
    networks = """
    - id: fc-ghost
      name: A member that is not in the snapshot
      county: "13"
      centre: ps-sote
      leads: [ps-hva]
      members: [{actor: mll, role: peer support}, {actor: ghost, role: who knows}]
    """
    (finding,) = checker.findings(_load(networks), "LAPE-N02")
    assert finding.status is Status.UNKNOWN
    assert finding.missing == ("actor ghost",)


# -- LAPE-N03 ---------------------------------------------------------------------


def test_n03_unknown_when_a_member_names_no_actor() -> None:
    networks = """
    - id: fc-dangling
      name: A member that is not in the snapshot
      county: "13"
      centre: ps-sote
      leads: [ps-hva]
      members: [{actor: kuo-sivistys, role: schools}, {actor: ghost, role: who knows}]
    """
    (finding,) = checker.findings(_load(networks), "LAPE-N03")
    assert finding.status is Status.UNKNOWN
    assert finding.missing == ("actor ghost",)


def test_n03_a_partner_whose_membership_ended_does_not_count() -> None:
    text = (
        FAMILY_CENTRE.replace(
            "{actor: mll, role: peer support}",
            "{actor: mll, role: peer support, period: {start: 2023-01-01, end: 2023-12-31}}",
        )
        .replace("    - {actor: kuo-srk, role: family clubs}\n", "")
        .replace("provider: mll", "provider: ps-hva")
        .replace("provider: kuo-srk", "provider: ps-hva")
    )
    report = checker(_load(text))
    (finding,) = checker.findings(report, "LAPE-N03")
    assert finding.status is Status.FAILED
    assert finding.severity is Severity.WARNING
    assert checker.findings(_load(text), "LAPE-N03", as_of=dt.date(2023, 6, 1)) == []


# -- LAPE-N04 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "at"),
    [
        ({"county": "~"}, ".county"),
        ({"centre": "~"}, ".centre"),
        ({"centre": "no-such-centre"}, ".centre"),
        ({"centre": "pi-sote"}, ".centre"),
        ({"county": '"08"'}, ".centre"),
    ],
)
def test_n04_one_county_and_its_centre(changes: dict[str, str], at: str) -> None:
    report = checker(_load(_network(**changes)))
    (finding,) = checker.findings(report, "LAPE-N04")
    assert finding.status is Status.FAILED
    assert finding.path == f"networks[0]{at}"


def test_n04_message_shows_both_counties() -> None:
    (finding,) = checker.findings(_load(_network(centre="pi-sote")), "LAPE-N04")
    assert finding.evidence["county"] == "13"
    assert "13" in finding.message
    assert "08" in finding.message


def test_n04_a_service_of_another_county_is_an_error() -> None:
    text = FAMILY_CENTRE.replace(
        "responsibility: [organisation]}",
        "responsibility: [organisation],\n       municipality: Tampere}",
    )
    (finding,) = checker.findings(_load(text), "LAPE-N04")
    assert finding.status is Status.FAILED
    assert finding.evidence["services_elsewhere"] == ["meeting-place"]
    assert finding.path == "networks[0].services"


def test_n04_a_member_of_another_county_is_an_error_a_national_one_is_not() -> None:
    actors = ACTORS.replace(
        "centres:",
        "  - {id: tre-org, name: Tampere association, kind: organisation, "
        "municipalities: [Tampere]}\n"
        "  - {id: thl, name: THL, kind: government_agency, body: thl}\n"
        "centres:",
    )
    text = FAMILY_CENTRE.replace(
        "    - {actor: kuo-srk, role: family clubs}\n",
        "    - {actor: kuo-srk, role: family clubs}\n"
        "    - {actor: tre-org, role: advice}\n"
        "    - {actor: thl, role: national support}\n",
    )
    body = textwrap.indent(textwrap.dedent(text).strip("\n"), "  ")
    report = checker(lape.loads(f"{actors}networks:\n{body}\n"))
    (finding,) = checker.findings(report, "LAPE-N04")
    assert finding.evidence["actors_elsewhere"] == ["tre-org"]


def test_n04_a_member_that_names_no_place_is_unknown() -> None:
    text = FAMILY_CENTRE.replace(
        "    - {actor: kuo-srk, role: family clubs}\n",
        "    - {actor: kuo-srk, role: family clubs}\n    - {actor: kuo-unknown-place, role: x}\n",
    )
    actors = ACTORS.replace(
        "centres:",
        "  - {id: kuo-unknown-place, name: Somewhere, kind: organisation}\ncentres:",
    )
    body = textwrap.indent(textwrap.dedent(text).strip("\n"), "  ")
    (finding,) = checker.findings(lape.loads(f"{actors}networks:\n{body}\n"), "LAPE-N04")
    assert finding.status is Status.UNKNOWN
    assert finding.missing == ("municipalities, county or region of actor kuo-unknown-place",)


# -- LAPE-N05 ---------------------------------------------------------------------


def test_n05_one_outcome_per_network_listing_every_actor_without_role() -> None:
    text = FAMILY_CENTRE.replace(
        "{actor: kuo-sivistys, role: early childhood education and schools}",
        "{actor: kuo-sivistys}",
    ).replace("{actor: mll, role: peer support}", '{actor: mll, role: "  "}')
    report = checker(_load(text))
    (finding,) = checker.findings(report, "LAPE-N05")
    assert finding.evidence["without_role"] == ["kuo-sivistys", "mll"]
    assert finding.path == "networks[0].members[2].role"
    assert "kuo-sivistys, mll" in finding.message
    assert checker.examined(report, "LAPE-N05") == 1
    assert checker.failures(report, "LAPE-N05") == [("network", "fc", Severity.WARNING)]


def test_n05_members_no_longer_in_the_network_need_no_role() -> None:
    text = FAMILY_CENTRE.replace(
        "{actor: kuo-srk, role: family clubs}",
        "{actor: kuo-srk, role: family clubs}\n"
        "    - {actor: kuopio, period: {start: 2023-01-01, end: 2023-06-30}}",
    )
    assert checker.findings(_load(text), "LAPE-N05") == []
    assert len(checker.findings(_load(text), "LAPE-N05", as_of=dt.date(2023, 3, 1))) == 1


# -- LAPE-N06 ---------------------------------------------------------------------


def _overlap(
    second_provider: str = "kuo-srk", groups: str = "[families, children]", link: str = "[]"
) -> str:
    """The family centre whose family club overlaps the meeting place, with ``link``
    as its coordination."""
    text = FAMILY_CENTRE.replace(
        "provider: kuo-srk, target_groups: [families, children]",
        f"provider: {second_provider}, target_groups: {groups}",
    )
    return _edit(text, coordination=link)


def test_n06_unlinked_overlap_is_reported_with_both_services() -> None:
    report = checker(_load(_overlap()))
    (finding,) = checker.findings(report, "LAPE-N06")
    assert finding.evidence["service_ids"] == ["meeting-place", "family-club"]
    assert finding.evidence["providers"] == "mll, kuo-srk"
    assert finding.evidence["target_groups"] == {TargetGroup.FAMILIES}
    assert finding.evidence["service_type"] == "open_meeting_place"
    assert finding.path == "networks[0].services[3]"  # the cluster's first service
    assert "the whole county" in finding.message


def test_n06_the_same_service_in_two_municipalities_is_no_overlap() -> None:
    text = _overlap().replace(
        "responsibility: [parish]}", "responsibility: [parish], municipality: Kuopio}"
    )
    report = checker(_load(text))
    assert checker.findings(report, "LAPE-N06") == []


def test_n06_one_finding_per_cluster_of_duplicates() -> None:
    services = "".join(
        f"    - {{id: place-{i}, name: Place {i}, service_type: open_meeting_place, "
        f"provider: {'mll' if i % 2 else 'kuo-srk'}, target_groups: [families], "
        "municipality: Kuopio}\n"
        for i in range(40)
    )
    text = _edit(FAMILY_CENTRE, services="\n" + services.rstrip("\n"), coordination="[]")
    report = checker(_load(text))
    (finding,) = checker.findings(report, "LAPE-N06")
    assert finding.evidence["count"] == 40
    assert "(+30)" in finding.message  # ten services named, the rest counted


@pytest.mark.parametrize(
    "text",
    [
        _overlap(link="[{actors: [mll, kuo-srk]}]"),  # linked, in the order of the services
        _overlap(link="[{actors: [kuo-srk, mll]}]"),  # linked, the other way round
        _overlap(second_provider="mll"),  # one provider runs both
        _overlap(groups="[children]"),  # no target group in common
    ],
    ids=["linked", "linked-reversed", "same-provider", "different-groups"],
)
def test_n06_no_finding_when_coordinated_or_not_the_same_service(text: str) -> None:
    report = checker(_load(text))
    assert checker.findings(report, "LAPE-N06") == []
    assert checker.examined(report, "LAPE-N06") == 1


def test_n06_a_link_in_another_network_does_not_count() -> None:
    other = """
    - id: other-network
      name: Another network
      kind: other
      members: [{actor: mll, role: peer support}, {actor: kuo-srk, role: clubs}]
      coordination: [{actors: [mll, kuo-srk]}]
    """
    report = checker(_load(_overlap() + textwrap.dedent(other)))
    (finding,) = checker.findings(report, "LAPE-N06")
    assert finding.subject.id == "fc"


# -- LAPE-N07 ---------------------------------------------------------------------


def _interfaces(*items: str) -> str:
    return "\n" + "".join(f"    - {item}\n" for item in items).rstrip("\n")


_CHILDREN = (
    "{target_group: children, municipality: Kuopio, municipal_services: [ece, pupil-welfare], "
    "county_services: [pupil-welfare, clinic]}"
)
_YOUNG = (
    "{target_group: young_people, municipality: Kuopio, municipal_services: [pupil-welfare], "
    "county_services: [pupil-welfare]}"
)


@pytest.mark.parametrize(
    ("interfaces", "failing"),
    [
        ("[]", ["children", "young_people"]),
        (_interfaces(_CHILDREN), ["young_people"]),
        (_interfaces(_CHILDREN.replace("Kuopio", "Iisalmi"), _YOUNG), ["children"]),
        # the clinic (county-wide) is not named on the county side
        (
            _interfaces(_CHILDREN.replace("[pupil-welfare, clinic]", "[pupil-welfare]"), _YOUNG),
            ["children"],
        ),
        (_interfaces(_CHILDREN, _YOUNG), []),
        # the older form naming the split service stands for every target group, but names
        # only that service: the clinic and early childhood education are left unnamed
        ("[{service: pupil-welfare, municipality: Kuopio}]", ["children"]),
        (
            "[{municipality: Kuopio, municipal_services: [ece, pupil-welfare], "
            "county_services: [pupil-welfare, clinic]}]",
            [],
        ),  # no target group: any
    ],
    ids=["none", "children-only", "other-municipality", "unnamed", "both", "older", "any-group"],
)
def test_n07_an_interface_per_municipality_and_target_group(
    interfaces: str, failing: list[str]
) -> None:
    report = checker(_load(_network(interfaces=interfaces)))
    found = checker.findings(report, "LAPE-N07")
    assert checker.examined(report, "LAPE-N07") == 2  # children and young people in Kuopio
    assert sorted(f.evidence["target_group"].value for f in found) == failing
    for finding in found:
        assert finding.subject.kind == "network"
        assert finding.subject.id == "fc"
        assert finding.evidence["municipality_code"] == KUOPIO
        assert "Kuopio (297)" in finding.message


def test_n07_across_services_school_and_student_welfare() -> None:
    networks = """
    - id: fc
      name: Split across services
      kind: other
      services:
        - {id: school, name: School, service_type: school, provider: kuo-sivistys,
           target_groups: [children], responsibility: [municipality], municipality: Kuopio}
        - {id: welfare, name: Student welfare, service_type: student_welfare,
           provider: ps-hva, target_groups: [children], responsibility: [county],
           municipality: Kuopio}
    """
    (finding,) = checker.findings(_load(networks), "LAPE-N07")
    assert finding.evidence["municipal_services"] == "school"
    assert finding.evidence["county_services"] == "welfare"


def test_n07_helsinki_organises_both_sides() -> None:
    networks = """
    - id: hki
      name: Helsinki network
      kind: other
      services:
        - {id: school, name: School, service_type: school, provider: hki-kasko,
           target_groups: [children], responsibility: [municipality], municipality: Helsinki}
        - {id: welfare, name: Student welfare, service_type: student_welfare,
           provider: hki-sote, target_groups: [children], responsibility: [county],
           municipality: Helsinki}
    """
    report = checker(_load(networks))
    assert checker.findings(report, "LAPE-N07") == []


# -- LAPE-N08 ---------------------------------------------------------------------


def test_n08_no_client_member_fails() -> None:
    text = FAMILY_CENTRE.replace(
        "    - {actor: ps-panel, role: clients' voice, involvement: [planning, evaluation]}\n", ""
    )
    (finding,) = checker.findings(_load(text), "LAPE-N08")
    assert finding.status is Status.FAILED
    assert finding.severity is Severity.WARNING


def test_n08_involvement_not_given_is_unknown() -> None:
    text = FAMILY_CENTRE.replace(", involvement: [planning, evaluation]", "")
    (finding,) = checker.findings(_load(text), "LAPE-N08")
    assert finding.status is Status.UNKNOWN
    assert finding.missing == ("involvement of member ps-panel",)


def test_n08_two_clients_between_them_cover_both() -> None:
    text = FAMILY_CENTRE.replace("involvement: [planning, evaluation]", "involvement: [planning]")
    text = text.replace(
        "    - {actor: ps-panel, role: clients' voice, involvement: [planning]}\n",
        "    - {actor: ps-panel, role: clients' voice, involvement: [planning]}\n"
        "    - {actor: kuo-nuva, role: youth council, involvement: [evaluation]}\n",
    )
    actors = ACTORS.replace(
        "centres:",
        "  - {id: kuo-nuva, name: Kuopio youth council, kind: youth_council, "
        "municipalities: [Kuopio]}\ncentres:",
    )
    body = textwrap.indent(textwrap.dedent(text).strip("\n"), "  ")
    report = checker(lape.loads(f"{actors}networks:\n{body}\n"))
    assert checker.findings(report, "LAPE-N08") == []


# -- LAPE-W01 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("county", "municipalities", "fails"),
    [
        ('"13"', "[Kuopio]", False),
        ('"13"', "[Kuopio, Tampere]", True),
        ('"90"', "[Helsinki]", False),  # Helsinki organises its own services: "county" 90
        ('"01"', "[Helsinki]", True),
        ('"03"', "[Espoo]", False),
        ('"90"', "[Espoo]", True),
        ('"21"', "[Mariehamn]", True),  # Åland belongs to no county (21 is Lapland's code)
    ],
)
def test_w01_an_actor_names_municipalities_of_its_county(
    county: str, municipalities: str, fails: bool
) -> None:
    text = (
        "actors:\n  - {id: a, name: A, kind: organisation, county: "
        f"{county}, municipalities: {municipalities}}}\n"
    )
    report = checker(lape.loads(text))
    found = checker.findings(report, "LAPE-W01")
    assert checker.examined(report, "LAPE-W01") == 1
    assert [(f.subject.kind, f.subject.id, f.severity) for f in found] == (
        [("actor", "a", Severity.ERROR)] if fails else []
    )


def test_w01_an_interface_in_another_county() -> None:
    text = _network(
        interfaces=_interfaces(
            _CHILDREN.replace("municipality: Kuopio", 'municipality: Kuopio, county: "08"'), _YOUNG
        )
    )
    (finding,) = checker.findings(_load(text), "LAPE-W01")
    assert (finding.subject.kind, finding.subject.id) == ("network", "fc")
    assert finding.path == "networks[0].interfaces[0].municipality"


def test_w01_does_not_check_the_reference_geography() -> None:
    report = checker(lape.loads("actors: []"))
    assert checker.examined(report, "LAPE-W01") == 0


# -- LAPE-W02 ---------------------------------------------------------------------


def test_w02_organised_by_the_municipality_is_reported() -> None:
    snapshot, _ = VIOLATIONS["LAPE-W02"][0]()
    (finding,) = checker.findings(snapshot, "LAPE-W02")
    assert finding.path == "networks[0].services[0].responsibility"
    assert "organised by the municipality" in finding.message


def test_w02_without_responsibility_the_providers_kind_tells() -> None:
    text = FAMILY_CENTRE.replace(
        "provider: ps-clinics, target_groups: [children, families], sector: social_health,\n"
        "       responsibility: [county]}",
        "provider: kuopio, target_groups: [children, families], sector: social_health}",
    )
    (finding,) = checker.findings(_load(text), "LAPE-W02")
    assert finding.subject.id == "clinic"
    assert finding.path == "networks[0].services[0].provider"


def test_w02_a_county_service_provided_by_a_municipal_body_is_fine() -> None:
    text = FAMILY_CENTRE.replace("provider: ps-clinics", "provider: kuo-sote")
    assert checker.findings(_load(text), "LAPE-W02") == []


def test_w02_a_joint_municipal_authority_provider_but_not_hus() -> None:
    actors = ACTORS.replace(
        "centres:",
        "  - {id: jma, name: Joint authority, kind: joint_municipal_authority, "
        "municipalities: [Kuopio], sectors: [social_health]}\n"
        "  - {id: hus, name: HUS, kind: hospital_district, hospital_district: HUS, region: '01'}\n"
        "centres:",
    )
    for provider, fails in (("jma", True), ("hus", False)):
        text = FAMILY_CENTRE.replace("provider: ps-clinics", f"provider: {provider}")
        body = textwrap.indent(textwrap.dedent(text).strip("\n"), "  ")
        found = checker.findings(lape.loads(f"{actors}networks:\n{body}\n"), "LAPE-W02")
        assert [f.subject.id for f in found] == (["clinic"] if fails else []), provider


def test_w02_unknown_without_the_sector_of_a_municipal_service() -> None:
    text = FAMILY_CENTRE.replace(
        "provider: kuo-sivistys, target_groups: [children], sector: education_youth,",
        "provider: kuo-sivistys, target_groups: [children],",
    )
    report = checker(_load(text))
    (finding,) = checker.findings(report, "LAPE-W02")
    assert finding.status is Status.UNKNOWN
    assert finding.subject.id == "ece"
    assert finding.missing == ("sector of service ece",)
    assert "ece" in finding.message


def test_w02_a_provider_not_in_the_snapshot_is_not_examined() -> None:
    text = FAMILY_CENTRE.replace("provider: ps-clinics", "provider: ghost")
    report = checker(_load(text))
    assert checker.findings(report, "LAPE-W02") == []
    assert checker.examined(report, "LAPE-W02") == 4


def test_w02_helsinki_organises_its_own_social_and_health_services() -> None:
    networks = """
    - id: hki-fc
      name: Helsinki family centre
      county: "90"
      centre: hki-sote-keskus
      leads: [hki-sote]
      members:
        - {actor: hki-sote, role: leads}
        - {actor: hki-kasko, role: schools}
        - {actor: ps-panel, role: panel, involvement: [planning, evaluation]}
      services:
        - {id: hki-clinic, name: Child health clinics, service_type: child_health_clinic,
           provider: hki-sote, target_groups: [children], sector: social_health,
           responsibility: [municipality], municipality: Helsinki}
    """
    report = checker(_load(networks))
    assert checker.findings(report, "LAPE-W02") == []
    assert checker.examined(report, "LAPE-W02") == 1
