"""What a field of the model accepts: converters that take what a snapshot file
takes, and validators whose complaints a person can read.

Building in Python takes what the file loader takes, so that YAML and Python
are equivalent:

- a list (any sequence, or an iterator) where a tuple is wanted, and any
  collection where a set is wanted (a set where a tuple is wanted is refused:
  it has no order);
- municipalities, regions and counties by code or by name: ``"Kajaani"``
  becomes ``"205"`` (:mod:`lape.model._ids`);
- days as ISO text (``"2017-01-01"``, :mod:`lape.model._period`), money as whole
  numbers or text (:func:`lape.model.euros`), a member of a vocabulary by its value
  (``kind="parish"`` for ``ActorKind.PARISH``, ``"warning"`` for a severity).

A value a converter cannot take is left as it is, and the field's validator
refuses it with an :class:`~lape.errors.ArgumentError` (also a ``TypeError`` and
a ``ValueError``) naming the class, the field and the item, never with attrs'
raw tuple of arguments:

>>> from lape.errors import ArgumentError
>>> from lape.model import Actor, ActorKind
>>> try:
...     Actor(id="a", name="A", kind="parsh")
... except ArgumentError as error:
...     print(error.argument, "|", error.message)
Actor.kind | expected an ActorKind, not str 'parsh'; did you mean ActorKind.PARISH?
>>> Actor(id="a", name="A", kind=ActorKind.PARISH, composed_of=["b", 7])
Traceback (most recent call last):
...
lape.errors.ArgumentError: Actor.composed_of[1]: expected text (an ID), not int 7

The file loader's hooks do the converters' work as they read (each value once,
where its path is known) and build instances without calling them again: the
converters in :data:`lape._construction.DONE_BY_LOADER` are skipped on load.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from typing import Any, TypeVar, cast

import attrs

from lape._construction import done_by_loader
from lape._describe import describe
from lape.errors import ArgumentError

__all__ = [
    "as_frozenset",
    "as_tuple",
    "deep_iterable",
    "done_by_loader",
    "field_error",
    "frozenset_of",
    "instance_of",
    "member",
    "members",
    "to_ids",
    "tuple_of",
]

T = TypeVar("T")


def field_error(
    inst: Any, attr: attrs.Attribute[Any], message: str, where: str = ""
) -> ArgumentError:
    """The error for a field's value: ``Actor.municipalities[1]: <message>``."""
    return ArgumentError(f"{type(inst).__name__}.{attr.name}{where}", message)


# -- validators ---------------------------------------------------------------------

_AttrsInstanceOf: Any = type(attrs.validators.instance_of(object))
_AttrsDeepIterable: Any = type(attrs.validators.deep_iterable(attrs.validators.instance_of(object)))

_WHAT: dict[type, str] = {
    str: "text",
    bool: "true or false",
    int: "a whole number",
    tuple: "a tuple (or a list)",
    frozenset: "a set",
}


def _what(types: type | tuple[type, ...]) -> str:
    if isinstance(types, tuple):
        return " or ".join(_what(t) for t in types)
    if types in _WHAT:
        return _WHAT[types]
    article = "an" if types.__name__[:1] in "AEIOU" else "a"
    return f"{article} {types.__name__}"


def _hint(types: type | tuple[type, ...], value: Any) -> str:
    """A "did you mean" for an enum member given by its value or name."""
    if not (isinstance(types, type) and issubclass(types, enum.Enum) and isinstance(value, str)):
        if isinstance(value, (set, AbstractSet)) and types is tuple:
            return " (a set has no order: give a list or a tuple)"
        return ""
    members = {str(m.value): m for m in types} | {m.name: m for m in types}
    found = members.get(value)
    if found is None and len(value) <= 100:
        close = difflib.get_close_matches(value, list(members), n=1)
        found = members[close[0]] if close else None
    return f"; did you mean {types.__name__}.{found.name}?" if found is not None else ""


class _InstanceOf(_AttrsInstanceOf):  # type: ignore[misc]
    """attrs' ``instance_of`` with a message a person can read (and a "did you mean"
    for an enum given by its value); the loader and hypothesis read it as attrs' own."""

    __slots__ = ()

    def __call__(self, inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, self.type):
            message = f"expected {_what(self.type)}, not {describe(value)}"
            raise field_error(inst, attr, message + _hint(self.type, value))


