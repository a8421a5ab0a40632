"""The bad-input corpus (``corpus/``, listed in ``README.md``): every file gives its
exact message, from Python and from the command line.

- A load error names the file, the path inside it and what was expected; from
  the command line it is that one message on stderr, exit code 2, nothing on
  stdout, no traceback and no file written.
- A file that loads but breaks the integrity or money rules is reported as
  findings (exit code 1), every one of them at once.
"""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest

import lape
from lape.cli import main
from lape.errors import LapeError, LoadError
from lape.rules import RuleSelectionError

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"

ACTOR_KINDS = (
    "'municipality', 'municipal_body', 'joint_municipal_authority', 'hospital_district', "
    "'regional_council', 'wellbeing_services_county', 'organisation', 'parish', "
    "'educational_institution', 'competence_centre', 'youth_council', 'county_youth_council', "
    "'experience_expert', 'client_panel', 'ministry', 'government_agency', "
    "'association_of_municipalities', 'company', 'other'"
)
MEMBER_ROLES = (
    "'chair', 'vice_chair', 'member', 'secretary', 'expert', 'youth_representative', 'observer'"
)
DEPTH = "lists and mappings are nested more than 100 levels deep"
TOP = "expected a mapping (actors:, groups:, ...) at the top"
TOO_LARGE = "an amount of euros must be less than 1,000,000,000,000,000,000 in size"
KEYS = "keys must be text, not "
QUOTE = "put a key in quotes to make it text ('1': ...)"
NO_CONSTRUCTOR = "not valid YAML: could not determine a constructor for the tag 'tag:yaml.org,2002:"

# file -> the problems of its LoadError, each "path: message" (or "message")
LOAD_ERRORS: dict[str, list[str]] = {
    # not YAML / JSON at all
    "not-yaml.yaml": ["not valid YAML: did not find expected ',' or ']' (line 2, column 9)"],
    "not-json.json": ["not valid JSON: Expecting value (line 1, column 56)"],
    "html-page.yaml": [f"{TOP}, not text"],
    "spreadsheet-export.csv": [f"{TOP}, not text"],
    "tab-indent.yaml": [
        "not valid YAML: found character that cannot start any token (line 2, column 1)"
    ],
    "two-documents.yaml": [
        "not valid YAML: expected a single document in the stream, but found another document "
        "(line 2, column 1)"
    ],
    # empty, or a list where the snapshot mapping belongs
    "empty.yaml": ["the document is empty; expected a snapshot mapping"],
    "empty.json": ["the document is empty; expected a snapshot mapping"],
    "comment-only.yaml": ["the document is empty; expected a snapshot mapping"],
    "list-at-top.yaml": [f"{TOP}, not a list"],
    "list-at-top.json": [f"{TOP}, not a list"],
    # wrong types, unknown values and keys, missing fields
    "wrong-types.yaml": [
        "info.title: expected text, not int 2017",
        "info.illustrative: expected true or false, not str 'yes'",
        "actors[0].sectors: expected a list, not str 'social_health'",
        "groups[0].members: expected a list, not a mapping",
    ],
    "unknown-enum-values.yaml": [
        f"actors[0].kind: unknown actor kind 'parrish'; expected one of {ACTOR_KINDS}; "
        "did you mean 'parish'?",
        f"groups[0].members[0].role: unknown member role 'chairman'; expected one of "
        f"{MEMBER_ROLES}; did you mean 'chair'?",
    ],
    "unknown-keys.yaml": [
        "info: unknown key 'titel' (did you mean 'title'?); "
        "known keys: title, description, as_of, illustrative",
        "actors[0]: unknown key 'adress'; known keys: id, name, kind, sectors, municipalities, "
        "region, county, hospital_district, body, level, composed_of, period",
        "groups[0]: unknown key 'memebers' (did you mean 'members'?); known keys: id, name, "
        "kind, municipality, region, project_area, members, mandate, cooperates_with, period",
    ],
    "missing-required.yaml": [
        "actors[0].name: required field missing",
        "grants[0].recipient: required field missing",
    ],
    "duplicate-key.yaml": ["groups[0]: the key 'members' is given twice (lines 6 and 8)"],
    "duplicate-key.json": ["groups[0]: the key 'members' is given twice"],
    # dates
    "nonexistent-date.yaml": ["info.as_of: no such date: '2017-02-30'"],
    "nonexistent-date.json": ["groups[0].mandate.decided: no such date: '2016-10-32'"],
    "datetime-for-date.yaml": [
        "info.as_of: expected a date (YYYY-MM-DD), not a date and time (2017-06-01T12:00:00)"
    ],
    # amounts
    "nan-amount.yaml": ["pools[0].amount: an amount of euros must be finite, not NaN"],
    "nan-amount.json": ["pools[0].amount: an amount of euros must be finite, not NaN"],
    "infinite-amount.json": ["pools[0].amount: an amount of euros must be finite, not -Infinity"],
    "sub-cent-amount.yaml": [
        "grants[0].amount: an amount of euros has at most two decimals (cents), not 962400.005"
    ],
    "huge-integer.yaml": [
        "not valid YAML: an integer of 5000 digits is too long (at most 4300) (line 2, column 30)"
    ],
    "huge-integer.json": ["an integer of 5000 digits is too long (at most 4300)"],
    "overflowing-amount.yaml": [f"pools[0].amount: {TOO_LARGE}, not 1E+999999999999"],
    "overflowing-amount.json": [f"pools[0].amount: {TOO_LARGE}, not 1E+999999999999"],
    "sexagesimal-amount.yaml": ["pools[0].amount: not an amount of euros: '1:30'"],
    "hexadecimal-amount.yaml": ["pools[0].amount: not an amount of euros: '0xFF'"],
    "arabic-indic-digits-amount.yaml": [
        "pools[0].amount: not an amount of euros: '\u0661\u0662' (write it with the digits 0-9)"
    ],
    # keys that are not text
    "non-text-keys.yaml": [f"{KEYS}the number 1, the number NaN; {QUOTE}"],
    "boolean-keys.yaml": [f"info: {KEYS}the boolean true, the boolean false; {QUOTE}"],
    # size and shape
    "deep-nesting.yaml": [
        f"info.title[0][0][0][0][0][0]...: {DEPTH} (line 2, column 108)",
    ],
    "deep-nesting.json": [f"info.title[0][0][0][0][0][0]...: {DEPTH}"],
    "deep-block-nesting.yaml": [
        f"checks.select[0][0][0][0][0][0]...: {DEPTH} (line 101, column 201)"
    ],
    "billion-laughs.yaml": [
        "checks.ignore[4][7]: aliases repeat too much of the document: *a3 brings the repeated "
        "values past 100020 (20 written out so far, plus 100000) (line 9, column 47)"
    ],
    "recursive-alias.yaml": [
        "checks.select[1]: the alias *loop is inside the node it names (line 3, column 28)"
    ],
    # bytes and characters
    "latin-1.yaml": ["not UTF-8 text (byte 15: b'\\xe4'); save the file as UTF-8"],
    "utf-16.json": ["not UTF-8 text: it is UTF-16; save the file as UTF-8"],
    "nul-byte.yaml": [
        "not valid YAML: the character '\\x00' (U+0000) is not allowed (line 1, column 16)"
    ],
    "lone-surrogate.json": [
        "info.title: not Unicode text: a lone surrogate '\\ud800' (half of a \\u escape pair?)"
    ],
    # code in the data: refused, never run
    "python-object-apply.yaml": [
        f"{NO_CONSTRUCTOR}python/object/apply:os.system' (line 1, column 1)"
    ],
    "python-object-new.yaml": [
        f"{NO_CONSTRUCTOR}python/object/new:subprocess.Popen' (line 1, column 9)"
    ],
    "python-name.yaml": [f"{NO_CONSTRUCTOR}python/name:os.system' (line 2, column 10)"],
}

