"""LAPE-Y01..Y02: youth councils: conforming and violating cases, unknowns, time bounds."""

from __future__ import annotations

import datetime as dt

import pytest

import lape
from lape.model import Severity, Snapshot
from lape.reference import geography
from lape.rules import LANGUAGES, Lang, RuleSet, Status
from lape.rules._catalogue.youth import RULES
from lape.testing import Checker

DAY_2017 = dt.date(2017, 10, 1)
DAY_2023 = dt.date(2023, 6, 1)

checker = Checker(rules=RuleSet(RULES))
"""The youth-council rules alone (every call gives its day)."""

# Kainuu (region 18, county 20 "KA") with its eight municipalities: every one has a
# youth council, its own or shared, and the county youth council has a member
# from each of them from 2023.
COUNCILS = """
  - {id: kajaani-nuva, name: Kajaani youth council, kind: youth_council,
     municipalities: [Kajaani]}
  - {id: sotkamo-kuhmo-nuva, name: Joint youth council of Sotkamo and Kuhmo,
     kind: youth_council, municipalities: [Sotkamo, Kuhmo]}
  - {id: ylakainuu-nuva, name: Joint youth council of Ylä-Kainuu, kind: youth_council,
     municipalities: [Hyrynsalmi, Puolanka, Suomussalmi]}
  - {id: paltamo-ristijarvi-nuva, name: Joint youth council of Paltamo and Ristijärvi,
     kind: youth_council, municipalities: [Paltamo, Ristijärvi]}
"""
COUNTY_COUNCIL = """
  - id: kainuu-aluenuva
    name: Kainuu county youth council
    kind: county_youth_council
    county: KA
    composed_of: [kajaani-nuva, sotkamo-kuhmo-nuva, ylakainuu-nuva, paltamo-ristijarvi-nuva]
    period: {start: 2023-01-01}
"""
SCOPE = """
scope:
  regions: [Kainuu]
"""
CONFORMING = SCOPE + "actors:" + COUNCILS + COUNTY_COUNCIL


def _snapshot(text: str = CONFORMING, *replacements: tuple[str, str]) -> Snapshot:
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return lape.loads(text)


# -- the rules themselves --------------------------------------------------------


def test_rules_in_catalogue_order() -> None:
    assert [(r.id, r.severity, [k.value for k in r.subjects]) for r in RULES] == [
        ("LAPE-Y01", Severity.WARNING, ["municipality"]),
        ("LAPE-Y02", Severity.ERROR, ["actor"]),
    ]
    assert RULES[0].in_force.start == dt.date(2017, 6, 1)
    assert RULES[1].in_force.start == dt.date(2023, 1, 1)
    assert RULES[0].source.document == "Local Government Act 410/2015 s. 26"
    assert RULES[1].source.document == "Act 611/2021 s. 32"
    for r in RULES:
        assert r.in_force.end is None
        assert "youth" in r.tags
        assert r.source.quote
        for lang in LANGUAGES:
            assert r.title.get(lang)
            assert r.message.get(lang).startswith("{subject}")


def test_the_conforming_snapshot_has_no_finding() -> None:
    for day in (DAY_2017, DAY_2023):
        report = checker(_snapshot(), as_of=day)
        assert report.findings == ()
        assert checker.examined(report, "LAPE-Y01") == 8
    assert checker.examined(_snapshot(), "LAPE-Y02", as_of=DAY_2023) == 1


def test_y01_is_not_in_force_before_june_2017() -> None:
    s = _snapshot(CONFORMING, ("[Sotkamo, Kuhmo]", "[Sotkamo]"))
    report = checker.assert_not_in_force(s, "LAPE-Y01", as_of=dt.date(2017, 5, 31))
    assert report.findings == ()


