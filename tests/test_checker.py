"""lape.testing.Checker: options bound to a checker, and its questions and assertions about one
rule, each shown to pass on the right case and to fail, with the findings spelled out, on a
wrong one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

import lape
from lape.model import Period, Severity, Snapshot
from lape.rules import (
    Context,
    Outcome,
    Report,
    RuleSet,
    Source,
    Status,
    Text,
    catalogue,
    default_parameters,
    rule,
)
from lape.testing import Checker, Failure

DAY = dt.date(2017, 6, 1)


@rule(
    id="MY-T01",
    severity=Severity.ERROR,
    subjects="actor",
    in_force=Period(start=dt.date(2016, 1, 1), end=dt.date(2018, 12, 31)),
    source=Source("our own guideline", "an actor's name tells what it is"),
    title=Text(fi="Nimi", sv="Namn", en="Name"),
    message=Text(
        fi="{subject}: nimi {word}", sv="{subject}: namnet {word}", en="{subject}: the name {word}"
    ),
)
def names(ctx: Context) -> Iterator[Outcome]:
    """By the first word of an actor's name: ``bad`` fails, ``unsure`` is unknown (its
    ``missing`` empty when the second word is ``vague``), ``noted`` passes with an info
    note, ``odd`` fails with a message in which a brace is left; anything else passes."""
    for actor in ctx.snapshot.actors:
        word = actor.name.split()[0]
        if word in {"bad", "odd"}:
            yield ctx.failed(actor, word="{x}" if word == "odd" else word)
        elif word == "unsure":
            vague = actor.name.endswith("vague")
            yield ctx.unknown(actor, () if vague else ("the actor's real name",))
        else:
            yield ctx.passed(actor)
            if word == "noted":
                yield ctx.noted(actor, word=word)


@rule(
    id="MY-T02",
    severity=Severity.WARNING,
    subjects="actor",
    in_force=Period(start=dt.date(2016, 1, 1)),
    source=Source("our own guideline", "every actor is named"),
    title=Text(fi="Nimetön", sv="Namnlös", en="Nameless"),
    message=Text(fi="nimetön", sv="namnlös", en="nameless"),
)
def nameless(ctx: Context) -> Iterator[Outcome]:
    """Every actor fails, with a message that does not name it."""
    for actor in ctx.snapshot.actors:
        yield ctx.failed(actor)


RULES = RuleSet((names, nameless))
checker = Checker(rules=RULES, as_of=DAY)


def _actors(*names: str) -> Snapshot:
    rows = "".join(
        f"  - {{id: a{i}, name: {name}, kind: parish}}\n" for i, name in enumerate(names)
    )
    return lape.loads("actors:\n" + rows if rows else "actors: []")


# -- options bound to the checker -------------------------------------------------------


def test_a_plain_checker_is_lape_check() -> None:
    assert Checker().options == {}
    assert repr(Checker()) == "<Checker>"
    example = lape.example()
    assert Checker()(example) == lape.check(example)
    assert Checker()(example, as_of=DAY).as_of == DAY


def test_a_checker_bound_to_options_and_a_call_overriding_them() -> None:
    assert checker.options == {"rules": RULES, "as_of": DAY}
    assert repr(checker) == "<Checker rules=2 as_of=2017-06-01>"
    report = checker(_actors("bad one"))
    assert report.as_of == DAY
    assert [r.rule for r in report.results] == ["MY-T01", "MY-T02"]
    assert checker(_actors("bad one"), as_of=dt.date(2018, 1, 1)).as_of == dt.date(2018, 1, 1)
    assert checker(_actors("bad one"), as_of=None).as_of == DAY  # None keeps the checker's
    assert (
        checker(_actors("bad one"), rules=catalogue().select("LAPE-S01")).result("MY-T01") is None
    )
    parameters = default_parameters()
    assert Checker(parameters=parameters, lang="fi").options == {
        "parameters": parameters,
        "lang": "fi",
    }
    assert repr(Checker(lang="fi")) == "<Checker lang=<str>>"
    with pytest.raises(TypeError):
        checker.options["as_of"] = None  # type: ignore[index]


def test_rules_given_as_an_iterable_are_kept() -> None:
    once = Checker(rules=iter([names]), as_of=DAY)
    assert once.failures(_actors("bad"), "MY-T01") == once.failures(_actors("bad"), "MY-T01")
    assert once.failures(_actors("bad"), "MY-T01") == [("actor", "a0", Severity.ERROR)]


def test_a_report_takes_no_options() -> None:
    report = checker(_actors("bad"))
    assert checker.findings(report, "MY-T01") == list(report.filter(rule="MY-T01").findings)
    with pytest.raises(TypeError, match="apply to a snapshot"):
        checker.findings(report, "MY-T01", as_of=DAY)


# -- findings, failures, examined --------------------------------------------------------


def test_findings_and_failures_of_one_rule() -> None:
    s = _actors("bad", "good", "unsure", "noted", "bad too")
    found = checker.findings(s, "MY-T01")
    assert [(f.subject.id, f.status, f.severity) for f in found] == [
        ("a0", Status.FAILED, Severity.ERROR),
        ("a2", Status.UNKNOWN, Severity.ERROR),
        ("a4", Status.FAILED, Severity.ERROR),
        ("a3", Status.FAILED, Severity.INFO),
    ]
    failures = checker.failures(s, "MY-T01")
    assert failures == [("actor", "a0", Severity.ERROR), ("actor", "a4", Severity.ERROR)]
    assert failures[0] == Failure(kind="actor", id="a0", severity=Severity.ERROR)
    # a report gives the same answers as the snapshot it was made from
    assert checker.failures(checker(s), "MY-T01") == failures
    # the severity is the report's, after an override
    regraded = checker.failures(s, "MY-T01", severity={"MY-T01": "warning"})
    assert regraded == [("actor", "a0", Severity.WARNING), ("actor", "a4", Severity.WARNING)]
    # not in force: nothing found (examined() would fail)
    assert checker.findings(s, "MY-T01", as_of=dt.date(2019, 1, 1)) == []


def test_examined_counts_the_subjects() -> None:
    assert checker.examined(_actors("bad", "good", "unsure"), "MY-T01") == 3
    assert checker.examined(_actors(), "MY-T01") == 0


@pytest.mark.parametrize("method", ["findings", "failures", "examined"])
def test_a_rule_that_was_not_run_is_a_failure_not_an_empty_answer(method: str) -> None:
    with pytest.raises(
        AssertionError, match=r"MY-T03 was not run \(the rules checked: MY-T01, MY-T02\)"
    ):
        getattr(checker, method)(_actors("good"), "MY-T03")


def test_examined_fails_when_the_rule_is_not_in_force() -> None:
    with pytest.raises(AssertionError, match="MY-T01 is not in force on 2019-01-01"):
        checker.examined(_actors("good"), "MY-T01", as_of=dt.date(2019, 1, 1))


# -- assert_passes, assert_not_examined, assert_not_in_force -------------------------------


def test_assert_passes() -> None:
    report = checker.assert_passes(_actors("good", "noted"), "MY-T01")
    assert isinstance(report, Report)
    assert checker.assert_passes(report, "MY-T01") is report


@pytest.mark.parametrize(
    ("names", "options", "words"),
    [
        (
            ("good", "bad"),
            {},
            r"does not pass: found:\n  MY-T01 failed error actor a1 at actors\[1\]",
        ),
        (("unsure",), {}, "MY-T01 unknown error actor a0"),
        ((), {}, "examined nothing"),
        (("good",), {"as_of": dt.date(2019, 1, 1)}, "not in force on 2019-01-01"),
        (("good",), {"rules": catalogue().select("LAPE-S01")}, "MY-T01 was not run"),
    ],
)
def test_assert_passes_fails(names: tuple[str, ...], options: dict[str, Any], words: str) -> None:
    with pytest.raises(AssertionError, match=words):
        checker.assert_passes(_actors(*names), "MY-T01", **options)


def test_assert_passes_allows_info_notes_unless_told() -> None:
    s = _actors("noted")
    checker.assert_passes(s, "MY-T01")
    with pytest.raises(
        AssertionError, match=r"MY-T01 failed info actor a0 at actors\[0\]: noted \(a0\)"
    ):
        checker.assert_passes(s, "MY-T01", notes=False)


def test_assert_not_examined() -> None:
    checker.assert_not_examined(_actors(), "MY-T01")
    with pytest.raises(AssertionError, match=r"examined 1 subjects, expected none:\n  no finding"):
        checker.assert_not_examined(_actors("good"), "MY-T01")
    with pytest.raises(
        AssertionError, match="examined 1 subjects, expected none:\n  MY-T01 failed"
    ):
        checker.assert_not_examined(_actors("bad"), "MY-T01")
    with pytest.raises(AssertionError, match="not in force"):
        checker.assert_not_examined(_actors(), "MY-T01", as_of=dt.date(2015, 1, 1))


def test_assert_not_in_force() -> None:
    checker.assert_not_in_force(_actors("bad"), "MY-T01", as_of=dt.date(2019, 1, 1))
    with pytest.raises(AssertionError, match=r"MY-T01 is in force on 2017-06-01:\n  MY-T01 failed"):
        checker.assert_not_in_force(_actors("bad"), "MY-T01")
    with pytest.raises(AssertionError, match="MY-T01 is in force on 2017-06-01"):
        checker.assert_not_in_force(_actors(), "MY-T01")
    with pytest.raises(AssertionError, match="MY-T09 was not run"):
        checker.assert_not_in_force(_actors(), "MY-T09")


# -- the_violation, the_unknown ---------------------------------------------------------------


def test_the_violation() -> None:
    finding = checker.the_violation(_actors("good", "bad", "noted"), "MY-T01", "actor", "a1")
    assert (finding.rule, finding.subject.id, finding.path) == ("MY-T01", "a1", "actors[1]")
    assert finding.message == "bad (a1): the name bad"


def test_the_violation_of_a_warning() -> None:
    finding = checker.the_violation(
        checker(_actors("bad"), severity={"MY-T01": "warning"}),
        "MY-T01",
        "actor",
        "a0",
        severity=Severity.WARNING,
    )
    assert finding.severity is Severity.WARNING


@pytest.mark.parametrize(
    ("names", "subject", "words"),
    [
        (("good",), ("actor", "a0"), "expected one failed error finding about actor a0, found 0"),
        (("bad", "bad"), ("actor", "a0"), "found 2 findings:\n  MY-T01 failed error actor a0"),
        (("bad",), ("actor", "a1"), "found a finding about actor a0"),
        (("bad",), ("group", "a0"), "found a finding about actor a0"),
        (("unsure",), ("actor", "a0"), "found a unknown finding"),
        (("odd",), ("actor", "a0"), r"found a message in fi 'odd \(a0\): nimi \{x\}'"),
    ],
)
def test_the_violation_fails(names: tuple[str, ...], subject: tuple[str, str], words: str) -> None:
    with pytest.raises(AssertionError, match=words):
        checker.the_violation(_actors(*names), "MY-T01", *subject)


def test_the_violation_fails_on_another_severity() -> None:
    report = checker(_actors("bad"), severity={"MY-T01": "warning"})
    with pytest.raises(AssertionError, match="found a finding of severity warning"):
        checker.the_violation(report, "MY-T01", "actor", "a0")


def test_the_violation_fails_when_the_message_does_not_name_the_subject() -> None:
    with pytest.raises(AssertionError, match="found a message in fi 'nimetön'"):
        checker.the_violation(_actors("good"), "MY-T02", "actor", "a0", severity=Severity.WARNING)


def test_the_unknown() -> None:
    finding = checker.the_unknown(_actors("good", "unsure"), "MY-T01", "actor", "a1")
    assert finding.missing == ("the actor's real name",)
    assert "a fact is missing: the actor's real name" in finding.message


@pytest.mark.parametrize(
    ("names", "words"),
    [
        (("bad",), "expected one unknown finding about actor a0, found a failed finding"),
        (("unsure", "unsure"), "found 2 findings"),
        (("unsure vague",), "found an unknown finding that names no missing fact"),
    ],
)
def test_the_unknown_fails(names: tuple[str, ...], words: str) -> None:
    with pytest.raises(AssertionError, match=words):
        checker.the_unknown(_actors(*names), "MY-T01", "actor", "a0")


def test_the_catalogue_on_the_example() -> None:
    groups = Checker(rules=catalogue().select("LAPE-G*"), as_of=dt.date(2017, 10, 1))
    example = lape.example()
    assert groups.failures(example, "LAPE-G05") == [("group", "siilinjarvi-lape", Severity.ERROR)]
    # LAPE-G06's info note is no failure, and beside a pass it is allowed
    assert [f.severity for f in groups.findings(example, "LAPE-G06")] == [Severity.INFO]
    assert groups.failures(example, "LAPE-G06") == []
    groups.assert_passes(example, "LAPE-G06")
    with pytest.raises(AssertionError, match="LAPE-G06 failed info group"):
        groups.assert_passes(example, "LAPE-G06", notes=False)


def test_spell_out_lists_the_findings_of_one_rule_and_its_result() -> None:
    text = checker.spell_out(_actors("bad", "good", "unsure"), "MY-T01")
    assert text.splitlines() == [
        "  MY-T01 failed error actor a0 at actors[0]: bad (a0): the name bad",
        "  MY-T01 unknown error actor a2 at actors[2]: unsure (a2): rule MY-T01 could not be "
        "checked because a fact is missing: the actor's real name",
        "  (in force True, examined 3, failed 1, unknown 1)",
    ]
    assert checker.spell_out(_actors("good"), "MY-T01").splitlines()[0] == "  no finding"
    assert checker.spell_out(_actors("good"), "MY-T03").splitlines()[-1] == "  (not run)"


def test_assert_conforms_not_strict_lets_unknowns_pass_as_conforms_does() -> None:
    import attrs

    example = lape.example()
    unknown = attrs.evolve(
        example, actors=tuple(attrs.evolve(a, sectors=None) for a in example.actors)
    )
    checker = Checker(select=["LAPE-G01"])
    report = checker(unknown)
    assert report.conforms
    assert report.unknowns  # G01 cannot tell without the members' sectors
    checker.assert_conforms(unknown, strict=False)
    with pytest.raises(AssertionError, match="LAPE-G01 unknown"):
        checker.assert_conforms(unknown)


def test_a_checker_pickles_and_copies() -> None:
    import copy
    import pickle

    checker = Checker(select=["LAPE-G04"], as_of=dt.date(2017, 10, 1))
    for again in (pickle.loads(pickle.dumps(checker)), copy.deepcopy(checker)):
        assert again.options == checker.options
        assert again.problems(lape.example()) == checker.problems(lape.example())
