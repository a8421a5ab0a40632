"""Surveys in the model and the snapshot file: validation, the roster, references, round trips."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lape
from lape.errors import LoadError
from lape.io import dumps, loads
from lape.model import (
    RATINGS,
    Answer,
    CollaborationLevel,
    Contribution,
    EntityKind,
    Frequency,
    Respondent,
    Snapshot,
    Survey,
)
from lape.testing import snapshots, surveys

D = dt.date(2017, 9, 15)


# -- validation ------------------------------------------------------------------------


@pytest.mark.parametrize("rating", RATINGS)
@pytest.mark.parametrize("value", [0, 5, -1, True, 2.0, "3"])
def test_a_rating_is_a_whole_number_1_to_4(rating: str, value: Any) -> None:
    with pytest.raises(ValueError, match=f"^Answer.{rating}: expected a rating 1-4"):
        Answer(partner="b", **{rating: value})


@pytest.mark.parametrize("rating", RATINGS)
def test_ratings_only_for_partners_one_works_with(rating: str) -> None:
    with pytest.raises(ValueError, match=f"^Answer.{rating}: given for a partner"):
        Answer(partner="b", works_with=False, **{rating: cast("Any", 3)})


@pytest.mark.parametrize(
    ("field", "value"),
    [("frequency", Frequency.WEEKLY), ("level", CollaborationLevel.INTEGRATED)],
)
def test_frequency_and_level_only_for_partners_one_works_with(field: str, value: Any) -> None:
    with pytest.raises(ValueError, match=f"^Answer.{field}: given for a partner"):
        Answer(partner="b", works_with=False, **{field: value})
    assert getattr(Answer(partner="b", **{field: value}), field) is value


@pytest.mark.parametrize(("field", "value"), [("frequency", "weekly"), ("level", "integrated")])
def test_frequency_and_level_are_enum_members_or_their_values(field: str, value: Any) -> None:
    assert getattr(Answer(partner="b", **{field: value}), field).value == value  # as in a file
    with pytest.raises(TypeError, match=f"^Answer.{field}: expected a"):
        Answer(partner="b", **{field: value + "-nope"})


@pytest.mark.parametrize(
    ("cls", "kwargs", "exc"),
    [
        (Answer, {"partner": "-b"}, ValueError),
        (Answer, {"partner": "b", "works_with": "yes"}, TypeError),
        (Respondent, {"actor": ""}, ValueError),
        (Respondent, {"actor": "a", "contributions": Contribution.DATA}, TypeError),
        (Respondent, {"actor": "a", "contributions": frozenset({"dta"})}, TypeError),
        (Respondent, {"actor": "a", "answers": {Answer(partner="b")}}, TypeError),
        (Survey, {"id": "s", "date": dt.datetime(2017, 1, 1, 12)}, TypeError),
        (Survey, {"id": "s", "date": D, "name": None}, TypeError),
        (Survey, {"id": "s", "date": D, "members": "a"}, TypeError),
        (Survey, {"id": "s", "date": D, "members": ("a b",)}, ValueError),
        (Survey, {"id": "s", "date": D, "respondents": (Answer(partner="b"),)}, TypeError),
        (Survey, {"id": "s", "date": D, "description": 5}, TypeError),
    ],
)
def test_fields_are_checked(cls: type, kwargs: dict[str, Any], exc: type[Exception]) -> None:
    with pytest.raises(exc):
        cls(**kwargs)


def test_a_respondent_names_each_partner_once_and_never_itself() -> None:
    with pytest.raises(ValueError, match=r"names partner 'b' twice, at \[0\] and \[2\]"):
        Respondent(
            actor="a",
            answers=(Answer(partner="b"), Answer(partner="c"), Answer(partner="b")),
        )
    with pytest.raises(ValueError, match=r"names the respondent itself \('a'\) at \[1\]"):
        Respondent(actor="a", answers=(Answer(partner="b"), Answer(partner="a")))


def test_an_actor_responds_once() -> None:
    with pytest.raises(ValueError, match=r"lists actor 'a' twice, at \[0\] and \[1\]"):
        Survey(id="s", date=D, respondents=(Respondent(actor="a"), Respondent(actor="a")))


def test_roster_reported_and_repr() -> None:
    s = Survey(
        id="w",
        date=D,
        members=("m", "a"),
        respondents=(
            Respondent(
                actor="a", answers=(Answer(partner="b"), Answer(partner="c", works_with=False))
            ),
            Respondent(actor="b", answers=(Answer(partner="a"), Answer(partner="d"))),
        ),
    )
    assert s.roster() == ("m", "a", "b", "c", "d")
    assert s.respondent_ids() == ("a", "b")
    assert [(u, v) for u, v, _ in s.reported()] == [("a", "b"), ("b", "a"), ("b", "d")]
    assert repr(s) == "<Survey 'w' 2017-09-15: 2 respondents>"
    assert repr(Survey(id="x", date=D, respondents=(Respondent(actor="a"),))) == (
        "<Survey 'x' 2017-09-15: 1 respondent>"
    )
    assert Answer(partner="b", power=2, openness=4).ratings() == {"power": 2, "openness": 4}


# -- the snapshot: index, references, integrity rules -----------------------------------


def _with_surveys(*waves: Survey) -> Snapshot:
    return attrs.evolve(lape.example(), surveys=waves)


def test_survey_references_are_in_the_index_and_dangle_like_any_other() -> None:
    wave = Survey(
        id="w",
        date=D,
        members=("ghost",),
        respondents=(
            Respondent(actor="kuopio-sote", answers=(Answer(partner="ps-shp"),)),
            Respondent(
                actor="nobody", answers=(Answer(partner="kuopio-sote"), Answer(partner="x"))
            ),
        ),
    )
    s = _with_surveys(wave)
    refs = [r for r in s.index.references() if r.source is EntityKind.SURVEY]
    assert [(r.path, r.target) for r in refs] == [
        ("surveys[0].members[0]", "ghost"),
        ("surveys[0].respondents[0].actor", "kuopio-sote"),
        ("surveys[0].respondents[0].answers[0].partner", "ps-shp"),
        ("surveys[0].respondents[1].actor", "nobody"),
        ("surveys[0].respondents[1].answers[0].partner", "kuopio-sote"),
        ("surveys[0].respondents[1].answers[1].partner", "x"),
    ]
    assert {r.source_id for r in refs} == {"w"}
    assert all(r.target_kind is EntityKind.ACTOR for r in refs)
    dangling = s.index.dangling_references(known_pools=["lape-regional-2016"])
    assert [(r.path, r.target) for r in dangling] == [
        ("surveys[0].members[0]", "ghost"),
        ("surveys[0].respondents[1].actor", "nobody"),
        ("surveys[0].respondents[1].answers[1].partner", "x"),
    ]
    assert s.index.survey("w") is wave
    assert s.index.path(EntityKind.SURVEY, "w") == "surveys[0]"
    assert s.counts()["survey"] == 1
    assert repr(s).endswith("1 network, 1 survey>")


def test_s01_reports_each_dangling_survey_reference() -> None:
    wave = Survey(
        id="w",
        date=D,
        respondents=(Respondent(actor="kuopio-sote", answers=(Answer(partner="x"),)),),
    )
    report = lape.check(_with_surveys(wave), select=["LAPE-S01"])
    failed = [(f.subject.kind, f.subject.id, f.path) for f in report.findings]
    assert failed == [("survey", "w", "surveys[0].respondents[0].answers[0].partner")]


def test_s01_passes_a_survey_of_existing_actors() -> None:
    (first, _) = lape.io.example_surveys()
    report = lape.check(_with_surveys(first), select=["LAPE-S01"])
    assert report.findings == ()


def test_s02_reports_two_surveys_with_one_id() -> None:
    report = lape.check(
        _with_surveys(Survey(id="w", date=D), Survey(id="w", date=D)), select=["LAPE-S02"]
    )
    assert [(f.subject.kind, f.subject.id, f.path) for f in report.findings] == [
        ("survey", "w", "surveys[1]")
    ]


# -- the file format ---------------------------------------------------------------------

_FILE = """
actors:
  - {id: a, name: A, kind: parish}
  - {id: b, name: B, kind: organisation}
