"""Generated readers: one function per attrs class for the common case, a sound file.

The converter's hook for a class (:func:`lape.io._converter._attrs_structure_hook`)
reads any mapping: it loops over the keys, looks up each field's hook, keeps the
problems it finds within the budget, and builds the instance. Most of a large
file is sound, and for sound input that loop is pure overhead. :func:`compile_reader`
writes a function for one class (as attrs writes ``__init__`` and cattrs its
structure functions) that reads each field with the few steps its type needs and
sets the instance's slots directly.

It changes no answer: the generated function reads the *leaf* fields first
(text, enum values, dates, booleans, money, area codes, lists of those), and at
the first thing it does not take on sight (a missing required key, an unknown
key, a value of another type, an ID not matching its pattern...) it hands the
whole mapping to the general hook, which reads it again and says what is wrong.
Nothing has been counted against the problem budget by then. Fields holding
other classes (or lists of them) are read after the leaves, by their own hooks,
with their problems collected as the general hook collects them.
"""

from __future__ import annotations

import datetime as dt
import linecache
from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["FieldPlan", "compile_reader"]

_Hook = Callable[[Any, Any], Any]


@attrs.frozen
class FieldPlan:
    """How the generated reader reads one field.

    ``read`` is one of ``text``, ``enum``, ``date``, ``bool``, ``hook`` (a leaf
    hook that raises on a bad value and keeps no problem), ``items`` (a list of
    leaves read at once by ``items``) or ``nested`` (a hook that may keep problems).
    """

    name: str
    read: str
    type: Any
    hook: _Hook
    note: Any
    """The cattrs note naming the field, for a problem found inside it."""
    setter: Callable[[Any, Any], None]
    required: bool
    default: Any = None
    """The default, or an ``attrs.Factory`` (without ``takes_self``)."""
    optional: bool = False
    """Whether ``None`` is taken as it is."""
    table: Any = None
    """``read == "enum"``: the members by value."""
    items: Callable[[Any], Any] | None = None
    """``read == "items"``: the items read at once (an exception when one is not sound)."""
    make: Callable[[Any], Any] | None = None
    """``read == "items"``: ``tuple`` or ``frozenset``."""
    match: Callable[[str], Any] | None = None
    """A pattern the text (``items``: each item) must match, else the general hook."""
    convert: Callable[[Any], Any] | None = None
    """An attrs converter still to apply to the value read."""


_DATE_CHECK = "type(v) is str and len(v) == 10 and v[4] == v[7] == '-' and v.isascii()"


_GENERAL = "return general(value, _)"
"""The generated code's way out: the general hook reads the mapping again."""
_GIVE_UP = "raise GiveUp"
"""The way out inside the ``try`` of the leaves, whose ``except`` calls the general
hook (a ``return general(...)`` there would call it twice when it raises)."""


class _GiveUp(Exception):  # noqa: N818 - a signal inside the generated code
    """Raised by the generated code to hand the mapping to the general hook."""


def _leaf(i: int, plan: FieldPlan) -> list[str]:
    """Lines that read ``v`` into ``a{i}``, or return to the general hook."""
    back = _GIVE_UP
    if plan.read == "text":
        lines = [f"a{i} = v if type(v) is str and v.isascii() else h{i}(v, t{i})"]
    elif plan.read == "enum":
        lines = [f"a{i} = e{i}[v]"]
    elif plan.read == "date":
        lines = [f"a{i} = iso(v) if {_DATE_CHECK} else h{i}(v, t{i})"]
    elif plan.read == "bool":
        lines = ["if type(v) is not bool:", f"    {back}", f"a{i} = v"]
    elif plan.read == "hook":
        lines = [f"a{i} = h{i}(v, t{i})"]
    else:  # items
        lines = ["if type(v) is not list:", f"    {back}", f"a{i} = k{i}(q{i}(v))"]
    if plan.match is not None:
        fails = f"not all(map(m{i}, a{i}))" if plan.read == "items" else f"m{i}(a{i}) is None"
        lines += [f"if {fails}:", f"    {back}"]
    if plan.optional:
        lines = ["if v is None:", f"    a{i} = None", "else:", *("    " + line for line in lines)]
    return lines


def _absent(i: int, plan: FieldPlan, way_out: str) -> str:
    """The statement for a field the mapping leaves out (a required one: ``way_out``)."""
    if plan.required:
        return way_out
    if isinstance(plan.default, attrs.Factory):  # type: ignore[arg-type]
        return f"a{i} = f{i}()"
    return f"a{i} = d{i}"


