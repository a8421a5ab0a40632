"""The arguments of :func:`lape.check`, checked before anything runs.

Every argument :func:`~lape.rules.check` cannot take is a
:class:`~lape.errors.ArgumentError` naming it (a :class:`~lape.errors.LapeError`,
also a ``TypeError`` and a ``ValueError``), never a Python error from deep inside
a rule: ``lang="de"``, ``severity={"LAPE-G01": "fatal"}``, ``rules=["LAPE-G01"]``
(rule IDs where rule objects belong). A parameter override of the wrong type is a
:class:`~lape.rules.ParameterError` naming the parameter, and a rule named in the
snapshot's own ``checks:`` section that matches no rule is a
:class:`~lape.rules.RuleSelectionError` with the path of the name in the file
(``checks.ignore[0]``), kept in its ``path`` attribute.

What is accepted as well as the documented types: an ISO date string for
``as_of`` (``"2017-06-01"``), and one rule ID, tag or pattern given as a plain
string for ``select`` or ``ignore`` (``select="LAPE-G01"``: that one rule, not
the letters L, A, P, E).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from typing import Any

from lape._wording import LANGUAGES
from lape.errors import ArgumentError
from lape.model import Geography, Period, Severity, Snapshot
from lape.rules._parameters import ParameterError, Parameters, default_parameters
from lape.rules._rule import Rule
from lape.rules._ruleset import RuleSelectionError, RuleSet

__all__ = ["SettingsError", "checked_arguments"]


class SettingsError(RuleSelectionError):
    """A rule named in a snapshot's ``checks:`` section that matches no rule;
    ``path`` says where in the file (``checks.ignore[0]``)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


def checked_arguments(
    snapshot: Any,
    *,
    as_of: Any,
    rules: Any,
    lang: Any,
    parameters: Any,
    geography: Any,
    select: Any,
    ignore: Any,
    severity: Any,
    file_settings: Any,
    **others: Any,
) -> tuple[dt.date | None, RuleSet | tuple[Rule, ...] | None, tuple[str, ...], tuple[str, ...]]:
    """Check :func:`~lape.rules.check`'s arguments (called with its ``locals()``;
    ``others``, arguments added since, are its own business); return ``as_of``,
    ``rules``, ``select`` and ``ignore`` in the forms the engine takes."""
    if not isinstance(snapshot, Snapshot):
        hint = "; lape.load reads a file" if isinstance(snapshot, (str, bytes)) else ""
        raise ArgumentError("snapshot", f"expected a Snapshot, not {_describe(snapshot)}{hint}")
    day = _day(as_of)
    ruleset = _rules(rules)
    if not isinstance(lang, str) or lang not in LANGUAGES:
        expected = ", ".join(repr(code) for code in LANGUAGES)
        msg = f"unknown language {_describe(lang)}; expected one of {expected}"
        raise ArgumentError("lang", msg)
    if geography is not None and not isinstance(geography, Geography):
        raise ArgumentError(
            "geography", f"expected a Geography or None, not {_describe(geography)}"
        )
    if not isinstance(file_settings, bool):
        raise ArgumentError(
            "file_settings", f"expected True or False, not {_describe(file_settings)}"
        )
    chosen = _tokens("select", select)
    left_out = _tokens("ignore", ignore)
    _severities(severity)
    _parameters(parameters)
    if file_settings:
        _file_settings(snapshot, ruleset)
    return day, ruleset, chosen, left_out


def _describe(value: Any) -> str:
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return f"{type(value).__name__} {shown}"


def _day(as_of: Any) -> dt.date | None:
    if as_of is None or (isinstance(as_of, dt.date) and not isinstance(as_of, dt.datetime)):
        return as_of
    if isinstance(as_of, str) and len(as_of) == 10:
        try:
            return dt.date.fromisoformat(as_of)
        except ValueError:
            pass
    if isinstance(as_of, dt.datetime):
        msg = f"expected a date, not a date and time ({as_of.isoformat()}); use .date()"
        raise ArgumentError("as_of", msg)
    return _no_day(as_of)


def _no_day(as_of: Any) -> dt.date:
    msg = f"expected a date (datetime.date or 'YYYY-MM-DD') or None, not {_describe(as_of)}"
    raise ArgumentError("as_of", msg)


def _rules(rules: Any) -> RuleSet | tuple[Rule, ...] | None:
    if rules is None or isinstance(rules, RuleSet):
        return rules
    if isinstance(rules, Rule):
        return (rules,)
    if isinstance(rules, (str, bytes)) or not isinstance(rules, Iterable):
        hint = (
            "; to pick rules by ID, tag or pattern, use select=" if isinstance(rules, str) else ""
        )
        msg = f"expected a RuleSet or rules (Rule objects), not {_describe(rules)}{hint}"
        raise ArgumentError("rules", msg)
    found = tuple(rules)
    for i, item in enumerate(found):
        if not isinstance(item, Rule):
            hint = (
                "; to pick rules by ID, tag or pattern, use select="
                if isinstance(item, str)
                else ""
            )
            msg = f"item {i}: expected a Rule, not {_describe(item)}{hint}"
            raise ArgumentError("rules", msg)
    return found


