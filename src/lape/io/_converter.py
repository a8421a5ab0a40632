"""The one ``cattrs`` converter that turns snapshot files into model objects and back."""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import operator
import re
import unicodedata
from collections.abc import Callable, Mapping
from decimal import Decimal
from types import UnionType
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from lape._construction import DONE_BY_LOADER, unknown_area  # shared with the model
from lape._describe import describe
from lape._describe import shown as _shown
from lape.io._budget import Dropped, keep
from lape.io._reader import FieldPlan, compile_reader
from lape.model import (  # with the model's validators, whose work the hooks do
    CountyCode,
    Geography,
    MunicipalityCode,
    RegionCode,
    entity_id,
    euros,
    is_day,
    is_money,
)
from lape.reference import geography as reference_geography

__all__ = ["configure_converter", "describe", "make_converter"]

T = TypeVar("T")
_Hook = Callable[[Any, Any], Any]


def make_converter(geography: Geography | None = None) -> cattrs.Converter:
    """A new converter configured for ``lape`` files (see :func:`configure_converter`)."""
    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    configure_converter(converter, geography=geography)
    return converter


def configure_converter(converter: cattrs.Converter, *, geography: Geography | None = None) -> None:
    """Teach ``converter`` the choices of the ``lape`` file format.

    - Unknown keys are rejected (``forbid_extra_keys``), naming the closest known key;
      a key that is not text (``1:``, ``.nan:``, ``true:`` in YAML) is refused by name.
    - Defaults are left out when dumping (``omit_if_default``), so files stay short.
    - ``str`` accepts strings only (cattrs' default would turn ``42`` into ``"42"``),
      normalised to Unicode NFC (an ``ä`` typed as ``a`` and a combining diaeresis is
      the same ``ä``); lone surrogates are refused. ``bool`` accepts booleans only.
    - Dates are ``datetime.date`` or ISO strings (``2017-01-01``), never datetimes;
      they dump as ISO strings, so YAML and JSON files are identical.
    - Money is ``Decimal``, read by :func:`lape.model.euros` (decimal numerals in
      ASCII digits; spaces inside text are thousands separators); a ``float`` is
      refused; at most cents; dumps as a string.
    - Municipalities are given by code (``"837"``, or ``837``) or by Finnish or
      Swedish name (``Tampere``, ``Tammerfors``); regions by code or fi/sv/en
      name; counties by code, short ID (``PI``) or name. Names become codes.
    - ``int`` (a survey's ratings) accepts whole numbers only: not ``"3"``,
      ``3.0`` or ``true`` (cattrs' default would read all three as numbers).
    - Enums are given by value; an unknown value names the allowed ones.
    - Sets dump as sorted lists, tuples as lists.
    - Lists, mappings and attrs classes are read by this module's own hooks: each
      value is checked once, where its path is known, and the problems kept are
      bounded (:mod:`lape.io._budget`), so that a file of a million mistakes costs
      time and memory in proportion to its size, not more.
    - A complaint of a field's attrs validator, raised while the class is built,
      carries the field's path (``groups[3].members[1].actor``).
    """
    geo = geography if geography is not None else reference_geography()

    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(Decimal, _structure_money)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(
        MunicipalityCode, _area_hook("municipality", geo.municipality_code, geo)
    )
    converter.register_structure_hook(RegionCode, _area_hook("region", geo.region_code, geo))
    converter.register_structure_hook(CountyCode, _area_hook("county", geo.county_code, geo))
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    converter.register_unstructure_hook_factory(_is_frozenset, _frozenset_unstructure(converter))
    converter.register_unstructure_hook_factory(_is_tuple, _tuple_unstructure(converter))
    converter.register_unstructure_hook_factory(_is_optional, _optional_unstructure(converter))
    converter.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda t: operator.attrgetter("_value_"),
    )
    converter.register_structure_hook_factory(
        _is_optional, functools.partial(_optional_hook, converter=converter)
    )
    converter.register_structure_hook_factory(
        lambda t: _list_shape(t) is not None, functools.partial(_list_hook, converter=converter)
    )
    converter.register_structure_hook_factory(
        _is_mapping, functools.partial(_mapping_hook, converter=converter)
    )
    converter.register_structure_hook_factory(
        attrs.has, functools.partial(_attrs_structure_hook, converter=converter)
    )


