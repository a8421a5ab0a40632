"""LAPE-C01..C06: change agents: conforming and violating cases, unknowns, time bounds."""

from __future__ import annotations

import datetime as dt

import pytest

import lape
from lape.model import Period, Severity, Snapshot
from lape.rules import LANGUAGES, Lang, RuleSet, Status, default_parameters
from lape.rules._catalogue.change_agents import RULES
from lape.testing import Checker

DAY = dt.date(2017, 6, 1)
"""A day inside the 2016-2018 term."""
DAY_2020 = dt.date(2020, 6, 1)
"""A day after STM stopped paying change agents (LAPE-C06 in force)."""
BEFORE = dt.date(2015, 12, 31)
"""A day before the change-agent rules came into force."""

checker = Checker(rules=RuleSet(RULES), as_of=DAY)
"""The change-agent rules alone, on ``DAY`` unless a call gives another day."""

KAINUU = "Hyrynsalmi, Kajaani, Kuhmo, Paltamo, Puolanka, Ristijärvi, Sotkamo, Suomussalmi"

# A conforming picture of Kainuu (region 18, project area kainuu) in 2016-2018:
# a regional group with a mandate from the region, one change agent whose
# employer the region's eight municipalities chose together, paid by STM.
ACTORS = """
actors:
  - {id: stm, name: Ministry of Social Affairs and Health, kind: ministry, body: stm}
  - {id: kainuu-sote, name: Kainuu joint authority for social and health care,
     kind: joint_municipal_authority, region: Kainuu}
"""
GROUP = """
  - id: kainuu-lape
    name: Kainuu regional LAPE group
    kind: regional
    region: Kainuu
    project_area: kainuu
    mandate: {region: Kainuu, decided: 2016-09-15}
    period: {start: 2016-09-15, end: 2018-12-31}
"""
AGENT = f"""
  - id: kainuu-agent
    name: Kainuu change agent
    region: Kainuu
    project_area: kainuu
    employer: kainuu-sote
    employer_chosen_by: [{KAINUU}]
    salary_payer: stm
    employment: {{start: 2016-11-01, end: 2018-12-31}}
"""
CONFORMING = ACTORS + "groups:" + GROUP + "change_agents:" + AGENT


def _agent(
    agent_id: str = "kainuu-agent",
    *,
    region: str = "Kainuu",
    project_area: str | None = "kainuu",
    chosen_by: str | None = KAINUU,
    salary_payer: str | None = "stm",
    pool: str | None = None,
    start: str = "2016-11-01",
    end: str | None = "2018-12-31",
) -> str:
    """One change agent as a YAML list item."""
    lines = [f"  - id: {agent_id}", f"    name: Change agent {agent_id}", f"    region: {region}"]
    if project_area is not None:
        lines.append(f"    project_area: {project_area}")
    if chosen_by is not None:
        lines.append(f"    employer_chosen_by: [{chosen_by}]")
    if salary_payer is not None:
        lines.append(f"    salary_payer: {salary_payer}")
    if pool is not None:
        lines.append(f"    pool: {pool}")
    period = f"start: {start}" + ("" if end is None else f", end: {end}")
    lines.append(f"    employment: {{{period}}}")
    return "\n".join(lines) + "\n"


def _snapshot(*agents: str, group: str | None = GROUP) -> Snapshot:
    text = ACTORS + ("" if group is None else "groups:" + group)
    return lape.loads(text + "change_agents:\n" + "".join(agents))


# -- the rules themselves --------------------------------------------------------


def test_rules_in_catalogue_order_with_the_catalogue_severities() -> None:
    assert [(r.id, r.severity) for r in RULES] == [
        ("LAPE-C01", Severity.ERROR),
        ("LAPE-C02", Severity.ERROR),
        ("LAPE-C03", Severity.ERROR),
        ("LAPE-C04", Severity.WARNING),
        ("LAPE-C05", Severity.ERROR),
        ("LAPE-C06", Severity.ERROR),
    ]
    for r in RULES:
        assert [k.value for k in r.subjects] == ["change_agent"]
        assert "change_agents" in r.tags
        assert r.in_force.end is None
        assert r.source.quote
        for lang in LANGUAGES:
            assert r.title.get(lang)
            assert r.message.get(lang).startswith("{subject}")
    starts = {r.id: r.in_force.start for r in RULES}
    assert starts["LAPE-C01"] == dt.date(2016, 1, 1)
    assert starts["LAPE-C06"] == dt.date(2020, 1, 1)


