"""Rule packs: rules of one's own in an installed package, found through entry points.

The example pack (examples/lape-rulepack-example) is "installed" here the way
importlib.metadata finds any distribution: a ``*.dist-info`` folder with its
``entry_points.txt`` on ``sys.path``, beside the package's own folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import lape
from lape.rules import RulePackError, check, installed_rules, rule_packs

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "lape-rulepack-example"


def _install(site: Path, name: str, entry_points: str, *, module: str = "") -> None:
    """A distribution ``name`` declaring ``entry_points`` (and a module ``name`` when
    ``module`` is given), as importlib.metadata finds installed ones."""
    dist = site / f"{name}-0.1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1.0\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(textwrap.dedent(entry_points), encoding="utf-8")
    if module:
        (site / f"{name}.py").write_text(textwrap.dedent(module), encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder on sys.path for distributions made by a test; the packs looked up afresh."""
    monkeypatch.syspath_prepend(str(tmp_path))
    rule_packs.cache_clear()
    yield tmp_path
    rule_packs.cache_clear()
    for name, module in list(sys.modules.items()):  # the modules this test's packs made
        if str(tmp_path) in (getattr(module, "__file__", None) or ""):
            del sys.modules[name]


@pytest.fixture
def example_pack(site: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(EXAMPLES))
    _install(site, "lape_rulepack_example", "[lape.rules]\nexample = lape_rulepack_example:RULES\n")
    return site


def test_without_packs_the_default_rules_are_the_catalogue(site: Path) -> None:
    assert rule_packs() == ()
    assert installed_rules().ids == lape.rules.catalogue().ids


def test_an_installed_pack_joins_the_catalogue(example_pack: Path) -> None:
    [pack] = rule_packs()
    assert (pack.name, pack.prefix, pack.distribution) == (
        "example",
        "EX",
        "lape_rulepack_example 0.1.0",
    )
    assert installed_rules().ids[-1] == "EX-P01"
    assert "example" in pack.rules[0].tags
    report = check(lape.example())
    flagged = {f.subject.id for f in report.findings if f.rule == "EX-P01"}
    assert flagged  # municipal groups without an experience expert
    assert all(f.rule != "EX-P01" for f in check(lape.example(), ignore=["example"]).findings)


def test_a_files_checks_section_may_name_a_packs_rule(example_pack: Path) -> None:
    text = lape.io.example_text().replace("info:\n", "checks: {select: [EX-P01]}\ninfo:\n", 1)
    report = check(lape.loads(text))
    assert {r.rule for r in report.results} == {"EX-P01"}


@pytest.mark.parametrize(
    ("entry", "module", "problem"),
    [
        ("bad = bad_pack:RULES", "RULES = ['not a rule']", "'not a rule' is not a lape.rules.Rule"),
        ("bad = bad_pack:RULES", "RULES = ()", "holds no rules"),
        ("bad = bad_pack:RULES", "raise RuntimeError('broken')", "cannot be loaded: RuntimeError"),
        ("bad = bad_pack:RULES", "RULES = 5", "expected rules, a RuleSet"),
        ("bad = bad_pack:LAPE_LIKE", "", "the prefix LAPE- is the catalogue's"),
    ],
)
def test_a_broken_pack_is_refused_with_its_name(
    site: Path, monkeypatch: pytest.MonkeyPatch, entry: str, module: str, problem: str
) -> None:
    if entry.endswith("LAPE_LIKE"):
        module = "import lape\nLAPE_LIKE = [lape.rules.catalogue()['LAPE-G01']]\n"
    _install(site, "bad_pack", f"[lape.rules]\n{entry}\n", module=module)
    with pytest.raises(RulePackError, match="rule pack 'bad'") as info:
        rule_packs()
    assert problem in str(info.value)


def test_two_packs_may_not_share_a_rule(example_pack: Path) -> None:
    _install(example_pack, "twin_pack", "[lape.rules]\ntwin = lape_rulepack_example:RULES\n")
    with pytest.raises(RulePackError, match="rule EX-P01 is also rule pack 'example''s"):
        rule_packs()


def _lape(*args: str, site: Path) -> subprocess.CompletedProcess[str]:
    path = os.pathsep.join([str(site), str(EXAMPLES), os.environ.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-m", "lape", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": path},
        check=False,
    )


def test_the_command_line_lists_and_runs_a_pack(example_pack: Path) -> None:
    listed = _lape("rules", "--format", "json", site=example_pack)
    assert listed.returncode == 0, listed.stderr
    rules = {r["id"]: r for r in json.loads(listed.stdout)}
    assert rules["EX-P01"]["pack"] == "example"
    assert rules["LAPE-G01"]["pack"] is None
    run = _lape("check", "--example", "--select", "EX-P01", site=example_pack)
    assert run.returncode == 0, run.stderr  # warnings only
    assert "EX-P01" in run.stdout


def test_the_command_line_names_a_broken_pack(site: Path) -> None:
    _install(site, "bad_pack", "[lape.rules]\nbad = bad_pack:RULES\n", module="RULES = 5\n")
    run = _lape("check", "--example", site=site)
    assert run.returncode == 2
    assert run.stderr.startswith("lape: rule pack 'bad'")
    assert "Traceback" not in run.stderr