def test_y02_is_not_in_force_before_2023() -> None:
    s = _snapshot(
        CONFORMING,
        ("period: {start: 2023-01-01}", "period: {start: 2022-03-01}"),
        ("sotkamo-kuhmo-nuva, ylakainuu", "ylakainuu"),
    )
    checker.assert_not_in_force(s, "LAPE-Y02", as_of=dt.date(2022, 12, 31))
    assert checker.failures(s, "LAPE-Y02", as_of=dt.date(2023, 1, 1)) == [
        ("actor", "kainuu-aluenuva", Severity.ERROR)
    ]


# -- LAPE-Y01 ----------------------------------------------------------------------


def test_y01_a_municipality_without_youth_council() -> None:
    report = checker(_snapshot(CONFORMING, ("[Sotkamo, Kuhmo]", "[Sotkamo]")), as_of=DAY_2017)
    assert checker.failures(report, "LAPE-Y01") == [("municipality", "290", Severity.WARNING)]
    [finding] = checker.findings(report, "LAPE-Y01")
    assert finding.subject.name == "Kuhmo"
    assert finding.path is None
    assert finding.evidence == {"as_of": DAY_2017}
    assert report.conforms  # a warning


def test_y01_a_council_counts_only_while_it_works() -> None:
    s = _snapshot(
        CONFORMING,
        (
            "municipalities: [Kajaani]}",
            "municipalities: [Kajaani],\n     period: {start: 2018-01-01}}",
        ),
    )
    assert checker.failures(s, "LAPE-Y01", as_of=DAY_2017) == [
        ("municipality", "205", Severity.WARNING)
    ]
    assert checker.failures(s, "LAPE-Y01", as_of=dt.date(2018, 1, 1)) == []


def test_y01_a_county_youth_council_is_not_a_municipal_one() -> None:
    s = _snapshot(
        CONFORMING,
        ("[Sotkamo, Kuhmo]", "[Sotkamo]"),
        ("county: KA\n", "county: KA\n    municipalities: [Kuhmo]\n"),
    )
    assert checker.failures(s, "LAPE-Y01", as_of=DAY_2023) == [
        ("municipality", "290", Severity.WARNING)
    ]


def test_y01_asks_only_about_the_snapshots_scope() -> None:
    text = "scope:\n  municipalities: [Kajaani, Kuhmo]\nactors:" + COUNCILS
    s = _snapshot(text, ("[Sotkamo, Kuhmo]", "[Sotkamo]"))
    report = checker(s, as_of=DAY_2017)
    assert checker.failures(report, "LAPE-Y01") == [("municipality", "290", Severity.WARNING)]
    assert checker.examined(report, "LAPE-Y01") == 2


def test_y01_without_scope_asks_about_the_municipalities_the_snapshot_names() -> None:
    s = _snapshot(
        """
actors:
  - {id: kajaani-nuva, name: Kajaani youth council, kind: youth_council,
     municipalities: [Kajaani]}
  - {id: kuhmo-sote, name: Kuhmo social services, kind: municipal_body,
     municipalities: [Kuhmo]}
"""
    )
    report = checker(s, as_of=DAY_2017)
    assert checker.failures(report, "LAPE-Y01") == [("municipality", "290", Severity.WARNING)]
    assert checker.examined(report, "LAPE-Y01") == 2


def test_y01_leaves_out_the_aland_islands() -> None:
    s = _snapshot(
        """
scope:
  regions: [Åland]
  municipalities: [Kajaani]
actors:
  - {id: kajaani-nuva, name: Kajaani youth council, kind: youth_council,
     municipalities: [Kajaani]}
"""
    )
    report = checker(s, as_of=DAY_2017)
    assert report.findings == ()
    assert checker.examined(report, "LAPE-Y01") == 1


def test_y01_uses_the_municipality_list_of_the_checked_day() -> None:
    # Juankoski merged into Kuopio on 2017-01-01: a 2017 check no longer asks about it.
    s = _snapshot(
        """
scope:
  municipalities: ['174', Kuopio]
actors:
  - {id: kuopio-nuva, name: Kuopio youth council, kind: youth_council,
     municipalities: [Kuopio]}
"""
    )
    report = checker(s, as_of=DAY_2017)
    assert report.findings == ()
    assert checker.examined(report, "LAPE-Y01") == 1