class _DeepIterable(_AttrsDeepIterable):  # type: ignore[misc]
    """attrs' ``deep_iterable`` whose complaint about an item names its place
    (``Actor.composed_of[1]``); items of one class, or text already seen to be
    well-formed, are passed over in one quick step."""

    __slots__ = ()

    def __call__(self, inst: Any, attr: attrs.Attribute[Any], value: Any) -> None:
        if self.iterable_validator is not None:
            self.iterable_validator(inst, attr, value)
        check = self.member_validator
        if type(check) is _InstanceOf:
            cls = check.type
            for item in value:
                if not isinstance(item, cls):
                    break
            else:
                return
        else:
            seen = getattr(check, "seen", None)  # the well-formed text a pattern has seen
            if seen is not None and type(value) is tuple:
                try:
                    if seen.issuperset(value):
                        return
                except TypeError:
                    pass  # an unhashable item: named below
        if type(value) is not tuple and isinstance(value, AbstractSet):  # no places to name
            for item in value:
                check(inst, attr, item)
            return
        for i, item in enumerate(value):
            try:
                check(inst, attr, item)
            except ArgumentError as error:
                raise ArgumentError(f"{error.argument}[{i}]", error.message) from None


def instance_of(types: type | tuple[type, ...]) -> Any:
    """An attrs validator: the value is an instance of ``types``."""
    return _InstanceOf(types)


def deep_iterable(member_validator: Any, iterable_validator: Any = None) -> Any:
    """An attrs validator: every item passes ``member_validator`` (and the whole
    ``iterable_validator``); a complaint names the item's place."""
    return _DeepIterable(member_validator, iterable_validator)


_TUPLE = instance_of(tuple)
_FROZENSET = instance_of(frozenset)


def tuple_of(member: type | Any) -> Any:
    """An attrs validator: a tuple whose items are of class ``member`` (or pass it,
    when it is a validator)."""
    check = instance_of(member) if isinstance(member, type) else member
    return deep_iterable(check, _TUPLE)


def frozenset_of(member: type | Any) -> Any:
    """An attrs validator: a frozenset whose items are of class ``member`` (or pass it)."""
    check = instance_of(member) if isinstance(member, type) else member
    return deep_iterable(check, _FROZENSET)


# -- converters -----------------------------------------------------------------------

_NOT_LISTS = (str, bytes, bytearray, Mapping, AbstractSet)
_NOT_SETS = (str, bytes, bytearray, Mapping)


def as_tuple(value: Iterable[T]) -> tuple[T, ...]:
    """``value`` as a tuple when it is a list, another sequence or an iterator;
    anything else (text, a mapping, a set) as it is, for the validator to refuse."""
    if type(value) is tuple:
        return value
    if type(value) is list:
        return tuple(value)
    if isinstance(value, _NOT_LISTS) or not isinstance(value, Iterable):
        return cast("tuple[T, ...]", value)
    return tuple(value)


def as_frozenset(value: Iterable[T]) -> frozenset[T]:
    """``value`` as a frozenset when it is a collection of hashable items; anything
    else (text, a mapping) as it is, for the validator to refuse."""
    if type(value) is frozenset or isinstance(value, _NOT_SETS) or not isinstance(value, Iterable):
        return cast("frozenset[T]", value)
    try:
        return frozenset(value)
    except TypeError:  # an unhashable item: the validator names it
        return cast("frozenset[T]", value)


def member(vocabulary: type[enum.Enum], value: Any) -> Any:
    """``value`` as a member of ``vocabulary`` when it is one's value (``"parish"`` for
    ``ActorKind.PARISH``), as a file gives it; anything else (a member, ``None``) as it
    is, for the validator to keep or refuse. The model's enum converters call it."""
    if type(value) is str:
        return vocabulary._value2member_map_.get(value, value)
    return value


def members(vocabulary: type[enum.Enum], value: Any) -> Any:
    """Any collection of members of ``vocabulary`` (each a member or its value) as a
    frozenset; ``None`` and anything else as it is, for the validator."""
    if value is None:
        return None
    found = as_frozenset(value)
    if type(found) is not frozenset or all(type(item) is not str for item in found):
        return found
    return frozenset(member(vocabulary, item) for item in found)


def to_ids(value: Iterable[str]) -> tuple[str, ...]:
    """Converter for a tuple of IDs (or of text): a list is taken too."""
    return as_tuple(value)


done_by_loader(to_ids)
