"""Tests of LAPE-F01..F09 (funding pools and grants), run on their own rule set."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import lape
from lape.model import Grant, Severity, Snapshot
from lape.rules import Finding, Parameters, Report, RuleSet, Status, check, default_parameters
from lape.rules._catalogue._common import FROM_2016
from lape.rules._catalogue.funding import RULES

RULE_IDS = (*(f"LAPE-F0{n}" for n in range(1, 10)), "LAPE-F10")
DAY = dt.date(2017, 6, 1)
SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
DOCS = Path(__file__).resolve().parents[2] / "docs"


# -- helpers -------------------------------------------------------------------


def run(
    text: str | Snapshot, *, as_of: dt.date = DAY, parameters: Parameters | None = None
) -> Report:
    snapshot = lape.loads(text) if isinstance(text, str) else text
    return check(snapshot, as_of=as_of, rules=RuleSet(RULES), parameters=parameters)


def of(report: Report, rule_id: str) -> list[Finding]:
    return [f for f in report.findings if f.rule == rule_id]


def examined(report: Report, rule_id: str) -> int:
    result = report.result(rule_id)
    assert result is not None
    assert result.in_force
    return result.examined


def assert_conforms(report: Report, rule_id: str) -> None:
    assert examined(report, rule_id) >= 1
    assert of(report, rule_id) == []


def assert_not_examined(report: Report, rule_id: str) -> None:
    assert examined(report, rule_id) == 0
    assert of(report, rule_id) == []


def the_violation(report: Report, rule_id: str, kind: str, subject_id: str) -> Finding:
    found = of(report, rule_id)
    assert len(found) == 1, found
    finding = found[0]
    assert finding.rule == rule_id
    assert finding.status is Status.FAILED
    assert finding.severity is Severity.ERROR
    assert finding.subject.kind == kind
    assert finding.subject.id == subject_id
    for lang in ("fi", "sv", "en"):
        message = finding.messages.get(lang)
        assert message.startswith(subject_id) or subject_id in message
        assert subject_id in message
        assert "{" not in message
    assert report.result(rule_id) is not None
    return finding


def the_unknown(report: Report, rule_id: str, subject_id: str) -> Finding:
    found = of(report, rule_id)
    assert len(found) == 1, found
    finding = found[0]
    assert finding.status is Status.UNKNOWN
    assert finding.subject.id == subject_id
    assert finding.missing
    for lang in ("fi", "sv", "en"):
        assert subject_id in finding.messages.get(lang)
    result = report.result(rule_id)
    assert result is not None
    assert result.unknown == 1
    assert result.failed == 0
    return finding


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


def grants(*items: str, pools: str = "") -> str:
    head = f"pools:\n{pools}" if pools else ""
    return head + ("grants:\n" + "".join(items) if items else "")


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
    report = run(grants(grant_yaml()), as_of=dt.date(2015, 12, 31))
    for rule_id in RULE_IDS:
        result = report.result(rule_id)
        assert result is not None
        assert not result.in_force
    assert report.findings == ()


def test_bundled_example_breaks_only_f02() -> None:
    report = check(lape.example(), rules=RuleSet(RULES))
    assert [(f.rule, f.subject.id) for f in report.findings] == [
        ("LAPE-F02", "ps-lape-varkaus-trial")
    ]


# -- LAPE-F01: grants never add up to more than the pool ------------------------


def test_f01_exactly_the_pool_amount_conforms() -> None:
    report = run(
        grants(grant_yaml("g1", amount="19000000.00"), grant_yaml("g2", amount="1000000.00"))
    )
    assert_conforms(report, "LAPE-F01")


def test_f01_one_cent_more_violates() -> None:
    report = run(
        grants(grant_yaml("g1", amount="19000000.00"), grant_yaml("g2", amount="1000000.01"))
    )
    finding = the_violation(report, "LAPE-F01", "pool", "lape-regional-2016")
    assert finding.evidence["total"] == Decimal("20000000.01")
    assert finding.evidence["amount"] == Decimal("20000000.00")
    assert finding.evidence["excess"] == Decimal("0.01")
    assert finding.evidence["grants"] == ("g1", "g2")
    assert "20,000,000.01" in finding.messages.en
    assert "0.01" in finding.messages.fi


def test_f01_what_if_a_larger_pool_turns_the_violation_into_a_pass() -> None:
    text = grants(grant_yaml("g1", amount="12000000.00"), grant_yaml("g2", amount="12000000.00"))
    the_violation(run(text), "LAPE-F01", "pool", "lape-regional-2016")
    bigger = default_parameters().override("pool.lape-regional-2016.amount", Decimal("25000000"))
    assert_conforms(run(text, parameters=bigger), "LAPE-F01")


def test_f01_own_pool() -> None:
    pools = '  - {id: own, name: Own, amount: "1000.00"}\n'
    ok = run(grants(grant_yaml(pool="own", amount="1000.00"), pools=pools))
    assert_conforms(ok, "LAPE-F01")
    bad = run(grants(grant_yaml(pool="own", amount="1000.01"), pools=pools))
    finding = the_violation(bad, "LAPE-F01", "pool", "own")
    assert finding.path == "pools[0]"


def test_f01_unknown_amount_of_a_reference_pool() -> None:
    report = run(grants(grant_yaml(pool="lape-startup-2016", decided=None)))
    finding = the_unknown(report, "LAPE-F01", "lape-startup-2016")
    assert finding.subject.kind == "pool"
    assert finding.missing == ("pool.lape-startup-2016.amount",)


def test_f01_unknown_amount_of_an_own_pool() -> None:
    report = run(grants(grant_yaml(pool="own"), pools="  - {id: own, name: Own}\n"))
    finding = the_unknown(report, "LAPE-F01", "own")
    assert finding.missing == ("pools[0].amount",)


def test_f01_counts_only_grants_decided_by_the_checked_day() -> None:
    text = grants(
        grant_yaml("g1", amount="15000000.00", decided="2016-12-22"),
        grant_yaml("g2", amount="15000000.00", decided="2017-12-22"),
    )
    early = run(text, as_of=dt.date(2017, 6, 1))
    assert_conforms(early, "LAPE-F01")
    late = run(text, as_of=dt.date(2018, 1, 1))
    the_violation(late, "LAPE-F01", "pool", "lape-regional-2016")
    before = run(text, as_of=dt.date(2016, 12, 1))
    assert_not_examined(before, "LAPE-F01")


def test_f01_undecided_grants_count() -> None:
    text = grants(grant_yaml("g1", amount="20000000.00"), grant_yaml("g2", decided=None))
    the_violation(run(text), "LAPE-F01", "pool", "lape-regional-2016")


def test_f01_and_others_skip_grants_of_an_unknown_pool() -> None:
    report = run(grants(grant_yaml(pool="no-such-pool", participants="[]", target_groups="[]")))
    for rule_id in RULE_IDS[:8]:
        assert_not_examined(report, rule_id)
    assert_conforms(report, "LAPE-F09")  # the grant's own amount is still checked


# -- LAPE-F02: the grant's costs lie inside the pool's eligible cost period -----


def test_f02_inside_conforms() -> None:
    report = run(grants(grant_yaml(costs="{start: 2017-01-01, end: 2018-12-31}")))
    assert_conforms(report, "LAPE-F02")


def test_f02_outside_violates() -> None:
    report = run(grants(grant_yaml(costs="{start: 2017-01-01, end: 2019-03-31}")))
    finding = the_violation(report, "LAPE-F02", "grant", "g1")
    assert finding.path == "grants[0].costs"
    assert finding.evidence["pool"] == "lape-regional-2016"
    assert "2019-03-31" in finding.messages.sv


def test_f02_open_ended_costs_violate() -> None:
    report = run(grants(grant_yaml(costs="{start: 2017-01-01}")))
    the_violation(report, "LAPE-F02", "grant", "g1")


def test_f02_unknown_without_the_grant_costs() -> None:
    finding = the_unknown(run(grants(grant_yaml(costs=None))), "LAPE-F02", "g1")
    assert finding.missing == ("grants[0].costs",)


def test_f02_unknown_without_the_pool_costs() -> None:
    report = run(grants(grant_yaml(pool="own"), pools="  - {id: own, name: Own}\n"))
    finding = the_unknown(report, "LAPE-F02", "g1")
    assert finding.missing == ("pools[0].costs",)


def test_f02_inverted_period_is_left_to_s03() -> None:
    report = run(grants(grant_yaml(costs="{start: 2018-01-01, end: 2017-01-01}")))
    assert_not_examined(report, "LAPE-F02")


# -- LAPE-F03: at least two actors take part together ---------------------------


def test_f03_two_actors_conform() -> None:
    assert_conforms(run(grants(grant_yaml(participants="[b]"))), "LAPE-F03")


def test_f03_one_actor_violates() -> None:
    report = run(grants(grant_yaml(participants="[]")))
    finding = the_violation(report, "LAPE-F03", "grant", "g1")
    assert finding.evidence["count"] == 1
    assert finding.evidence["min_actors"] == 2


def test_f03_the_recipient_listed_again_is_not_a_second_actor() -> None:
    report = run(grants(grant_yaml(participants="[a]")))
    finding = the_violation(report, "LAPE-F03", "grant", "g1")
    assert finding.evidence["actors"] == ("a",)


def test_f03_what_if_three_actors() -> None:
    text = grants(grant_yaml(participants="[b]"))
    three = default_parameters().override("LAPE-F03.min_actors", 3)
    the_violation(run(text, parameters=three), "LAPE-F03", "grant", "g1")
    assert_conforms(run(grants(grant_yaml(participants="[b, c]")), parameters=three), "LAPE-F03")


def test_f03_examines_only_state_subsidies() -> None:
    text = grants(grant_yaml(pool="lape-startup-2016", participants="[]", decided="2016-05-01"))
    assert_not_examined(run(text), "LAPE-F03")


# -- LAPE-F04: start-up grants fall in 2016-2017 --------------------------------


def startup(costs: str | None, decided: str | None) -> str:
    return grants(grant_yaml(pool="lape-startup-2016", costs=costs, decided=decided))


def test_f04_costs_inside_conform() -> None:
    report = run(startup("{start: 2016-03-01, end: 2017-12-31}", "2016-02-01"))
    assert_conforms(report, "LAPE-F04")


def test_f04_costs_outside_violate() -> None:
    report = run(startup("{start: 2017-03-01, end: 2018-06-30}", "2016-02-01"))
    finding = the_violation(report, "LAPE-F04", "grant", "g1")
    assert finding.path == "grants[0].costs"


def test_f04_decided_date_when_no_costs() -> None:
    assert_conforms(run(startup(None, "2017-12-31"), as_of=dt.date(2018, 6, 1)), "LAPE-F04")
    report = run(startup(None, "2018-01-01"), as_of=dt.date(2018, 6, 1))
    finding = the_violation(report, "LAPE-F04", "grant", "g1")
    assert finding.path == "grants[0].decided"


def test_f04_unknown_without_costs_or_decision() -> None:
    finding = the_unknown(run(startup(None, None)), "LAPE-F04", "g1")
    assert finding.missing == ("grants[0].costs", "grants[0].decided")


def test_f04_what_if_a_longer_period() -> None:
    from lape.model import Period

    longer = default_parameters().override(
        "LAPE-F04.period", Period(start=dt.date(2016, 1, 1), end=dt.date(2018, 12, 31))
    )
    text = startup("{start: 2017-03-01, end: 2018-06-30}", "2016-02-01")
    assert_conforms(run(text, parameters=longer), "LAPE-F04")


def test_f04_examines_only_start_up_pools() -> None:
    assert_not_examined(run(grants(grant_yaml())), "LAPE-F04")


# -- LAPE-F05: no decision before the application round opened ------------------


def test_f05_decided_on_the_opening_day_conforms() -> None:
    assert_conforms(run(grants(grant_yaml(decided="2016-09-01"))), "LAPE-F05")


def test_f05_decided_the_day_before_violates() -> None:
    report = run(grants(grant_yaml(decided="2016-08-31")))
    finding = the_violation(report, "LAPE-F05", "grant", "g1")
    assert finding.evidence["opens"] == dt.date(2016, 9, 1)
    assert finding.path == "grants[0].decided"


def test_f05_unknown_without_a_call() -> None:
    text = grants(
        grant_yaml(pool="lape-2020-2022", decided="2020-03-01", extra="region: '11'"),
    )
    finding = the_unknown(run(text, as_of=dt.date(2021, 1, 1)), "LAPE-F05", "g1")
    assert finding.missing == ("pool.lape-2020-2022.call",)


def test_f05_unknown_without_a_decision_date() -> None:
    finding = the_unknown(run(grants(grant_yaml(decided=None))), "LAPE-F05", "g1")
    assert finding.missing == ("grants[0].decided",)


def test_grants_decided_after_the_checked_day_are_not_examined() -> None:
    report = run(grants(grant_yaml(decided="2016-08-31")), as_of=dt.date(2016, 8, 30))
    for rule_id in RULE_IDS:
        assert_not_examined(report, rule_id)


# -- LAPE-F06: a service for children, young people or families -----------------


@pytest.mark.parametrize("groups", ["[children]", "[young_people]", "[parents, adults]"])
def test_f06_children_youth_families_conform(groups: str) -> None:
    assert_conforms(run(grants(grant_yaml(target_groups=groups))), "LAPE-F06")


@pytest.mark.parametrize("groups", ["[adults, older_people]", "[everyone]", "[]"])
def test_f06_other_target_groups_violate(groups: str) -> None:
    report = run(grants(grant_yaml(target_groups=groups)))
    finding = the_violation(report, "LAPE-F06", "grant", "g1")
    assert finding.path == "grants[0].target_groups"


def test_f06_unknown_without_target_groups() -> None:
    finding = the_unknown(run(grants(grant_yaml(target_groups=None))), "LAPE-F06", "g1")
    assert finding.missing == ("grants[0].target_groups",)


def test_f06_examines_only_lape_pools() -> None:
    pools = '  - {id: other, name: Other, programme: other, amount: "1000.00"}\n'
    text = grants(grant_yaml(pool="other", amount="10.00", target_groups="[adults]"), pools=pools)
    assert_not_examined(run(text), "LAPE-F06")


# -- LAPE-F07: child-strategy work is not paid from the programme's pools --------


def test_f07_lape_work_from_a_lape_pool_conforms() -> None:
    assert_conforms(run(grants(grant_yaml())), "LAPE-F07")


def test_f07_child_strategy_from_its_own_pool_is_not_the_programmes_money() -> None:
    pools = '  - {id: cs, name: Child strategy, programme: child_strategy, amount: "1000.00"}\n'
    text = grants(
        grant_yaml(pool="cs", amount="10.00", extra="programme: child_strategy"), pools=pools
    )
    report = run(text)
    assert of(report, "LAPE-F07") == []
    assert examined(report, "LAPE-F07") == 0  # another programme's pool is not examined


def test_f07_child_strategy_from_a_lape_pool_violates() -> None:
    report = run(grants(grant_yaml(extra="programme: child_strategy")))
    finding = the_violation(report, "LAPE-F07", "grant", "g1")
    assert finding.path == "grants[0].programme"
    assert "lape-regional-2016" in finding.messages.fi


# -- LAPE-F08: 2020-2022 grants: regional development and a priority ------------

DAY_2021 = dt.date(2021, 12, 1)


def grant_2020(extra: str, pool: str = "lape-2020-2022") -> str:
    costs = "{start: 2021-01-01, end: 2022-12-31}"
    return grants(grant_yaml(pool=pool, decided="2021-11-01", costs=costs, extra=extra))


@pytest.mark.parametrize("pool", ["lape-2020-2022", "fhsc-2021-lape"])
def test_f08_region_and_priority_conform(pool: str) -> None:
    text = grant_2020("region: '11'\npriorities: [family_centres]", pool)
    assert_conforms(run(text, as_of=DAY_2021), "LAPE-F08")


@pytest.mark.parametrize(
    ("extra", "lacking"),
    [
        ("priorities: [child_protection]", ("region",)),
        ("region: '11'", ("priorities",)),
        ("", ("region", "priorities")),
    ],
)
def test_f08_missing_region_or_priority_violates(extra: str, lacking: tuple[str, ...]) -> None:
    report = run(grant_2020(extra), as_of=DAY_2021)
    finding = the_violation(report, "LAPE-F08", "grant", "g1")
    assert finding.evidence["lacking"] == lacking
    assert finding.path == f"grants[0].{lacking[0]}"


def test_f08_examines_only_2020_2022_pools() -> None:
    assert_not_examined(run(grants(grant_yaml())), "LAPE-F08")


# -- LAPE-F09: positive euros with at most cents ---------------------------------


def test_f09_positive_amounts_conform() -> None:
    pools = '  - {id: own, name: Own, amount: "0.01"}\n'
    report = run(grants(grant_yaml(pool="own", amount="0.01"), pools=pools))
    assert_conforms(report, "LAPE-F09")
    result = report.result("LAPE-F09")
    assert result is not None
    assert result.examined == 2  # the grant and its pool


@pytest.mark.parametrize("amount", ["0.00", "-5.00", "-0.01"])
def test_f09_zero_or_negative_grant_violates(amount: str) -> None:
    report = run(grants(grant_yaml(amount=amount)))
    finding = the_violation(report, "LAPE-F09", "grant", "g1")
    assert finding.evidence["problems"] == ("not_positive",)
    assert finding.path == "grants[0].amount"
    assert amount in finding.messages.en


def test_f09_negative_pool_violates() -> None:
    pools = '  - {id: own, name: Own, amount: "-1000.00"}\n'
    report = run(grants(pools=pools))
    finding = the_violation(report, "LAPE-F09", "pool", "own")
    assert finding.path == "pools[0].amount"


def test_f09_what_if_a_zero_pool() -> None:
    zero = default_parameters().override("pool.lape-regional-2016.amount", Decimal("0"))
    report = run(grants(grant_yaml()), parameters=zero)
    the_violation(report, "LAPE-F09", "pool", "lape-regional-2016")


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
    report = run(unvalidated(amount))
    finding = the_violation(report, "LAPE-F09", "grant", "g1")
    assert finding.evidence["problems"] == problems
    assert str(amount) in finding.messages.en  # the exact amount, not rounded to cents


def test_f09_trailing_zeros_below_the_cent_conform() -> None:
    assert_conforms(run(unvalidated(Decimal("1000.000"))), "LAPE-F09")


def test_the_loader_already_refuses_sub_cent_amounts() -> None:
    with pytest.raises(lape.LoadError):
        lape.loads(grants(grant_yaml(amount="1000.005")))


@pytest.mark.parametrize("amount", [Decimal("NaN"), 0.1])
def test_f01_unknown_when_an_amount_cannot_be_added_up(amount: object) -> None:
    finding = the_unknown(run(unvalidated(amount)), "LAPE-F01", "lape-regional-2016")
    assert finding.missing == ("grants[0].amount",)