def _tokens(argument: str, tokens: Any) -> tuple[str, ...]:
    if isinstance(tokens, str):
        return (tokens,)  # one rule ID, tag or pattern
    if not isinstance(tokens, Iterable) or isinstance(tokens, (bytes, Mapping)):
        msg = f"expected rule IDs, tags or patterns (a list of text), not {_describe(tokens)}"
        raise ArgumentError(argument, msg)
    found = tuple(tokens)
    for i, token in enumerate(found):
        if not isinstance(token, str):
            raise ArgumentError(argument, f"item {i}: expected text, not {_describe(token)}")
    return found


_LEVELS = tuple(level.value for level in Severity)


def _severities(severity: Any) -> None:
    if severity is None:
        return
    if not isinstance(severity, Mapping):
        msg = (
            "expected a mapping of rule IDs, tags or patterns to a severity, "
            f"not {_describe(severity)}"
        )
        raise ArgumentError("severity", msg)
    for token, level in severity.items():
        if not isinstance(token, str):
            raise ArgumentError("severity", f"expected text as a key, not {_describe(token)}")
        if not isinstance(level, Severity) and level not in _LEVELS:
            expected = ", ".join(repr(v) for v in _LEVELS)
            msg = f"{token!r}: expected a Severity or one of {expected}, not {_describe(level)}"
            raise ArgumentError("severity", msg)


def _parameters(parameters: Any) -> None:
    """Refuse parameters that are no :class:`Parameters`, and an override whose
    value is not of the kind of the default it replaces (``"two"`` for a number)."""
    if parameters is None:
        return
    if not isinstance(parameters, Parameters):
        msg = (
            f"expected Parameters (default_parameters().override(...)), not {_describe(parameters)}"
        )
        raise ArgumentError("parameters", msg)
    defaults = default_parameters()
    for name in parameters:
        if name not in defaults:
            continue  # pool amounts and unknown names: the engine's own checks
        expected = [value for _, value in defaults[name].values]
        for start, value in parameters[name].values:
            if not isinstance(start, dt.date):
                msg = f"{name!r} starts on {_describe(start)}, not a date"
                raise ParameterError(msg)
            if not any(_same_kind(value, default) for default in expected):
                msg = (
                    f"{name!r} takes {_kind(expected[0])}, not {_describe(value)} "
                    f"(from {start.isoformat()})"
                )
                raise ParameterError(msg)


def _same_kind(value: Any, default: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, dt.datetime) or isinstance(value, dt.datetime):
        return False
    if isinstance(default, (frozenset, set)):
        kinds = {type(item) for item in default}
        return isinstance(value, (frozenset, set)) and all(type(item) in kinds for item in value)
    if isinstance(default, tuple):  # a list of IDs, e.g. LAPE-F10.round_pools
        kinds = {type(item) for item in default}
        return isinstance(value, (tuple, list, frozenset, set)) and all(
            type(item) in kinds for item in value
        )
    if isinstance(default, (int, dt.date, Period, enum.Enum)):
        return isinstance(value, type(default))
    return True  # a kind of value this check does not know: the rule's business


def _kind(default: Any) -> str:
    if isinstance(default, (frozenset, set, tuple)):
        kinds = sorted({type(item).__name__ for item in default})
        return f"a {'list' if isinstance(default, tuple) else 'set'} of {', '.join(kinds)}"
    return {int: "a whole number", dt.date: "a date", Period: "a Period"}.get(
        type(default), type(default).__name__
    )


def _file_settings(snapshot: Snapshot, rules: RuleSet | tuple[Rule, ...] | None) -> None:
    """Refuse a rule named in the snapshot's ``checks:`` section that matches no rule of
    the set, with the path of the name in the file."""
    settings = snapshot.checks
    if not (settings.select or settings.ignore or settings.severity):
        return
    if rules is None:
        from lape.rules._packs import installed_rules

        rules = installed_rules()
    ruleset = rules if isinstance(rules, RuleSet) else RuleSet(rules)
    named = [
        *((f"checks.select[{i}]", t) for i, t in enumerate(settings.select)),
        *((f"checks.ignore[{i}]", t) for i, t in enumerate(settings.ignore)),
        *((f"checks.severity.{t}", t) for t in settings.severity),
    ]
    for path, token in named:
        try:
            ruleset.validate(token)
        except RuleSelectionError as exc:
            raise SettingsError(path, str(exc)) from None