# file -> (rule, the paths of its findings): loads, and checking reports all of them
FINDINGS: dict[str, tuple[str, list[str]]] = {
    "dangling-references.yaml": (
        "LAPE-S01",
        ["grants[0].pool", "groups[0].cooperates_with[0]", "groups[0].members[1].actor"],
    ),
    "duplicate-ids.yaml": ("LAPE-S02", ["actors[1]", "groups[1]"]),
    "inverted-periods.yaml": ("LAPE-S03", ["actors[0].period", "groups[0].period"]),
    "negative-amount.yaml": ("LAPE-F09", ["grants[0].amount"]),
}

# file -> loads as it stands (what each shows is tested below)
LOADS = [
    "exact-amount.json",
    "nfd-municipality.yaml",
    "escape-sequences.yaml",
    "look-alike-ids.yaml",
    "unknown-rule-in-checks.yaml",
]


def test_every_corpus_file_is_tested_and_listed_in_the_readme() -> None:
    files = sorted(p.name for p in CORPUS.iterdir())
    assert files == sorted([*LOAD_ERRORS, *FINDINGS, *LOADS])
    readme = (HERE / "README.md").read_text("utf-8").partition("## The corpus")[2]
    listed = re.findall(r"^\| `([^`]+)` \|", readme, re.M)
    assert sorted(listed) == files


@pytest.mark.parametrize("name", sorted(LOAD_ERRORS))
def test_load_error(name: str) -> None:
    path = CORPUS / name
    with pytest.raises(LoadError) as info:
        lape.load(path)
    err = info.value
    assert [str(p) for p in err.problems] == LOAD_ERRORS[name]
    assert err.source == str(path)
    assert str(err) == "\n".join(f"{path}: {p}" for p in LOAD_ERRORS[name])
    assert isinstance(err, LapeError)
    assert isinstance(err, ValueError)


