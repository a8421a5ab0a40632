"""The one ``cattrs`` converter that turns snapshot files into model objects and back."""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from types import UnionType
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import AttributeValidationNote, ClassValidationError
from cattrs.gen import make_dict_structure_fn, override

from lape.model import CountyCode, Geography, MunicipalityCode, RegionCode
from lape.model._money import money_problem
from lape.reference import geography as reference_geography

__all__ = ["configure_converter", "make_converter"]

T = TypeVar("T")


def make_converter(geography: Geography | None = None) -> cattrs.Converter:
    """A new converter configured for ``lape`` files (see :func:`configure_converter`)."""
    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    configure_converter(converter, geography=geography)
    return converter


def configure_converter(converter: cattrs.Converter, *, geography: Geography | None = None) -> None:
    """Teach ``converter`` the choices of the ``lape`` file format.

    - Unknown keys are rejected (``forbid_extra_keys``), naming the closest known key.
    - Defaults are left out when dumping (``omit_if_default``), so files stay short.
    - ``str`` accepts strings only (cattrs' default would turn ``42`` into ``"42"``);
      ``bool`` accepts booleans only (``"no"`` is not ``True``).
    - Dates are ``datetime.date`` or ISO strings (``2017-01-01``), never datetimes;
      they dump as ISO strings, so YAML and JSON files are identical.
    - Money is ``Decimal``: from a string, an integer or a decimal number read
      without float loss; a ``float`` is refused; at most cents; dumps as a string.
    - Municipalities are given by code (``"837"``, or ``837``) or by Finnish or
      Swedish name (``Tampere``, ``Tammerfors``); regions by code or fi/sv/en
      name; counties by code, short ID (``PI``) or name. Names become codes.
    - ``int`` (a survey's ratings) accepts whole numbers only: not ``"3"``,
      ``3.0`` or ``true`` (cattrs' default would read all three as numbers).
    - Enums are given by value; an unknown value names the allowed ones.
    - Sets dump as sorted lists, tuples as lists.
    - A complaint of a field's attrs validator, raised while the class is built,
      carries the field's path (``groups[3].members[1].actor``); the validators
      run once.
    """
    geo = geography if geography is not None else reference_geography()

    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(Decimal, _structure_money)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(
        MunicipalityCode, _area_hook("municipality", geo.municipality_code, geo.municipality_names)
    )
    converter.register_structure_hook(RegionCode, _area_hook("region", geo.region_code, None))
    converter.register_structure_hook(CountyCode, _area_hook("county", geo.county_code, None))
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    converter.register_unstructure_hook_factory(_is_frozenset, _frozenset_unstructure(converter))
    converter.register_unstructure_hook_factory(_is_tuple, _tuple_unstructure(converter))
    converter.register_structure_hook_factory(
        attrs.has, functools.partial(_attrs_structure_hook, converter=converter)
    )


# -- scalar hooks ----------------------------------------------------------


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        msg = f"expected text, not {_describe(value)}"
        raise TypeError(msg)
    return value


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        msg = f"expected true or false, not {_describe(value)}"
        raise TypeError(msg)
    return value


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        shown = f"a decimal number {value}" if isinstance(value, Decimal) else _describe(value)
        msg = f"expected a whole number, not {shown}"
        raise TypeError(msg)
    return value


def _structure_date(value: Any, _: type) -> dt.date:
    if isinstance(value, dt.datetime):
        msg = f"expected a date (YYYY-MM-DD), not a date and time ({value.isoformat()})"
        raise TypeError(msg)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            msg = f"no such date: {value!r}"
            raise ValueError(msg) from None
    msg = f"expected a date (YYYY-MM-DD), not {_describe(value)}"
    raise TypeError(msg)


def _structure_money(value: Any, _: type) -> Decimal:
    if isinstance(value, float):
        msg = (
            f"expected an amount of euros as text or an exact number, not a float ({value!r}); "
            "write it in quotes, e.g. '19000000.50'"
        )
        raise TypeError(msg)
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        msg = f"expected an amount of euros, not {_describe(value)}"
        raise TypeError(msg)
    try:
        amount = (
            Decimal(value.strip().replace(" ", "")) if isinstance(value, str) else Decimal(value)
        )
    except InvalidOperation:
        msg = f"not an amount of euros: {value!r}"
        raise ValueError(msg) from None
    problem = money_problem(amount)
    if problem is not None:
        raise ValueError(problem)
    return amount