def test_the_rules_name_the_parameters_they_read() -> None:
    params = {r.id: r.parameters for r in RULES}
    assert params["LAPE-C03"] == ("LAPE-C03.stm_term",)
    assert params["LAPE-C04"] == ("LAPE-C04.earliest_start",)
    assert params["LAPE-C06"] == ("LAPE-C06.stm_pays_until",)
    defaults = default_parameters()
    for names in params.values():
        for name in names:
            assert name in defaults


def test_sources_cite_the_seeds() -> None:
    documents = {r.id: r.source.document for r in RULES}
    for rule_id in ("LAPE-C01", "LAPE-C02", "LAPE-C03", "LAPE-C04", "LAPE-C05"):
        assert documents[rule_id].startswith("seeds/001_")
    assert documents["LAPE-C06"].startswith("seeds/002_")


def test_the_conforming_snapshot_has_no_finding() -> None:
    report = checker(lape.loads(CONFORMING))
    assert report.findings == ()
    for rule_id in ("LAPE-C01", "LAPE-C02", "LAPE-C03", "LAPE-C04", "LAPE-C05"):
        assert checker.examined(report, rule_id) == 1


@pytest.mark.parametrize("rule_id", [r.id for r in RULES])
def test_no_rule_is_in_force_before_2016(rule_id: str) -> None:
    s = _snapshot(_agent(salary_payer=None, chosen_by=None, start="2015-06-01"), group=None)
    checker.assert_not_in_force(s, rule_id, as_of=BEFORE)


def test_c06_is_not_in_force_before_2020() -> None:
    s = _snapshot(_agent(end=None))
    checker.assert_not_in_force(s, "LAPE-C06", as_of=dt.date(2019, 12, 31))
    assert checker.failures(s, "LAPE-C06", as_of=dt.date(2020, 1, 1)) == [
        ("change_agent", "kainuu-agent", Severity.ERROR)
    ]


# -- LAPE-C01 ----------------------------------------------------------------------


def test_c01_no_regional_group_at_all() -> None:
    report = checker(_snapshot(_agent(), group=None))
    assert checker.failures(report, "LAPE-C01") == [
        ("change_agent", "kainuu-agent", Severity.ERROR)
    ]
    [finding] = checker.findings(report, "LAPE-C01")
    assert finding.path == "change_agents[0].employment.start"
    assert finding.evidence["region"] == "18"
    assert finding.evidence["groups"] == ()
    assert finding.evidence["start"] == dt.date(2016, 11, 1)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("mandate: {region: Kainuu, decided: 2016-09-15}", "mandate: {municipality: Kajaani}"),
        ("mandate: {region: Kainuu, decided: 2016-09-15}", "mandate: {region: Lappi}"),
        ("    mandate: {region: Kainuu, decided: 2016-09-15}\n", ""),
        ("decided: 2016-09-15}", "decided: 2016-12-01}"),
        ("period: {start: 2016-09-15, end: 2018-12-31}", "period: {start: 2017-01-01}"),
        ("project_area: kainuu\n    mandate", "project_area: lappi\n    mandate"),
        (
            "    region: Kainuu\n    project_area: kainuu\n    mandate",
            "    region: Lappi\n    mandate",
        ),
        ("kind: regional", "kind: municipal"),
    ],
    ids=[
        "mandate-from-a-municipality",
        "mandate-from-another-region",
        "no-mandate",
        "mandate-after-the-start",
        "group-set-up-after-the-start",
        "group-of-another-project-area",
        "group-of-another-region",
        "not-a-regional-group",
    ],
)
def test_c01_a_group_that_does_not_count(old: str, new: str) -> None:
    assert old in GROUP
    report = checker(_snapshot(_agent(), group=GROUP.replace(old, new)))
    assert checker.failures(report, "LAPE-C01") == [
        ("change_agent", "kainuu-agent", Severity.ERROR)
    ]


def test_c01_a_group_without_period_or_decision_date_counts() -> None:
    group = GROUP.replace("decided: 2016-09-15", "decision: board 12/2016").replace(
        "    period: {start: 2016-09-15, end: 2018-12-31}\n", ""
    )
    report = checker(_snapshot(_agent(), group=group))
    assert checker.findings(report, "LAPE-C01") == []
    assert checker.examined(report, "LAPE-C01") == 1


