"""Load and dump of a national snapshot next to pydantic v2 and msgspec, in one run.

Run: ``python benchmarks/bench_io.py`` (needs the ``bench`` extra:
``pip install -e '.[bench]'``; ``--scale N`` for a larger snapshot, ``--rounds N``).

The rival models are made from ``lape``'s own attrs classes, field by field, so
they have the same fields, defaults, enums and ID and code patterns
(pydantic: ``StringConstraints``; msgspec: ``Meta(pattern=...)``); they read the
same JSON text that :func:`lape.dumps` writes. Each figure is the median of
alternating rounds (every library once per round, in turn), printed with its
ratio to the rivals measured in the same run. The issue's goals: load faster than
pydantic and within 6x msgspec; dump within 5x msgspec.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import time
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Annotated, Any

import attrs

import lape
from lape.model import CountyCode, MunicipalityCode, RegionCode, Snapshot
from lape.model._ids import (  # the model's own patterns, for the rivals
    COUNTY_CODE_PATTERN,
    ID_PATTERN,
    MUNICIPALITY_CODE_PATTERN,
    REGION_CODE_PATTERN,
)
from lape.testing import national_snapshot

_PATTERNS: dict[Any, str] = {
    MunicipalityCode: MUNICIPALITY_CODE_PATTERN.pattern,
    RegionCode: REGION_CODE_PATTERN.pattern,
    CountyCode: COUNTY_CODE_PATTERN.pattern,
}


def _is_id(validator: Any) -> bool:
    """Whether an attrs validator (or one inside it) checks the ID pattern."""
    text = repr(validator)
    return "an ID:" in text


def _rival_type(
    t: Any, validator: Any, make: Callable[[type], Any], pattern: Callable[[str], Any]
) -> Any:
    """The rival library's type for an attrs field's type ``t``."""
    origin = typing.get_origin(t)
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        arms = [a for a in typing.get_args(t) if a is not type(None)]
        return _rival_type(arms[0], validator, make, pattern) | None
    if origin is tuple:
        args = typing.get_args(t)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple[_rival_type(args[0], validator, make, pattern), ...]  # type: ignore[misc]
        return tuple[tuple(_rival_type(a, validator, make, pattern) for a in args)]  # type: ignore[misc]
    if origin is frozenset:
        return frozenset[_rival_type(typing.get_args(t)[0], validator, make, pattern)]  # type: ignore[misc]
    if origin in (dict, Mapping):
        key, value = typing.get_args(t)
        return dict[key, value]  # type: ignore[valid-type]
    if t in _PATTERNS:
        return pattern(_PATTERNS[t])
    if t is str and _is_id(validator):
        return pattern(ID_PATTERN.pattern)
    if attrs.has(t):
        return make(t)
    return t


_Field = tuple[str, Any, str, Any]  # name, type, "required" / "factory" / "default", default


def _models(pattern: Callable[[str], Any], build: Callable[[str, list[_Field]], Any]) -> Any:
    """A rival library's models of lape's attrs classes, from ``Snapshot`` down:
    ``pattern`` makes a constrained text type, ``build`` a class from its fields."""
    made: dict[type, Any] = {}

    def make(cls: type) -> Any:
        if cls in made:
            return made[cls]
        attrs.resolve_types(cls)
        fields: list[_Field] = []
        for f in attrs.fields(cls):
            t = _rival_type(f.type, f.validator, make, pattern)
            if f.default is attrs.NOTHING:
                fields.append((f.name, t, "required", None))
            elif isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
                factory = f.default.factory  # the rival's own class where lape's is attrs
                fields.append(
                    (f.name, t, "factory", make(factory) if attrs.has(factory) else factory)
                )
            else:
                fields.append((f.name, t, "default", f.default))
        made[cls] = build(cls.__name__, fields)
        return made[cls]

    return make(Snapshot)


def pydantic_models() -> Any:
    import pydantic

    def build(name: str, fields: list[_Field]) -> Any:
        spec: dict[str, Any] = {}
        for field, t, kind, default in fields:
            if kind == "required":
                spec[field] = (t, ...)
            elif kind == "factory":
                spec[field] = (t, pydantic.Field(default_factory=default))
            else:
                spec[field] = (t, default)
        config = pydantic.ConfigDict(extra="forbid", frozen=True)
        return pydantic.create_model(name, __config__=config, **spec)

    return _models(
        lambda p: Annotated[str, pydantic.StringConstraints(pattern=f"^(?:{p})$")], build
    )


def msgspec_models() -> Any:
    import msgspec

    def build(name: str, fields: list[_Field]) -> Any:
        spec: list[Any] = []
        for field, t, kind, default in fields:
            if kind == "required":
                spec.append((field, t))
            elif kind == "factory":
                spec.append((field, t, msgspec.field(default_factory=default)))
            else:
                spec.append((field, t, default))
        return msgspec.defstruct(
            name, spec, kw_only=True, frozen=True, forbid_unknown_fields=True, omit_defaults=True
        )

    return _models(lambda p: Annotated[str, msgspec.Meta(pattern=f"^(?:{p})$")], build)


def rounds(work: dict[str, Callable[[], Any]], n: int) -> dict[str, list[float]]:
    """Run every piece of ``work`` once per round, in turn, ``n`` rounds."""
    times: dict[str, list[float]] = {name: [] for name in work}
    for _ in range(n):
        for name, fn in work.items():
            gc.collect()
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)

    import msgspec

    snapshot = national_snapshot(scale=args.scale)
    text = lape.dumps(snapshot, format="json")
    raw = text.encode("utf-8")
    print(
        f"lape {lape.__version__}; national snapshot at scale {args.scale}: "
        f"{len(raw):,} bytes of JSON"
    )

    rival_p = pydantic_models()
    rival_m = msgspec_models()
    decoder = msgspec.json.Decoder(rival_m)
    encoder = msgspec.json.Encoder()
    as_p = rival_p.model_validate_json(raw)
    as_m = decoder.decode(raw)
    assert len(as_p.actors) == len(as_m.actors) == len(snapshot.actors)
    assert lape.loads(text, format="json") == snapshot

    load = rounds(
        {
            "lape": lambda: lape.loads(text, format="json"),
            "pydantic": lambda: rival_p.model_validate_json(raw),
            "msgspec": lambda: decoder.decode(raw),
        },
        args.rounds,
    )
    dump = rounds(
        {
            "lape": lambda: lape.dumps(snapshot, format="json"),
            "pydantic": lambda: as_p.model_dump_json(indent=2, exclude_defaults=True),
            "msgspec": lambda: msgspec.json.format(encoder.encode(as_m), indent=2),
        },
        args.rounds,
    )
    for what, times, goals in (
        ("load", load, {"pydantic": 1.0, "msgspec": 6.0}),
        ("dump", dump, {"msgspec": 5.0}),
    ):
        median = {name: statistics.median(t) for name, t in times.items()}
        print(f"\n{what} (median of {args.rounds} alternating rounds; min..max)")
        for name, t in times.items():
            print(
                f"  {name:<9} {median[name] * 1000:8.1f} ms   "
                f"({min(t) * 1000:.1f}..{max(t) * 1000:.1f})"
            )
        for rival, goal in goals.items():
            ratio = median["lape"] / median[rival]
            runs = statistics.median(
                a / b for a, b in zip(times["lape"], times[rival], strict=True)
            )
            verdict = "met" if ratio <= goal else "NOT met"
            print(
                f"  lape / {rival}: {ratio:.2f}x (median of the rounds' own ratios {runs:.2f}x); "
                f"goal {'faster than' if goal == 1.0 else f'within {goal:g}x of'} {rival}: "
                f"{verdict}"
            )
    _ = dt, Decimal  # the rival models read these types through lape's annotations


if __name__ == "__main__":
    main()
