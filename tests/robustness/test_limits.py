"""Bounded work: size, nesting depth and YAML aliases have limits, each a LoadError.

The limits are what keeps every input from hanging the loader or blowing its
stack: the work done is bounded by the size of the input.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from lape.errors import MAX_PROBLEMS, LoadError, Problem
from lape.io import DEFAULT_MAX_BYTES, load, loads, structure
from lape.io._yaml import ALIAS_ALLOWANCE, MAX_DEPTH

DEPTH_MESSAGE = f"lists and mappings are nested more than {MAX_DEPTH} levels deep"
# PyYAML 6.0.4's libyaml refuses very deep nesting itself, before our composer sees it
LIBYAML_DEPTH_MESSAGE = "not valid YAML: exceeded maximum nesting depth"


def _refused_for_depth(message: str) -> bool:
    return message.startswith((DEPTH_MESSAGE, LIBYAML_DEPTH_MESSAGE))


def _error(text: str, fmt: str = "yaml") -> LoadError:
    with pytest.raises(LoadError) as info:
        loads(text, format=fmt)  # type: ignore[arg-type]
    return info.value


# -- depth ---------------------------------------------------------------------------


def _nested_yaml(levels: int) -> str:
    """A snapshot whose lists and mappings nest ``levels`` deep (the top mapping is 1)."""
    return "checks:\n  ignore: " + "[" * (levels - 2) + "]" * (levels - 2) + "\n"


def _nested_json(levels: int) -> str:
    return '{"checks": {"ignore": ' + "[" * (levels - 2) + "]" * (levels - 2) + "}}"


def _nested_data(levels: int) -> dict[str, Any]:
    inner: list[Any] = []
    for _ in range(levels - 3):
        inner = [inner]
    return {"checks": {"ignore": inner}}


def test_depth_limit_is_100() -> None:
    assert MAX_DEPTH == 100


@pytest.mark.parametrize(
    ("make", "fmt"),
    [(_nested_yaml, "yaml"), (_nested_json, "json")],
    ids=["yaml", "json"],
)
def test_a_document_100_levels_deep_is_read(make: Any, fmt: str) -> None:
    # it is not a snapshot (ignore takes text), but it is read: no depth error
    err = _error(make(MAX_DEPTH), fmt)
    assert err.problems == (Problem("checks.ignore[0]", "expected text, not a list"),)


def test_yaml_101_levels_deep_is_refused_with_path_and_position() -> None:
    err = _error(_nested_yaml(MAX_DEPTH + 1))
    assert str(err) == (
        f"<string>: checks.ignore[0][0][0][0][0][0]...: {DEPTH_MESSAGE} (line 2, column 109)"
    )


def test_json_101_levels_deep_is_refused_with_path() -> None:
    err = _error(_nested_json(MAX_DEPTH + 1), "json")
    assert str(err) == f"<string>: checks.ignore[0][0][0][0][0][0]...: {DEPTH_MESSAGE}"


def test_data_101_levels_deep_is_refused_with_path() -> None:
    with pytest.raises(LoadError) as info:  # read, and refused: ignore takes text
        structure(_nested_data(MAX_DEPTH))
    assert str(info.value) == "<data>: checks.ignore[0]: expected text, not a list"
    with pytest.raises(LoadError) as info:
        structure(_nested_data(MAX_DEPTH + 1))
    assert str(info.value) == f"<data>: checks.ignore[0][0][0][0][0][0]...: {DEPTH_MESSAGE}"


@pytest.mark.parametrize("levels", [1_000, 100_000, 1_000_000])
@pytest.mark.parametrize(
    "text",
    [
        "a: {levels}",
        "{{" * 0 + "checks: {{select: " + "{opening}",
    ],
    ids=["plain", "unclosed"],
)
def test_very_deep_yaml_is_refused_without_recursion(levels: int, text: str) -> None:
    # PyYAML's own composers recurse per level: RecursionError at a few thousand,
    # a segmentation fault (C) at about 100 000
    opening = "[" * levels
    document = text.format(levels=opening + "]" * levels, opening=opening)
    err = _error(document)
    assert _refused_for_depth(err.problems[0].message)


@pytest.mark.parametrize("levels", [1_000, 100_000])
def test_very_deep_block_yaml_is_refused(levels: int) -> None:
    err = _error("- " * levels + "x\n")
    assert _refused_for_depth(err.problems[0].message)


@pytest.mark.parametrize("levels", [1_000, 100_000, 1_000_000])
def test_very_deep_json_is_refused(levels: int) -> None:
    err = _error('{"a": ' + "[" * levels + "]" * levels + "}", "json")
    assert err.problems[0].message == DEPTH_MESSAGE


def test_data_that_contains_itself_is_refused() -> None:
    ignore: list[Any] = []
    ignore.append(ignore)
    with pytest.raises(LoadError) as info:
        structure({"checks": {"ignore": ignore}})
    assert info.value.problems[0].message == DEPTH_MESSAGE


def test_data_shared_too_much_is_refused() -> None:
    # the Python-data form of the billion laughs: 61 lists that stand for 2**61
    shared: list[Any] = []
    for _ in range(60):
        shared = [shared, shared]
    start = time.perf_counter()
    with pytest.raises(LoadError) as info:
        structure({"checks": {"ignore": shared}}, source="x")
    assert time.perf_counter() - start < 5
    assert str(info.value) == (
        "x: shared lists and mappings repeat too much of the data: 2305843009213693768 "
        f"values repeated, more than the 185 it holds plus {ALIAS_ALLOWANCE}"
    )


def test_ordinary_shared_data_is_read() -> None:
    period = {"start": "2017-01-01"}
    data = {
        "actors": [
            {"id": f"a{i}", "name": "A", "kind": "parish", "period": period} for i in range(500)
        ]
    }
    assert len(structure(data).actors) == 500


def test_a_100_000_levels_deep_file_exits_2_in_a_real_process(tmp_path: Path) -> None:
    # what crashed the interpreter (SIGSEGV in PyYAML's C composer) before the limit
    path = tmp_path / "deep.yaml"
    path.write_text("info:\n  title: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "lape", "check", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    ours = f"lape: {path}: info.title[0][0][0][0][0][0]...: {DEPTH_MESSAGE} (line 2, column 108)\n"
    assert done.stderr == ours or done.stderr.startswith(f"lape: {path}: {LIBYAML_DEPTH_MESSAGE}")


# -- aliases ------------------------------------------------------------------------------


def _laughs(levels: int) -> str:
    """The "billion laughs": each list holds ten of the one before."""
    lines = ["checks:", "  ignore:", "    - &a0 [" + ", ".join(["lol"] * 10) + "]"]
    lines += [f"    - &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("levels", [6, 9, 30])
def test_billion_laughs_is_refused_at_once(levels: int) -> None:
    start = time.perf_counter()
    err = _error(_laughs(levels))
    assert time.perf_counter() - start < 5
    assert str(err) == (
        "<string>: checks.ignore[4][7]: aliases repeat too much of the document: *a3 brings "
        f"the repeated values past 100020 (20 written out so far, plus {ALIAS_ALLOWANCE}) "
        "(line 7, column 47)"
    )


def test_a_few_laughs_are_read() -> None:
    # 10 * (11 + 111 + 1111) values repeated: within the allowance, read (and refused
    # only because ignore takes text)
    err = _error(_laughs(4))
    assert {p.message for p in err.problems} == {"expected text, not a list"}


def _repeated_actors(count: int) -> str:
    actor = "{id: a, name: A, kind: parish}"  # 7 values: the mapping and 6 texts
    return f"actors:\n- &a {actor}\n" + "".join("- *a\n" for _ in range(count))


def test_aliases_may_repeat_up_to_the_allowance() -> None:
    # written: the top mapping, "actors", the list and the actor's 7 values = 10;
    # each alias repeats 7: 14 287 repeat 100 009 values, within 10 + 100 000
    count = (10 + ALIAS_ALLOWANCE) // 7
    snapshot = loads(_repeated_actors(count))
    assert len(snapshot.actors) == count + 1
    err = _error(_repeated_actors(count + 1))
    assert err.problems[0].message.startswith("aliases repeat too much of the document: *a ")
    assert err.problems[0].path == f"actors[{count + 1}]"


def test_an_alias_inside_the_node_it_names_is_refused() -> None:
    err = _error("checks:\n  select: &loop [LAPE-G01, *loop]\n")
    assert str(err) == (
        "<string>: checks.select[1]: the alias *loop is inside the node it names "
        "(line 2, column 28)"
    )


def _alias_chain(links: int) -> str:
    """Anchors written shallow, each a list of the one before: ``*a{n}`` stands for
    ``n + 1`` nested lists."""
    lines = ["checks:", "  ignore:", "    - &a0 []"]
    lines += [f"    - &a{i} [*a{i - 1}]" for i in range(1, links)]
    return "\n".join(lines) + "\n"


def test_aliases_count_towards_the_depth() -> None:
    # the top mapping, checks and ignore are 3 levels; *a96 inside a97 makes 3 + 98
    err = _error(_alias_chain(98))
    assert str(err) == (
        f"<string>: checks.ignore[97][0]: {DEPTH_MESSAGE} (with *a96) (line 100, column 13)"
    )
    # one link less is 100 levels: read (and refused only because ignore takes text)
    err = _error(_alias_chain(97))
    assert {p.message for p in err.problems} == {"expected text, not a list"}


def test_ordinary_aliases_and_merge_keys_are_read() -> None:
    snapshot = loads(
        "actors:\n"
        "  - &base {id: a, name: A, kind: parish, period: &term {start: 2017-01-01}}\n"
        "  - {<<: *base, id: b}\n"
        "groups:\n"
        "  - {id: g, name: G, kind: municipal, period: *term}\n"
    )
    assert [a.id for a in snapshot.actors] == ["a", "b"]
    assert snapshot.actors[1].period == snapshot.groups[0].period


def test_undefined_and_duplicate_anchors_are_yaml_errors() -> None:
    assert str(_error("info: {title: *nope}\n")) == (
        "<string>: not valid YAML: found undefined alias 'nope' (line 1, column 15)"
    )
    assert str(_error("info: {title: &x a, description: &x b}\n")) == (
        "<string>: not valid YAML: second occurrence (line 1, column 34)"
    )


# -- keys given twice -------------------------------------------------------------------------


def test_a_key_given_twice_is_refused() -> None:
    err = _error("info:\n  title: One\n  title: Two\n")
    assert str(err) == "<string>: info: the key 'title' is given twice (lines 2 and 3)"


def test_a_top_level_key_given_twice_is_refused() -> None:
    err = _error("info: {title: a}\nactors: []\ninfo: {title: b}\n")
    assert str(err) == "<string>: the key 'info' is given twice (lines 1 and 3)"


def test_a_merge_key_may_be_overridden() -> None:
    snapshot = loads("info: {<<: {title: a, description: d}, title: b}\n")
    assert (snapshot.info.title, snapshot.info.description) == ("b", "d")


# -- size ----------------------------------------------------------------------------------


def test_default_size_limit_is_128_mib() -> None:
    assert DEFAULT_MAX_BYTES == 128 * 1024 * 1024


def test_loads_counts_bytes_not_characters() -> None:
    text = "info: {title: ääää}\n"  # 20 characters, 24 bytes
    assert loads(text, max_bytes=24).info.title == "ääää"
    with pytest.raises(LoadError) as info:
        loads(text, max_bytes=23)
    assert str(info.value) == "<string>: input is 24 bytes, larger than the limit of 23 bytes"


def test_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("info: {title: " + "x" * 1000 + "}\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load(path, max_bytes=1000)
    assert str(info.value) == f"{path}: file is 1016 bytes, larger than the limit of 1000 bytes"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_file_is_read_only_up_to_the_limit() -> None:
    with pytest.raises(LoadError) as info:
        load("/dev/zero", max_bytes=1000)
    assert str(info.value) == "/dev/zero: file is larger than the limit of 1000 bytes"


def test_integers_longer_than_4300_digits_are_refused() -> None:
    digits = "9" * 4301
    assert str(_error(f"info: {{title: {digits}}}\n")) == (
        "<string>: not valid YAML: an integer of 4301 digits is too long (at most 4300) "
        "(line 1, column 15)"
    )
    assert str(_error(f'{{"info": {{"title": -{digits}}}}}', "json")) == (
        "<string>: an integer of 4301 digits is too long (at most 4300)"
    )
    # 4300 digits are read (and refused as a title, which is text)
    err = _error(f"info: {{title: {digits[:-1]}}}\n")
    assert err.problems[0].message.startswith("expected text, not int 9999")


# -- amounts beyond any budget --------------------------------------------------------------


@pytest.mark.parametrize("amount", ["1e999999999", "'1e999999999'"])
def test_an_absurd_amount_is_refused_or_reported(amount: str) -> None:
    import lape

    text = (
        "info: {as_of: 2017-06-01}\n"
        "actors: [{id: a, name: A, kind: parish}]\n"
        f"grants: [{{id: g, pool: lape-regional-2016, recipient: a, amount: {amount}}},\n"
        f"         {{id: h, pool: lape-regional-2016, recipient: a, amount: {amount}}}]\n"
    )
    try:
        snapshot = loads(text)
    except LoadError:
        return  # refused while loading: fine
    report = lape.check(snapshot)  # or reported as a finding: fine too
    assert not report.conforms


# -- many problems: the first 100 reported, the rest counted, in linear time -------------------


def _wrong_values(count: int) -> str:
    return '{"checks": {"ignore": [' + ", ".join(["1"] * count) + "]}}"


def test_many_wrong_values_report_the_first_100() -> None:
    # 500 000 such values (a 2 MB file) once took 21 s and 1.9 GB and printed 72 MB
    err = _error(_wrong_values(100_000), "json")
    assert len(err.problems) == MAX_PROBLEMS + 1
    assert err.problems[0] == Problem("checks.ignore[0]", "expected text, not int 1")
    assert err.problems[99] == Problem("checks.ignore[99]", "expected text, not int 1")
    assert err.problems[100] == Problem(
        "", "and 99900 more of the same kind (expected text, not int …)"
    )
    assert len(str(err)) < 6_000


def test_the_memory_of_many_problems_is_proportional_to_the_file() -> None:
    text = _wrong_values(20_000)
    tracemalloc.start()
    try:
        _error(text, "json")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 * len(text)  # the parsed list, and 100 problems: not one per value


def test_problems_of_several_kinds_are_counted_by_kind() -> None:
    actors = [{"id": f"a{i}", "name": i, "kind": "parish", "period": "x"} for i in range(200)]
    err = _error(json.dumps({"actors": actors}), "json")
    assert len(err.problems) == MAX_PROBLEMS + 2
    assert err.problems[:2] == (
        Problem("actors[0].name", "expected text, not int 0"),
        Problem("actors[0].period", "expected a mapping of start, end, not str 'x'"),
    )
    assert [str(p) for p in err.problems[MAX_PROBLEMS:]] == [
        "and 150 more of the same kind (expected text, not int …)",
        "and 150 more of the same kind (expected a mapping of start, end, not str …)",
    ]


@pytest.mark.parametrize(
    ("actor", "kind"),
    [
        ({"id": "a b", "name": "A", "kind": "parish"}, "expected an ID"),
        ({"name": "A", "kind": "parish"}, "required field missing"),
        ({"id": "a", "name": "A", "kind": "parish", "composed_of": "b"}, "expected a list"),
    ],
)
def test_each_problem_is_counted_once(actor: dict[str, Any], kind: str) -> None:
    err = _error(json.dumps({"actors": [actor] * 250}), "json")
    assert len(err.problems) == MAX_PROBLEMS + 1
    assert err.problems[-1].message.startswith("and 150 more of the same kind")
    assert kind in err.problems[-1].message


def test_a_key_given_twice_in_every_object_is_found_in_one_pass() -> None:
    # a 400 KB file that once ran for minutes: each duplicate's path was found by
    # walking the whole document again
    actor = '{"id": "a", "name": "A", "kind": "parish", "kind": "parish"}'
    text = '{"actors": [' + ", ".join([actor] * 6_000) + "]}"
    err = _error(text, "json")
    assert err.problems[0] == Problem("actors[0]", "the key 'kind' is given twice")
    assert err.problems[99] == Problem("actors[99]", "the key 'kind' is given twice")
    assert err.problems[100] == Problem("", "and 5900 more of the same kind")
    assert len(err.problems) == MAX_PROBLEMS + 1


def test_many_unknown_keys_are_named_up_to_ten() -> None:
    info = {f"key{i}": 1 for i in range(1000)}
    with pytest.raises(LoadError) as error:
        structure({"info": info})
    message = error.value.problems[0].message
    assert message.startswith("unknown key 'key0'; unknown key 'key1'; ")
    assert "and 990 more unknown keys; known keys: title" in message


# -- what lape.dump writes, lape check reads -------------------------------------------------


def test_what_dump_writes_at_scale_8_is_within_the_limit() -> None:
    # a file grows in proportion to the snapshot (one entry per entity); YAML is
    # the smaller of the two formats
    import lape
    from lape.io import dumps
    from lape.testing import national_snapshot

    size_one = len(dumps(national_snapshot(scale=1), format="json").encode("utf-8"))
    assert 8 * size_one * 1.5 < DEFAULT_MAX_BYTES  # scale 8 (69 MB) with room to spare
    example = lape.example()
    assert len(dumps(example).encode("utf-8")) < len(dumps(example, format="json").encode())
