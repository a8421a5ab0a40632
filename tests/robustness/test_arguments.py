"""The public API's arguments: whatever is passed, only a ``LapeError`` comes out.

Each argument ``check``, ``load``, ``loads``, ``structure``, ``dump`` and
``dumps`` cannot take is an :class:`~lape.errors.ArgumentError` naming it (a
parameter override of the wrong kind: a ``ParameterError`` naming the parameter).
A hypothesis test passes them odd values of every kind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lape
from lape.errors import ArgumentError, LapeError
from lape.io import dump, dumps, load, loads, structure
from lape.rules import ParameterError, Severity, catalogue, default_parameters

SNAPSHOT = lape.loads("info: {as_of: 2017-06-01}\nactors: [{id: a, name: A, kind: parish}]\n")


def _refused(argument: str, **kwargs: Any) -> str:
    with pytest.raises(ArgumentError) as info:
        lape.check(SNAPSHOT, **kwargs)
    assert info.value.argument == argument
    assert isinstance(info.value, (TypeError, ValueError, LapeError))
    return str(info.value)


def test_an_unknown_language() -> None:
    assert _refused("lang", lang="de") == (
        "lang: unknown language str 'de'; expected one of 'fi', 'sv', 'en'"
    )


def test_an_unknown_severity() -> None:
    assert _refused("severity", severity={"LAPE-G01": "fatal"}) == (
        "severity: 'LAPE-G01': expected a Severity or one of 'error', 'warning', 'info', "
        "not str 'fatal'"
    )
    report = lape.check(SNAPSHOT, severity={"LAPE-G01": Severity.INFO, "LAPE-G02": "info"})
    assert {r.rule: r.severity for r in report.results}["LAPE-G02"] is Severity.INFO


def test_rule_ids_where_rules_belong() -> None:
    assert _refused("rules", rules=["LAPE-G01"]) == (
        "rules: item 0: expected a Rule, not str 'LAPE-G01'; to pick rules by ID, tag or "
        "pattern, use select="
    )
    assert _refused("rules", rules="LAPE-G01").startswith("rules: expected a RuleSet or rules")
    one = next(iter(catalogue()))
    assert [r.rule for r in lape.check(SNAPSHOT, rules=one).results] == [one.id]  # type: ignore[arg-type]


def test_as_of_takes_a_date_or_an_iso_date_string() -> None:
    assert lape.check(SNAPSHOT, as_of="2017-06-01").as_of == dt.date(2017, 6, 1)  # type: ignore[arg-type]
    assert _refused("as_of", as_of="1.6.2017").startswith("as_of: expected a date")
    assert _refused("as_of", as_of=20170601).startswith("as_of: expected a date")
    assert _refused("as_of", as_of=dt.datetime(2017, 6, 1, 12)) == (
        "as_of: expected a date, not a date and time (2017-06-01T12:00:00); use .date()"
    )


def test_one_rule_as_a_plain_string() -> None:
    # once read as the letters L, A, P, E...
    assert [r.rule for r in lape.check(SNAPSHOT, select="LAPE-G01").results] == ["LAPE-G01"]
    ignored = lape.check(SNAPSHOT, ignore="LAPE-G01").results
    assert "LAPE-G01" not in {r.rule for r in ignored}
    assert _refused("select", select=[1]) == "select: item 0: expected text, not int 1"
    assert _refused("ignore", ignore=5).startswith("ignore: expected rule IDs")


def test_a_parameter_override_of_the_wrong_kind() -> None:
    bad = default_parameters().override("LAPE-F03.min_actors", "two")
    with pytest.raises(ParameterError) as info:
        lape.check(SNAPSHOT, parameters=bad)
    assert str(info.value) == (
        "'LAPE-F03.min_actors' takes a whole number, not str 'two' (from 1900-01-01)"
    )
    with pytest.raises(ParameterError, match="takes a list of str"):
        lape.check(
            SNAPSHOT,
            parameters=default_parameters().override("LAPE-F10.round_pools", "lape-regional-2016"),
        )
    assert _refused("parameters", parameters={"LAPE-F03.min_actors": 3}).startswith(
        "parameters: expected Parameters"
    )


def test_other_arguments_of_check() -> None:
    with pytest.raises(ArgumentError, match=r"^snapshot: expected a Snapshot, not str"):
        lape.check("my-region.yaml")  # type: ignore[arg-type]
    assert _refused("file_settings", file_settings="no") == (
        "file_settings: expected True or False, not str 'no'"
    )
    assert _refused("geography", geography={}).startswith("geography: expected a Geography")


def test_arguments_of_the_loaders(tmp_path: Path) -> None:
    with pytest.raises(ArgumentError) as info:
        loads(None)  # type: ignore[arg-type]
    assert str(info.value) == "text: expected text (str), not nothing (null)"
    with pytest.raises(ArgumentError) as info:
        loads("info: {}", format="toml")  # type: ignore[arg-type]
    assert str(info.value) == "format: expected 'yaml' or 'json', not str 'toml'"
    with pytest.raises(ArgumentError, match=r"^text: expected text .*; lape\.load reads a file"):
        loads(b"info: {}")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"^max_bytes: expected a whole number of bytes"):
        loads("info: {}", max_bytes="64")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"^path: expected a file name or a path"):
        load(None)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"^format: expected 'yaml' or 'json' "):
        load(tmp_path / "s.yaml", format="xml")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"^source: expected text"):
        structure({}, source=None)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"^snapshot: expected a Snapshot"):
        dumps({})  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"^format: "):
        dumps(SNAPSHOT, format="toml")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match=r"^path: "):
        dump(SNAPSHOT, 42)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


# -- fuzzing: odd arguments of every kind ------------------------------------------------------


class _Odd(enum.Enum):
    X = "x"


ODD: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.text(max_size=12),
    st.binary(max_size=8),
    st.sampled_from(
        [
            "fi",
            "de",
            "LAPE-G01",
            "LAPE-G*",
            "groups",
            "2017-06-01",
            "2017-02-30",
            "error",
            "fatal",
            Severity.INFO,
            _Odd.X,
            dt.date(2017, 6, 1),
            dt.datetime(2017, 6, 1, 12),
            Decimal("NaN"),
            next(iter(catalogue())),
            default_parameters(),
            default_parameters().override("LAPE-F03.min_actors", "2"),
            default_parameters().override("LAPE-C04.earliest_start", dt.datetime(2016, 9, 1)),
            default_parameters().override("pool.lape-regional-2016.amount", "lots"),
            default_parameters().override("no.such.parameter", 1),
            object(),
            Path("x.yaml"),
        ]
    ),
    st.lists(st.sampled_from(["LAPE-G01", "funding", 1, None, "LAPE-X99"]), max_size=3),
    st.dictionaries(
        st.sampled_from(["LAPE-G01", "links", 1, None]),
        st.sampled_from(["error", "info", "fatal", Severity.WARNING, 3]),
        max_size=3,
    ),
)
CHECK_ARGUMENTS = [
    "as_of",
    "rules",
    "lang",
    "parameters",
    "geography",
    "select",
    "ignore",
    "severity",
    "file_settings",
]


@given(st.dictionaries(st.sampled_from(CHECK_ARGUMENTS), ODD, max_size=4))
def test_check_with_odd_arguments_raises_only_lape_errors(kwargs: dict[str, Any]) -> None:
    with contextlib.suppress(LapeError):
        lape.check(SNAPSHOT, **kwargs)


@given(ODD)
def test_check_with_an_odd_snapshot_raises_only_lape_errors(snapshot: Any) -> None:
    with contextlib.suppress(LapeError):
        lape.check(snapshot)


@given(ODD, st.dictionaries(st.sampled_from(["format", "source", "max_bytes"]), ODD, max_size=3))
def test_loads_with_odd_arguments_raises_only_lape_errors(
    text: Any, kwargs: dict[str, Any]
) -> None:
    with contextlib.suppress(LapeError):
        loads(text, **kwargs)


@given(ODD, st.dictionaries(st.sampled_from(["format", "max_bytes"]), ODD, max_size=2))
def test_load_with_odd_arguments_raises_only_lape_errors(path: Any, kwargs: dict[str, Any]) -> None:
    with contextlib.suppress(LapeError):
        load(path, **kwargs)


@given(ODD, st.dictionaries(st.sampled_from(["source", "geography"]), ODD, max_size=2))
def test_structure_with_odd_arguments_raises_only_lape_errors(
    data: Any, kwargs: dict[str, Any]
) -> None:
    with contextlib.suppress(LapeError):
        structure(data, **kwargs)


@given(ODD, ODD)
def test_dumps_with_odd_arguments_raises_only_lape_errors(snapshot: Any, format: Any) -> None:
    with contextlib.suppress(LapeError):
        dumps(snapshot, format=format)
