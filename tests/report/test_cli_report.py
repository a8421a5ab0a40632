"""``lape report``: writes one HTML file, or nothing and exit code 2 for bad input."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

import lape
from lape.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), stdout=out)
    return code, out.getvalue()


@pytest.fixture
def example_file(tmp_path: Path) -> Path:
    path = tmp_path / "ps.yaml"
    path.write_text(lape.io.example_text(), encoding="utf-8")
    return path


def test_report_to_a_file(example_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    code, text = run("report", str(example_file), "--lang", "fi", "-o", str(target))
    assert code == 0
    assert text == f"Kirjoitettu {target} (HTML)\n"  # in the language asked for
    page = target.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="fi">')
    assert "LAPE-G04" in page
    assert 'id="timeline"' in page
    assert f"lape check {example_file} --as-of 2017-10-01 --format json" in page


def test_report_to_standard_output_a_day_and_no_timeline() -> None:
    code, page = run("report", "--example", "--as-of", "2023-06-01", "--no-timeline")
    assert code == 0
    assert 'As of <time datetime="2023-06-01">' in page
    assert "LAPE-N07" in page
    assert 'id="timeline"' not in page


def test_report_with_a_timeline_range() -> None:
    code, page = run(
        "report", "--example", "--from", "2017-01-01", "--to", "2019-01-01", "--step", "6m"
    )
    assert code == 0
    assert page.count('<th scope="row">201') >= 5  # the table of the timeline's values


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--from", "2017-01-01"], "give both --from and --to, or neither"),
        (["--from", "2017-01-01", "--to", "2016-01-01"], "the range ends (2016-01-01) before"),
        (["--no-timeline", "--from", "2017-01-01", "--to", "2018-01-01"], "--no-timeline cannot"),
        (["--as-of", "2017-02-30"], "not a date"),
    ],
)
def test_bad_arguments_exit_2_and_write_nothing(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.html"
    code, text = run("report", "--example", "-o", str(target), *argv)
    assert (code, text) == (2, "")
    assert message in capsys.readouterr().err
    assert not target.exists()


def test_bad_input_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("groups:\n  - id: g\n    kind: nonsense\n", encoding="utf-8")
    target = tmp_path / "report.html"
    code, text = run("report", str(bad), "-o", str(target))
    assert (code, text) == (2, "")
    err = capsys.readouterr().err
    assert str(bad) in err
    assert "groups[0]" in err
    assert "Traceback" not in err
    assert not target.exists()


def test_the_input_is_never_the_output(
    example_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = example_file.read_text(encoding="utf-8")
    code, _ = run("report", str(example_file), "-o", str(example_file))
    assert code == 2
    assert "the report is an HTML file; name it .html" in capsys.readouterr().err
    assert example_file.read_text(encoding="utf-8") == before
    alias = example_file.with_suffix(".html")  # the same file under an HTML name
    alias.hardlink_to(example_file)
    code, _ = run("report", str(example_file), "-o", str(alias))
    assert code == 2
    assert "is the input file" in capsys.readouterr().err
    assert example_file.read_text(encoding="utf-8") == before


def test_the_html_goes_out_as_utf_8_whatever_the_terminal_encoding() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lape", "report", "--example", "--lang", "fi", "--no-timeline"],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "cp1252"},
    )
    assert done.returncode == 0, done.stderr
    page = done.stdout.decode("utf-8")  # not cp1252, and no \\u escapes
    assert '<meta charset="utf-8">' in page
    assert "\u2716" in page
    assert "\\u2716" not in page


def test_as_a_command(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    done = subprocess.run(
        [sys.executable, "-m", "lape", "report", "--example", "-o", str(target), "--no-timeline"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert target.stat().st_size > 10_000