def test_c01_the_group_is_judged_on_the_agents_first_day_not_the_checked_day() -> None:
    # The group ended in 2018; a check in 2020 still finds it mandated when the agent started.
    report = checker(lape.loads(CONFORMING), as_of=DAY_2020)
    assert checker.findings(report, "LAPE-C01") == []


def test_c01_an_agent_without_project_area_accepts_any_group_of_its_region() -> None:
    report = checker(_snapshot(_agent(project_area=None)))
    assert checker.findings(report, "LAPE-C01") == []


def test_c01_unknown_when_the_mandates_grantor_is_not_given() -> None:
    group = GROUP.replace("mandate: {region: Kainuu, decided: 2016-09-15}", "mandate: {}")
    finding = checker.the_unknown(
        _snapshot(_agent(), group=group), "LAPE-C01", "change_agent", "kainuu-agent"
    )
    assert finding.missing == ("mandate region of group kainuu-lape",)
    assert finding.severity is Severity.ERROR


# -- LAPE-C02 ----------------------------------------------------------------------


def test_c02_two_stm_funded_agents_in_one_area_at_once() -> None:
    s = _snapshot(_agent(), _agent("kainuu-agent-2", start="2018-01-01", end="2019-12-31"))
    report = checker(s)
    assert checker.failures(report, "LAPE-C02") == [
        ("change_agent", "kainuu-agent", Severity.ERROR),
        ("change_agent", "kainuu-agent-2", Severity.ERROR),
    ]
    first, second = checker.findings(report, "LAPE-C02")
    assert first.evidence["others"] == ("kainuu-agent-2",)
    assert second.evidence["others"] == ("kainuu-agent",)
    assert first.evidence["project_area"] == "kainuu"


def test_c02_the_area_is_the_regions_only_one_when_not_given() -> None:
    s = _snapshot(
        _agent(project_area=None), _agent("kainuu-agent-2", project_area=None, start="2018-06-01")
    )
    assert len(checker.failures(s, "LAPE-C02")) == 2


def test_c02_the_2019_grant_round_counts_as_stm_funding() -> None:
    s = _snapshot(
        _agent(end="2019-03-31"),
        _agent(
            "kainuu-agent-2019",
            salary_payer="kainuu-sote",
            pool="lape-agents-2019",
            start="2019-01-01",
            end="2019-12-31",
        ),
    )
    report = checker(s, as_of=dt.date(2019, 6, 1))
    assert checker.failures(report, "LAPE-C02") == [
        ("change_agent", "kainuu-agent", Severity.ERROR),
        ("change_agent", "kainuu-agent-2019", Severity.ERROR),
    ]


def test_c02_one_after_another_is_fine() -> None:
    s = _snapshot(_agent(), _agent("kainuu-agent-2019", start="2019-01-01", end="2019-12-31"))
    report = checker(s, as_of=dt.date(2019, 6, 1))
    assert checker.findings(report, "LAPE-C02") == []
    assert checker.examined(report, "LAPE-C02") == 2


def test_c02_an_agent_paid_by_the_area_itself_does_not_count() -> None:
    s = _snapshot(_agent(), _agent("kainuu-agent-2", salary_payer="kainuu-sote"))
    report = checker(s)
    assert checker.findings(report, "LAPE-C02") == []
    assert checker.examined(report, "LAPE-C02") == 2


def test_c02_the_capital_region_and_the_rest_of_uusimaa_are_separate_areas() -> None:
    s = _snapshot(
        _agent("capital-agent", region="Uusimaa", project_area="capital-region", chosen_by=None),
        _agent("uusimaa-agent", region="Uusimaa", project_area="uusimaa", chosen_by=None),
        group=None,
    )
    report = checker(s)
    assert checker.findings(report, "LAPE-C02") == []
    assert checker.examined(report, "LAPE-C02") == 2


def test_c02_unknown_area_of_an_uusimaa_agent_without_project_area() -> None:
    s = _snapshot(_agent("uusimaa-agent", region="Uusimaa", project_area=None), group=None)
    finding = checker.the_unknown(s, "LAPE-C02", "change_agent", "uusimaa-agent")
    assert finding.missing == ("project_area",)


