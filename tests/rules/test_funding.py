"""Tests of LAPE-F01..F09 (funding pools and grants), run on their own rule set."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import lape
from lape.model import Grant, Severity, Snapshot
from lape.rules import RuleSet, check, default_parameters
from lape.rules._catalogue._common import FROM_2016
from lape.rules._catalogue.funding import RULES
from lape.testing import Checker

RULE_IDS = (*(f"LAPE-F0{n}" for n in range(1, 10)), "LAPE-F10")
DAY = dt.date(2017, 6, 1)
SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
DOCS = Path(__file__).resolve().parents[2] / "docs"

checker = Checker(rules=RuleSet(RULES), as_of=DAY)
"""The funding rules alone, on ``DAY`` unless a call gives another day."""


# -- helpers -------------------------------------------------------------------


def grant_yaml(
    grant_id: str = "g1",
    *,
    pool: str = "lape-regional-2016",
    amount: str = "100000.00",
    participants: str = "[b]",
    target_groups: str | None = "[children, families]",
    decided: str | None = "2016-12-22",
    costs: str | None = "{start: 2017-01-01, end: 2018-12-31}",
    extra: str = "",
) -> str:
    lines = [
        f"  - id: {grant_id}",
        f"    pool: {pool}",
        "    recipient: a",
        f'    amount: "{amount}"',
        f"    participants: {participants}",
    ]
    if target_groups is not None:
        lines.append(f"    target_groups: {target_groups}")
    if decided is not None:
        lines.append(f"    decided: {decided}")
    if costs is not None:
        lines.append(f"    costs: {costs}")
    lines.extend(f"    {line}" for line in extra.strip().splitlines())
    return "\n".join(lines) + "\n"


def grants(*items: str, pools: str = "") -> Snapshot:
    """The snapshot of these grants and pools (YAML list items)."""
    head = f"pools:\n{pools}" if pools else ""
    return lape.loads(head + ("grants:\n" + "".join(items) if items else ""))


# -- the rules themselves -------------------------------------------------------


def test_rules_in_id_order_with_their_metadata() -> None:
    assert tuple(r.id for r in RULES) == RULE_IDS
    assert len(RuleSet(RULES)) == 10
    for r in RULES:
        assert r.severity is Severity.ERROR
        kind = {"LAPE-F01": "pool", "LAPE-F10": "project"}.get(r.id, "grant")
        assert [k.value for k in r.subjects] == [kind]
        assert r.in_force == FROM_2016
        assert "funding" in r.tags
        assert r.prefix == "F"
        for lang in ("fi", "sv", "en"):
            assert r.title.get(lang)
            assert r.message.get(lang).startswith("{subject}")
    assert "LAPE-F03.min_actors" in RULES[2].parameters
    assert "LAPE-F04.period" in RULES[3].parameters
    assert "pool.<id>.amount" in RULES[0].parameters
    for r in RULES:
        for name in r.parameters:
            assert name in default_parameters() or name == "pool.<id>.amount"


def test_rules_not_in_force_before_2016() -> None:
    report = checker(grants(grant_yaml()), as_of=dt.date(2015, 12, 31))
    for rule_id in RULE_IDS:
        checker.assert_not_in_force(report, rule_id)
    assert report.findings == ()


def test_bundled_example_breaks_only_f02() -> None:
    report = check(lape.example(), rules=RuleSet(RULES))
    assert [(f.rule, f.subject.id) for f in report.findings] == [
        ("LAPE-F02", "ps-lape-varkaus-trial")
    ]


# -- LAPE-F01: grants never add up to more than the pool ------------------------


def test_f01_exactly_the_pool_amount_conforms() -> None:
    report = checker(
        grants(grant_yaml("g1", amount="19000000.00"), grant_yaml("g2", amount="1000000.00"))
    )
    checker.assert_passes(report, "LAPE-F01")


def test_f01_one_cent_more_violates() -> None:
    report = checker(
        grants(grant_yaml("g1", amount="19000000.00"), grant_yaml("g2", amount="1000000.01"))
    )
    finding = checker.the_violation(report, "LAPE-F01", "pool", "lape-regional-2016")
    assert finding.evidence["total"] == Decimal("20000000.01")
    assert finding.evidence["amount"] == Decimal("20000000.00")
    assert finding.evidence["excess"] == Decimal("0.01")
    assert finding.evidence["grants"] == ("g1", "g2")
    assert "20,000,000.01" in finding.messages.en
    assert "0.01" in finding.messages.fi


def test_f01_what_if_a_larger_pool_turns_the_violation_into_a_pass() -> None:
    text = grants(grant_yaml("g1", amount="12000000.00"), grant_yaml("g2", amount="12000000.00"))
    checker.the_violation(text, "LAPE-F01", "pool", "lape-regional-2016")
    bigger = default_parameters().override("pool.lape-regional-2016.amount", Decimal("25000000"))
    checker.assert_passes(text, "LAPE-F01", parameters=bigger)


def test_f01_own_pool() -> None:
    pools = '  - {id: own, name: Own, amount: "1000.00"}\n'
    ok = checker(grants(grant_yaml(pool="own", amount="1000.00"), pools=pools))
    checker.assert_passes(ok, "LAPE-F01")
    bad = checker(grants(grant_yaml(pool="own", amount="1000.01"), pools=pools))
    finding = checker.the_violation(bad, "LAPE-F01", "pool", "own")
    assert finding.path == "pools[0]"


def test_f01_unknown_amount_of_a_reference_pool() -> None:
    report = checker(grants(grant_yaml(pool="lape-startup-2016", decided=None)))
    finding = checker.the_unknown(report, "LAPE-F01", "pool", "lape-startup-2016")
    assert finding.subject.kind == "pool"
    assert finding.missing == ("pool.lape-startup-2016.amount",)


def test_f01_unknown_amount_of_an_own_pool() -> None:
    report = checker(grants(grant_yaml(pool="own"), pools="  - {id: own, name: Own}\n"))
    finding = checker.the_unknown(report, "LAPE-F01", "pool", "own")
    assert finding.missing == ("pools[0].amount",)


def test_f01_counts_only_grants_decided_by_the_checked_day() -> None:
    text = grants(
        grant_yaml("g1", amount="15000000.00", decided="2016-12-22"),
        grant_yaml("g2", amount="15000000.00", decided="2017-12-22"),
    )
    early = checker(text, as_of=dt.date(2017, 6, 1))
    checker.assert_passes(early, "LAPE-F01")
    late = checker(text, as_of=dt.date(2018, 1, 1))
    checker.the_violation(late, "LAPE-F01", "pool", "lape-regional-2016")
    before = checker(text, as_of=dt.date(2016, 12, 1))
    checker.assert_not_examined(before, "LAPE-F01")


def test_f01_undecided_grants_count() -> None:
    text = grants(grant_yaml("g1", amount="20000000.00"), grant_yaml("g2", decided=None))
    checker.the_violation(text, "LAPE-F01", "pool", "lape-regional-2016")


def test_f01_and_others_skip_grants_of_an_unknown_pool() -> None:
    report = checker(grants(grant_yaml(pool="no-such-pool", participants="[]", target_groups="[]")))
    for rule_id in RULE_IDS[:8]:
        checker.assert_not_examined(report, rule_id)
    checker.assert_passes(report, "LAPE-F09")  # the grant's own amount is still checked


# -- LAPE-F02: the grant's costs lie inside the pool's eligible cost period -----


def test_f02_inside_conforms() -> None:
    report = checker(grants(grant_yaml(costs="{start: 2017-01-01, end: 2018-12-31}")))
    checker.assert_passes(report, "LAPE-F02")


def test_f02_outside_violates() -> None:
    report = checker(grants(grant_yaml(costs="{start: 2017-01-01, end: 2019-03-31}")))
    finding = checker.the_violation(report, "LAPE-F02", "grant", "g1")
    assert finding.path == "grants[0].costs"
    assert finding.evidence["pool"] == "lape-regional-2016"
    assert "2019-03-31" in finding.messages.sv


def test_f02_open_ended_costs_violate() -> None:
    report = checker(grants(grant_yaml(costs="{start: 2017-01-01}")))
    checker.the_violation(report, "LAPE-F02", "grant", "g1")


def test_f02_unknown_without_the_grant_costs() -> None:
    finding = checker.the_unknown(grants(grant_yaml(costs=None)), "LAPE-F02", "grant", "g1")
    assert finding.missing == ("grants[0].costs",)


def test_f02_unknown_without_the_pool_costs() -> None:
    report = checker(grants(grant_yaml(pool="own"), pools="  - {id: own, name: Own}\n"))
    finding = checker.the_unknown(report, "LAPE-F02", "grant", "g1")
    assert finding.missing == ("pools[0].costs",)


def test_f02_inverted_period_is_left_to_s03() -> None:
    report = checker(grants(grant_yaml(costs="{start: 2018-01-01, end: 2017-01-01}")))
    checker.assert_not_examined(report, "LAPE-F02")


# -- LAPE-F03: at least two actors take part together ---------------------------


def test_f03_two_actors_conform() -> None:
    checker.assert_passes(grants(grant_yaml(participants="[b]")), "LAPE-F03")


def test_f03_one_actor_violates() -> None:
    report = checker(grants(grant_yaml(participants="[]")))
    finding = checker.the_violation(report, "LAPE-F03", "grant", "g1")
    assert finding.evidence["count"] == 1
    assert finding.evidence["min_actors"] == 2


def test_f03_the_recipient_listed_again_is_not_a_second_actor() -> None:
    report = checker(grants(grant_yaml(participants="[a]")))
    finding = checker.the_violation(report, "LAPE-F03", "grant", "g1")
    assert finding.evidence["actors"] == ("a",)


def test_f03_what_if_three_actors() -> None:
    text = grants(grant_yaml(participants="[b]"))
    three = default_parameters().override("LAPE-F03.min_actors", 3)
    checker.the_violation(text, "LAPE-F03", "grant", "g1", parameters=three)
    checker.assert_passes(grants(grant_yaml(participants="[b, c]")), "LAPE-F03", parameters=three)


def test_f03_examines_only_state_subsidies() -> None:
    text = grants(grant_yaml(pool="lape-startup-2016", participants="[]", decided="2016-05-01"))
    checker.assert_not_examined(text, "LAPE-F03")


# -- LAPE-F04: start-up grants fall in 2016-2017 --------------------------------


def startup(costs: str | None, decided: str | None) -> Snapshot:
    return grants(grant_yaml(pool="lape-startup-2016", costs=costs, decided=decided))


def test_f04_costs_inside_conform() -> None:
    report = checker(startup("{start: 2016-03-01, end: 2017-12-31}", "2016-02-01"))
    checker.assert_passes(report, "LAPE-F04")


def test_f04_costs_outside_violate() -> None:
    report = checker(startup("{start: 2017-03-01, end: 2018-06-30}", "2016-02-01"))
    finding = checker.the_violation(report, "LAPE-F04", "grant", "g1")
    assert finding.path == "grants[0].costs"


def test_f04_decided_date_when_no_costs() -> None:
    checker.assert_passes(startup(None, "2017-12-31"), "LAPE-F04", as_of=dt.date(2018, 6, 1))
    report = checker(startup(None, "2018-01-01"), as_of=dt.date(2018, 6, 1))
    finding = checker.the_violation(report, "LAPE-F04", "grant", "g1")
    assert finding.path == "grants[0].decided"


def test_f04_unknown_without_costs_or_decision() -> None:
    finding = checker.the_unknown(startup(None, None), "LAPE-F04", "grant", "g1")
    assert finding.missing == ("grants[0].costs", "grants[0].decided")


def test_f04_what_if_a_longer_period() -> None:
    from lape.model import Period

    longer = default_parameters().override(
        "LAPE-F04.period", Period(start=dt.date(2016, 1, 1), end=dt.date(2018, 12, 31))
    )
    text = startup("{start: 2017-03-01, end: 2018-06-30}", "2016-02-01")
    checker.assert_passes(text, "LAPE-F04", parameters=longer)


def test_f04_examines_only_start_up_pools() -> None:
    checker.assert_not_examined(grants(grant_yaml()), "LAPE-F04")


# -- LAPE-F05: no decision before the application round opened ------------------


def test_f05_decided_on_the_opening_day_conforms() -> None:
    checker.assert_passes(grants(grant_yaml(decided="2016-09-01")), "LAPE-F05")


def test_f05_decided_the_day_before_violates() -> None:
    report = checker(grants(grant_yaml(decided="2016-08-31")))
    finding = checker.the_violation(report, "LAPE-F05", "grant", "g1")
    assert finding.evidence["opens"] == dt.date(2016, 9, 1)
    assert finding.path == "grants[0].decided"


def test_f05_unknown_without_a_call() -> None:
    text = grants(
        grant_yaml(pool="lape-2020-2022", decided="2020-03-01", extra="region: '11'"),
    )
    finding = checker.the_unknown(text, "LAPE-F05", "grant", "g1", as_of=dt.date(2021, 1, 1))
    assert finding.missing == ("pool.lape-2020-2022.call",)


def test_f05_unknown_without_a_decision_date() -> None:
    finding = checker.the_unknown(grants(grant_yaml(decided=None)), "LAPE-F05", "grant", "g1")
    assert finding.missing == ("grants[0].decided",)


def test_grants_decided_after_the_checked_day_are_not_examined() -> None:
    report = checker(grants(grant_yaml(decided="2016-08-31")), as_of=dt.date(2016, 8, 30))
    for rule_id in RULE_IDS:
        checker.assert_not_examined(report, rule_id)


# -- LAPE-F06: a service for children, young people or families -----------------


@pytest.mark.parametrize("groups", ["[children]", "[young_people]", "[parents, adults]"])
def test_f06_children_youth_families_conform(groups: str) -> None:
    checker.assert_passes(grants(grant_yaml(target_groups=groups)), "LAPE-F06")


@pytest.mark.parametrize("groups", ["[adults, older_people]", "[everyone]", "[]"])
def test_f06_other_target_groups_violate(groups: str) -> None:
    report = checker(grants(grant_yaml(target_groups=groups)))
    finding = checker.the_violation(report, "LAPE-F06", "grant", "g1")
    assert finding.path == "grants[0].target_groups"


def test_f06_unknown_without_target_groups() -> None:
    finding = checker.the_unknown(grants(grant_yaml(target_groups=None)), "LAPE-F06", "grant", "g1")
    assert finding.missing == ("grants[0].target_groups",)


def test_f06_examines_only_lape_pools() -> None:
    pools = '  - {id: other, name: Other, programme: other, amount: "1000.00"}\n'
    text = grants(grant_yaml(pool="other", amount="10.00", target_groups="[adults]"), pools=pools)
    checker.assert_not_examined(text, "LAPE-F06")


# -- LAPE-F07: child-strategy work is not paid from the programme's pools --------


def test_f07_lape_work_from_a_lape_pool_conforms() -> None:
    checker.assert_passes(grants(grant_yaml()), "LAPE-F07")


def test_f07_child_strategy_from_its_own_pool_is_not_the_programmes_money() -> None:
    pools = '  - {id: cs, name: Child strategy, programme: child_strategy, amount: "1000.00"}\n'
    text = grants(
        grant_yaml(pool="cs", amount="10.00", extra="programme: child_strategy"), pools=pools
    )
    report = checker(text)
    assert checker.findings(report, "LAPE-F07") == []
    assert checker.examined(report, "LAPE-F07") == 0  # another programme's pool is not examined


def test_f07_child_strategy_from_a_lape_pool_violates() -> None:
    report = checker(grants(grant_yaml(extra="programme: child_strategy")))
    finding = checker.the_violation(report, "LAPE-F07", "grant", "g1")
    assert finding.path == "grants[0].programme"
    assert "lape-regional-2016" in finding.messages.fi


# -- LAPE-F08: 2020-2022 grants: regional development and a priority ------------

DAY_2021 = dt.date(2021, 12, 1)


def grant_2020(extra: str, pool: str = "lape-2020-2022") -> Snapshot:
    costs = "{start: 2021-01-01, end: 2022-12-31}"
    return grants(grant_yaml(pool=pool, decided="2021-11-01", costs=costs, extra=extra))


@pytest.mark.parametrize("pool", ["lape-2020-2022", "fhsc-2021-lape"])
def test_f08_region_and_priority_conform(pool: str) -> None:
    text = grant_2020("region: '11'\npriorities: [family_centres]", pool)
    checker.assert_passes(text, "LAPE-F08", as_of=DAY_2021)


@pytest.mark.parametrize(
    ("extra", "lacking"),
    [
        ("priorities: [child_protection]", ("region",)),
        ("region: '11'", ("priorities",)),
        ("", ("region", "priorities")),
    ],
)
def test_f08_missing_region_or_priority_violates(extra: str, lacking: tuple[str, ...]) -> None:
    report = checker(grant_2020(extra), as_of=DAY_2021)
    finding = checker.the_violation(report, "LAPE-F08", "grant", "g1")
    assert finding.evidence["lacking"] == lacking
    assert finding.path == f"grants[0].{lacking[0]}"


def test_f08_examines_only_2020_2022_pools() -> None:
    checker.assert_not_examined(grants(grant_yaml()), "LAPE-F08")


# -- LAPE-F09: positive euros with at most cents ---------------------------------


def test_f09_positive_amounts_conform() -> None:
    pools = '  - {id: own, name: Own, amount: "0.01"}\n'
    report = checker(grants(grant_yaml(pool="own", amount="0.01"), pools=pools))
    checker.assert_passes(report, "LAPE-F09")
    assert checker.examined(report, "LAPE-F09") == 2  # the grant and its pool


@pytest.mark.parametrize("amount", ["0.00", "-5.00", "-0.01"])
def test_f09_zero_or_negative_grant_violates(amount: str) -> None:
    report = checker(grants(grant_yaml(amount=amount)))
    finding = checker.the_violation(report, "LAPE-F09", "grant", "g1")
    assert finding.evidence["problems"] == ("not_positive",)
    assert finding.path == "grants[0].amount"
    assert amount in finding.messages.en


def test_f09_negative_pool_violates() -> None:
    pools = '  - {id: own, name: Own, amount: "-1000.00"}\n'
    report = checker(grants(pools=pools))
    finding = checker.the_violation(report, "LAPE-F09", "pool", "own")
    assert finding.path == "pools[0].amount"


def test_f09_what_if_a_zero_pool() -> None:
    zero = default_parameters().override("pool.lape-regional-2016.amount", Decimal("0"))
    report = checker(grants(grant_yaml()), parameters=zero)
    checker.the_violation(report, "LAPE-F09", "pool", "lape-regional-2016")


def unvalidated(amount: object) -> Snapshot:
    """A snapshot with a grant amount the model's validator would refuse."""
    with attrs.validators.disabled():
        grant = Grant(id="g1", pool="lape-regional-2016", recipient="a", amount=amount)  # type: ignore[arg-type]
    return Snapshot(grants=(grant,))


