"""``lape timeline`` and ``lape network --compare``: text, JSON, exit codes, bad input."""

from __future__ import annotations

import io
import json
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


# -- lape timeline ----------------------------------------------------------------------------


def test_timeline_of_a_range_as_text(example_file: Path) -> None:
    code, text = run("timeline", str(example_file), "--from", "2016-10-01", "--to", "2023-10-01")
    assert code == 0
    lines = text.splitlines()
    assert lines[0] == "Timeline: Pohjois-Savo 2017 (illustrative) (8 dates)"
    assert [line.split()[0] for line in lines[2:10]] == [f"{y}-10-01" for y in range(2016, 2024)]
    assert "  2023-10-01  LAPE-F02 (1 error), LAPE-N05 (1 warning), LAPE-N07 (1 error)" in lines


def test_timeline_of_dates_as_json() -> None:
    code, text = run(
        "timeline", "--example", "--dates", "2023-06-01", "2017-10-01", "--format", "json"
    )
    assert code == 0
    data = json.loads(text)
    assert data["dates"] == ["2017-10-01", "2023-06-01"]
    assert [(r["edges"], r["errors"]) for r in data["rows"]] == [(171, 3), (74, 2)]
    assert {r["rule"] for r in data["rules"] if r["date"] == "2023-06-01" and r["errors"]} == {
        "LAPE-F02",
        "LAPE-N07",
    }


def test_timeline_steps_and_rule_selection() -> None:
    code, text = run(
        "timeline", "--example", "--from", "2017-01-01", "--to", "2018-01-01", "--step", "6m",
        "--select", "LAPE-G*", "--format", "json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(text)
    assert data["dates"] == ["2017-01-01", "2017-07-01", "2018-01-01"]
    assert {r["rule"][:6] for r in data["rules"]} == {"LAPE-G"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("timeline", "--example"), "give --dates, or --from and --to (and --step)"),
        (("timeline", "--example", "--from", "2017-01-01"), "give --dates, or --from and --to"),
        (
            ("timeline", "--example", "--dates", "2017-01-01", "--from", "2016-01-01"),
            "give --dates, or --from and --to, not both",
        ),
        (
            ("timeline", "--example", "--from", "2016-01-01", "--to", "2017-01-01", "--step", "2q"),
            "not a step: '2q'",
        ),
        (
            ("timeline", "--example", "--from", "2016-01-01", "--to", "2026-01-01", "--step", "1d"),
            "3654 dates from 2016-01-01 to 2026-01-01 every 1 day; a timeline takes at most 500",
        ),
        (
            ("timeline", "--example", "--from", "2018-01-01", "--to", "2017-01-01"),
            "the range ends (2017-01-01) before it starts (2018-01-01)",
        ),
        (("timeline", "--example", "--dates", "2017-02-30"), "not a date"),
        (("timeline", "missing.yaml", "--dates", "2017-01-01"), "missing.yaml"),
        (("timeline",), "one of the arguments path --example is required"),
        (("timeline", "--example", "--dates", "2017-01-01", "--select", "LAPE-Q99"), "LAPE-Q99"),
    ],
)
def test_timeline_bad_input_exits_2(
    argv: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = run(*argv)
    err = capsys.readouterr().err
    assert (code, text) == (2, "")
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_timeline_of_a_bad_snapshot_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("groups:\n  - {id: g, name: G, kind: munic}\n", encoding="utf-8")
    code, text = run("timeline", str(path), "--dates", "2017-01-01")
    err = capsys.readouterr().err
    assert (code, text) == (2, "")
    assert str(path) in err
    assert "groups[0].kind: unknown group kind 'munic'" in err


# -- lape network --compare ---------------------------------------------------------------------


def test_compare_two_files_as_text(example_file: Path, tmp_path: Path) -> None:
    later = tmp_path / "later.yaml"
    later.write_text(
        lape.io.example_text().replace("as_of: 2017-10-01", "as_of: 2023-06-01", 1),
        encoding="utf-8",
    )
    code, text = run("network", str(example_file), "--compare", str(later))
    assert code == 0
    assert text.startswith(
        "From Pohjois-Savo 2017 (illustrative) (2017-10-01) "
        "to Pohjois-Savo 2017 (illustrative) (2023-06-01)"
    )
    assert "Ties: 26 pairs gained, 123 lost, 24 changed." in text
    assert "Findings: 3 fixed, 2 new, 0 changed, 1 unchanged." in text


def test_compare_one_file_on_two_days_as_json(example_file: Path) -> None:
    code, text = run(
        "network", "--example", "--compare", str(example_file),
        "--as-of", "2017-10-01", "--compare-as-of", "2023-06-01", "--format", "json",
    )  # fmt: skip
    assert code == 0
    data = json.loads(text)
    assert (data["before"]["as_of"], data["after"]["as_of"]) == ("2017-10-01", "2023-06-01")
    assert data["nodes"] == {"gained": [], "lost": ["change_agent#ps-change-agent"]}
    edges = next(m for m in data["measures"] if m["measure"] == "edges")
    assert (edges["before"], edges["after"]) == (171, 74)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--compare", "missing.yaml"), "missing.yaml"),
        (("--compare", "x.yaml", "--export", "g.gexf"), "--export cannot be combined"),
        (("--compare-as-of", "2017-13-01"), "not a date"),
    ],
)  # fmt: skip
def test_compare_bad_input_exits_2(
    extra: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = run("network", "--example", *extra)
    err = capsys.readouterr().err
    assert (code, text) == (2, "")
    assert message in err
    assert "Traceback" not in err


# -- as a subprocess ------------------------------------------------------------------------------


def lape_process(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lape", *argv], capture_output=True, text=True, check=False
    )


def test_the_commands_as_processes(example_file: Path) -> None:
    done = lape_process("timeline", str(example_file), "--dates", "2017-10-01", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rows"][0]["edges"] == 171
    done = lape_process(
        "network", str(example_file), "--compare", str(example_file),
        "--compare-as-of", "2023-06-01",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Ties: 26 pairs gained, 123 lost, 24 changed." in done.stdout
    bad = lape_process("timeline", str(example_file), "--from", "2017-01-01")
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr == "lape: give --dates, or --from and --to (and --step)\n"
