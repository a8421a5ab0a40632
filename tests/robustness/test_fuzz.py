"""Fuzzing the loader: whatever goes in, only a LapeError comes out.

Arbitrary JSON-like data into :func:`lape.io.structure`, arbitrary text and
YAML- or JSON-looking text into :func:`lape.io.loads`, arbitrary bytes into
:func:`lape.io.load`. Keys and values are drawn from the file format's own
vocabulary as well as at random, so that the data reaches deep into the model.
Whatever loads is also checked (only LapeError again) and written and read back.

``HYPOTHESIS_PROFILE=ci`` runs 100 examples per property (the CI run); a local
hunt for bugs can run many more with a profile of its own.
"""

from __future__ import annotations

import contextlib
import enum
import json
import tempfile
from pathlib import Path
from typing import Any

import attrs
import yaml
from hypothesis import given
from hypothesis import strategies as st

import lape
import lape.model
import lape.testing
from lape.errors import LapeError
from lape.io import Format, dumps, load, loads, structure
from lape.model import Snapshot

_MODEL = [getattr(lape.model, name) for name in lape.model.__all__]
KEYS = sorted({f.name for cls in _MODEL if attrs.has(cls) for f in attrs.fields(cls)})
SECTIONS = [f.name for f in attrs.fields(Snapshot)]
ENUM_VALUES = sorted(
    {
        str(member.value)
        for cls in _MODEL
        if isinstance(cls, type) and issubclass(cls, enum.Enum)
        for member in cls
    }
)
VALUES = [
    *ENUM_VALUES,
    "a",
    "b",
    "Kuopio",
    "Tammerfors",
    "297",
    "091",
    "11",
    "PS",
    "Pohjois-Savo",
    "2017-01-01",
    "2017-02-30",
    "2017-01-01T10:00:00",
    "LAPE-G01",
    "LAPE-G*",
    "groups",
    "lape-regional-2016",
    "capital-region",
    "HUS",
    "10.005",
    "-5",
    " 1 000 ",
    "1e999999999",
    "NaN",
    "sNaN",
    "Infinity",
]

SCALARS: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.text(max_size=10),
    st.sampled_from(VALUES),
    st.dates(),
    st.datetimes(),
)
KEYS_ANY: st.SearchStrategy[str] = st.sampled_from(KEYS) | st.text(max_size=4)


def json_like(scalars: st.SearchStrategy[Any] = SCALARS) -> st.SearchStrategy[Any]:
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS_ANY, inner, max_size=5),
        max_leaves=30,
    )


def snapshot_like(scalars: st.SearchStrategy[Any] = SCALARS) -> st.SearchStrategy[Any]:
    """Mostly mappings of known sections to entities made of known keys."""
    entity = st.dictionaries(st.sampled_from(KEYS), json_like(scalars), max_size=8)
    section = st.lists(entity, max_size=3) | entity | json_like(scalars)
    sections = st.dictionaries(st.sampled_from(SECTIONS) | st.text(max_size=3), section, max_size=5)
    return sections | json_like(scalars)


# what JSON and YAML can hold: no dates, no Decimal, no datetimes
TEXT_SCALARS: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=10),
    st.sampled_from(VALUES),
)


def validate_all(value: Any) -> int:
    """Run every attrs validator on ``value`` and everything inside it (the
    converter builds instances without running them again): how many ran."""
    count = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if attrs.has(type(item)):
            attrs.validate(item)
            count += 1
            stack.extend(getattr(item, f.name) for f in attrs.fields(type(item)))
        elif isinstance(item, (tuple, frozenset, list)):
            stack.extend(item)
    return count


def _check_what_loads(snapshot: Snapshot) -> None:
    assert validate_all(snapshot) >= 4  # the snapshot, its info, scope and checks
    assert loads(dumps(snapshot)) == snapshot
    assert loads(dumps(snapshot, format="json"), format="json") == snapshot
    with contextlib.suppress(LapeError):
        lape.check(snapshot)


@given(snapshot_like())
def test_structure_raises_only_lape_errors(data: Any) -> None:
    try:
        snapshot = structure(data)
    except LapeError:
        return
    _check_what_loads(snapshot)


@given(snapshot_like(TEXT_SCALARS))
def test_yaml_documents_raise_only_lape_errors(data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    try:
        snapshot = loads(text)
    except LapeError:
        return
    _check_what_loads(snapshot)


@given(snapshot_like(TEXT_SCALARS))
def test_json_documents_raise_only_lape_errors(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False)
    try:
        snapshot = loads(text, format="json")
    except LapeError:
        return
    _check_what_loads(snapshot)


@given(st.text())
def test_any_text_raises_only_lape_errors(text: str) -> None:
    formats: tuple[Format, ...] = ("yaml", "json")
    for fmt in formats:
        with contextlib.suppress(LapeError):
            loads(text, format=fmt)


YAML_PIECES = [
    *"[]{},:-?'\"#&*!|>%@`\t\n",
    ": ",
    "- ",
    "\n  ",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "<<: ",
    "!!float ",
    "!!int ",
    "!!bool ",
    "!!str ",
    "!!timestamp ",
    "!!binary ",
    "!!set ",
    "!!omap ",
    "!!python/object/apply:os.system ",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "1.5",
    "0x1F",
    "1:30",
    "1_000",
    ".nan",
    ".inf",
    "~",
    "yes",
    "2017-02-30",
    "2017-01-01 10:00:00",
    "\\ud800",
    *SECTIONS,
    *KEYS[:40],
    *VALUES[:20],
]


@given(st.lists(st.sampled_from(YAML_PIECES) | st.text(max_size=3), max_size=40).map("".join))
def test_yaml_looking_text_raises_only_lape_errors(text: str) -> None:
    with contextlib.suppress(LapeError):
        loads(text)


JSON_PIECES = [
    *'[]{}:," \n',
    "1",
    "-0",
    "1.5",
    "1e999",
    "NaN",
    "Infinity",
    "-Infinity",
    "null",
    "true",
    '"\\ud800"',
    '"\\u0000"',
    *[json.dumps(k) for k in [*SECTIONS, *KEYS, *VALUES[:20]]],
]


@given(st.lists(st.sampled_from(JSON_PIECES), max_size=60).map("".join))
def test_json_looking_text_raises_only_lape_errors(text: str) -> None:
    with contextlib.suppress(LapeError):
        loads(text, format="json")


@given(st.binary(), st.sampled_from(["s.yaml", "s.json", "s.csv"]))
def test_any_bytes_in_a_file_raise_only_lape_errors(raw: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, name)
        path.write_bytes(raw)
        with contextlib.suppress(LapeError):
            load(path, max_bytes=1000)


def test_the_vocabulary_reaches_the_model() -> None:
    # the keys and values above are the format's own, so the fuzzing gets past the top
    assert {"actors", "members", "period", "amount", "start"} <= set(KEYS)
    assert {"parish", "municipal", "chair"} <= set(VALUES)


def test_what_the_converter_builds_passes_every_validator() -> None:
    # the twin of the converter's shortcut: attrs' own validators, run afterwards
    assert validate_all(lape.example()) > 100
    national = dumps(lape.testing.national_snapshot(scale=1), format="json")
    assert validate_all(loads(national, format="json")) > 10_000