# -- scalar hooks ----------------------------------------------------------


_SURROGATE = re.compile("[\ud800-\udfff]")


def _structure_str(value: Any, _: type) -> str:
    if type(value) is not str:
        if not isinstance(value, str):
            msg = f"expected text, not {describe(value)}"
            raise TypeError(msg)
        value = str(value)
    text: str = value
    if text.isascii():
        return text
    found = _SURROGATE.search(text)
    if found is not None:
        msg = f"not Unicode text: a lone surrogate {found.group()!r} (half of a \\u escape pair?)"
        raise ValueError(msg)
    return unicodedata.normalize("NFC", text)


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        msg = f"expected true or false, not {describe(value)}"
        raise TypeError(msg)
    return value


def _structure_int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        shown = f"a decimal number {value}" if isinstance(value, Decimal) else describe(value)
        msg = f"expected a whole number, not {shown}"
        raise TypeError(msg)
    return value


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def _structure_date(value: Any, _: type) -> dt.date:
    if isinstance(value, dt.datetime):
        msg = f"expected a date (YYYY-MM-DD), not a date and time ({value.isoformat()})"
        raise TypeError(msg)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            msg = f"no such date: {value!r}"
            raise ValueError(msg) from None
    msg = f"expected a date (YYYY-MM-DD), not {describe(value)}"
    raise TypeError(msg)


def _structure_money(value: Any, _: type) -> Decimal:
    if isinstance(value, float):
        msg = (
            f"expected an amount of euros as text or an exact number, not a float ({value!r}); "
            "write it in quotes, e.g. '19000000.50'"
        )
        raise TypeError(msg)
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        msg = f"expected an amount of euros, not {describe(value)}"
        raise TypeError(msg)
    return euros(value)


def _area_hook(
    what: str, resolve: Callable[[str], str | None], geo: Geography
) -> Callable[[Any, type], str]:
    width = 3 if what == "municipality" else 2
    code = re.compile(f"[0-9]{{{width}}}", re.ASCII)

    def structure(value: Any, _: type) -> str:
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**width:
            return str(value).zfill(width)
        if not isinstance(value, str):
            msg = f"expected a {what} code or name, not {describe(value)}"
            raise TypeError(msg)
        if code.fullmatch(value):
            return value  # a well-formed code; whether it exists is LAPE-S01's business
        name = _structure_str(value, str)
        found = resolve(name)
        if found is None:
            raise ValueError(unknown_area(what, name, geo))  # the model says the same
        return found

    return structure