def test_c02_unknown_who_pays() -> None:
    finding = checker.the_unknown(
        _snapshot(_agent(salary_payer=None)), "LAPE-C02", "change_agent", "kainuu-agent"
    )
    assert finding.missing == ("salary_payer",)


# -- LAPE-C03 ----------------------------------------------------------------------


def test_c03_stm_funded_employment_beyond_2019() -> None:
    report = checker(_snapshot(_agent(end="2020-03-31")))
    assert checker.failures(report, "LAPE-C03") == [
        ("change_agent", "kainuu-agent", Severity.ERROR)
    ]
    [finding] = checker.findings(report, "LAPE-C03")
    assert finding.path == "change_agents[0].employment"
    assert str(finding.evidence["term"]) == "2016-01-01..2019-12-31"
    assert finding.evidence["paid_by"] == ("stm",)


def test_c03_the_2019_round_lies_within_the_term() -> None:
    s = _snapshot(
        _agent(salary_payer=None, pool="lape-agents-2019", start="2019-01-01", end="2019-12-31")
    )
    report = checker(s, as_of=dt.date(2019, 6, 1))
    assert checker.findings(report, "LAPE-C03") == []
    assert checker.examined(report, "LAPE-C03") == 1


def test_c03_an_open_employment_is_judged_up_to_the_checked_day() -> None:
    s = _snapshot(_agent(end=None))
    assert checker.findings(s, "LAPE-C03", as_of=DAY) == []
    assert checker.failures(s, "LAPE-C03", as_of=DAY_2020) == [
        ("change_agent", "kainuu-agent", Severity.ERROR)
    ]


def test_c03_an_agent_paid_by_the_area_itself_may_work_later() -> None:
    s = _snapshot(_agent(salary_payer="kainuu-sote", start="2020-01-01", end=None))
    assert checker.findings(s, "LAPE-C03", as_of=DAY_2020) == []


def test_c03_reads_the_term_from_the_parameters() -> None:
    s = _snapshot(_agent(start="2019-01-01", end="2019-12-31"))
    assert checker.findings(s, "LAPE-C03", as_of=dt.date(2019, 6, 1)) == []
    shorter = default_parameters().override(
        "LAPE-C03.stm_term", Period(start=dt.date(2016, 1, 1), end=dt.date(2018, 12, 31))
    )
    report = checker(s, as_of=dt.date(2019, 6, 1), parameters=shorter)
    assert checker.failures(report, "LAPE-C03") == [
        ("change_agent", "kainuu-agent", Severity.ERROR)
    ]


def test_c03_unknown_who_pays() -> None:
    finding = checker.the_unknown(
        _snapshot(_agent(salary_payer=None, end="2021-12-31")),
        "LAPE-C03",
        "change_agent",
        "kainuu-agent",
    )
    assert finding.missing == ("salary_payer",)


def test_c03_a_dangling_salary_payer_is_unknown() -> None:
    finding = checker.the_unknown(
        _snapshot(_agent(salary_payer="nobody")), "LAPE-C03", "change_agent", "kainuu-agent"
    )
    assert finding.missing == ("salary_payer",)


# -- LAPE-C04 ----------------------------------------------------------------------


def test_c04_an_stm_funded_agent_starting_before_autumn_2016() -> None:
    report = checker(_snapshot(_agent(start="2016-06-01")))
    assert checker.failures(report, "LAPE-C04") == [
        ("change_agent", "kainuu-agent", Severity.WARNING)
    ]
    [finding] = checker.findings(report, "LAPE-C04")
    assert finding.evidence == {"start": dt.date(2016, 6, 1), "earliest": dt.date(2016, 9, 1)}
    assert report.filter(rule="LAPE-C04").conforms  # a warning is not an error


def test_c04_the_first_day_of_autumn_is_fine() -> None:
    report = checker(_snapshot(_agent(start="2016-09-01")))
    assert checker.findings(report, "LAPE-C04") == []
    assert checker.examined(report, "LAPE-C04") == 1


def test_c04_an_agent_paid_by_the_area_itself_may_start_earlier() -> None:
    report = checker(_snapshot(_agent(start="2016-06-01", salary_payer="kainuu-sote")))
    assert checker.findings(report, "LAPE-C04") == []


