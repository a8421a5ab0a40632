"""Large JSON files (1 Mi characters and more) are read the quick way first (orjson,
the first problem stopping it) and again the careful way when anything is unusual.
Whatever the size, a file reads to the same snapshot or to the same problems."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lape
from lape.errors import MAX_PROBLEMS, LoadError, Problem
from lape.io import loads
from lape.model import Snapshot
from lape.testing import snapshots

LARGE = 1 << 20  # the quick reading's threshold: lape.io._files.QUICK_JSON_FROM


def _padded(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with a description long enough to make its JSON a large file."""
    info = dict(data.get("info", {}))
    info["description"] = info.get("description", "") + "x" * LARGE
    return {**data, "info": info}


def _both(data: dict[str, Any], edit: Callable[[str], str] = str) -> tuple[Any, Any]:
    """What loading gives (a snapshot, or the LoadError's problems) for ``data``
    written as small JSON text and as large text, each changed by ``edit``."""
    found: list[Any] = []
    for pad in (False, True):
        text = edit(json.dumps(_padded(data) if pad else data))
        assert (len(text) >= LARGE) is pad
        try:
            found.append(loads(text, format="json"))
        except LoadError as exc:
            found.append(exc.problems)
    return found[0], found[1]


ACTORS = [
    {"id": "kunta", "name": "Kajaanin kaupunki", "kind": "municipality", "municipalities": ["205"]},
    {"id": "srk", "name": "Kajaanin seurakunta", "kind": "parish"},
]


def test_a_large_sound_file_reads_as_a_small_one() -> None:
    data = {"actors": ACTORS, "info": {"title": "Kainuu: LAPE"}}
    small, large = _both(data)
    assert isinstance(small, Snapshot)
    assert isinstance(large, Snapshot)
    assert large.actors == small.actors
    assert large.info.title == "Kainuu: LAPE"


def test_a_key_given_twice_in_a_large_file_is_refused() -> None:
    def twice(text: str) -> str:
        return text.replace('"kind": "parish"', '"kind": "parish", "kind": "group"')

    small, large = _both({"actors": ACTORS}, twice)
    assert large == small == (Problem("actors[1]", "the key 'kind' is given twice"),)


def test_a_key_given_twice_beside_an_escaped_colon_is_refused() -> None:
    # the colon written as an escape: the colons of the text no longer count the keys
    def escaped_and_twice(text: str) -> str:
        text = text.replace("Kainuu: LAPE", "Kainuu\\u003a LAPE")
        return text.replace('"kind": "parish"', '"kind": "parish", "kind": "group"')

    small, large = _both({"actors": ACTORS, "info": {"title": "Kainuu: LAPE"}}, escaped_and_twice)
    assert large == small == (Problem("actors[1]", "the key 'kind' is given twice"),)


def test_a_fraction_in_a_large_file_is_read_as_a_decimal() -> None:
    pools = [{"id": "p", "name": "Pool", "amount": 12.5}]
    small, large = _both({"pools": pools})
    assert small.pools[0].amount == large.pools[0].amount == Decimal("12.5")


def test_the_problems_of_a_large_file_are_those_of_a_small_one() -> None:
    actors = [
        {"id": f"a{i}", "name": i, "kind": "parish" if i % 2 else "prish", "extra": 1}
        for i in range(300)
    ]
    small, large = _both({"actors": actors})
    assert isinstance(small, tuple)
    assert len(small) > MAX_PROBLEMS  # 100 and the counts of the rest
    assert large == small  # each problem once: the quick reading counted none of them


@settings(max_examples=10, suppress_health_check=[HealthCheck.too_slow])
@given(snapshots())
def test_any_snapshot_reads_back_from_a_large_file(snapshot: Snapshot) -> None:
    data = lape.io.unstructure(snapshot)
    text = json.dumps(_padded(data), ensure_ascii=False)
    loaded = loads(text, format="json")
    assert loaded.info.description == snapshot.info.description + "x" * LARGE
    assert lape.io.unstructure(loaded) == _padded(data)


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def _places(data: Any, top: bool = True) -> list[tuple[Any, Any]]:
    """Every (container, key or index) inside ``data`` but under ``info``."""
    found: list[tuple[Any, Any]] = []
    items = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        if top and key == "info":
            continue
        found.append((data, key))
        if isinstance(value, (dict, list)):
            found.extend(_places(value, top=False))
    return found


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(snapshots(), st.data())
def test_a_changed_value_reads_the_same_in_a_large_file(snapshot: Snapshot, data: Any) -> None:
    plain = lape.io.unstructure(snapshot)
    places = _places(plain)
    if places:
        container, key = data.draw(st.sampled_from(places), label="place")
        container[key] = data.draw(_JSON, label="new value")
    small, large = _both(plain)
    if isinstance(small, Snapshot):  # read: the same but for the padding
        assert isinstance(large, Snapshot)
        assert attrs.evolve(large, info=small.info) == small
    else:
        assert large == small  # refused: the same problems