surveys:
  - id: w1
    date: 2017-09-15
    name: First wave
    members: [c]
    respondents:
      - actor: a
        contributions: [funding, volunteers]
        answers:
          - {partner: b, frequency: monthly, level: coordinated, power: 3, involvement: 4,
             resources: 2, reliability: 4, mission: 4, openness: 3}
      - actor: b
        answers:
          - {partner: a, works_with: false}
"""


def test_surveys_load_from_yaml_and_json_alike() -> None:
    s = loads(_FILE)
    (wave,) = s.surveys
    assert wave == Survey(
        id="w1",
        date=D,
        name="First wave",
        members=("c",),
        respondents=(
            Respondent(
                actor="a",
                contributions=frozenset({Contribution.FUNDING, Contribution.VOLUNTEERS}),
                answers=(
                    Answer(
                        partner="b",
                        frequency=Frequency.MONTHLY,
                        level=CollaborationLevel.COORDINATED,
                        power=3,
                        involvement=4,
                        resources=2,
                        reliability=4,
                        mission=4,
                        openness=3,
                    ),
                ),
            ),
            Respondent(actor="b", answers=(Answer(partner="a", works_with=False),)),
        ),
    )
    assert loads(dumps(s, format="json"), format="json") == s
    assert loads(dumps(s)) == s


_WHOLE = "expected a whole number, not"
_RATING = "expected a rating 1-4, not"


@pytest.mark.parametrize(
    ("answer", "where", "message"),
    [
        ("{partner: b, power: '3'}", ".power", f"{_WHOLE} str '3'"),
        ("{partner: b, power: 3.0}", ".power", f"{_WHOLE} a decimal number 3.0"),
        ("{partner: b, power: 5}", ".power", f"{_RATING} 5"),
        ("{partner: b, power: 0}", ".power", f"{_RATING} 0"),
        ("{partner: b, power: yes}", ".power", f"{_WHOLE} bool True"),
        (
            "{partner: b, level: deep}",
            ".level",
            "unknown collaboration level 'deep'; expected one of 'cooperative', "
            "'coordinated', 'integrated'",
        ),
        (
            "{partner: b, frequency: often}",
            ".frequency",
            "unknown frequency 'often'; expected one of 'yearly', 'quarterly', 'monthly', "
            "'weekly', 'daily'",
        ),
        (
            "{partner: b, works_with: false, openness: 2}",
            ".openness",
            "given for a partner the respondent does not work with",
        ),
        ("{partner: b, works_with: 'no'}", ".works_with", "expected true or false, not str 'no'"),
        (
            "{partner: b, trust: 3}",
            "",
            "unknown key 'trust'; known keys: partner, works_with, frequency, level, power, "
            "involvement, resources, reliability, mission, openness",
        ),
    ],
)
def test_bad_answers_in_a_file_name_their_path(answer: str, where: str, message: str) -> None:
    text = (
        "surveys:\n- id: w\n  date: 2017-09-15\n  respondents:\n"
        f"  - actor: a\n    answers: [{answer}]\n"
    )
    with pytest.raises(LoadError) as caught:
        loads(text, source="s.yaml")
    assert str(caught.value) == f"s.yaml: surveys[0].respondents[0].answers[0]{where}: {message}"


def test_duplicate_partners_and_respondents_in_a_file_name_their_path() -> None:
    text = (
        "surveys:\n- id: w\n  date: 2017-09-15\n  respondents:\n"
        "  - {actor: a, answers: [{partner: b}, {partner: b}]}\n"
        "  - {actor: c, contributions: [funds]}\n"
    )
    with pytest.raises(LoadError) as caught:
        loads(text, source="s.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "surveys[0].respondents[0].answers: names partner 'b' twice, at [0] and [1]",
        "surveys[0].respondents[1].contributions[0]: unknown contribution 'funds'; expected one "
        "of 'funding', 'in_kind', 'paid_staff', 'volunteers', 'data', 'information', "
        "'expertise', 'community_connections', 'leadership', 'advocacy', 'other'; "
        "did you mean 'funding'?",
    ]


@settings(suppress_health_check=[HealthCheck.too_slow])  # snapshots() is slow to draw
@given(snapshots(max_actors=5, max_groups=1, max_grants=0, max_networks=0), st.data())
def test_snapshots_with_surveys_round_trip(s: Snapshot, data: st.DataObject) -> None:
    ids = [a.id for a in s.actors]
    waves = data.draw(st.lists(surveys(actor_ids=ids or None), max_size=2))
    s = attrs.evolve(s, surveys=tuple(waves))
    assert loads(dumps(s)) == s
    assert loads(dumps(s, format="json"), format="json") == s
    if ids:
        assert all(r.source is not EntityKind.SURVEY for r in s.index.dangling_references())
