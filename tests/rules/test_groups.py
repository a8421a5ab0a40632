"""LAPE-G01..G15: one conforming and one violating case per rule, and the time bounds."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import lape
from lape.model import GroupKind, Severity, Snapshot
from lape.rules import LANGUAGES, Lang, RuleSet
from lape.rules._catalogue import groups
from lape.testing import Checker

DAY = dt.date(2017, 6, 1)
checker = Checker(rules=RuleSet(groups.RULES), as_of=DAY)
"""The group rules alone, on ``DAY`` unless a call gives another day."""

# A conforming picture of Kuopio (297) and its region Pohjois-Savo (11) in 2017.
CONFORMING = """
actors:
  - {id: kuo-sote, name: Kuopio social and health, kind: municipal_body,
     sectors: [social_health], municipalities: [Kuopio]}
  - {id: kuo-sivistys, name: Kuopio education and youth, kind: municipal_body,
     sectors: [education_youth], municipalities: [Kuopio]}
  - {id: kuo-mll, name: Kuopio family association, kind: organisation, municipalities: [Kuopio]}
  - {id: kuo-parish, name: Kuopio parish, kind: parish, municipalities: [Kuopio]}
  - {id: kuo-nuva, name: Kuopio youth council, kind: youth_council, municipalities: [Kuopio]}
  - {id: ps-shp, name: Pohjois-Savo hospital district, kind: hospital_district,
     hospital_district: PS, region: '11'}
  - {id: ps-org, name: Pohjois-Savo child welfare, kind: organisation, region: '11'}
  - {id: ps-uas, name: Savonia UAS, kind: educational_institution, region: '11'}
  - {id: ps-centre, name: Social welfare competence centre, kind: competence_centre,
     region: '11'}
  - {id: ps-parish, name: Diocese of Kuopio, kind: parish, region: '11'}
  - {id: stm, name: STM, kind: ministry, body: stm}
groups:
  - id: kuo-lape
    name: Kuopio LAPE group
    kind: municipal
    municipality: Kuopio
    mandate: {municipality: Kuopio, decided: 2016-09-01}
    cooperates_with: [ps-lape]
    members:
      - {actor: kuo-sote, role: chair}
      - {actor: kuo-sivistys}
      - {actor: kuo-mll}
      - {actor: kuo-parish}
      - {actor: kuo-nuva, role: youth_representative}
  - id: ps-lape
    name: Pohjois-Savo LAPE group
    kind: regional
    region: Pohjois-Savo
    project_area: pohjois-savo
    mandate: {region: '11'}
    cooperates_with: [ps-sote-prep, lape-national]
    members:
      - {actor: kuo-sote}
      - {actor: ps-shp}
      - {actor: ps-org}
      - {actor: ps-uas}
      - {actor: ps-centre}
      - {actor: ps-parish}
      - {actor: kuo-nuva}
  - {id: ps-sote-prep, name: Reform preparation, kind: reform_preparation, region: '11'}
  - {id: lape-national, name: National leadership, kind: national, members: [{actor: stm}]}
"""


def _snapshot(text: str = CONFORMING) -> Snapshot:
    return lape.loads(text)


def _without_member(actor: str, group: str | None = None) -> Snapshot:
    """The conforming snapshot with ``actor``'s seat removed (from ``group``, or every group)."""
    s = _snapshot()
    changed = tuple(
        g
        if group is not None and g.id != group
        else attrs.evolve(g, members=tuple(m for m in g.members if m.actor != actor))
        for g in s.groups
    )
    return attrs.evolve(s, groups=changed)


def test_conforming_snapshot_has_no_finding_of_any_group_rule() -> None:
    report = checker(_snapshot())
    assert {r.rule for r in report.results} == {r.id for r in groups.RULES}
    for r in groups.RULES:
        checker.assert_passes(report, r.id)  # G06 notes the municipalities not represented