@pytest.mark.parametrize("name", sorted(LOAD_ERRORS))
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_load_error_on_the_command_line(
    name: str, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    shutil.copyfile(CORPUS / name, path)
    before = sorted(tmp_path.iterdir())
    code = main(["check", "--format", fmt, str(path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err == "lape: " + "\n".join(f"{path}: {p}" for p in LOAD_ERRORS[name]) + "\n"
    assert "Traceback" not in err
    assert sorted(tmp_path.iterdir()) == before  # nothing written
    assert not (Path.cwd() / "pwned.txt").exists()


@pytest.mark.parametrize("name", sorted(FINDINGS))
def test_findings_are_all_reported_at_once(name: str) -> None:
    rule, paths = FINDINGS[name]
    report = lape.check(lape.load(CORPUS / name))
    found = sorted(f.path or "" for f in report.findings if f.rule == rule)
    assert found == paths
    assert not report.conforms


@pytest.mark.parametrize("name", sorted(FINDINGS))
def test_findings_on_the_command_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rule, paths = FINDINGS[name]
    path = tmp_path / name
    shutil.copyfile(CORPUS / name, path)
    code = main(["check", "--format", "json", str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert err == ""
    data = json.loads(out)
    assert sorted(f["path"] for f in data["findings"] if f["rule"] == rule) == paths
    assert sorted(tmp_path.iterdir()) == [path]


def test_an_exact_amount_loads_exactly() -> None:
    snapshot = lape.load(CORPUS / "exact-amount.json")
    assert snapshot.pools[0].amount == Decimal("12345678901234567.89")


def test_a_file_over_the_size_limit(capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / "wrong-types.yaml"
    size = path.stat().st_size
    with pytest.raises(LoadError) as info:
        lape.load(path, max_bytes=size - 1)
    assert str(info.value) == (
        f"{path}: file is {size} bytes, larger than the limit of {size - 1} bytes"
    )


def test_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(LoadError) as info:
        lape.load(tmp_path)
    assert str(info.value) == f"{tmp_path}: is a directory, not a file"
    assert main(["check", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"lape: {tmp_path}: is a directory, not a file\n")


def test_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "nope.yaml"
    with pytest.raises(LoadError) as info:
        lape.load(path)
    assert str(info.value) == f"{path}: no such file"
    assert main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", f"lape: {path}: no such file\n")
    assert sorted(tmp_path.iterdir()) == []


def test_text_in_nfd_is_read_as_nfc() -> None:
    # "Hämeenlinna" with a combining diaeresis: the same municipality, the same text
    snapshot = lape.load(CORPUS / "nfd-municipality.yaml")
    assert snapshot.actors[0].municipalities == ("109",)
    assert snapshot.actors[0].name == unicodedata.normalize("NFC", "Hämeenlinna social and health")


def test_control_characters_are_escaped_in_text_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "escape-sequences.yaml"
    shutil.copyfile(CORPUS / "escape-sequences.yaml", path)
    main(["check", str(path)])
    out, _ = capsys.readouterr()
    assert out.splitlines()[0].startswith("Pohjois-Savo\\x1b[2J\\rFAKE \\u202eexe.txt ")
    assert not any(c in out for c in "\x1b\r\u202e")
    # the JSON report keeps the title as it is: JSON escapes it itself
    main(["check", "--format", "json", str(path)])
    out, _ = capsys.readouterr()
    assert "\x1b" not in out


def test_look_alike_ids_are_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "look-alike-ids.yaml"
    shutil.copyfile(CORPUS / "look-alike-ids.yaml", path)
    snapshot = lape.load(path)
    assert [str(p) for p in lape.io.look_alikes(snapshot)] == [
        "actors[1]: the ID 'ku\u043epio-sote' looks like 'kuopio-sote' (actors[0])"
    ]
    code = main(["check", str(path)])
    _, err = capsys.readouterr()
    assert code in (0, 1)  # a warning, not a refusal
    assert err == (
        f"lape: warning: {path}: actors[1]: the ID 'ku\u043epio-sote' looks like "
        "'kuopio-sote' (actors[0])\n"
    )


def test_an_unknown_rule_in_checks_names_the_file_and_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "unknown-rule-in-checks.yaml"
    shutil.copyfile(CORPUS / "unknown-rule-in-checks.yaml", path)
    with pytest.raises(RuleSelectionError) as info:
        lape.check(lape.load(path))
    assert str(info.value) == (
        "checks.ignore[1]: no rule matches 'LAPE-X99' (give a rule ID such as LAPE-G01, "
        "a tag or a pattern)"
    )
    assert main(["check", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"lape: {path}: {info.value}\n"