def test_c04_reads_the_earliest_start_from_the_parameters() -> None:
    later = default_parameters().override("LAPE-C04.earliest_start", dt.date(2016, 10, 1))
    report = checker(_snapshot(_agent(start="2016-09-15")), parameters=later)
    assert checker.failures(report, "LAPE-C04") == [
        ("change_agent", "kainuu-agent", Severity.WARNING)
    ]


def test_c04_unknown_who_pays() -> None:
    finding = checker.the_unknown(
        _snapshot(_agent(salary_payer=None)), "LAPE-C04", "change_agent", "kainuu-agent"
    )
    assert finding.missing == ("salary_payer",)
    assert finding.severity is Severity.WARNING


# -- LAPE-C05 ----------------------------------------------------------------------


def test_c05_municipalities_left_out_of_choosing_the_employer() -> None:
    chosen = "Hyrynsalmi, Kajaani, Paltamo, Puolanka, Ristijärvi, Suomussalmi"
    report = checker(_snapshot(_agent(chosen_by=chosen)))
    assert checker.failures(report, "LAPE-C05") == [
        ("change_agent", "kainuu-agent", Severity.ERROR)
    ]
    [finding] = checker.findings(report, "LAPE-C05")
    assert finding.path == "change_agents[0].employer_chosen_by"
    assert finding.evidence["missing_municipalities"] == ("Kuhmo", "Sotkamo")
    assert finding.evidence["missing_codes"] == ("290", "765")
    assert "Kuhmo, Sotkamo" in finding.message


def test_c05_the_capital_region_chose_its_own_employer() -> None:
    agent = _agent(
        "capital-agent",
        region="Uusimaa",
        project_area="capital-region",
        chosen_by="Helsinki, Espoo, Vantaa, Kauniainen",
    )
    report = checker(_snapshot(agent, group=None))
    assert checker.findings(report, "LAPE-C05") == []
    assert checker.examined(report, "LAPE-C05") == 1


def test_c05_names_the_missing_municipalities_in_swedish_in_swedish() -> None:
    agent = _agent(
        "capital-agent",
        region="Uusimaa",
        project_area="capital-region",
        chosen_by="Helsinki, Vantaa, Kauniainen",
    )
    [finding] = checker.findings(_snapshot(agent, group=None), "LAPE-C05")
    assert finding.evidence["missing_municipalities"] == ("Espoo",)
    assert "Esbo" in finding.messages.get("sv")
    assert "Huvudstadsregionen" in finding.messages.get("sv")
    assert "Pääkaupunkiseutu" in finding.messages.get("fi")


def test_c05_uses_the_municipalities_of_the_agents_first_day() -> None:
    # Pohjois-Savo had 19 municipalities on 2016-11-01; Juankoski merged into Kuopio on
    # 2017-01-01 and Joroinen joined the region only in 2021.
    chosen = (
        "Iisalmi, Kaavi, Keitele, Kiuruvesi, Kuopio, Lapinlahti, Leppävirta, Pielavesi, "
        "Rautalampi, Rautavaara, Siilinjärvi, Sonkajärvi, Suonenjoki, Tervo, Tuusniemi, "
        "Varkaus, Vesanto, Vieremä"
    )
    agent = _agent("ps-agent", region="Pohjois-Savo", project_area="pohjois-savo", chosen_by=chosen)
    s = _snapshot(agent, group=None)
    [before_merger] = checker.findings(s, "LAPE-C05", as_of=dt.date(2016, 12, 1))
    assert before_merger.evidence["missing_municipalities"] == ("Juankoski",)
    # Once Juankoski is part of Kuopio, Kuopio's choice stands for it; Joroinen is never asked.
    assert checker.findings(s, "LAPE-C05", as_of=DAY) == []
    assert checker.findings(s, "LAPE-C05", as_of=dt.date(2023, 1, 1)) == []


def test_c05_unknown_who_chose_the_employer() -> None:
    finding = checker.the_unknown(
        _snapshot(_agent(chosen_by=None)), "LAPE-C05", "change_agent", "kainuu-agent"
    )
    assert finding.missing == ("employer_chosen_by",)


# -- LAPE-C06 ----------------------------------------------------------------------


def test_c06_stm_still_paying_in_2020() -> None:
    report = checker(_snapshot(_agent(start="2019-01-01", end="2020-12-31")), as_of=DAY_2020)
    assert checker.failures(report, "LAPE-C06") == [
        ("change_agent", "kainuu-agent", Severity.ERROR)
    ]
    [finding] = checker.findings(report, "LAPE-C06")
    assert finding.evidence["payer"] == "stm"
    assert finding.evidence["stm_pays_until"] == dt.date(2019, 12, 31)