def _area_hook(
    what: str,
    resolve: Callable[[str], str | None],
    names: Callable[[], tuple[str, ...]] | None,
) -> Callable[[Any, type], str]:
    width = 3 if what == "municipality" else 2
    code = re.compile(f"[0-9]{{{width}}}")

    def structure(value: Any, _: type) -> str:
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**width:
            return str(value).zfill(width)
        if not isinstance(value, str):
            msg = f"expected a {what} code or name, not {_describe(value)}"
            raise TypeError(msg)
        if code.fullmatch(value):
            return value  # a well-formed code; whether it exists is LAPE-S01's business
        found = resolve(value)
        if found is None:
            hint = ""
            if names is not None:
                close = difflib.get_close_matches(value, names(), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
            msg = f"unknown {what} {value!r} (give a {width}-digit code or a name){hint}"
            raise ValueError(msg)
        return found

    return structure


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    by_value = {member.value: member for member in cls}
    allowed = ", ".join(repr(v) for v in by_value)
    what = re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()

    def structure(value: Any, _: type) -> enum.Enum:
        member = by_value.get(value) if isinstance(value, str) else None
        if member is None:
            close = difflib.get_close_matches(str(value), [str(v) for v in by_value], n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            msg = f"unknown {what} {value!r}; expected one of {allowed}{hint}"
            raise ValueError(msg)
        return member

    return structure


def _is_tuple(t: Any) -> bool:
    return get_origin(t) is tuple or t is tuple


def _is_frozenset(t: Any) -> bool:
    return get_origin(t) is frozenset or t is frozenset


def _frozenset_unstructure(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any], Any]]:
    def factory(t: Any) -> Callable[[Any], Any]:
        def unstructure(value: frozenset[Any]) -> list[Any]:
            return sorted((converter.unstructure(v) for v in value), key=str)

        return unstructure

    return factory


def _tuple_unstructure(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any], Any]]:
    def factory(t: Any) -> Callable[[Any], Any]:
        def unstructure(value: tuple[Any, ...]) -> list[Any]:
            return [converter.unstructure(v) for v in value]

        return unstructure

    return factory


# -- attrs classes: run each field's validator where cattrs knows the path --


def _attrs_structure_hook(
    cls: type[Any], converter: cattrs.Converter
) -> Callable[[Any, type], Any]:
    attrs.resolve_types(cls)
    fields = {f.name: f for f in attrs.fields(cls)}
    overrides: dict[str, Any] = {}
    for field in fields.values():
        shape = _list_shape(field.type)
        if shape is not None:
            inner = converter.get_structure_hook(field.type)
            overrides[field.name] = override(struct_hook=_list_checked(inner, field, shape))
    structure = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True, **overrides)

    def checked(value: Any, t: type) -> Any:
        if not isinstance(value, dict):
            msg = f"expected a mapping of {_fields_of(cls)}, not {_describe(value)}"
            raise TypeError(msg)
        try:
            return structure(value, t)
        except ClassValidationError as exc:
            _name_fields(cls, fields, exc)
            raise

    return checked


_FIELD_NAME = re.compile(r"'(\w+)'")


def _name_fields(
    cls: type[Any], fields: dict[str, attrs.Attribute[Any]], error: ClassValidationError
) -> None:
    """Name the field of each complaint an attrs validator raised while the class was
    built (cattrs reports those for the whole object), so that its path reaches the
    message. attrs' validators and ours start their messages with the field's name
    in quotes."""
    for exc in error.exceptions:
        notes = getattr(exc, "__notes__", ())
        if any(isinstance(n, AttributeValidationNote) for n in notes):
            continue
        found = _FIELD_NAME.match(str(exc))
        field = fields.get(found.group(1)) if found else None
        if field is not None:
            exc.add_note(
                AttributeValidationNote(
                    f"Structuring class {cls.__qualname__} @ attribute {field.name}",
                    field.name,
                    field.type,
                )
            )


def _list_shape(t: Any) -> int | None:
    """For a list-like field type (tuple or frozenset, possibly optional): the exact number
    of items it takes (``-1``: any number); ``None`` for other types."""
    if get_origin(t) in (Union, UnionType):
        arms = [a for a in get_args(t) if a is not type(None)]
        return _list_shape(arms[0]) if len(arms) == 1 else None
    origin = get_origin(t)
    if origin is frozenset:
        return -1
    if origin is tuple:
        args = get_args(t)
        return -1 if len(args) == 2 and args[1] is Ellipsis else len(args)
    return None


def _list_checked(
    inner: Callable[[Any, Any], Any], field: attrs.Attribute[Any], shape: int
) -> Callable[[Any, Any], Any]:
    """Check a list-like value's shape before cattrs reads it, so that a string or a
    null is not read as a sequence and the complaint carries the field's path."""

    def structure(value: Any, t: Any) -> Any:
        if not (value is None and field.default is None):
            if not isinstance(value, (list, tuple)):
                msg = f"expected a list, not {_describe(value)}"
                raise TypeError(msg)
            if shape >= 0 and len(value) != shape:
                msg = f"expected a list of exactly {shape} items, not {len(value)}"
                raise ValueError(msg)
        return inner(value, t)

    return structure


def _fields_of(cls: type[Any]) -> str:
    return ", ".join(f.name for f in attrs.fields(cls)[:4]) + (
        "..." if len(attrs.fields(cls)) > 4 else ""
    )


def _describe(value: Any) -> str:
    kinds = {dict: "a mapping", list: "a list", type(None): "nothing (null)"}
    kind = kinds.get(type(value), f"{type(value).__name__}")
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return kind if isinstance(value, (dict, list)) or value is None else f"{kind} {shown}"


def known_fields(cls: type[Any]) -> list[str]:
    """The keys an attrs class takes in a file."""
    return [f.name for f in attrs.fields(cls)]
