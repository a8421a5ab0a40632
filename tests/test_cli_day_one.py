"""The command line as a first-day user meets it (issue 16): a bare ``lape``, the national
example, ``lape rules`` filters and single rules, ``lape check --summary``, and every text
in the chosen language, severities included."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lape.cli import main
from lape.io import example
from lape.network import timeline
from lape.network._text import counted
from lape.reference import documents
from lape.rules import Lang, catalogue

LAPE = [sys.executable, "-m", "lape"]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), stdout=out)
    return code, out.getvalue()


def lape(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*LAPE, *argv], capture_output=True, text=True, encoding="utf-8", check=False
    )


# -- a bare lape: a usage error, as argparse treats a missing command -------------------------


def test_a_bare_lape_is_a_usage_error_on_stderr() -> None:
    done = lape()
    assert done.returncode == 2
    assert done.stdout == ""
    usage, error = done.stderr.splitlines()
    assert usage.startswith("usage: lape")
    assert error.startswith("lape: error: give a command: check, rules, network")
    assert "'lape --help'" in error


def test_lape_help_is_a_request_for_help_on_stdout() -> None:
    done = lape("--help")
    assert done.returncode == 0
    assert "example" in done.stdout
    assert done.stderr == ""


# -- lape example --national ----------------------------------------------------------------


def test_the_national_example_needs_no_hypothesis(tmp_path: Path) -> None:
    """Run as a user without the test extra would: hypothesis cannot be imported."""
    target = tmp_path / "national.json"
    script = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "from lape.cli import main\n"
        "sys.exit(main(['example', '--national', '--format', 'json']))\n"
    )
    with target.open("w", encoding="utf-8") as out:
        done = subprocess.run(
            [sys.executable, "-c", script], stdout=out, stderr=subprocess.PIPE, text=True
        )
    assert done.returncode == 0, done.stderr
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["info"]["title"] == "Synthetic national snapshot (scale 1, seed 0)"
    assert 19_000 < len(data["actors"]) < 21_000
    checked = lape("check", str(target), "--summary", "--format", "json")
    assert checked.returncode == 1  # the synthetic data has errors built in
    summary = json.loads(checked.stdout)
    assert len(summary["regions"]) == 19


def test_the_national_example_takes_scale_seed_and_day() -> None:
    code, text = run("example", "--national", "--scale", "2", "--seed", "7", "--format", "json")
    assert code == 0
    data = json.loads(text)
    assert data["info"]["title"] == "Synthetic national snapshot (scale 2, seed 7)"
    assert len(data["actors"]) > 39_000
    _, later = run("example", "--national", "--as-of", "2021-06-01", "--format", "json")
    assert json.loads(later)["info"]["as_of"] == "2021-06-01"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--national", "--scale", "0"], "expected a whole number from 1 to 10"),
        (["--national", "--scale", "11"], "expected a whole number from 1 to 10"),
        (["--scale", "2"], "--scale goes with --national"),
        (["--seed", "3"], "--seed goes with --national"),
    ],
)
def test_bad_national_options_are_usage_errors(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = run("example", *argv)
    assert code == 2
    assert text == ""
    assert message in capsys.readouterr().err


# -- lape rules -------------------------------------------------------------------------------


def rule_ids(text: str) -> list[str]:
    return [line.split()[0] for line in text.splitlines() if line.startswith("LAPE-")]


def test_rules_filter_by_id_tag_pattern_severity_and_day() -> None:
    done = lape("rules", "LAPE-G0*", "funding")  # as a user runs it
    assert (done.returncode, done.stderr) == (0, "")
    text = done.stdout
    expected = [r.id for r in catalogue() if r.id.startswith("LAPE-G0") or "funding" in r.tags]
    assert rule_ids(text) == expected
    _, warnings = run("rules", "--severity", "warning")
    assert rule_ids(warnings) == [r.id for r in catalogue() if r.severity.value == "warning"]
    _, in_2023 = run("rules", "--in-force", "2023-06-01", "--severity", "error,warning")
    ids = rule_ids(in_2023)
    assert "LAPE-N01" in ids
    assert "LAPE-G01" not in ids  # the groups' rules ended in 2018
    _, none = run("rules", "LAPE-G01", "--in-force", "2030-01-01")
    assert none == "(no rules)\n"


def test_a_rule_named_by_its_id_is_shown_in_full_in_each_language() -> None:
    rule = catalogue()["LAPE-C03"]
    _, en = run("rules", "LAPE-C03")
    assert en.startswith(f"LAPE-C03 — {rule.title.en}\n")
    assert rule.condition is not None
    assert rule.condition.en in en
    assert "LAPE-C03.stm_term = 2016-01-01..2019-12-31" in en  # the parameter and its value
    assert rule.message.en in en
    assert f"«{rule.source.quote}» (original, in Swedish)" in en
    assert f"«{rule.source.quote_in('en')}» (translation)" in en
    assert documents()["STM 127/2018"].describe("en") in en
    fi = lape("rules", "LAPE-C03", "--lang", "fi").stdout
    assert fi.startswith(f"LAPE-C03 — {rule.title.fi}\n")
    assert "vakavuus:" in fi
    assert "virhe" in fi
    assert f"«{rule.source.quote_in('fi')}» (käännös)" in fi
    _, sv = run("rules", "LAPE-C03", "--lang", "sv")
    assert "allvarlighetsgrad:" in sv
    assert "(översättning)" not in sv  # the quote is Swedish already


def test_rules_full_and_json() -> None:
    _, text = run("rules", "LAPE-G*", "--full")
    assert text.count(" — ") == sum(1 for r in catalogue() if r.id.startswith("LAPE-G"))
    _, data = run("rules", "LAPE-C03", "--format", "json", "--lang", "fi")
    (rule,) = json.loads(data)
    assert rule["id"] == "LAPE-C03"
    assert rule["source"]["quote"] == catalogue()["LAPE-C03"].source.quote
    assert rule["source"]["translation"] == catalogue()["LAPE-C03"].source.quote_in("fi")
    assert [d["id"] for d in rule["source"]["documents"]] == [
        "seeds/001_fcf0a286dac43d18.txt",
        "STM 127/2018",
    ]
    assert rule["parameter_values"][0]["values"] == [
        {"from": None, "value": "2016-01-01..2019-12-31"}
    ]


def test_a_rule_name_that_matches_nothing_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    done = lape("rules", "LAPE-Z99")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("lape: no rule matches 'LAPE-Z99'")
    assert len(done.stderr.splitlines()) == 1  # one clear message, no traceback
    code, text = run("rules", "--severity", "fatal")
    assert (code, text) == (2, "")
    assert "fatal" in capsys.readouterr().err


# -- lape check --summary ---------------------------------------------------------------------


def test_summary_counts_per_rule_region_kind_and_subject() -> None:
    done = lape("check", "--example", "--summary")
    code, text = done.returncode, done.stdout
    assert code == 1  # the same exit code as the full report
    assert "By rule:" in text
    assert "LAPE-G04  A municipal group has at least one parish" in text
    assert "North Savo" in text
    assert "By kind of subject:" in text
    assert "group Varkaus LAPE group (varkaus-lape)" in text
    _, fi = run("check", "--example", "--summary", "--lang", "fi")
    assert "Säännöittäin:" in fi
    assert "Maakunnittain:" in fi
    assert "Pohjois-Savo" in fi
    assert "virheet" in fi


def test_summary_of_a_long_report_is_short(tmp_path: Path) -> None:
    target = tmp_path / "national.json"
    _, text = run("example", "--national", "--format", "json")
    target.write_text(text, encoding="utf-8")
    code, full = run("check", str(target))
    _, summary = run("check", str(target), "--summary", "--most", "3")
    assert code == 1
    assert len(summary.splitlines()) < 60 < len(full.splitlines())
    assert "and " in summary.splitlines()[-1]  # the rest of the subjects counted, not listed
    _, data = run("check", str(target), "--summary", "--format", "json")
    parsed = json.loads(data)
    assert sum(t["error"] for t in parsed["rules"]) == parsed["counts"]["error"]
    assert sum(t["error"] for t in parsed["regions"]) == parsed["counts"]["error"]


# -- the chosen language everywhere -----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fi", ["virhe", "huomio"]),
        ("sv", ["fel", "anmärkning"]),
        ("en", ["error", "info"]),
    ],
)
def test_severities_are_in_the_reports_language(lang: str, words: list[str]) -> None:
    _, text = run("check", "--example", "--lang", lang)
    labels = {line.split()[0] for line in text.splitlines() if line.startswith("  ")}
    assert labels == set(words)


def test_network_speaks_finnish_and_swedish() -> None:
    _, en = run("network", "--example")
    fi = lape("network", "--example", "--lang", "fi").stdout
    _, sv = run("network", "--example", "--lang", "sv")
    assert en.startswith("Collaboration network: ")
    assert fi.startswith("Yhteistyöverkosto: ")
    assert "42 solmua (41 toimijaa, 1 muutosagentti), 171 yhteyttä" in fi
    assert "Maakunnittain:" in fi
    assert "Pohjois-Savon hyvinvointialue" in fi
    assert sv.startswith("Samarbetsnätverk: ")
    assert "42 noder (41 aktörer, 1 förändringsagent), 171 band" in sv
    assert "Norra Savolax välfärdsområde" in sv
    for text in (fi, sv):
        assert "nodes" not in text
        assert "Brokers" not in text


def test_two_waves_compared_in_finnish(tmp_path: Path) -> None:
    from lape.io import example_text

    snapshot = tmp_path / "wave.yaml"
    snapshot.write_text(example_text(), encoding="utf-8")
    argv = ["network", str(snapshot), "--compare", str(snapshot)]
    _, fi = run(*argv, "--compare-as-of", "2023-06-01", "--lang", "fi")
    assert "Havainnot: korjattuja 3, uusia 2, muuttuneita 0, ennallaan 1." in fi
    assert "LAPE-N05 varoitus verkosto ps-family-centre" in fi
    assert "mittari" in fi
    _, data = run(*argv, "--compare-as-of", "2023-06-01", "--lang", "fi", "--format", "json")
    new = json.loads(data)["findings"]["new"]
    assert "kohderyhmän lapset" in new[0]["message"]  # the findings' messages in Finnish too


@pytest.mark.parametrize(
    ("lang", "head", "counts", "more"),
    [
        ("fi", "Aikajana: ", "LAPE-G06 (1 huomio)", "ja 2 sääntöä lisää"),
        ("sv", "Tidslinje: ", "LAPE-G06 (1 anmärkning)", "och 2 regler till"),
        ("en", "Timeline: ", "LAPE-G06 (1 info)", "and 2 more rules"),
    ],
)
def test_a_timeline_in_each_language(lang: Lang, head: str, counts: str, more: str) -> None:
    done = lape("timeline", "--example", "--dates", "2017-10-01", "2019-10-01", "--lang", lang)
    assert (done.returncode, done.stderr) == (0, "")
    lines = done.stdout.splitlines()
    assert lines[0].startswith(head)
    assert lines[0].endswith(f"({counted(2, 'date', lang)})")
    assert lines[2].split()[:3] == ["2017-10-01", "42", "171"]
    assert len(lines[1]) == len(lines[2]) == len(lines[3])  # numbers under their headings
    assert counts in done.stdout
    one_day = timeline(example(), [dt.date(2017, 10, 1)])
    assert one_day.to_text(limit=2, lang=lang).splitlines()[-1].endswith(f", {more}")


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "fi",
            [
                "  10 jäsentä, vastanneita 9 (vastausaste 90.0 %)",
                "  17 yhteyttä (32 ilmoitusta, molemminpuolisia 15)",
                "    kuopio-sote - iisalmi-sivistys (avustus, ryhmä)",
                "    yleishallinto + seurakuntatyö               1 /   0 /   0 /   1 /   0",
                "    ... ja 1 muu",
            ],
        ),
        (
            "sv",
            [
                "  10 medlemmar, 9 svarade (svarsfrekvens 90.0 %)",
                "  17 band (32 uppgifter, 15 ömsesidiga)",
                "    kuopio-sote - iisalmi-sivistys (bidrag, grupp)",
                "    ... och 1 till",
            ],
        ),
        (
            "en",
            [
                "  10 members, 9 answered (response rate 90.0 %)",
                "    kuopio-sote - iisalmi-sivistys (grant, group)",
                "    administration + church                1 /   0 /   0 /   1 /   0",
                "    ... and 1 more",
            ],
        ),
    ],
)
def test_a_survey_in_each_language(lang: str, lines: list[str]) -> None:
    argv = ["survey", "--example", "--compare", "ps-survey-2017", "--most", "3", "--lang", lang]
    done = lape(*argv)
    assert (done.returncode, done.stderr) == (0, "")
    shown = done.stdout.splitlines()
    for line in lines:
        assert line in shown
    if lang != "en":
        assert " members" not in done.stdout
        assert "reported by" not in done.stdout


def test_a_summary_leaves_one_subject_out_in_the_singular() -> None:
    _, fi = run("check", "--example", "--summary", "--most", "3", "--lang", "fi")
    assert fi.splitlines()[-1] == "  ja 1 muu"
    _, en = run("check", "--example", "--summary", "--most", "3")
    assert en.splitlines()[-1] == "  and 1 more"