_MAX_GUESSED = 100
"""Longer text gets no "did you mean" (difflib's work grows with the length)."""


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    by_value = {member.value: member for member in cls}
    allowed = ", ".join(repr(v) for v in by_value)
    what = re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()

    def structure(value: Any, _: type) -> enum.Enum:
        member = by_value.get(value) if isinstance(value, str) else None
        if member is None:
            hint = ""
            if isinstance(value, str) and len(value) <= _MAX_GUESSED:
                close = difflib.get_close_matches(value, [str(v) for v in by_value], n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
            msg = f"unknown {what} {_shown(value)}; expected one of {allowed}{hint}"
            raise ValueError(msg)
        return member

    return structure


# -- unstructuring ----------------------------------------------------------------


def _is_tuple(t: Any) -> bool:
    return get_origin(t) is tuple or t is tuple


def _is_frozenset(t: Any) -> bool:
    return get_origin(t) is frozenset or t is frozenset


_PLAIN = (str, int, bool, MunicipalityCode, RegionCode, CountyCode)
"""Types whose values are written as they are: no hook to call per value."""


def _item_hook(converter: cattrs.Converter, t: Any) -> Callable[[Any], Any] | None:
    """The unstructure hook of the items of a list-like type ``t`` (``None``: the
    items are written as they are); the hook is looked up once, not per item."""
    args = get_args(t)
    item = args[0] if args and (len(args) == 1 or args[1] is Ellipsis) else Any
    if item in _PLAIN:
        return None
    if isinstance(item, type) and issubclass(item, enum.Enum):
        return operator.attrgetter("_value_")
    if item is Any:
        return converter.unstructure
    return converter.get_unstructure_hook(item)


_SETS_REMEMBERED = 1024


def _frozenset_unstructure(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any], Any]]:
    def factory(t: Any) -> Callable[[Any], Any]:
        hook = _item_hook(converter, t)
        args = get_args(t)
        textual = bool(args) and (
            args[0] in _PLAIN[:1] + _PLAIN[3:]
            or (isinstance(args[0], type) and issubclass(args[0], enum.Enum))
        )
        key = None if textual else str  # text sorts as it is
        done: dict[frozenset[Any], tuple[Any, ...]] = {}  # the same sets recur (sectors...)

        def unstructure(value: frozenset[Any]) -> list[Any]:
            found = done.get(value) if textual else None  # text only: no shared objects
            if found is None:
                items = value if hook is None else map(hook, value)
                found = tuple(sorted(items, key=key))
                if len(done) >= _SETS_REMEMBERED:
                    done.clear()
                done[value] = found
            return list(found)  # a list of its own: YAML would write shared ones as aliases

        return unstructure

    return factory


def _tuple_unstructure(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any], Any]]:
    def factory(t: Any) -> Callable[[Any], Any]:
        hook = _item_hook(converter, t)
        if hook is None:
            return list
        found = hook

        def unstructure(value: tuple[Any, ...]) -> list[Any]:
            return list(map(found, value))

        return unstructure

    return factory


def _optional_unstructure(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any], Any]]:
    def factory(t: Any) -> Callable[[Any], Any]:
        inner_type = next(a for a in get_args(t) if a is not type(None))
        if inner_type in _PLAIN:
            return _identity
        inner = (
            operator.attrgetter("_value_")
            if isinstance(inner_type, type) and issubclass(inner_type, enum.Enum)
            else converter.get_unstructure_hook(inner_type)
        )

        def unstructure(value: Any) -> Any:
            return None if value is None else inner(value)

        return unstructure

    return factory


def _identity(value: T) -> T:
    return value


# -- containers: each value read once, its problems kept within the budget -----------


def _collect(errors: list[Exception] | None, exc: Exception, note: Any) -> list[Exception]:
    """Add ``exc`` (with ``note``, its place) to ``errors`` if the budget keeps it."""
    found = [] if errors is None else errors
    if keep(exc):
        # __notes__ as cattrs sets them (Python 3.10 has no add_note)
        exc.__notes__ = [*getattr(exc, "__notes__", ()), note]  # type: ignore[attr-defined,unused-ignore]
        found.append(exc)
    return found


def _collect_item(
    errors: list[Exception] | None, exc: Exception, index: Any, item_type: Any
) -> list[Exception]:
    """:func:`_collect` for an item of a list or mapping; its note (the place) is
    made only for a problem the budget keeps."""
    found = [] if errors is None else errors
    if keep(exc):
        note = IterableValidationNote(f"Structuring @ {index!r}", index, item_type)
        exc.__notes__ = [*getattr(exc, "__notes__", ()), note]  # type: ignore[attr-defined,unused-ignore]
        found.append(exc)
    return found


def _fail(errors: list[Exception], group: type[Exception], what: str, t: Any) -> None:
    """Raise the problems of a list, mapping or class: a cattrs error group with the
    problems kept, or :class:`~lape.io._budget.Dropped` when the budget kept none."""
    if not errors:
        raise Dropped
    raise group(f"While structuring {what}", errors, t)


