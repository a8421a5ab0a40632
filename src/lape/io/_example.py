"""The bundled example: an illustrative snapshot of Pohjois-Savo in 2017, and an
illustrative collaboration survey of its actors in two waves."""

from __future__ import annotations

from importlib import resources

from lape.io._files import loads
from lape.io._survey_csv import loads_surveys
from lape.model import Snapshot, Survey

__all__ = ["EXAMPLE_NAME", "EXAMPLE_SURVEY_NAME", "example", "example_surveys", "example_text"]

EXAMPLE_NAME = "example.yaml"
EXAMPLE_SURVEY_NAME = "example_survey.csv"


def example_text() -> str:
    """The YAML text of the bundled example (what ``lape example`` prints)."""
    return resources.files("lape.io").joinpath(EXAMPLE_NAME).read_text(encoding="utf-8")


def example() -> Snapshot:
    """The bundled example snapshot: real places, invented memberships (illustrative)."""
    return loads(example_text(), source=f"<bundled {EXAMPLE_NAME}>")


def example_surveys() -> tuple[Survey, ...]:
    """The bundled example survey (``example_survey.csv``): two waves, 2017-09-15 and
    2018-09-14, of an invented PARTNER-style survey of ten of the example's actors
    (illustrative: every answer is invented), oldest first.

    >>> [(s.id, s.date.isoformat(), len(s.respondents)) for s in example_surveys()]
    [('ps-survey-2017', '2017-09-15', 8), ('ps-survey-2018', '2018-09-14', 9)]
    """
    text = resources.files("lape.io").joinpath(EXAMPLE_SURVEY_NAME).read_text(encoding="utf-8")
    name = "Pohjois-Savo collaboration survey (illustrative)"
    return loads_surveys(text, source=f"<bundled {EXAMPLE_SURVEY_NAME}>", name=name)