def test_c06_who_pays_is_what_counts_not_the_pool() -> None:
    agent = _agent(salary_payer=None, pool="lape-agents-2019", start="2019-01-01", end=None)
    report = checker(_snapshot(agent), as_of=DAY_2020)
    [finding] = checker.findings(report, "LAPE-C06")
    assert finding.status is Status.UNKNOWN
    assert finding.missing == ("salary_payer",)


def test_c06_a_payer_outside_the_area_is_an_error() -> None:
    outsider = (
        "  - {id: tre-sote, name: Tampere services, kind: municipal_body, "
        "municipalities: [Tampere]}\n"
    )
    s = lape.loads(
        ACTORS.rstrip("\n")
        + "\n"
        + outsider
        + "groups:"
        + GROUP
        + "change_agents:\n"
        + _agent(salary_payer="tre-sote", start="2020-01-01", end=None)
    )
    report = checker(s, as_of=DAY_2020)
    assert checker.failures(report, "LAPE-C06") == [
        ("change_agent", "kainuu-agent", Severity.ERROR)
    ]


def test_c06_work_continued_in_the_areas_own_organisation() -> None:
    s = _snapshot(
        _agent(end="2019-12-31"),
        _agent("kainuu-agent-2020", salary_payer="kainuu-sote", start="2020-01-01", end=None),
        _agent(
            "kainuu-agent-2021",
            salary_payer="kainuu-sote",
            pool="lape-2020-2022",  # how the organisation finances the post is not checked
            start="2021-01-01",
            end=None,
        ),
    )
    report = checker(s, as_of=DAY_2020)
    assert checker.findings(report, "LAPE-C06") == []
    assert checker.examined(report, "LAPE-C06") == 3


def test_c06_unknown_who_pays_after_2019() -> None:
    s = _snapshot(_agent(salary_payer=None, start="2020-01-01", end=None))
    finding = checker.the_unknown(s, "LAPE-C06", "change_agent", "kainuu-agent", as_of=DAY_2020)
    assert finding.missing == ("salary_payer",)


def test_c06_who_pays_does_not_matter_for_an_employment_that_ended_in_2019() -> None:
    report = checker(_snapshot(_agent(salary_payer=None, end="2019-12-31")), as_of=DAY_2020)
    assert checker.findings(report, "LAPE-C06") == []
    assert checker.examined(report, "LAPE-C06") == 1


# -- messages ------------------------------------------------------------------------

VIOLATIONS: dict[str, tuple[Snapshot, dt.date]] = {
    "LAPE-C01": (_snapshot(_agent(), group=None), DAY),
    "LAPE-C02": (_snapshot(_agent(), _agent("kainuu-agent-2", start="2018-01-01")), DAY),
    "LAPE-C03": (_snapshot(_agent(end="2020-03-31")), DAY),
    "LAPE-C04": (_snapshot(_agent(start="2016-06-01")), DAY),
    "LAPE-C05": (_snapshot(_agent(chosen_by="Kajaani")), DAY),
    "LAPE-C06": (_snapshot(_agent(end=None)), DAY_2020),
}


@pytest.mark.parametrize("rule_id", sorted(VIOLATIONS))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_messages_exist_in_every_language_and_name_the_subject(rule_id: str, lang: Lang) -> None:
    s, day = VIOLATIONS[rule_id]
    report = checker(s, as_of=day).in_language(lang)
    found = [f for f in report.findings if f.rule == rule_id and f.status is Status.FAILED]
    assert found
    for finding in found:
        assert finding.message == finding.messages.get(lang)
        assert finding.message.startswith(f"{finding.subject}: ")
        assert f"({finding.subject.id})" in finding.message
        assert "{" not in finding.message
        assert finding.title.get(lang)
        others = {finding.messages.get(other) for other in LANGUAGES if other != lang}
        assert finding.message not in others


def test_messages_name_the_region_in_the_reports_language() -> None:
    [finding] = checker.findings(_snapshot(_agent(), group=None), "LAPE-C01")
    assert "hankealueella Kainuu" in finding.messages.get("fi")
    assert "projektområdet Kajanaland" in finding.messages.get("sv")
    assert "project area Kainuu" in finding.messages.get("en")