def _is_optional(t: Any) -> bool:
    if get_origin(t) not in (Union, UnionType):
        return False
    args = get_args(t)
    return len(args) == 2 and type(None) in args


def _optional_hook(t: Any, converter: cattrs.Converter) -> _Hook:
    inner_type = next(a for a in get_args(t) if a is not type(None))
    inner = converter.get_structure_hook(inner_type)

    def structure(value: Any, _: Any) -> Any:
        return None if value is None else inner(value, inner_type)

    return structure


def _list_shape(t: Any) -> int | None:
    """For a list-like type (``tuple[X, ...]``, ``tuple[X, Y]`` or ``frozenset[X]``):
    the exact number of items it takes (``-1``: any number); ``None`` for other types."""
    origin = get_origin(t)
    if origin is frozenset:
        return -1
    if origin is tuple:
        args = get_args(t)
        return -1 if len(args) == 2 and args[1] is Ellipsis else len(args)
    return None


def _list_hook(t: Any, converter: cattrs.Converter) -> _Hook:
    """Read a list (or a YAML sequence) into a tuple or frozenset, item by item."""
    shape = _list_shape(t)
    args = get_args(t)
    make: Callable[[list[Any]], Any] = frozenset if get_origin(t) is frozenset else tuple
    hooks = [(converter.get_structure_hook(a), a) for a in args if a is not Ellipsis]
    single = hooks[0] if shape == -1 else None  # the hook of every item, or one per place
    quick = _quick_items(args[0]) if shape == -1 else None

    def structure(value: Any, _: Any) -> Any:
        if type(value) is not list and not isinstance(value, (list, tuple)):
            msg = f"expected a list, not {describe(value)}"
            raise TypeError(msg)
        if shape != -1 and len(value) != shape:
            msg = f"expected a list of exactly {shape} items, not {len(value)}"
            raise ValueError(msg)
        if quick is not None:
            try:  # not contextlib.suppress: its calls cost more than the quick read saves
                return make(quick(value))
            except (TypeError, KeyError, ValueError):
                pass  # item by item, each problem with its place
        out: list[Any] = []
        append = out.append
        errors = None
        for i, item in enumerate(value):
            hook, item_type = single or hooks[i]
            try:
                append(hook(item, item_type))
            except Exception as exc:
                errors = _collect_item(errors, exc, i, item_type)
        if errors is not None:
            _fail(errors, IterableValidationError, repr(t), t)
        return make(out)

    return structure


def _quick_items(item_type: Any) -> Callable[[Any], Any] | None:
    """For lists of text, codes or enum values: the items read at once, in C-speed
    steps, exactly as their hook would read them when all of them are sound; an
    exception (any) when one is not, and the hook reads them one by one."""
    if item_type is str:

        def texts(value: list[Any]) -> Any:
            if "".join(value).isascii():  # a TypeError for anything but text
                return value
            raise ValueError

        return texts
    if item_type in _CODE_WIDTHS:
        code = re.compile(f"[0-9]{{{_CODE_WIDTHS[item_type]}}}", re.ASCII).fullmatch

        def codes(value: list[Any]) -> Any:
            "".join(value)  # a TypeError for anything but text
            if all(map(code, value)):
                return value
            raise ValueError

        return codes
    table = _enum_table(item_type)
    if table is not None:
        return functools.partial(map, table.__getitem__)  # KeyError, or TypeError
    return None


_CODE_WIDTHS = {MunicipalityCode: 3, RegionCode: 2, CountyCode: 2}


def _is_mapping(t: Any) -> bool:
    return get_origin(t) in (dict, Mapping) and len(get_args(t)) == 2