def test_y01_unknown_when_a_councils_municipalities_are_not_given() -> None:
    unplaced = """
  - {id: mystery-nuva, name: A youth council somewhere in Kainuu, kind: youth_council,
     region: Kainuu}
"""
    s = _snapshot(SCOPE + "actors:" + COUNCILS + unplaced, ("[Sotkamo, Kuhmo]", "[Sotkamo]"))
    finding = checker.the_unknown(s, "LAPE-Y01", "municipality", "290", as_of=DAY_2017)
    assert finding.missing == ("municipalities of actor mystery-nuva",)
    assert finding.severity is Severity.WARNING


def test_y01_a_council_of_another_region_cannot_be_the_one() -> None:
    elsewhere = """
  - {id: lappi-nuva, name: A youth council somewhere in Lapland, kind: youth_council,
     region: Lappi}
"""
    s = _snapshot(SCOPE + "actors:" + COUNCILS + elsewhere, ("[Sotkamo, Kuhmo]", "[Sotkamo]"))
    assert checker.failures(s, "LAPE-Y01", as_of=DAY_2017) == [
        ("municipality", "290", Severity.WARNING)
    ]


# -- LAPE-Y02 ----------------------------------------------------------------------


def test_y02_a_county_youth_council_missing_municipalities() -> None:
    s = _snapshot(CONFORMING, ("sotkamo-kuhmo-nuva, ylakainuu", "ylakainuu"))
    report = checker(s, as_of=DAY_2023)
    assert checker.failures(report, "LAPE-Y02") == [("actor", "kainuu-aluenuva", Severity.ERROR)]
    [finding] = checker.findings(report, "LAPE-Y02")
    assert finding.path == "actors[4].composed_of"
    assert finding.evidence["uncovered"] == ("Kuhmo", "Sotkamo")
    assert finding.evidence["uncovered_codes"] == ("290", "765")
    assert finding.evidence["county"] == "20"
    assert "Kuhmo, Sotkamo" in finding.message
    assert checker.findings(report, "LAPE-Y01") == []  # the municipalities still have their council


def test_y02_names_municipalities_and_county_in_swedish_in_swedish() -> None:
    s = _snapshot(CONFORMING, ("[kajaani-nuva, ", "["))
    [finding] = checker.findings(s, "LAPE-Y02", as_of=DAY_2023)
    assert "Kajana" in finding.messages.get("sv")
    assert "Kajanalands välfärdsområde" in finding.messages.get("sv")
    assert "Kajaani" in finding.messages.get("fi")
    assert "Kainuu wellbeing services county" in finding.messages.get("en")


def test_y02_only_youth_councils_count_as_members() -> None:
    s = _snapshot(
        CONFORMING,
        (
            "kind: youth_council,\n     municipalities: [Kajaani]",
            "kind: other,\n     municipalities: [Kajaani]",
        ),
    )
    [finding] = checker.findings(s, "LAPE-Y02", as_of=DAY_2023)
    assert finding.status is Status.FAILED
    assert finding.evidence["uncovered"] == ("Kajaani",)


def test_y02_a_council_that_no_longer_works_does_not_count() -> None:
    s = _snapshot(
        CONFORMING,
        (
            "municipalities: [Kajaani]}",
            "municipalities: [Kajaani],\n     period: {start: 2017-06-01, end: 2022-12-31}}",
        ),
    )
    [finding] = checker.findings(s, "LAPE-Y02", as_of=DAY_2023)
    assert finding.evidence["uncovered"] == ("Kajaani",)


def test_y02_a_county_youth_council_not_yet_at_work_is_not_examined() -> None:
    s = _snapshot(
        CONFORMING,
        ("period: {start: 2023-01-01}", "period: {start: 2024-01-01}"),
        ("sotkamo-kuhmo-nuva, ylakainuu", "ylakainuu"),
    )
    checker.assert_not_examined(s, "LAPE-Y02", as_of=DAY_2023)


