"""Counts read right in every language-neutral repr and text: ``1 error``, ``2 errors``."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

import lape
from lape._wording import more
from lape.rules import check, report_summary


def test_a_report_with_one_error_and_one_warning_says_so() -> None:
    example = lape.example()
    one_error = check(example, select=["LAPE-G04"])
    assert repr(one_error) == (
        "<Report 2017-10-01: does not conform; 1 error, 0 warnings, 0 info, 0 unknown>"
    )
    in_2023 = check(example, as_of=dt.date(2023, 6, 1), select=["LAPE-N05", "LAPE-N07"])
    assert "1 error, 1 warning," in repr(in_2023)
    assert "3 errors, 0 warnings" in repr(check(example))


def test_the_summary_and_the_comparison_count_in_the_singular_too() -> None:
    example = lape.example()
    one = check(example, select=["LAPE-G04"])
    assert repr(report_summary(one, example)) == (
        "<ReportSummary 2017-10-01: 1 finding, 1 rule, 1 region, 1 subject>"
    )
    from lape.network import compare_snapshots

    same = compare_snapshots(example, example)
    assert "0 pairs gained" in repr(same)


def test_the_more_line_of_the_displays() -> None:
    assert more(1, "en") == "1 more finding not shown"
    assert more(2, "en") == "2 more findings not shown"
    assert more(1, "fi") == "1 havainto lisää ei näytetä"
    assert more(5, "sv") == "5 iakttagelser till visas inte"


def test_a_survey_of_one_member_and_a_timeline_with_one_more_rule() -> None:
    from lape.model import Survey
    from lape.network import survey_report, timeline

    lone = Survey(id="lone", date=dt.date(2017, 10, 1), members=("kuopio-sote",))
    text = survey_report(lape.example(), lone).to_text()
    assert "  1 member, 0 answered (response rate 0.0 %)" in text.splitlines()
    yearly = timeline(lape.example(), [dt.date(2017, 10, 1)])
    lines = yearly.to_text(limit=3).splitlines()
    assert lines[0].endswith("(1 date)")
    assert lines[-1] == (
        "  2017-10-01  LAPE-G04 (1 error), LAPE-G05 (1 error), LAPE-G06 (1 info), and 1 more rule"
    )


@pytest.mark.parametrize(
    ("lang", "one"), [("fi", "1 kohde."), ("sv", "1 föremål."), ("en", "1 subject.")]
)
def test_the_browser_report_counts_one_subject_in_the_singular(lang: str, one: str) -> None:
    argv = ["report", "--example", "--as-of", "2019-10-01", "--lang", lang, "--no-timeline"]
    done = subprocess.run(
        [sys.executable, "-m", "lape", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert '<h2 id="by-subject-h">' in done.stdout
    assert f"</h2><p>{one}</p>" in done.stdout


def test_the_browser_reports_more_lines_count_one_in_the_singular() -> None:
    from lape.report._text import w

    assert w("more_rows", "en", n=1) == "1 more row not shown."
    assert w("more_rows", "fi", n=2) == "2 riviä lisää ei näytetä."
    assert w("not_shown", "sv", n=1, command="c").startswith("1 iakttagelse till visas inte")


def test_one_node_one_dot_one_rule_in_every_language() -> None:
    from lape.network import collaboration_graph, summarize
    from lape.report import html

    one = lape.loads(
        "info: {title: One, as_of: 2017-06-01}\n"
        "actors:\n  - {id: a, name: A, kind: parish, municipalities: [Kuopio]}\n"
    )
    summary = summarize(collaboration_graph(one), one)
    assert "the largest 1 node," in summary.to_text(lang="en")
    assert "suurin 1 solmu," in summary.to_text(lang="fi")
    assert "den största 1 nod," in summary.to_text(lang="sv")
    page = html(one, timeline=False)
    assert "(1 dot)" in page
    report = check(one, select=["LAPE-G04"])
    assert "1 sääntö " in html(one, report=report, lang="fi", timeline=False)