def _mapping_hook(t: Any, converter: cattrs.Converter) -> _Hook:
    key_type, value_type = get_args(t)
    key_hook = converter.get_structure_hook(key_type)
    value_hook = converter.get_structure_hook(value_type)

    def structure(value: Any, _: Any) -> dict[Any, Any]:
        if not isinstance(value, dict):
            msg = f"expected a mapping, not {describe(value)}"
            raise TypeError(msg)
        out = {}
        errors = None
        for key, item in value.items():
            try:
                out[key_hook(key, key_type)] = value_hook(item, value_type)
            except Exception as exc:
                errors = _collect_item(errors, exc, key, value_type)
        if errors is not None:
            _fail(errors, IterableValidationError, repr(t), t)
        return out

    return structure


# -- attrs classes -------------------------------------------------------------------


def _attrs_structure_hook(cls: type[Any], converter: cattrs.Converter) -> _Hook:
    """Read a mapping into ``cls``: each key by its field's hook, unknown keys and
    keys that are not text refused, missing required fields named.

    The instance is built without running attrs' validators again on what the
    hooks have just checked (a text is text, a date a date, a set of sectors a
    frozenset of sectors: that was a third of the time of a load); only the part
    of each field's validator that no hook does (an ID's pattern, a coordination
    link's two actors) runs, once, on the built instance (:func:`residual`).
    ``attrs.validate`` on anything this converter builds passes: a test holds
    it to that.
    """
    attrs.resolve_types(cls)
    fields = attrs.fields(cls)
    hooks = {
        f.name: (
            converter.get_structure_hook(f.type),
            f.type,
            AttributeValidationNote(
                f"Structuring class {cls.__qualname__} @ attribute {f.name}", f.name, f.type
            ),
            f.type is str or f.type == (str | None),  # text: read here, without a call
            _is_optional(f.type),
            _enum_table(f.type),  # an enum's members by value: read here too
            _without_none(f.type) is dt.date,  # a date: an ISO one read here too
        )
        for f in fields
    }
    required = [f.name for f in fields if f.default is attrs.NOTHING]
    all_required = frozenset(required)
    known = frozenset(hooks)
    what = cls.__name__
    build = _builder(cls, fields)
    order = {f.name: i for i, f in enumerate(fields)}

    def in_field_order(exc: BaseException) -> int:
        notes = getattr(exc, "__notes__", ())
        name = getattr(notes[-1], "name", None) if notes else None
        return order.get(name, len(order)) if isinstance(name, str) else len(order)

    checks = [(f, check) for f in fields if (check := residual(f.validator, f.type)) is not None]
    # an ID's pattern, the commonest check, matched here; the validator only for its message
    patterns = [
        (f.name, c.pattern.fullmatch, f, c) for f, c in checks if isinstance(c, _FULL_MATCH)
    ]
    checks = [(f, c) for f, c in checks if not isinstance(c, _FULL_MATCH)]

    spec_of = hooks.get
    from_iso = dt.date.fromisoformat

    def structure(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            msg = f"expected a mapping of {_fields_of(cls)}, not {describe(value)}"
            raise TypeError(msg)
        found: dict[str, Any] = {}
        errors = None
        for key, item in value.items():
            spec = spec_of(key)
            if spec is None:
                if type(key) is not str:
                    raise TypeError(_keys_problem(value))
                continue  # unknown: named below
            if type(item) is str:
                if spec[3] and item.isascii():
                    found[key] = item  # the str hook's answer, without the call
                    continue
                if spec[5] is not None:
                    member = spec[5].get(item)
                    if member is not None:
                        found[key] = member  # the enum hook's answer
                        continue
                elif spec[6] and len(item) == 10 and item[4] == item[7] == "-" and item.isascii():
                    try:
                        found[key] = from_iso(item)  # the date hook's answer
                        continue
                    except ValueError:
                        pass  # no such day: the hook says so
            elif item is None and spec[4]:
                found[key] = None  # the optional hook's answer
                continue
            try:
                found[key] = spec[0](item, spec[1])
            except Exception as exc:
                errors = _collect(errors, exc, spec[2])
        if not all_required.issubset(value):
            for name in required:
                if name not in value:
                    errors = _collect(errors, KeyError(name), hooks[name][2])
        if not known.issuperset(value):
            extra = ForbiddenExtraKeysError("", cls, value.keys() - known)
            errors = errors if errors is not None else []
            if keep(extra):
                errors.append(extra)
        if errors is not None:
            errors.sort(key=in_field_order)  # as the class lists its fields, not the file
            _fail(errors, ClassValidationError, what, cls)
        instance = build(found)
        for name, matches, field, check in patterns:
            if matches(getattr(instance, name)) is None:
                try:
                    check(instance, field, getattr(instance, name))
                except _CHECK_PROBLEMS as exc:
                    errors = _collect(errors, exc, hooks[name][2])
        for field, check in checks:
            try:
                check(instance, field, getattr(instance, field.name))
            except _CHECK_PROBLEMS as exc:
                errors = _collect(errors, exc, hooks[field.name][2])
        if errors is not None:
            _fail(errors, ClassValidationError, what, cls)
        return instance

    if any(
        isinstance(f.default, attrs.Factory) and f.default.takes_self  # type: ignore[arg-type]
        for f in fields
    ):
        return structure  # pragma: no cover - no class of the model has one
    plans = [_plan(f, converter, hooks[f.name][2], cls) for f in fields if f.init]
    matched = {plan.name for plan in plans if plan.match is not None}
    return compile_reader(
        cls,
        plans,
        general=structure,
        known=known,
        post_init=getattr(cls, "__attrs_post_init__", None),
        checks=[
            (f, check, hooks[f.name][2])
            for f, check in [(f, c) for _, _, f, c in patterns] + checks
            if f.name not in matched
        ],
        collect=_collect,
        fail=_fail,
        problems=_CHECK_PROBLEMS,
        error_group=ClassValidationError,
    )


_LEAF_HOOKED = (Decimal, int, MunicipalityCode, RegionCode, CountyCode)
"""Types whose hooks raise on a bad value and keep no problem of their own."""


def _plan(
    field: attrs.Attribute[Any],
    converter: cattrs.Converter,
    note: Any,
    cls: type[Any],
) -> FieldPlan:
    """How the generated reader (:mod:`lape.io._reader`) reads ``field``."""
    t = field.type
    inner = _without_none(t)
    optional = inner is not t
    common: dict[str, Any] = {
        "name": field.name,
        "note": note,
        "setter": _slot_setter(cls, field.name, object.__setattr__),
        "required": field.default is attrs.NOTHING,
        "default": None if field.default is attrs.NOTHING else field.default,
        "convert": _still_to_convert(field),
    }
    check = residual(field.validator, t)
    match = _inline_match(check, t)
    if inner is str:
        return FieldPlan(
            read="text",
            type=str,
            hook=converter.get_structure_hook(str),
            optional=optional,
            match=match,
            **common,
        )
    table = _enum_table(inner)
    if table is not None:
        return FieldPlan(
            read="enum", type=inner, hook=_no_hook, optional=optional, table=table, **common
        )
    if inner in (dt.date, bool) or inner in _LEAF_HOOKED:
        read = "date" if inner is dt.date else "bool" if inner is bool else "hook"
        hook = converter.get_structure_hook(inner)
        return FieldPlan(read=read, type=inner, hook=hook, optional=optional, **common)
    if _list_shape(inner) == -1:
        items = _quick_items(get_args(inner)[0])
        if items is not None:
            make = frozenset if get_origin(inner) is frozenset else tuple
            return FieldPlan(
                read="items",
                type=inner,
                hook=_no_hook,
                optional=optional,
                items=items,
                make=make,
                match=match,
                **common,
            )
    return FieldPlan(read="nested", type=t, hook=converter.get_structure_hook(t), **common)


def _inline_match(check: Any, t: Any) -> Callable[[str], Any] | None:
    """The pattern's ``fullmatch`` when the whole of ``check`` (a residual validator of
    a field of type ``t``) is an ID pattern on the text or on each item; else ``None``."""
    if isinstance(check, _OPTIONAL):
        check = check.validator
    if isinstance(check, _FULL_MATCH) and _without_none(t) is str:
        found: Callable[[str], Any] = check.pattern.fullmatch
        return found
    if isinstance(check, _EachItem) and isinstance(check.member, _FULL_MATCH):
        each: Callable[[str], Any] = check.member.pattern.fullmatch
        return each
    return None


def _still_to_convert(field: attrs.Attribute[Any]) -> Callable[[Any], Any] | None:
    """The field's attrs converter, unless the loader's hooks do its work."""
    if field.converter is None:
        return None
    found: Any = field.converter
    convert: Callable[[Any], Any] = found if callable(found) else found.converter
    return None if convert in DONE_BY_LOADER else convert


def _no_hook(value: Any, _: Any) -> Any:  # pragma: no cover - read without a hook
    raise TypeError(value)


def _builder(
    cls: type[Any], fields: tuple[attrs.Attribute[Any], ...]
) -> Callable[[dict[str, Any]], Any]:
    """A function that builds ``cls`` from checked field values without attrs'
    ``__init__`` (whose validators would check them again): defaults and
    factories filled in, attrs converters applied (but those whose work the hooks
    have done: :data:`lape._construction.DONE_BY_LOADER`), ``__attrs_post_init__``
    called."""
    setter = object.__setattr__
    new = object.__new__
    defaults: dict[str, Any] = {}
    factories: list[tuple[str, Any]] = []
    converters: list[tuple[str, Callable[[Any], Any]]] = []
    for f in fields:
        if not f.init:
            continue
        if isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            factories.append((f.name, f.default))
        defaults[f.name] = f.default  # in field order; factories replaced per instance
        if f.converter is not None:
            found: Any = f.converter
            convert = found if callable(found) else found.converter
            if convert not in DONE_BY_LOADER:  # a list to a tuple, a name to a code...
                converters.append((f.name, convert))
    post_init = getattr(cls, "__attrs_post_init__", None)

    # a slot's own descriptor sets it directly (a frozen class's __setattr__ refuses)
    slots = [(name, _slot_setter(cls, name, setter)) for name in defaults]

    plain = [(name, set_slot, defaults[name]) for name, set_slot in slots]
    special = bool(factories or converters)

    def build(found: dict[str, Any]) -> Any:
        instance = new(cls)
        if special:
            found = defaults | found
            for name, factory in factories:
                if found[name] is factory:
                    found[name] = (
                        factory.factory(instance) if factory.takes_self else factory.factory()
                    )
            for name, convert in converters:
                found[name] = convert(found[name])
        get = found.get
        for name, set_slot, default in plain:
            set_slot(instance, get(name, default))
        if post_init is not None:
            post_init(instance)
        return instance

    return build


def _slot_setter(cls: type[Any], name: str, setter: Any) -> Callable[[Any, Any], None]:
    slot = getattr(cls, name, None)
    if type(slot).__name__ == "member_descriptor":
        found: Callable[[Any, Any], None] = slot.__set__  # type: ignore[union-attr]
        return found
    return lambda instance, value: setter(instance, name, value)  # pragma: no cover


_INSTANCE_OF: Any = type(attrs.validators.instance_of(str))
_OPTIONAL: Any = type(attrs.validators.optional(attrs.validators.instance_of(str)))
_DEEP_ITERABLE: Any = type(attrs.validators.deep_iterable(attrs.validators.instance_of(str)))
_DEEP_MAPPING: Any = type(
    attrs.validators.deep_mapping(
        attrs.validators.instance_of(str), attrs.validators.instance_of(str)
    )
)
_AND: Any = type(attrs.validators.and_(attrs.validators.instance_of(str)))
_CODES = (MunicipalityCode, RegionCode, CountyCode)
_FULL_MATCH: Any = type(entity_id())
_IS_MONEY: Any = type(is_money())
_IS_DAY: Any = type(is_day())


def _enum_table(t: Any) -> dict[str, enum.Enum] | None:
    inner = _without_none(t)
    if isinstance(inner, type) and issubclass(inner, enum.Enum):
        return {member.value: member for member in inner}
    return None


def residual(validator: Any, t: Any) -> Any:
    """What of ``validator`` (for a field of type ``t``) this converter's hooks do not
    already check, or ``None``.

    The hooks guarantee every value's type (so ``instance_of`` checks nothing more),
    a date that is no datetime, money that :func:`~lape.model.euros` accepts and an
    area code of the right digits; an entity ID's pattern and checks written for one
    class remain. A validator this does not know remains whole.
    """
    if validator is None or isinstance(validator, (_INSTANCE_OF, _IS_MONEY, _IS_DAY)):
        return None
    if isinstance(validator, _OPTIONAL):
        inner = residual(validator.validator, _without_none(t))
        return None if inner is None else attrs.validators.optional(inner)
    if isinstance(validator, _DEEP_ITERABLE):
        args = get_args(_without_none(t))
        item_type = args[0] if args else Any
        member = residual(validator.member_validator, item_type)
        return None if member is None else _EachItem(member, item_type)
    if isinstance(validator, _DEEP_MAPPING):
        args = get_args(_without_none(t))
        key = residual(validator.key_validator, args[0] if args else Any)
        value = residual(validator.value_validator, args[1] if len(args) > 1 else Any)
        if key is None and value is None:
            return None
        return attrs.validators.deep_mapping(
            key or attrs.validators.instance_of(object),
            value or attrs.validators.instance_of(object),
        )
    if isinstance(validator, _AND):
        parts = [r for v in validator._validators if (r := residual(v, t)) is not None]
        return None if not parts else parts[0] if len(parts) == 1 else attrs.validators.and_(*parts)
    if _without_none(t) in _CODES and getattr(validator, "pattern", None) is not None:
        return None  # the area hooks make codes of the right digits
    return validator


@attrs.frozen
class _EachItem:
    """A validator run on each item of a list, whose problems name the item's place
    (``actors[0].composed_of[1]``), as a hook's problems do."""

    member: Any
    item_type: Any

    def __call__(self, instance: Any, field: attrs.Attribute[Any], value: Any) -> None:
        errors = None
        for i, item in enumerate(value):
            try:
                self.member(instance, field, item)
            except (TypeError, ValueError) as exc:
                errors = _collect_item(errors, exc, i, self.item_type)
        if errors is not None:
            _fail(errors, IterableValidationError, repr(field.type), field.type)


_CHECK_PROBLEMS = (TypeError, ValueError, IterableValidationError, Dropped)
"""What a residual check raises: a problem, or the problems of a list's items
(:class:`_EachItem`), or that the budget kept none of them."""


def _without_none(t: Any) -> Any:
    if get_origin(t) in (Union, UnionType):
        arms = [a for a in get_args(t) if a is not type(None)]
        if len(arms) == 1:
            return arms[0]
    return t


def _keys_problem(value: dict[Any, Any]) -> str:
    bad = [k for k in value if type(k) is not str]
    shown = ", ".join(_describe_key(k) for k in bad[:5]) + (", ..." if len(bad) > 5 else "")
    return f"keys must be text, not {shown}; put a key in quotes to make it text ('1': ...)"


def _describe_key(key: Any) -> str:
    if isinstance(key, bool):
        return f"the boolean {str(key).lower()}"
    if isinstance(key, (int, float, Decimal)):
        text = str(key)
        return f"the number {text if len(text) <= 40 else text[:37] + '...'}"
    if key is None:
        return "null"
    if isinstance(key, dt.date):
        return f"the date {key.isoformat()}"
    return describe(key)


def _fields_of(cls: type[Any]) -> str:
    return ", ".join(f.name for f in attrs.fields(cls)[:4]) + (
        "..." if len(attrs.fields(cls)) > 4 else ""
    )


def known_fields(cls: type[Any]) -> list[str]:
    """The keys an attrs class takes in a file."""
    return [f.name for f in attrs.fields(cls)]