@pytest.mark.parametrize(
    ("amount", "problems"),
    [
        (Decimal("1000.005"), ("sub_cent",)),
        (Decimal("0.001"), ("sub_cent",)),
        (Decimal("-0.001"), ("not_positive", "sub_cent")),
        (Decimal("NaN"), ("not_finite",)),
        (Decimal("Infinity"), ("not_finite",)),
        (0.1, ("not_decimal",)),
    ],
)
def test_f09_sub_cent_and_floats_violate(amount: object, problems: tuple[str, ...]) -> None:
    report = checker(unvalidated(amount))
    finding = checker.the_violation(report, "LAPE-F09", "grant", "g1")
    assert finding.evidence["problems"] == problems
    assert str(amount) in finding.messages.en  # the exact amount, not rounded to cents


def test_f09_trailing_zeros_below_the_cent_conform() -> None:
    checker.assert_passes(unvalidated(Decimal("1000.000")), "LAPE-F09")


def test_the_loader_already_refuses_sub_cent_amounts() -> None:
    with pytest.raises(lape.LoadError):
        grants(grant_yaml(amount="1000.005"))


@pytest.mark.parametrize("amount", [Decimal("NaN"), 0.1])
def test_f01_unknown_when_an_amount_cannot_be_added_up(amount: object) -> None:
    finding = checker.the_unknown(unvalidated(amount), "LAPE-F01", "pool", "lape-regional-2016")
    assert finding.missing == ("grants[0].amount",)
