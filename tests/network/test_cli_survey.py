"""``lape survey``: text and JSON, two waves, and bad input without tracebacks: as a real
process, the way people run it, and (for the many small cases) through ``main()``."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import lape
from lape.cli import main


def lape_cli(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lape", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
    )


def lape_main(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    out = io.StringIO()
    code = main(list(argv), stdout=out)
    return code, out.getvalue(), capsys.readouterr().err


@pytest.fixture(scope="module")
def snapshot_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("survey") / "ps.yaml"
    path.write_text(lape.io.example_text(), encoding="utf-8")
    return path


CSV = (
    "respondent,partner,works_with,power,reliability\n"
    "kuopio-sote,ps-shp,yes,4,3\n"
    "ps-shp,kuopio-sote,yes,3,4\n"
    "kuopio-sivistys,suonenjoki-sivistys,yes,2,4\n"
)


def test_the_example_as_text() -> None:
    run = lape_cli("survey", "--example")
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    lines = run.stdout.splitlines()
    assert lines[0] == (
        "Collaboration survey ps-survey-2018, 2018-09-14 "
        "(Pohjois-Savo collaboration survey (illustrative))"
    )
    assert "  10 members, 9 answered (response rate 90.0 %)" in lines
    assert "  value 2.94 / 4 (73.4 %), trust 3.59 / 4 (89.8 %)" in lines
    assert "  working ties with no formal tie: 2" in lines
    assert "Changes from" not in run.stdout


def test_the_example_with_its_first_wave_as_json() -> None:
    run = lape_cli("survey", "--example", "--compare", "ps-survey-2017", "--format", "json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert (data["survey"], data["date"]) == ("ps-survey-2018", "2018-09-14")
    assert data["measures"]["density"] == 0.3778
    assert data["formal"]["totals"]["surveyed_only"] == 2
    assert data["formal"]["as_of"] == "2018-09-14"
    changes = data["changes"]
    assert (changes["before"], changes["after"]) == ("ps-survey-2017", "ps-survey-2018")
    assert [t["change"] for t in changes["ties"]] == ["gained"] * 3 + ["lost"]
    assert {m["measure"]: m["change"] for m in changes["measures"]}["respondents"] == 1
    assert len(data["scores"]) == 10


def test_choose_a_survey(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = lape_main(
        "survey", "--example", "--survey", "ps-survey-2017", "--most", "1", capsys=capsys
    )
    assert code == 0, err
    assert out.startswith("Collaboration survey ps-survey-2017, 2017-09-15")
    assert "  ... and 9 more" in out


def test_a_csv_file_dated_by_the_snapshot(
    snapshot_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "wave-1.csv"
    csv.write_text(CSV, encoding="utf-8")
    code, out, err = lape_main(
        "survey", str(snapshot_file), "--csv", str(csv), "--format", "json", capsys=capsys
    )
    assert code == 0, err
    data = json.loads(out)
    assert (data["survey"], data["date"]) == ("wave-1", "2017-10-01")  # the file's as_of
    assert data["measures"]["ties"] == 2
    code, out, err = lape_main(
        "survey", str(snapshot_file), "--csv", str(csv), "--date", "2018-01-31", capsys=capsys
    )
    assert out.startswith("Collaboration survey wave-1, 2018-01-31")


def test_compare_with_a_csv_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "later.csv"
    csv.write_text(CSV, encoding="utf-8")
    code, out, err = lape_main(
        "survey", "--example", "--survey", "ps-survey-2017", "--compare", str(csv),
        "--date", "2019-01-01", capsys=capsys,
    )  # fmt: skip
    assert code == 0, err
    assert "Changes from ps-survey-2017 (2017-09-15) to later (2019-01-01):" in out


def test_compare_with_another_snapshot_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, _ = lape.io.example_surveys()
    other = tmp_path / "earlier.json"
    other.write_text(
        lape.io.dumps(attrs.evolve(lape.example(), surveys=(first,)), format="json"),
        encoding="utf-8",
    )
    code, out, err = lape_main("survey", "--example", "--compare", str(other), capsys=capsys)
    assert code == 0, err
    assert "Changes from ps-survey-2017 (2017-09-15) to ps-survey-2018 (2018-09-14):" in out


@pytest.mark.parametrize(
    ("csv", "message"),
    [
        (
            "respondent,partner,power\nkuopio-sote,ps-shp,7\n",
            "lape: {csv}: row 2, column power: expected a rating 1-4, not '7'\n",
        ),
        (
            "respondent,partner,levle\nkuopio-sote,ps-shp,integrated\n",
            "lape: {csv}: row 1, column levle: unknown column 'levle'; did you mean 'level'? "
            "(known: survey, date, respondent, partner, works_with, frequency, level, power, "
            "involvement, resources, reliability, mission, openness, contributions)\n",
        ),
        (
            "respondent,partner\nkuopio-sote,kuopio-sote\n",
            "lape: {csv}: row 2, column partner: the respondent 'kuopio-sote' names itself\n",
        ),
    ],
)
def test_a_bad_csv_row_is_one_line_and_exit_2(
    snapshot_file: Path, tmp_path: Path, csv: str, message: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(csv, encoding="utf-8")
    before = sorted(tmp_path.iterdir())
    run = lape_cli("survey", str(snapshot_file), "--csv", str(path), cwd=tmp_path)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr == message.format(csv=path)
    assert "Traceback" not in run.stderr
    assert sorted(tmp_path.iterdir()) == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--survey", "nope"], "lape: {snapshot}: no survey 'nope'; the surveys: wave"),
        (
            ["--compare", "nope"],
            "lape: no survey 'nope' to compare with; the surveys: wave, "
            "or give a .csv or snapshot file",
        ),
        (["--compare", "missing.csv"], "lape: missing.csv: no such file"),
        (["--compare", "missing.yaml"], "lape: missing.yaml: no such file"),
        (["--compare", "empty.csv"], "lape: empty.csv: no surveys"),
        (["--most", "-1"], "lape: --most must not be negative, not -1"),
        (
            ["--date", "2017-13-01"],
            "lape survey: argument --date: not a date (YYYY-MM-DD): '2017-13-01'",
        ),
    ],
)
def test_bad_arguments_exit_2(
    snapshot_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    csv = tmp_path / "wave.csv"
    csv.write_text(CSV, encoding="utf-8")
    (tmp_path / "empty.csv").write_text("respondent,partner\n", encoding="utf-8")
    code, out, err = lape_main(
        "survey", str(snapshot_file), "--csv", str(csv), *argv, capsys=capsys
    )
    assert code == 2
    assert out == ""
    assert err.splitlines() == [message.format(snapshot=snapshot_file)]


def test_a_snapshot_without_surveys(
    snapshot_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = lape_main("survey", str(snapshot_file), capsys=capsys)
    assert (code, out) == (2, "")
    assert err == (
        f"lape: {snapshot_file}: no surveys (add a surveys: section, or give --csv FILE)\n"
    )


def test_two_surveys_with_one_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "ps-survey-2017.csv"
    csv.write_text(CSV, encoding="utf-8")
    code, out, err = lape_main("survey", "--example", "--csv", str(csv), capsys=capsys)
    assert (code, out) == (2, "")
    assert err == "lape: <bundled example>: two surveys with the ID 'ps-survey-2017'\n"


def test_names_from_the_file_reach_the_terminal_escaped(tmp_path: Path) -> None:
    example = lape.example()
    waves = lape.io.example_surveys()
    hostile = "S\x1b[2J\x1b]0;pwn\x07\u202e"
    named = attrs.evolve(example, surveys=tuple(attrs.evolve(w, name=hostile) for w in waves))
    path = tmp_path / "hostile.yaml"
    lape.dump(named, path)
    run = lape_cli("survey", str(path))
    assert run.returncode == 0, run.stderr
    assert "\x1b" not in run.stdout
    assert "\x07" not in run.stdout
    assert "\u202e" not in run.stdout
