"""Loading and dumping snapshot files: exact error messages with paths, safety, round trips."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given

import lape.io._files
from lape.errors import LapeError, LoadError, Problem
from lape.io import dump, dumps, load, loads, structure, unstructure
from lape.model import Actor, ActorKind, Snapshot, SnapshotInfo
from lape.testing import snapshots

ACTOR_KINDS = (
    "'municipality', 'municipal_body', 'joint_municipal_authority', 'hospital_district', "
    "'regional_council', 'wellbeing_services_county', 'organisation', 'parish', "
    "'educational_institution', 'competence_centre', 'youth_council', 'county_youth_council', "
    "'experience_expert', 'client_panel', 'ministry', 'government_agency', "
    "'association_of_municipalities', 'company', 'other'"
)
ACTOR_KEYS = (
    "id, name, kind, sectors, municipalities, region, county, hospital_district, body, level, "
    "composed_of, period"
)
SNAPSHOT_KEYS = (
    "info, scope, actors, groups, change_agents, pools, grants, projects, centres, networks, "
    "checks, surveys"
)


def _error(text: str, fmt: str = "yaml") -> LoadError:
    with pytest.raises(LoadError) as info:
        loads(text, format=fmt)  # type: ignore[arg-type]
    return info.value


def _actor(extra: str = "", *, name: str = "A", kind: str = "parish") -> str:
    return f"actors:\n- {{id: a, name: {name}, kind: {kind}{extra}}}\n"


# -- exact messages ----------------------------------------------------------------

MESSAGES: list[Any] = [
    pytest.param(
        _actor(kind="parrish"),
        "yaml",
        "<string>: actors[0].kind: unknown actor kind 'parrish'; "
        f"expected one of {ACTOR_KINDS}; did you mean 'parish'?",
        id="unknown-enum-value",
    ),
    pytest.param(
        _actor(kind="5"),
        "yaml",
        f"<string>: actors[0].kind: unknown actor kind 5; expected one of {ACTOR_KINDS}",
        id="enum-value-not-text",
    ),
    pytest.param(
        _actor(", sector: [church]"),
        "yaml",
        "<string>: actors[0]: unknown key 'sector' (did you mean 'sectors'?); "
        f"known keys: {ACTOR_KEYS}",
        id="unknown-key-nested",
    ),
    pytest.param(
        "actor:\n- {id: a, name: A, kind: parish}\n",
        "yaml",
        f"<string>: unknown key 'actor' (did you mean 'actors'?); known keys: {SNAPSHOT_KEYS}",
        id="unknown-key-top",
    ),
    pytest.param(
        "info: {titel: x}\n",
        "yaml",
        "<string>: info: unknown key 'titel' (did you mean 'title'?); "
        "known keys: title, description, as_of, illustrative",
        id="unknown-key-info",
    ),
    pytest.param(
        "actors:\n- {id: a, kind: parish}\n",
        "yaml",
        "<string>: actors[0].name: required field missing",
        id="missing-field",
    ),
    pytest.param(
        '{"actors": [{"id": "a"}]}',
        "json",
        "<string>: actors[0].name: required field missing\n"
        "<string>: actors[0].kind: required field missing",
        id="missing-fields-json",
    ),
    pytest.param(
        _actor(name="42"),
        "yaml",
        "<string>: actors[0].name: expected text, not int 42",
        id="int-for-str",
    ),
    pytest.param(
        '{"actors": [{"id": "a", "name": true, "kind": "parish"}]}',
        "json",
        "<string>: actors[0].name: expected text, not bool True",
        id="bool-for-str-json",
    ),
    pytest.param(
        _actor(name="null"),
        "yaml",
        "<string>: actors[0].name: expected text, not nothing (null)",
        id="null-for-str",
    ),
    pytest.param(
        "info: {illustrative: 'yes'}\n",
        "yaml",
        "<string>: info.illustrative: expected true or false, not str 'yes'",
        id="str-for-bool",
    ),
    pytest.param(
        '{"info": {"illustrative": "true"}}',
        "json",
        "<string>: info.illustrative: expected true or false, not str 'true'",
        id="str-for-bool-json",
    ),
    pytest.param(
        "groups:\n- {id: g, name: G, kind: municipal, mandate: {existing_group: 'no'}}\n",
        "yaml",
        "<string>: groups[0].mandate.existing_group: expected true or false, not str 'no'",
        id="str-for-bool-nested",
    ),
    pytest.param(
        "- a\n- b\n",
        "yaml",
        "<string>: expected a mapping (actors:, groups:, ...) at the top, not a list",
        id="list-at-top",
    ),
    pytest.param(
        "[1]",
        "json",
        "<string>: expected a mapping (actors:, groups:, ...) at the top, not a list",
        id="list-at-top-json",
    ),
    pytest.param(
        "42\n",
        "yaml",
        "<string>: expected a mapping (actors:, groups:, ...) at the top, not int",
        id="number-at-top",
    ),
    pytest.param(
        "info: [a]\n",
        "yaml",
        "<string>: info: expected a mapping of title, description, as_of, illustrative, not a list",
        id="list-for-mapping-nested",
    ),
    pytest.param(
        "actors:\n- [a, b]\n",
        "yaml",
        "<string>: actors[0]: expected a mapping of id, name, kind, sectors..., not a list",
        id="list-for-mapping-in-list",
    ),
    pytest.param(
        "",
        "yaml",
        "<string>: the document is empty; expected a snapshot mapping",
        id="empty-yaml",
    ),
    pytest.param(
        "# only a comment\n",
        "yaml",
        "<string>: the document is empty; expected a snapshot mapping",
        id="comment-only-yaml",
    ),
    pytest.param(
        "",
        "json",
        "<string>: the document is empty; expected a snapshot mapping",
        id="empty-json",
    ),
    pytest.param(
        " \n\t\n",
        "json",
        "<string>: the document is empty; expected a snapshot mapping",
        id="blank-json",
    ),
    pytest.param(
        "actors: [a, b\n",
        "yaml",
        "<string>: not valid YAML: did not find expected ',' or ']' (line 2, column 1)",
        id="not-yaml",
    ),
    pytest.param(
        "a: b: c\n",
        "yaml",
        "<string>: not valid YAML: mapping values are not allowed in this context "
        "(line 1, column 5)",
        id="not-yaml-mapping",
    ),
    pytest.param(
        "{actors: []}",
        "json",
        "<string>: not valid JSON: Expecting property name enclosed in double quotes "
        "(line 1, column 2)",
        id="not-json",
    ),
    pytest.param(
        '{"pools": [{"id": "p", "name": "P", "amount": NaN}]}',
        "json",
        "<string>: pools[0].amount: an amount of euros must be finite, not NaN",
        id="json-nan",
    ),
    pytest.param(
        '{"pools": [{"id": "p", "name": "P", "amount": Infinity}]}',
        "json",
        "<string>: pools[0].amount: an amount of euros must be finite, not Infinity",
        id="json-infinity",
    ),
    pytest.param(
        "pools:\n- {id: p, name: P, amount: .nan}\n",
        "yaml",
        "<string>: pools[0].amount: an amount of euros must be finite, not NaN",
        id="yaml-nan",
    ),
    pytest.param(
        "pools:\n- {id: p, name: P, amount: '10.001'}\n",
        "yaml",
        "<string>: pools[0].amount: an amount of euros has at most two decimals (cents), "
        "not 10.001",
        id="sub-cent-text",
    ),
    pytest.param(
        "pools:\n- {id: p, name: P, amount: 10.001}\n",
        "yaml",
        "<string>: pools[0].amount: an amount of euros has at most two decimals (cents), "
        "not 10.001",
        id="sub-cent-number",
    ),
    pytest.param(
        '{"pools": [{"id": "p", "name": "P", "amount": 10.005}]}',
        "json",
        "<string>: pools[0].amount: an amount of euros has at most two decimals (cents), "
        "not 10.005",
        id="sub-cent-json",
    ),
    pytest.param(
        "pools:\n- {id: p, name: P, amount: lots}\n",
        "yaml",
        "<string>: pools[0].amount: not an amount of euros: 'lots'",
        id="money-not-a-number",
    ),
    pytest.param(
        "info: {as_of: 2017-02-30}\n",
        "yaml",
        "<string>: info.as_of: no such date: '2017-02-30'",
        id="nonexistent-date",
    ),
    pytest.param(
        '{"info": {"as_of": "2017-02-30"}}',
        "json",
        "<string>: info.as_of: no such date: '2017-02-30'",
        id="nonexistent-date-json",
    ),
    pytest.param(
        "info: {as_of: 2017-02-03 10:00:00}\n",
        "yaml",
        "<string>: info.as_of: expected a date (YYYY-MM-DD), not a date and time "
        "(2017-02-03T10:00:00)",
        id="datetime-for-date",
    ),
    pytest.param(
        '{"info": {"as_of": "2017-02-03T10:00:00"}}',
        "json",
        "<string>: info.as_of: expected a date (YYYY-MM-DD), not str '2017-02-03T10:00:00'",
        id="datetime-for-date-json",
    ),
    pytest.param(
        _actor(", municipalities: [Tampre]"),
        "yaml",
        "<string>: actors[0].municipalities[0]: unknown municipality 'Tampre' "
        "(give a 3-digit code or a name); did you mean 'Tampere'?",
        id="unknown-municipality-fi",
    ),
    pytest.param(
        _actor(", municipalities: [837, Tammerfor]"),
        "yaml",
        "<string>: actors[0].municipalities[1]: unknown municipality 'Tammerfor' "
        "(give a 3-digit code or a name); did you mean 'Tammerfors'?",
        id="unknown-municipality-sv",
    ),
    pytest.param(
        _actor(", municipalities: [Xyzzy]"),
        "yaml",
        "<string>: actors[0].municipalities[0]: unknown municipality 'Xyzzy' "
        "(give a 3-digit code or a name)",
        id="unknown-municipality-no-suggestion",
    ),
    pytest.param(
        _actor(", municipalities: [1234]"),
        "yaml",
        "<string>: actors[0].municipalities[0]: expected a municipality code or name, not int 1234",
        id="municipality-int-too-long",
    ),
    pytest.param(
        "groups:\n- {id: g, name: G, kind: regional, region: Pirkanmaaa}\n",
        "yaml",
        "<string>: groups[0].region: unknown region 'Pirkanmaaa' (give a 2-digit code or a "
        "name); did you mean 'Pirkanmaa'?",
        id="unknown-region",
    ),
    pytest.param(
        "actors:\n- {id: '-a', name: A, kind: parish}\n",
        "yaml",
        "<string>: actors[0].id: expected an ID: letters, digits and . _ : / - , "
        "starting with a letter or digit, not '-a'",
        id="bad-id",
    ),
    pytest.param(
        "actors:\n- {id: a, name: 1, kind: x}\n- {id: b, kind: parish}\n",
        "yaml",
        "<string>: actors[0].name: expected text, not int 1\n"
        f"<string>: actors[0].kind: unknown actor kind 'x'; expected one of {ACTOR_KINDS}\n"
        "<string>: actors[1].name: required field missing",
        id="several-problems",
    ),
    pytest.param(
        "info:\n\ttitle: x\n",
        "yaml",
        "<string>: not valid YAML: found character that cannot start any token (line 2, column 1)",
        id="yaml-tab",
    ),
    pytest.param(
        "actors: {id: a, name: A}\n",
        "yaml",
        "<string>: actors: expected a list, not a mapping",
        id="mapping-for-list",
    ),
    pytest.param(
        "actors: null\n",
        "yaml",
        "<string>: actors: expected a list, not nothing (null)",
        id="null-for-list",
    ),
    pytest.param(
        "info: null\n",
        "yaml",
        "<string>: info: expected a mapping of title, description, as_of, illustrative, "
        "not nothing (null)",
        id="null-for-mapping",
    ),
    pytest.param(
        _actor(", municipalities: 837"),
        "yaml",
        "<string>: actors[0].municipalities: expected a list, not int 837",
        id="int-for-list",
    ),
    pytest.param(
        _actor(", composed_of: abc"),
        "yaml",
        "<string>: actors[0].composed_of: expected a list, not str 'abc'",
        id="str-for-list-of-ids",
    ),
    pytest.param(
        "networks:\n- {id: n, name: N, leads: lead}\n",
        "yaml",
        "<string>: networks[0].leads: expected a list, not str 'lead'",
        id="str-for-leads",
    ),
    pytest.param(
        "grants:\n- {id: g, pool: p, recipient: a, amount: '1', participants: bcd}\n",
        "yaml",
        "<string>: grants[0].participants: expected a list, not str 'bcd'",
        id="str-for-participants",
    ),
    pytest.param(
        _actor(", sectors: church"),
        "yaml",
        "<string>: actors[0].sectors: expected a list, not str 'church'",
        id="str-for-set",
    ),
    pytest.param(
        _actor(", composed_of: null"),
        "yaml",
        "<string>: actors[0].composed_of: expected a list, not nothing (null)",
        id="null-for-list-with-empty-default",
    ),
    pytest.param(
        "networks:\n- {id: n, name: N, coordination: [{actors: [a, b, c]}]}\n",
        "yaml",
        "<string>: networks[0].coordination[0].actors: expected a list of exactly 2 items, not 3",
        id="three-coordinated-actors",
    ),
    pytest.param(
        "networks:\n- {id: n, name: N, coordination: [{actors: [a]}]}\n",
        "yaml",
        "<string>: networks[0].coordination[0].actors: expected a list of exactly 2 items, not 1",
        id="one-coordinated-actor",
    ),
]


@pytest.mark.parametrize(("text", "fmt", "message"), MESSAGES)
def test_load_error_message(text: str, fmt: str, message: str) -> None:
    assert str(_error(text, fmt)) == message


@pytest.mark.parametrize(
    ("text", "path"),
    [
        (_actor(kind="parrish"), "actors[0].kind"),
        (_actor(", sector: [church]"), "actors[0]"),
        (
            "groups:\n- {id: g, name: G, kind: municipal, mandate: {existing_group: 1}}\n",
            "groups[0].mandate.existing_group",
        ),
        ("info: {as_of: 2017-02-30}\n", "info.as_of"),
        ("- a\n", ""),
        ("", ""),
    ],
)
def test_problem_paths(text: str, path: str) -> None:
    problems = _error(text).problems
    assert len(problems) == 1
    assert problems[0].path == path


def test_load_error_carries_source_and_problems() -> None:
    with pytest.raises(LoadError) as info:
        loads(_actor(name="42"), source="mine.yaml")
    err = info.value
    assert err.source == "mine.yaml"
    assert err.problems == (Problem("actors[0].name", "expected text, not int 42"),)
    assert str(err) == "mine.yaml: actors[0].name: expected text, not int 42"
    assert str(err).startswith("mine.yaml: ")


def test_load_error_is_a_value_error_and_a_lape_error() -> None:
    err = _error("")
    assert isinstance(err, ValueError)
    assert isinstance(err, LapeError)
    assert issubclass(LoadError, ValueError)
    assert issubclass(LoadError, LapeError)


def test_load_error_pickles() -> None:
    import pickle

    err = _error(_actor(name="42"))
    again = pickle.loads(pickle.dumps(err))
    assert str(again) == str(err)
    assert again.problems == err.problems


def test_float_money_in_python_data_is_refused() -> None:
    with pytest.raises(LoadError) as info:
        structure({"pools": [{"id": "p", "name": "P", "amount": 0.1}]})
    assert str(info.value) == (
        "<data>: pools[0].amount: expected an amount of euros as text or an exact number, "
        "not a float (0.1); write it in quotes, e.g. '19000000.50'"
    )


def test_bool_money_in_python_data_is_refused() -> None:
    with pytest.raises(LoadError) as info:
        structure({"pools": [{"id": "p", "name": "P", "amount": True}]}, source="x")
    assert str(info.value) == "x: pools[0].amount: expected an amount of euros, not bool True"


def test_structure_builds_from_python_data() -> None:
    s = structure({"pools": [{"id": "p", "name": "P", "amount": Decimal("5.50")}]})
    assert s.pools[0].amount == Decimal("5.50")
    assert structure({}) == Snapshot()


# -- what loads ---------------------------------------------------------------------


def test_yaml_money_is_read_exactly() -> None:
    s = loads("pools:\n- {id: p, name: P, amount: 19000000.50}\n")
    amount = s.pools[0].amount
    assert isinstance(amount, Decimal)
    assert amount == Decimal("19000000.50")
    assert str(amount) == "19000000.50"


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ('{"pools": [{"id": "p", "name": "P", "amount": 19000000.50}]}', "json"),
        ('{"pools": [{"id": "p", "name": "P", "amount": "19000000.50"}]}', "json"),
        ("pools:\n- {id: p, name: P, amount: '19000000.50'}\n", "yaml"),
        ("pools:\n- {id: p, name: P, amount: 19_000_000.50}\n", "yaml"),
        ("pools:\n- {id: p, name: P, amount: '19 000 000.50'}\n", "yaml"),
    ],
)
def test_money_forms(text: str, fmt: str) -> None:
    s = loads(text, format=fmt)  # type: ignore[arg-type]
    assert s.pools[0].amount == Decimal("19000000.50")


def test_integer_money() -> None:
    s = loads("pools:\n- {id: p, name: P, amount: 20000000}\n")
    assert s.pools[0].amount == Decimal("20000000")


@pytest.mark.parametrize(
    ("given_as", "codes"),
    [
        ("[Tampere]", ("837",)),
        ("[Tammerfors]", ("837",)),
        ("[tammerfors, HELSINGFORS]", ("837", "091")),
        ("[837]", ("837",)),
        ("['837']", ("837",)),
        ("[20, 5]", ("020", "005")),
        ("[020]", ("020",)),
        ("['020', 005]", ("020", "005")),
        ("[Maarianhamina, Mariehamn]", ("478", "478")),
    ],
)
def test_municipality_given_by_name_or_code(given_as: str, codes: tuple[str, ...]) -> None:
    s = loads(_actor(f", municipalities: {given_as}"))
    assert s.actors[0].municipalities == codes


def test_region_and_county_given_by_name() -> None:
    s = loads(
        "groups:\n- {id: g, name: G, kind: regional, region: Birkaland}\n"
        "networks:\n- {id: n, name: N, county: PI}\n"
        "centres:\n- {id: c, name: C, county: Pirkanmaan hyvinvointialue}\n"
    )
    assert s.groups[0].region == "06"
    assert s.networks[0].county == "08"
    assert s.centres[0].county == "08"


def test_dates_from_yaml_and_json_are_equal() -> None:
    yaml_s = loads("info: {as_of: 2017-01-01}\n")
    json_s = loads('{"info": {"as_of": "2017-01-01"}}', format="json")
    assert yaml_s.info.as_of == dt.date(2017, 1, 1)
    assert yaml_s == json_s


def test_names_become_codes_in_the_dump() -> None:
    s = loads(_actor(", municipalities: [Tammerfors]"))
    assert "- '837'" in dumps(s)


def test_loads_max_bytes() -> None:
    with pytest.raises(LoadError) as info:
        loads("info: {title: abcdefghij}\n", max_bytes=10)
    assert str(info.value) == "<string>: input is 26 bytes, larger than the limit of 10 bytes"
    with pytest.raises(LoadError) as info:  # bytes of UTF-8, not characters
        loads("info: {title: äääää}\n", max_bytes=20)
    assert str(info.value) == "<string>: input is 26 bytes, larger than the limit of 20 bytes"


# -- YAML safety --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("!!python/object/apply:os.system ['echo pwned']\n", "(line 1, column 1)"),
        ("actors: !!python/object/apply:os.system ['echo pwned']\n", "(line 1, column 9)"),
        ("info:\n  title: !!python/object/apply:os.system ['echo pwned']\n", "(line 2, column 10)"),
    ],
)
def test_yaml_python_tags_are_refused(
    text: str, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []

    def system(*args: object) -> int:
        calls.append(args)
        return 0

    monkeypatch.setattr(os, "system", system)
    err = _error(text)
    assert str(err) == (
        "<string>: not valid YAML: could not determine a constructor for the tag "
        f"'tag:yaml.org,2002:python/object/apply:os.system' {where}"
    )
    assert calls == []


def test_yaml_python_name_tag_is_refused() -> None:
    err = _error("info: {title: !!python/name:os.system ''}\n")
    assert "could not determine a constructor" in str(err)


# -- optional lists -----------------------------------------------------------------------


def test_null_for_an_optional_list_means_not_given() -> None:
    s = loads(_actor(", sectors: null"))
    assert s.actors[0].sectors is None


# -- files ------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    with pytest.raises(LoadError) as info:
        load(path)
    assert str(info.value) == f"{path}: no such file"
    assert info.value.source == str(path)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as info:
        load(tmp_path)
    assert str(info.value) == f"{tmp_path}: is a directory, not a file"


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("info: {title: Mäntyharju}\n".encode("latin-1"))
    with pytest.raises(LoadError) as info:
        load(path)
    assert str(info.value) == f"{path}: not UTF-8 text (byte 15: b'\\xe4'); save the file as UTF-8"


def test_file_over_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("info: {title: abcdefghij}\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load(path, max_bytes=10)
    assert str(info.value) == f"{path}: file is 26 bytes, larger than the limit of 10 bytes"
    assert load(path, max_bytes=26).info.title == "abcdefghij"


def test_load_error_in_a_file_starts_with_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(_actor(name="42"), encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load(str(path))
    assert str(info.value) == f"{path}: actors[0].name: expected text, not int 42"


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffinfo: {title: Åland}\n".encode())
    assert load(path).info.title == "Åland"


@pytest.mark.parametrize("suffix", [".json", ".JSON"])
def test_json_by_suffix(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"s{suffix}"
    path.write_text('{"info": {"title": "x"}}', encoding="utf-8")
    assert load(path).info.title == "x"
    # JSON-only syntax in a .yaml file is still YAML (JSON is YAML), but not the reverse
    yaml_path = tmp_path / "s.yaml"
    yaml_path.write_text("info: {title: x}\n", encoding="utf-8")
    with pytest.raises(LoadError):
        load(yaml_path, format="json")


# -- dump ---------------------------------------------------------------------------------

SMALL = Snapshot(
    info=SnapshotInfo(title="Small", as_of=dt.date(2017, 1, 1)),
    actors=(Actor(id="a", name="A", kind=ActorKind.PARISH),),
)


@pytest.mark.parametrize("name", ["s.yaml", "s.json", "s.yml"])
def test_dump_and_load(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    dump(SMALL, path)
    assert load(path) == SMALL
    text = path.read_text(encoding="utf-8")
    if name.endswith(".json"):
        assert json.loads(text)["info"]["as_of"] == "2017-01-01"
    else:
        assert yaml.safe_load(text)["info"]["as_of"] == "2017-01-01"


def test_dump_replaces_the_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("x" * 10_000, encoding="utf-8")
    dump(SMALL, path)
    assert path.read_text(encoding="utf-8") == dumps(SMALL)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.yaml"]


def test_failing_dump_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "s.yaml"
    dump(SMALL, path)
    before = path.read_bytes()

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(lape.io._files, "dumps", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        dump(Snapshot(), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.yaml"]


def test_dump_failing_mid_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.yaml"
    dump(SMALL, path)
    before = path.read_bytes()

    def broken(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(OSError, match="No space left"):
        dump(Snapshot(), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.yaml"]


def test_dump_keeps_usual_file_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        new = tmp_path / "new.yaml"
        dump(SMALL, new)
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        old = tmp_path / "old.yaml"
        old.write_text("", encoding="utf-8")
        old.chmod(0o664)
        dump(SMALL, old)
        assert stat.S_IMODE(old.stat().st_mode) == 0o664
    finally:
        os.umask(umask)


# -- round trips ------------------------------------------------------------------------------


@given(snapshots())
def test_yaml_round_trip(s: Snapshot) -> None:
    assert loads(dumps(s)) == s


@given(snapshots())
def test_json_round_trip(s: Snapshot) -> None:
    assert loads(dumps(s, format="json"), format="json") == s


@given(snapshots())
def test_yaml_and_json_hold_the_same_data(s: Snapshot) -> None:
    data = unstructure(s)
    assert yaml.safe_load(dumps(s)) == json.loads(dumps(s, format="json")) == data
    assert structure(data) == s


def test_unstructure_gives_plain_lists() -> None:
    s = loads("networks:\n- {id: n, name: N, coordination: [{actors: [a, b]}]}\n")
    data = unstructure(s)
    assert data == json.loads(dumps(s, format="json"))


def test_a_bad_id_in_a_list_names_its_item() -> None:
    text = "actors:\n- {id: a, name: A, kind: parish, composed_of: [ok, 'bad id!', 'x y']}\n"
    with pytest.raises(LoadError) as info:
        loads(text)
    assert [p.path for p in info.value.problems] == [
        "actors[0].composed_of[1]",
        "actors[0].composed_of[2]",
    ]
    assert "not 'bad id!'" in info.value.problems[0].message