@pytest.mark.parametrize(
    ("rule", "actor", "group"),
    [
        ("LAPE-G01", "kuo-sote", "kuo-lape"),
        ("LAPE-G02", "kuo-sivistys", "kuo-lape"),
        ("LAPE-G03", "kuo-mll", "kuo-lape"),
        ("LAPE-G04", "kuo-parish", "kuo-lape"),
        ("LAPE-G06", "kuo-sote", "ps-lape"),
        ("LAPE-G07", "ps-shp", "ps-lape"),
        ("LAPE-G08", "ps-org", "ps-lape"),
        ("LAPE-G09", "ps-uas", "ps-lape"),
        ("LAPE-G10", "ps-centre", "ps-lape"),
        ("LAPE-G11", "ps-parish", "ps-lape"),
    ],
)
def test_a_missing_required_member_is_an_error(rule: str, actor: str, group: str) -> None:
    report = checker(_without_member(actor, group))
    assert checker.failures(report, rule) == [("group", group, Severity.ERROR)]


def test_g05_a_group_without_youth_representative() -> None:
    report = checker(_without_member("kuo-nuva"))
    assert checker.failures(report, "LAPE-G05") == [
        ("group", "kuo-lape", Severity.ERROR),
        ("group", "ps-lape", Severity.ERROR),
    ]


def test_g05_the_youth_representative_role_alone_is_not_enough() -> None:
    s = lape.loads(CONFORMING.replace("kind: youth_council", "kind: other"))
    report = checker(s)
    assert checker.failures(report, "LAPE-G05") == [
        ("group", "kuo-lape", Severity.ERROR),
        ("group", "ps-lape", Severity.ERROR),
    ]


def test_g01_unknown_when_a_member_sector_is_not_given() -> None:
    s = lape.loads(CONFORMING.replace("sectors: [social_health], ", ""))
    report = checker(s)
    finding = checker.the_unknown(report, "LAPE-G01", "group", "kuo-lape")
    assert finding.missing == ("sectors of actor kuo-sote",)
    result = report.result("LAPE-G01")
    assert result is not None
    assert (result.examined, result.failed, result.unknown) == (1, 0, 1)
    assert report.conforms  # an unknown is not a failure


def test_g06_lists_the_municipalities_not_represented_as_info() -> None:
    report = checker(_snapshot())
    [note] = report.filter(rule="LAPE-G06").findings
    assert note.severity is Severity.INFO
    assert "Iisalmi" in note.message
    assert "Kuopio" not in note.message
    assert note.evidence["codes"]
    assert "297" not in note.evidence["codes"]
    assert len(note.evidence["codes"]) == 18 - 1  # Pohjois-Savo had 18 municipalities in 2017


def test_g06_uses_the_municipality_list_of_the_checked_day() -> None:
    s = _snapshot()
    [before] = checker(s, as_of=dt.date(2016, 12, 31)).filter(rule="LAPE-G06").findings
    assert "174" in before.evidence["codes"]  # Juankoski, merged into Kuopio on 2017-01-01
    [after] = checker(s, as_of=dt.date(2017, 1, 1)).filter(rule="LAPE-G06").findings
    assert "174" not in after.evidence["codes"]


def test_g07_a_district_from_another_area_does_not_count() -> None:
    s = lape.loads(CONFORMING.replace("hospital_district: PS", "hospital_district: HUS"))
    assert checker.failures(s, "LAPE-G07") == [("group", "ps-lape", Severity.ERROR)]


def test_g12_mandate_from_another_municipality_is_an_error() -> None:
    s = lape.loads(
        CONFORMING.replace("mandate: {municipality: Kuopio", "mandate: {municipality: Iisalmi")
    )
    report = checker(s)
    assert checker.failures(report, "LAPE-G12") == [("group", "kuo-lape", Severity.ERROR)]
    [finding] = report.filter(rule="LAPE-G12").findings
    assert finding.path == "groups[0].mandate"
    assert (finding.evidence["expected"], finding.evidence["observed"]) == ("297", "140")


def test_g12_no_mandate_at_all() -> None:
    s = lape.loads(CONFORMING.replace("    mandate: {region: '11'}\n", ""))
    assert checker.failures(s, "LAPE-G12") == [("group", "ps-lape", Severity.ERROR)]


def test_g13_municipal_group_not_linked_is_a_warning() -> None:
    s = lape.loads(CONFORMING.replace("    cooperates_with: [ps-lape]\n", ""))
    assert checker.failures(s, "LAPE-G13") == [("group", "kuo-lape", Severity.WARNING)]


