"""Collaboration surveys as CSV: one row per respondent-partner pair.

The header names the columns (any order; only ``respondent`` and ``partner``
are required):

=================  ============================================================
column             value
=================  ============================================================
``survey``         the survey's ID (several waves may share one file)
``date``           the survey's date, ``YYYY-MM-DD`` (the same on every row of a survey)
``respondent``     the ID of the actor who answered
``partner``        the ID of the actor the answer is about; empty for a
                   respondent who names no partner (a row for its contributions)
``works_with``     ``yes`` or ``no`` (also ``true``/``false``, ``1``/``0``);
                   empty: ``yes``
``frequency``      ``yearly``, ``quarterly``, ``monthly``, ``weekly``, ``daily``
``level``          ``cooperative``, ``coordinated``, ``integrated``
``power``          value: power and influence, 1-4
``involvement``    value: level of involvement, 1-4
``resources``      value: resource contribution, 1-4
``reliability``    trust: reliability, 1-4
``mission``        trust: support of the shared mission, 1-4
``openness``       trust: openness to discussion, 1-4
``contributions``  what the respondent contributes, separated by ``;``: ``funding``,
                   ``in_kind``, ``paid_staff``, ``volunteers``, ``data``,
                   ``information``, ``expertise``, ``community_connections``,
                   ``leadership``, ``advocacy``, ``other`` (on any of its rows;
                   rows that give it agree)
=================  ============================================================

Empty cells are "not answered"; blank lines and lines that start with ``#``
(comments) are skipped. The file is UTF-8 (a byte-order mark is
allowed, as spreadsheets write one); cells are separated by commas, or by
semicolons or tabs when the header is (as a spreadsheet set to Finnish writes
it). Row numbers count the header as row 1, as a spreadsheet shows them.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import enum
import functools
import io
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar

from lape.errors import LoadError, Problem
from lape.io._files import read_text
from lape.model import (
    ID_PATTERN,
    RATINGS,
    Answer,
    CollaborationLevel,
    Contribution,
    Frequency,
    Respondent,
    Survey,
)

__all__ = [
    "MAX_SURVEY_PROBLEMS",
    "SURVEY_COLUMNS",
    "dumps_surveys",
    "load_surveys",
    "loads_surveys",
]

SURVEY_COLUMNS: Final = (
    "survey",
    "date",
    "respondent",
    "partner",
    "works_with",
    "frequency",
    "level",
    *RATINGS,
    "contributions",
)
"""The columns of a survey CSV file, in the order :func:`dumps_surveys` writes them."""

MAX_SURVEY_PROBLEMS: Final = 20
"""A :class:`~lape.errors.LoadError` from a survey CSV lists at most this many
problems, then how many more there are."""

_DEFAULT_MAX_BYTES: Final = 64 * 1024 * 1024
_REQUIRED: Final = ("respondent", "partner")
_YES: Final = frozenset({"yes", "true", "1"})
_NO: Final = frozenset({"no", "false", "0"})
_SEPARATORS: Final = re.compile(r"[;,|\s]+")
_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

E = TypeVar("E", bound=enum.Enum)


class _RowError(Exception):
    """A problem with one cell; ``column`` is ``None`` for the whole row."""

    def __init__(self, column: str | None, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


def load_surveys(
    path: str | os.PathLike[str],
    *,
    survey: str | None = None,
    date: dt.date | None = None,
    name: str = "",
    members: Sequence[str] = (),
    max_bytes: int = _DEFAULT_MAX_BYTES,
) -> tuple[Survey, ...]:
    """Read the surveys in a CSV file (see the module's docs for the columns).

    ``survey`` and ``date`` give the ID and the date of a file without the
    ``survey`` or ``date`` column (a column wins over the argument); without
    both a ``survey`` column and ``survey``, the ID is the file's name without
    its suffix (``wave-2017`` for ``wave-2017.csv``), when that is an ID. ``name``
    and ``members`` (:attr:`~lape.model.Survey.members`) go to every survey
    read. The surveys come in the order the file first names them.

    Raises :class:`~lape.errors.LoadError` naming the file and, for each
    problem, the row and the column (at most :data:`MAX_SURVEY_PROBLEMS` of them,
    then how many more): a missing file, bytes that are not UTF-8, an unknown
    or missing column, a value that is not what its column takes, a pair given
    twice, a rating for a partner the respondent does not work with.
    """
    p = Path(path)
    source = str(path)
    text = read_text(p, source, max_bytes)
    if survey is None and ID_PATTERN.fullmatch(p.stem):
        survey = p.stem
    return loads_surveys(text, source=source, survey=survey, date=date, name=name, members=members)


def loads_surveys(
    text: str,
    *,
    source: str = "<string>",
    survey: str | None = None,
    date: dt.date | None = None,
    name: str = "",
    members: Sequence[str] = (),
) -> tuple[Survey, ...]:
    """Read the surveys in CSV ``text``; ``source`` names it in errors (see
    :func:`load_surveys` for the rest).

    >>> text = '''respondent,partner,works_with,frequency,power,reliability,contributions
    ... kuopio-sote,ps-shp,yes,monthly,4,3,funding;expertise
    ... kuopio-sote,kuopio-srk,no,,,,
    ... '''
    >>> (s,) = loads_surveys(text, survey="wave-1", date=dt.date(2017, 9, 15))
    >>> s.roster(), s.respondents[0].answers[0].power
    (('kuopio-sote', 'ps-shp', 'kuopio-srk'), 4)
    >>> loads_surveys(text.replace(",4,", ",5,"), source="s.csv", survey="w", date=s.date)
    Traceback (most recent call last):
    ...
    lape.errors.LoadError: s.csv: row 2, column power: expected a rating 1-4, not '5'
    """
    return _Reader(source, survey, date, name, tuple(members)).read(text.removeprefix("\ufeff"))


class _Reader:
    """Reads one CSV text into surveys, collecting every problem with its row and column."""

    def __init__(
        self,
        source: str,
        survey: str | None,
        date: dt.date | None,
        name: str,
        members: tuple[str, ...],
    ) -> None:
        self.source = source
        self.default_survey = survey
        self.default_date = date
        self.name = name
        self.members = members
        self.problems: list[Problem] = []
        self.more = 0
        """Problems found beyond :data:`MAX_SURVEY_PROBLEMS`."""

    def problem(self, row: int | None, column: str | None, message: str) -> None:
        if len(self.problems) >= MAX_SURVEY_PROBLEMS:
            self.more += 1
            return
        where = [] if row is None else [f"row {row}"]
        if column is not None:
            where.append(f"column {column}")
        self.problems.append(Problem(", ".join(where), message))

    def fail(self) -> LoadError:
        problems = list(self.problems)
        if self.more:
            problems.append(Problem("", f"and {self.more} more problems"))
        return LoadError(self.source, problems)

    def read(self, text: str) -> tuple[Survey, ...]:
        lines = (line for line in text.splitlines() if line.strip() and not _comment(line))
        header_line = next(lines, "")
        delimiter = max((",", ";", "\t"), key=header_line.count)
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        numbered = (
            (number, cells)
            for number, cells in enumerate(rows, start=1)
            if any(cell.strip() for cell in cells) and not _comment(cells[0])
        )
        try:
            number, header = next(numbered, (0, []))
            if not header:
                msg = "the file is empty; expected a header naming the columns"
                raise LoadError(self.source, [Problem("", msg)])
            columns = self.columns(number, header)
            surveys = self.surveys(numbered, columns, len(header))
        except csv.Error as exc:
            raise LoadError(
                self.source, [Problem(f"row {rows.line_num}", f"not valid CSV: {exc}")]
            ) from None
        if self.problems:
            raise self.fail()
        return surveys

    def columns(self, row: int, header: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for i, cell in enumerate(header):
            column = cell.strip()
            if column not in SURVEY_COLUMNS:
                close = difflib.get_close_matches(column.lower(), SURVEY_COLUMNS, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                known = ", ".join(SURVEY_COLUMNS)
                self.problem(row, column, f"unknown column {column!r}{hint} (known: {known})")
            elif column in found:
                self.problem(row, column, "the column is given twice")
            else:
                found[column] = i
        for column in _REQUIRED:
            if column not in found:
                self.problem(row, None, f"no column {column!r} (the header must name it)")
        if "survey" not in found and self.default_survey is None:
            self.problem(row, None, "no column 'survey' and no survey ID given")
        if "date" not in found and self.default_date is None:
            self.problem(row, None, "no column 'date' and no date given")
        if self.problems:
            raise self.fail()
        return found

    def surveys(
        self, rows: Iterable[tuple[int, list[str]]], columns: dict[str, int], width: int
    ) -> tuple[Survey, ...]:
        # survey ID -> (date, first row) and respondent -> [contributions, row, answers]
        dates: dict[str, tuple[dt.date, int]] = {}
        respondents: dict[str, dict[str, _Respondent]] = {}
        pairs: dict[tuple[str, str, str], int] = {}
        for number, cells in rows:
            if len(cells) > width and any(cell.strip() for cell in cells[width:]):
                msg = f"{len(cells)} cells, more than the header's {width}"
                self.problem(number, None, msg)
                continue
            cells = cells + [""] * (width - len(cells))  # a spreadsheet may drop empty ones
            try:
                self.row(number, cells, columns, dates, respondents, pairs)
            except _RowError as exc:
                self.problem(number, exc.column, exc.message)
        if self.problems:
            return ()
        found = []
        for survey_id, date_row in dates.items():
            built = [
                Respondent(
                    actor=actor,
                    contributions=r.contributions or frozenset(),
                    answers=tuple(r.answers),
                )
                for actor, r in respondents[survey_id].items()
            ]
            try:
                found.append(
                    Survey(
                        id=survey_id,
                        date=date_row[0],
                        name=self.name,
                        members=self.members,
                        respondents=tuple(built),
                    )
                )
            except (TypeError, ValueError) as exc:  # the checks above should catch it all
                self.problem(None, None, f"survey {survey_id!r}: {exc}")
        return tuple(found)

    def row(
        self,
        number: int,
        cells: list[str],
        columns: dict[str, int],
        dates: dict[str, tuple[dt.date, int]],
        respondents: dict[str, dict[str, _Respondent]],
        pairs: dict[tuple[str, str, str], int],
    ) -> None:
        def cell(column: str) -> str:
            i = columns.get(column)
            return "" if i is None else cells[i].strip()

        survey_id = _id(cell("survey"), "survey") if "survey" in columns else self.default_survey
        assert survey_id is not None  # the header check saw to it
        day = _date(cell("date")) if "date" in columns else self.default_date
        assert day is not None
        known = dates.setdefault(survey_id, (day, number))
        if known[0] != day:
            msg = (
                f"survey {survey_id!r} is dated {known[0].isoformat()} in row {known[1]}, "
                f"not {day.isoformat()}"
            )
            raise _RowError("date", msg)
        actor = _id(cell("respondent"), "respondent")
        partner_text = cell("partner")
        contributions = _contributions(cell("contributions"))
        mine = respondents.setdefault(survey_id, {}).setdefault(actor, _Respondent(number))
        if contributions is not None:
            if mine.contributions is not None and mine.contributions != contributions:
                msg = (
                    f"respondent {actor!r} gives other contributions in row "
                    f"{mine.contributions_row}: {_listed(mine.contributions)}"
                )
                raise _RowError("contributions", msg)
            mine.contributions, mine.contributions_row = contributions, number
        if not partner_text:
            for column in ("works_with", "frequency", "level", *RATINGS):
                if cell(column):
                    raise _RowError(column, "an answer without a partner")
            return
        partner = _id(partner_text, "partner")
        if partner == actor:
            raise _RowError("partner", f"the respondent {actor!r} names itself")
        first = pairs.setdefault((survey_id, actor, partner), number)
        if first != number:
            msg = f"respondent {actor!r} already answered about {partner!r} in row {first}"
            raise _RowError("partner", msg)
        works_with = _yes_no(cell("works_with"))
        values: dict[str, Any] = {
            "frequency": _enum(cell("frequency"), Frequency, "frequency"),
            "level": _enum(cell("level"), CollaborationLevel, "level"),
        }
        values.update({name: _rating(cell(name), name) for name in RATINGS})
        if not works_with:
            for column, value in values.items():
                if value is not None:
                    raise _RowError(column, "given for a partner the respondent does not work with")
        mine.answers.append(Answer(partner=partner, works_with=works_with, **values))


class _Respondent:
    """A respondent's rows gathered so far."""

    __slots__ = ("answers", "contributions", "contributions_row", "row")

    def __init__(self, row: int) -> None:
        self.row = row
        self.contributions: frozenset[Contribution] | None = None
        self.contributions_row = row
        self.answers: list[Answer] = []


def _comment(text: str) -> bool:
    return text.lstrip().startswith("#")


def _id(text: str, column: str) -> str:
    if not text:
        raise _RowError(column, "required, but empty")
    if ID_PATTERN.fullmatch(text) is None:
        msg = (
            f"not an ID: {text!r} (letters, digits and . _ : / -, starting with a letter or digit)"
        )
        raise _RowError(column, msg)
    return text


def _date(text: str) -> dt.date:
    if not _DATE.fullmatch(text):
        raise _RowError("date", f"expected a date (YYYY-MM-DD), not {text!r}")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _RowError("date", f"no such date: {text!r}") from None


def _yes_no(text: str) -> bool:
    value = text.lower()
    if not value or value in _YES:
        return True
    if value in _NO:
        return False
    raise _RowError("works_with", f"expected yes or no, not {text!r}")


def _rating(text: str, column: str) -> int | None:
    if not text:
        return None
    if text not in ("1", "2", "3", "4"):
        raise _RowError(column, f"expected a rating 1-4, not {text!r}")
    return int(text)


@functools.cache
def _members(cls: type[E]) -> dict[str, E]:
    return {str(member.value): member for member in cls}


def _enum(text: str, cls: type[E], column: str) -> E | None:
    if not text:
        return None
    members: dict[str, E] = _members(cls)
    found = members.get(text)
    if found is None:
        values = list(members)
        close = difflib.get_close_matches(text.lower(), values, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        allowed = ", ".join(values)
        raise _RowError(column, f"unknown {column} {text!r}; expected one of {allowed}{hint}")
    return found


def _contributions(text: str) -> frozenset[Contribution] | None:
    if not text:
        return None
    found = set()
    for part in _SEPARATORS.split(text):
        if part:
            value = _enum(part, Contribution, "contributions")
            assert value is not None
            found.add(value)
    return frozenset(found)


def _listed(contributions: frozenset[Contribution]) -> str:
    return ";".join(sorted(c.value for c in contributions)) or "none"


def dumps_surveys(surveys: Iterable[Survey]) -> str:
    """The surveys as CSV text with every column of :data:`SURVEY_COLUMNS`, which
    :func:`loads_surveys` reads back to equal surveys (given the same ``name``
    and ``members``, which the file does not hold).

    Each respondent's contributions stand on its first row; a respondent with
    no answer gets one row without a partner.

    >>> import datetime as dt
    >>> from lape.model import Answer, Respondent, Survey
    >>> s = Survey(id="w1", date=dt.date(2017, 9, 15), respondents=(
    ...     Respondent(actor="a", answers=(Answer(partner="b", power=3),)),))
    >>> print(dumps_surveys([s]), end="")
    survey,date,respondent,partner,works_with,frequency,level,power,involvement,resources,reliability,mission,openness,contributions
    w1,2017-09-15,a,b,yes,,,3,,,,,,
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SURVEY_COLUMNS)
    for survey in surveys:
        day = survey.date.isoformat()
        for respondent in survey.respondents:
            contributions = _listed(respondent.contributions) if respondent.contributions else ""
            if not respondent.answers:
                writer.writerow([survey.id, day, respondent.actor, "", *[""] * 9, contributions])
            for answer in respondent.answers:
                writer.writerow(
                    [
                        survey.id,
                        day,
                        respondent.actor,
                        answer.partner,
                        "yes" if answer.works_with else "no",
                        "" if answer.frequency is None else answer.frequency.value,
                        "" if answer.level is None else answer.level.value,
                        *("" if (v := getattr(answer, r)) is None else str(v) for r in RATINGS),
                        contributions,
                    ]
                )
                contributions = ""
    return out.getvalue()
