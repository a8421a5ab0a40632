"""Surveys from CSV: the documented header, every kind of bad row, round trips, fuzzing."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import lape.io
from lape.errors import LapeError, LoadError
from lape.io import (
    MAX_SURVEY_PROBLEMS,
    SURVEY_COLUMNS,
    dumps_surveys,
    load_surveys,
    loads_surveys,
)
from lape.model import Answer, CollaborationLevel, Contribution, Frequency, Respondent, Survey
from lape.testing import surveys

D = dt.date(2017, 9, 15)
HEADER = ",".join(SURVEY_COLUMNS)


def _read(text: str, **kwargs: object) -> tuple[Survey, ...]:
    return loads_surveys(text, source="s.csv", **kwargs)  # type: ignore[arg-type]


def _error(text: str, **kwargs: object) -> str:
    with pytest.raises(LoadError) as caught:
        _read(text, **kwargs)
    return str(caught.value)


def test_a_full_row_and_a_short_one() -> None:
    text = (
        f"{HEADER}\n"
        "w1,2017-09-15,a,b,yes,weekly,integrated,4,3,2,1,2,3,funding;data\n"
        "w1,2017-09-15,a,c,no\n"  # a spreadsheet may leave out the empty cells at the end
        "w1,2017-09-15,b,a,,,,,,,,,,\n"
    )
    assert _read(text) == (
        Survey(
            id="w1",
            date=D,
            respondents=(
                Respondent(
                    actor="a",
                    contributions=frozenset({Contribution.FUNDING, Contribution.DATA}),
                    answers=(
                        Answer(
                            partner="b",
                            frequency=Frequency.WEEKLY,
                            level=CollaborationLevel.INTEGRATED,
                            power=4,
                            involvement=3,
                            resources=2,
                            reliability=1,
                            mission=2,
                            openness=3,
                        ),
                        Answer(partner="c", works_with=False),
                    ),
                ),
                Respondent(actor="b", answers=(Answer(partner="a"),)),
            ),
        ),
    )


def test_minimal_columns_with_the_survey_and_date_given() -> None:
    (s,) = _read("partner,respondent\nb,a\n", survey="w", date=D, name="N", members=("m",))
    assert s == Survey(
        id="w",
        date=D,
        name="N",
        members=("m",),
        respondents=(Respondent(actor="a", answers=(Answer(partner="b"),)),),
    )


def test_columns_win_over_arguments_and_waves_keep_their_order() -> None:
    text = (
        "survey,date,respondent,partner\nw2,2018-01-01,a,b\nw1,2017-01-01,b,a\nw2,2018-01-01,c,a\n"
    )
    found = _read(text, survey="ignored", date=D)
    assert [(s.id, s.date, s.respondent_ids()) for s in found] == [
        ("w2", dt.date(2018, 1, 1), ("a", "c")),
        ("w1", dt.date(2017, 1, 1), ("b",)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "\ufeffrespondent,partner,works_with\r\na,b,yes\r\n",  # byte-order mark, Windows lines
        "respondent;partner;works_with\na;b;YES\n",  # a spreadsheet set to Finnish
        "respondent\tpartner\tworks_with\na\tb\ttrue\n",
        "# a comment\n\nrespondent,partner,works_with\n# another\na,b,1\n\n",
        'respondent,partner,works_with\n"a","b",""\n',
    ],
)
def test_variants_of_the_same_file(text: str) -> None:
    assert _read(text, survey="w", date=D) == (
        Survey(
            id="w", date=D, respondents=(Respondent(actor="a", answers=(Answer(partner="b"),)),)
        ),
    )


def test_a_respondent_without_partners_and_contributions_on_any_row() -> None:
    text = (
        "respondent,partner,contributions\n"
        "a,,volunteers\n"
        "b,a,\n"
        "b,c,expertise | other\n"
        "b,d,other;expertise\n"
    )
    a, b = _read(text, survey="w", date=D)[0].respondents
    assert a == Respondent(actor="a", contributions=frozenset({Contribution.VOLUNTEERS}))
    assert b.contributions == {Contribution.EXPERTISE, Contribution.OTHER}
    assert [x.partner for x in b.answers] == ["a", "c", "d"]


_BAD_ROWS = [
    ("a,b,5", "row 2, column power: expected a rating 1-4, not '5'"),
    ("a,b,3.0", "row 2, column power: expected a rating 1-4, not '3.0'"),
    ("a,b,x", "row 2, column power: expected a rating 1-4, not 'x'"),
    (
        "a,b,,often",
        "row 2, column frequency: unknown frequency 'often'; expected one of yearly, "
        "quarterly, monthly, weekly, daily",
    ),
    (
        "a,b,,,cooperativ",
        "row 2, column level: unknown level 'cooperativ'; expected one of cooperative, "
        "coordinated, integrated; did you mean 'cooperative'?",
    ),
    ("a,b,,,,maybe", "row 2, column works_with: expected yes or no, not 'maybe'"),
    (
        "a,b,2,,,no",
        "row 2, column power: given for a partner the respondent does not work with",
    ),
    (
        "a,b,,weekly,,no",
        "row 2, column frequency: given for a partner the respondent does not work with",
    ),
    (",b", "row 2, column respondent: required, but empty"),
    (
        "a b,c",
        "row 2, column respondent: not an ID: 'a b' (letters, digits and . _ : / -, "
        "starting with a letter or digit)",
    ),
    (
        "a,-b",
        "row 2, column partner: not an ID: '-b' (letters, digits and . _ : / -, "
        "starting with a letter or digit)",
    ),
    ("a,a", "row 2, column partner: the respondent 'a' names itself"),
    ("a,,3", "row 2, column power: an answer without a partner"),
    (
        "a,b,,,,,fundng",
        "row 2, column contributions: unknown contributions 'fundng'; expected one of "
        "funding, in_kind, paid_staff, volunteers, data, information, expertise, "
        "community_connections, leadership, advocacy, other; did you mean 'funding'?",
    ),
    ("a,b,,,,,,extra", "row 2: 8 cells, more than the header's 7"),
]


@pytest.mark.parametrize(("row", "message"), _BAD_ROWS, ids=[m[:40] for _, m in _BAD_ROWS])
def test_each_bad_row_names_its_row_and_column(row: str, message: str) -> None:
    text = f"respondent,partner,power,frequency,level,works_with,contributions\n{row}\n"
    assert _error(text, survey="w", date=D) == f"s.csv: {message}"


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("w,2017-02-30,a,b", "row 2, column date: no such date: '2017-02-30'"),
        ("w,15.9.2017,a,b", "row 2, column date: expected a date (YYYY-MM-DD), not '15.9.2017'"),
        ("w,,a,b", "row 2, column date: expected a date (YYYY-MM-DD), not ''"),
        (",2017-09-15,a,b", "row 2, column survey: required, but empty"),
        (
            "w,2017-09-15,a,b\nw,2017-09-16,c,b",
            "row 3, column date: survey 'w' is dated 2017-09-15 in row 2, not 2017-09-16",
        ),
        (
            "w,2017-09-15,a,b\nw,2017-09-15,a,b",
            "row 3, column partner: respondent 'a' already answered about 'b' in row 2",
        ),
        (
            "w,2017-09-15,a,b,data\nw,2017-09-15,a,c,funding",
            "row 3, column contributions: respondent 'a' gives other contributions in row 2: data",
        ),
    ],
)
def test_bad_rows_of_a_file_with_several_waves(rows: str, message: str) -> None:
    assert _error(f"survey,date,respondent,partner,contributions\n{rows}\n") == f"s.csv: {message}"


def test_the_same_pair_in_two_waves_is_fine() -> None:
    text = "survey,date,respondent,partner\nw1,2017-01-01,a,b\nw2,2018-01-01,a,b\n"
    assert len(_read(text)) == 2


@pytest.mark.parametrize(
    ("text", "kwargs", "message"),
    [
        ("", {}, "the file is empty; expected a header naming the columns"),
        ("# only a comment\n\n", {}, "the file is empty; expected a header naming the columns"),
        (
            "respondent,partner,trust\n",
            {"survey": "w", "date": D},
            "row 1, column trust: unknown column 'trust' (known: survey, date, respondent, "
            "partner, works_with, frequency, level, power, involvement, resources, "
            "reliability, mission, openness, contributions)",
        ),
        (
            "respondent,partner,Power\n",
            {"survey": "w", "date": D},
            "row 1, column Power: unknown column 'Power'; did you mean 'power'? (known: survey, "
            "date, respondent, partner, works_with, frequency, level, power, involvement, "
            "resources, reliability, mission, openness, contributions)",
        ),
        (
            "respondent,partner,partner\n",
            {"survey": "w", "date": D},
            "row 1, column partner: the column is given twice",
        ),
        (
            "respondent,power\n",
            {"survey": "w", "date": D},
            "row 1: no column 'partner' (the header must name it)",
        ),
        ("respondent,partner\n", {"date": D}, "row 1: no column 'survey' and no survey ID given"),
        ("respondent,partner\n", {"survey": "w"}, "row 1: no column 'date' and no date given"),
        (
            'respondent,partner\n"a,b\n',
            {"survey": "w", "date": D},
            "row 2: not valid CSV: unexpected end of data",
        ),
    ],
)
def test_bad_headers_and_files(text: str, kwargs: dict[str, object], message: str) -> None:
    assert _error(text, **kwargs) == f"s.csv: {message}"


def test_every_bad_row_is_reported_up_to_a_cap() -> None:
    rows = "".join(f"a{i},b,9\n" for i in range(MAX_SURVEY_PROBLEMS + 5))
    with pytest.raises(LoadError) as caught:
        _read(f"respondent,partner,power\n{rows}", survey="w", date=D)
    problems = caught.value.problems
    assert len(problems) == MAX_SURVEY_PROBLEMS + 1
    assert [p.path for p in problems[:2]] == ["row 2, column power", "row 3, column power"]
    assert str(problems[-1]) == "and 5 more problems"


def test_an_empty_survey_reads_as_nothing() -> None:
    assert _read("respondent,partner\n", survey="w", date=D) == ()


# -- files ------------------------------------------------------------------------------


def test_load_from_a_file_takes_its_id_from_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "wave-2017.csv"
    path.write_text("respondent,partner\na,b\n", encoding="utf-8")
    (s,) = load_surveys(path, date=D)
    assert s.id == "wave-2017"
    (t,) = load_surveys(path, survey="other", date=D)
    assert t.id == "other"


def test_a_file_name_that_is_no_id_needs_a_survey_id(tmp_path: Path) -> None:
    path = tmp_path / "my survey.csv"
    path.write_text("respondent,partner\na,b\n", encoding="utf-8")
    with pytest.raises(LoadError, match="no column 'survey' and no survey ID given"):
        load_surveys(path, date=D)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("dir", "is a directory, not a file"),
        (
            b"respondent,partner\n\xff,b\n",
            "not UTF-8 text (byte 19: b'\\xff'); save the file as UTF-8",
        ),
        (
            "respondent,partner\n".encode("utf-16"),
            "not UTF-8 text: it is UTF-16; save the file as UTF-8",
        ),
        (
            b"respondent,partner\n" + b"a,b\n" * 10,
            "file is 59 bytes, larger than the limit of 40 bytes",
        ),
    ],
)
def test_files_that_cannot_be_read(tmp_path: Path, content: object, message: str) -> None:
    path = tmp_path / "s.csv"
    if content == "dir":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    with pytest.raises(LoadError) as caught:
        load_surveys(path, survey="w", date=D, max_bytes=40)
    assert str(caught.value) == f"{path}: {message}"


def test_the_bundled_example_reads_back_from_its_dump() -> None:
    waves = lape.io.example_surveys()
    name = waves[0].name
    assert "illustrative" in name
    assert loads_surveys(dumps_surveys(waves), name=name) == waves


# -- properties -------------------------------------------------------------------------


@given(surveys())
def test_a_survey_round_trips_through_csv(s: Survey) -> None:
    text = dumps_surveys([s])
    back = loads_surveys(text, name=s.name, members=s.members)
    expected = (attrs.evolve(s, description=None),) if s.respondents else ()  # no description
    assert back == expected


_CSV_TEXT = st.lists(
    st.lists(
        st.one_of(
            st.sampled_from(["a", "b", "c", "yes", "no", "", "3", "5", "weekly", "data;funding"]),
            st.text(max_size=6),
        ),
        max_size=len(SURVEY_COLUMNS) + 1,
    ),
    max_size=6,
)


@given(st.lists(st.sampled_from(SURVEY_COLUMNS), max_size=6), _CSV_TEXT, st.booleans())
def test_only_load_errors_come_out(header: list[str], rows: list[list[str]], sep: bool) -> None:
    delimiter = ";" if sep else ","
    text = "\n".join(delimiter.join(row) for row in [header, *rows])
    with contextlib.suppress(LapeError):
        loads_surveys(text, survey="w", date=D)


@given(st.text(max_size=200))
def test_any_text_gives_surveys_or_a_load_error(text: str) -> None:
    try:
        loads_surveys(text, survey="w", date=D)
    except LoadError as exc:
        error = exc
    else:
        return
    assert error.problems