def test_g13_a_link_named_on_the_regional_side_counts() -> None:
    s = lape.loads(
        CONFORMING.replace("    cooperates_with: [ps-lape]\n", "").replace(
            "[ps-sote-prep, lape-national]", "[ps-sote-prep, lape-national, kuo-lape]"
        )
    )
    assert checker.failures(s, "LAPE-G13") == []


def test_g14_regional_group_without_national_link() -> None:
    s = lape.loads(CONFORMING.replace("[ps-sote-prep, lape-national]", "[ps-sote-prep]"))
    report = checker(s)
    assert checker.failures(report, "LAPE-G14") == [("group", "ps-lape", Severity.WARNING)]
    [finding] = report.filter(rule="LAPE-G14").findings
    assert finding.evidence["missing_links"] == [GroupKind.NATIONAL]
    assert finding.to_dict()["evidence"]["missing_links"] == ["national"]
    # the missing link is named in each language, not by its code
    assert finding.messages.fi.endswith("ohjelman kansallinen johto")
    assert finding.messages.sv.endswith("programmets nationella ledning")
    assert finding.messages.en.endswith("national programme leadership")


def test_g15_a_member_from_another_municipality_is_a_warning() -> None:
    s = lape.loads(
        CONFORMING.replace(
            "kind: organisation, municipalities: [Kuopio]",
            "kind: organisation, municipalities: [Helsinki]",
        )
    )
    report = checker(s)
    assert checker.failures(report, "LAPE-G15") == [("group", "kuo-lape", Severity.WARNING)]
    [finding] = report.filter(rule="LAPE-G15").findings
    assert finding.path == "groups[0].members[2]"


def test_g15_national_members_belong_everywhere() -> None:
    report = checker(_snapshot())
    assert checker.failures(report, "LAPE-G15") == []
    assert (
        checker.examined(report, "LAPE-G15") == 12
    )  # every seat of the municipal and regional groups


def test_group_rules_are_not_in_force_after_2018() -> None:
    s = _without_member("kuo-parish")
    report = checker(s, as_of=dt.date(2019, 1, 1))
    assert report.findings == ()
    assert {r.rule for r in report.results} == {r.id for r in groups.RULES}
    for r in groups.RULES:
        checker.assert_not_in_force(report, r.id)


def test_a_group_outside_its_own_period_is_not_examined() -> None:
    s = lape.loads(
        CONFORMING.replace(
            "    municipality: Kuopio\n",
            "    municipality: Kuopio\n    period: {start: 2017-09-01}\n",
        )
    )
    without_parish = s.groups[0].members[:3] + s.groups[0].members[4:]
    s = attrs.evolve(s, groups=(attrs.evolve(s.groups[0], members=without_parish), *s.groups[1:]))
    assert checker.failures(s, "LAPE-G04", as_of=dt.date(2017, 6, 1)) == []
    assert checker.failures(s, "LAPE-G04", as_of=dt.date(2017, 10, 1)) == [
        ("group", "kuo-lape", Severity.ERROR)
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_messages_name_the_subject_in_every_language(lang: Lang) -> None:
    report = checker(_without_member("kuo-nuva")).in_language(lang)
    assert report.findings
    for finding in report.findings:
        assert "kuo-lape" in finding.message or "ps-lape" in finding.message
        assert finding.title.get(lang)


def test_every_group_rule_cites_seed_001() -> None:
    for r in groups.RULES:
        assert r.source.document.startswith("seeds/001_")
        assert len(r.source.quote) > 20


def test_an_actor_that_no_longer_exists_fills_no_seat() -> None:
    gone = CONFORMING.replace(
        "  - {id: kuo-parish, name: Kuopio parish, kind: parish, municipalities: [Kuopio]}",
        "  - {id: kuo-parish, name: Kuopio parish, kind: parish, municipalities: [Kuopio],\n"
        "     period: {start: 2010-01-01, end: 2016-12-31}}",
    )
    assert gone != CONFORMING
    s = lape.loads(gone)
    assert checker.failures(s, "LAPE-G04", as_of=dt.date(2016, 6, 1)) == []
    assert checker.failures(s, "LAPE-G04", as_of=dt.date(2017, 6, 1)) == [
        ("group", "kuo-lape", Severity.ERROR)
    ]