def compile_reader(
    cls: type[Any],
    plans: list[FieldPlan],
    *,
    general: _Hook,
    known: frozenset[str],
    post_init: Callable[[Any], None] | None,
    checks: list[tuple[attrs.Attribute[Any], Any, Any]],
    collect: Callable[[Any, Exception, Any], Any],
    fail: Callable[..., None],
    problems: tuple[type[Exception], ...],
    error_group: type[Exception],
) -> _Hook:
    """The generated reader of ``cls`` (fields as ``plans`` say, in field order).

    ``general`` is the hook that reads any mapping; ``checks`` are the validators
    still to run on the built instance (``(field, validator, note)``), the
    ``problems`` they raise collected by ``collect`` and raised by ``fail`` as
    ``error_group``.
    """
    names: dict[str, Any] = {
        "general": general,
        "known": known,
        "new": object.__new__,
        "cls": cls,
        "iso": dt.date.fromisoformat,
        "M": _MISSING,
        "collect": collect,
        "fail": fail,
        "group": error_group,
        "what": cls.__name__,
        "post": post_init,
        "checks": checks,
        "problems": problems,
        "GiveUp": _GiveUp,
    }
    leaves = [(i, p) for i, p in enumerate(plans) if p.read != "nested"]
    nested = [(i, p) for i, p in enumerate(plans) if p.read == "nested"]
    lines = [
        "def read(value, _):",
        "    if type(value) is not dict or not value.keys() <= known:",
        f"        {_GENERAL}",
        "    get = value.get",
        "    try:",
    ]
    for i, plan in enumerate(plans):
        names.update(
            {
                f"h{i}": plan.hook,
                f"t{i}": plan.type,
                f"n{i}": plan.note,
                f"s{i}": plan.setter,
                f"d{i}": plan.default,
                f"e{i}": plan.table,
                f"q{i}": plan.items,
                f"k{i}": plan.make,
                f"m{i}": plan.match,
                f"c{i}": plan.convert,
            }
        )
        if isinstance(plan.default, attrs.Factory):  # type: ignore[arg-type]
            names[f"f{i}"] = plan.default.factory
    for plan in plans:
        if plan.read == "nested" and plan.required:
            lines += [f"        if {plan.name!r} not in value:", f"            {_GIVE_UP}"]
    for i, plan in leaves:
        lines += [
            f"        v = get({plan.name!r}, M)",
            "        if v is M:",
            f"            {_absent(i, plan, _GIVE_UP)}",
            "        else:",
            *("            " + line for line in _leaf(i, plan)),
        ]
    if lines[-1] == "    try:":
        lines.append("        pass")
    lines += ["    except Exception:", f"        {_GENERAL}"]
    if nested:
        lines.append("    errors = None")
    for i, plan in nested:
        lines += [
            f"    v = get({plan.name!r}, M)",
            "    if v is M:",
            f"        {_absent(i, plan, _GENERAL)}",
            "    else:",
            "        try:",
            f"            a{i} = h{i}(v, t{i})",
            "        except Exception as exc:",
            f"            errors = collect(errors, exc, n{i})",
        ]
    if nested:
        lines += ["    if errors is not None:", "        fail(errors, group, what, cls)"]
    lines.append("    instance = new(cls)")
    for i, plan in enumerate(plans):
        value = f"c{i}(a{i})" if plan.convert is not None else f"a{i}"
        lines.append(f"    s{i}(instance, {value})")
    if post_init is not None:
        lines.append("    post(instance)")
    if checks:
        lines += [
            "    errors = None",
            "    for field, check, note in checks:",
            "        try:",
            "            check(instance, field, getattr(instance, field.name))",
            "        except problems as exc:",
            "            errors = collect(errors, exc, note)",
            "    if errors is not None:",
            "        fail(errors, group, what, cls)",
        ]
    lines.append("    return instance")
    source = "\n".join(lines) + "\n"
    filename = f"<lape reader {cls.__module__}.{cls.__qualname__}>"
    # tracebacks and debuggers show the generated lines (as for attrs' __init__)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), names)  # from field names only, never data
    read: _Hook = names["read"]
    read.__qualname__ = f"read_{cls.__name__}"
    return read


class _Missing:
    __slots__ = ()

    def __repr__(self) -> str:
        return "<missing>"


_MISSING = _Missing()
