"""The command line: exit codes, output formats, and bad input without tracebacks."""

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


def test_check_example_reports_its_deliberate_errors() -> None:
    code, text = run("check", "--example")
    assert code == 1
    assert "LAPE-G04" in text
    assert "LAPE-G05" in text
    assert "does not conform" in text


def test_check_example_as_json() -> None:
    code, text = run("check", "--example", "--format", "json")
    data = json.loads(text)
    assert code == 1
    assert data["conforms"] is False
    rules = {f["rule"] for f in data["findings"]}
    assert {"LAPE-G04", "LAPE-G05"} <= rules
    for finding in data["findings"]:
        assert {"rule", "severity", "subject", "message"} <= set(finding)


def test_check_in_finnish_and_swedish() -> None:
    _, fi = run("check", "--example", "--lang", "fi")
    _, sv = run("check", "--example", "--lang", "sv")
    assert "ei täytä sääntöjä" in fi
    assert "uppfyller inte reglerna" in sv


def test_select_and_ignore() -> None:
    code, text = run("check", "--example", "--format", "json", "--select", "LAPE-G05")
    assert code == 1
    assert {f["rule"] for f in json.loads(text)["findings"]} == {"LAPE-G05"}
    _code, text = run("check", "--example", "--ignore", "LAPE-G04,LAPE-G05", "--ignore", "LAPE-F*")
    assert "LAPE-G04" not in text
    assert "LAPE-G05" not in text


def test_severity_regrades_rules_and_decides_the_exit_code() -> None:
    code, text = run(
        "check", "--example", "--format", "json", "--severity", "LAPE-G04=warning,LAPE-G05=info"
    )
    found = {f["rule"]: f["severity"] for f in json.loads(text)["findings"]}
    assert found["LAPE-G04"] == "warning"
    assert found["LAPE-G05"] == "info"
    assert code == 1  # LAPE-F02 is still an error
    code, _ = run(
        "check",
        "--example",
        "--severity",
        "LAPE-G04=warning,LAPE-G05=warning",
        "--severity",
        "LAPE-F02=info",
    )
    assert code == 0


@pytest.mark.parametrize("value", ["LAPE-G04=fatal", "LAPE-G04", "=error", "LAPE-Z99=info"])
def test_a_bad_severity_is_a_usage_error(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, text = run("check", "--example", "--severity", value)
    assert code == 2
    assert text == ""
    assert capsys.readouterr().err.count("\n") == 1


def test_a_conforming_file_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("info: {title: Empty, as_of: 2017-01-01}\n", encoding="utf-8")
    code, text = run("check", str(path))
    assert code == 0
    assert "conforms" in text


def test_bad_input_exits_2_with_file_and_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("groups:\n  - {id: g, name: G, kind: munic}\n", encoding="utf-8")
    code, text = run("check", str(path))
    err = capsys.readouterr().err
    assert code == 2
    assert text == ""
    assert err.startswith(f"lape: {path}: groups[0].kind: unknown group kind 'munic'")
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ("check",),
        ("check", "--example", "--as-of", "2017-02-30"),
        ("check", "--example", "--lang", "de"),
        ("check", "--example", "--select", "LAPE-X99"),
        ("nonsense",),
        ("check", "missing-file.yaml"),
    ],
)
def test_usage_errors_exit_2(argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(*argv)
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip()
    assert "Traceback" not in err


def test_rules_json_lists_the_catalogue() -> None:
    code, text = run("rules", "--format", "json")
    data = json.loads(text)
    assert code == 0
    assert [r["id"] for r in data] == list(lape.rules.catalogue().ids)
    for r in data:
        assert set(r["title"]) == {"fi", "sv", "en"}
        assert {"id", "severity", "in_force", "source"} <= set(r)


def test_rules_text_in_swedish() -> None:
    code, text = run("rules", "--lang", "sv")
    assert code == 0
    assert "Varje grupp har en representant för de unga" in text


def test_example_round_trips_through_the_command_line(tmp_path: Path) -> None:
    code, text = run("example")
    assert code == 0
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    assert lape.load(path) == lape.example()
    code, text = run("example", "--format", "json")
    assert lape.loads(text, format="json") == lape.example()


def test_the_installed_command_runs_as_a_module() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lape", "check", "--example", "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert json.loads(done.stdout)["conforms"] is False


def test_import_lape_does_not_import_optional_packages() -> None:
    code = (
        "import sys, lape; lape.check(lape.example()); "
        "print(sorted(m for m in ('hypothesis', 'pandas', 'matplotlib') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_check_text_lists_at_most_500_findings_and_counts_the_rest(tmp_path: Path) -> None:
    # 600 municipal groups with no members: each breaks G01-G05, far more than 500 findings
    groups = "".join(
        f"  - {{id: g{i}, name: G{i}, kind: municipal, municipality: Kuopio,"
        f" period: {{start: 2017-01-01}}}}\n"
        for i in range(600)
    )
    path = tmp_path / "many.yaml"
    path.write_text(f"info: {{title: Many, as_of: 2017-06-01}}\ngroups:\n{groups}", "utf-8")
    report = lape.check(lape.load(path))
    total = len(report.findings)
    assert total > 500

    def lape_check(*options: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "lape", "check", str(path), *options],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 1, done.stderr
        return done.stdout

    capped = lape_check()
    assert len([line for line in capped.splitlines() if "LAPE-" in line]) == 500
    assert f"{total - 500} more findings not shown" in capped
    assert "lape check --all" in capped
    every = lape_check("--all")
    assert len([line for line in every.splitlines() if "LAPE-" in line]) == total
    assert "not shown" not in every


def test_colour_codes_from_the_file_are_escaped_even_in_colour() -> None:
    import attrs

    from lape.rules import report_text

    s = lape.example()
    hostile = "G\x1b[35mFAKE\x1b[0m\x1b[2J"
    groups = tuple(attrs.evolve(g, name=hostile) if g.id == "varkaus-lape" else g for g in s.groups)
    text = report_text(lape.check(attrs.evolve(s, groups=groups)), colour=True)
    assert "G\\x1b[35mFAKE\\x1b[0m\\x1b[2J (varkaus-lape)" in text
    assert "\x1b[35mFAKE" not in text
    assert "\x1b[31m" in text  # the report's own colour for an error stays


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("check", "--example", "--most", "3"), "--most goes with --summary"),
        (("check", "--example", "--summary", "--all"), "--all is for the text report"),
        (("check", "--example", "--format", "json", "--sources"), "--sources is for the text"),
        (("survey", "--example", "--date", "2017-01-01"), "--date dates a CSV file"),
    ],
)
def test_options_that_would_be_ignored_are_refused(
    argv: tuple[str, ...], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = run(*argv)
    assert code == 2
    assert text == ""
    assert words in capsys.readouterr().err