def _etela_savo(day: dt.date) -> str:
    """Etelä-Savo's county youth council with a member from every municipality's council
    that existed on ``day``, except Pertunmaa (merged into Mäntyharju on 2025-01-01)."""
    geo = geography()
    codes = sorted(c for c in geo.municipalities_of_county("12") if c != "588")
    assert "507" in codes  # Mäntyharju
    councils = "".join(
        f"  - {{id: nuva-{c}, name: Youth council {c}, kind: youth_council,"
        f" municipalities: ['{c}']}}\n"
        for c in codes
    )
    members = ", ".join(f"nuva-{c}" for c in codes)
    return (
        "actors:\n"
        + councils
        + "  - id: es-aluenuva\n"
        + "    name: Etelä-Savo county youth council\n"
        + "    kind: county_youth_council\n"
        + "    county: Etelä-Savon hyvinvointialue\n"
        + f"    composed_of: [{members}]\n"
    )


def test_y02_uses_the_municipality_list_of_the_checked_day() -> None:
    s = _snapshot(_etela_savo(DAY_2023))
    [finding] = checker.findings(s, "LAPE-Y02", as_of=dt.date(2024, 12, 31))
    assert finding.evidence["uncovered"] == ("Pertunmaa",)
    assert finding.subject.id == "es-aluenuva"
    report = checker(s, as_of=dt.date(2025, 1, 1))
    assert checker.findings(report, "LAPE-Y02") == []
    assert checker.examined(report, "LAPE-Y02") == 1


def test_y02_unknown_without_county() -> None:
    s = _snapshot(CONFORMING, ("    county: KA\n", ""))
    finding = checker.the_unknown(s, "LAPE-Y02", "actor", "kainuu-aluenuva", as_of=DAY_2023)
    assert finding.missing == ("county",)


def test_y02_unknown_without_composition() -> None:
    s = _snapshot(
        CONFORMING,
        (
            "    composed_of: [kajaani-nuva, sotkamo-kuhmo-nuva, ylakainuu-nuva, "
            "paltamo-ristijarvi-nuva]\n",
            "",
        ),
    )
    finding = checker.the_unknown(s, "LAPE-Y02", "actor", "kainuu-aluenuva", as_of=DAY_2023)
    assert finding.missing == ("composed_of",)


def test_y02_unknown_when_a_members_municipalities_are_not_given() -> None:
    s = _snapshot(CONFORMING, (", municipalities: [Sotkamo, Kuhmo]", ""))
    finding = checker.the_unknown(s, "LAPE-Y02", "actor", "kainuu-aluenuva", as_of=DAY_2023)
    assert finding.missing == ("municipalities of actor sotkamo-kuhmo-nuva",)
    assert finding.severity is Severity.ERROR
    assert not checker(s, as_of=DAY_2023).filter(status="failed", rule="LAPE-Y02").findings


# -- messages ------------------------------------------------------------------------

VIOLATIONS: dict[str, tuple[Snapshot, dt.date]] = {
    "LAPE-Y01": (_snapshot(CONFORMING, ("[Sotkamo, Kuhmo]", "[Sotkamo]")), DAY_2017),
    "LAPE-Y02": (_snapshot(CONFORMING, ("sotkamo-kuhmo-nuva, ylakainuu", "ylakainuu")), DAY_2023),
}


@pytest.mark.parametrize("rule_id", sorted(VIOLATIONS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_messages_exist_in_every_language_and_name_the_subject(rule_id: str, lang: Lang) -> None:
    s, day = VIOLATIONS[rule_id]
    report = checker(s, as_of=day).in_language(lang)
    found = [f for f in report.findings if f.rule == rule_id and f.status is Status.FAILED]
    assert len(found) == 1
    for finding in found:
        assert finding.message == finding.messages.get(lang)
        assert finding.message.startswith(f"{finding.subject}: ")
        assert f"({finding.subject.id})" in finding.message
        assert "{" not in finding.message
        assert finding.title.get(lang)
        others = {finding.messages.get(other) for other in LANGUAGES if other != lang}
        assert finding.message not in others
