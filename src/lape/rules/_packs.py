"""Rule packs: rules of one's own, kept in an installed package beside the catalogue.

A county, a research group or a project may keep rules the programme's sources do not
support. A *rule pack* is any installed distribution that declares an entry point in
the group ``lape.rules`` (the way pytest and flake8 find their plugins)::

    [project.entry-points."lape.rules"]
    ourcounty = "ourcounty_rules:RULES"

The entry point's object is a sequence of :class:`~lape.rules.Rule`, a
:class:`~lape.rules.RuleSet`, or a function without arguments returning either. A
pack's rules share one ID prefix of their own (``OUR-``), never ``LAPE-``, and no ID
may clash with the catalogue's or another pack's. Every rule of a pack carries the
pack's name as a tag, so ``ignore=["ourcounty"]`` leaves the whole pack out.

Installed packs join the catalogue in :func:`installed_rules`, the default rule set
of :func:`~lape.rules.check` and of the command line (``lape rules`` lists them with
their pack; a file's ``checks:`` section may name their rules).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from importlib.metadata import EntryPoint, entry_points

import attrs

from lape.errors import LapeError
from lape.rules._rule import Rule
from lape.rules._ruleset import RuleSet

__all__ = ["ENTRY_POINT_GROUP", "RulePack", "RulePackError", "installed_rules", "rule_packs"]

ENTRY_POINT_GROUP = "lape.rules"
"""The entry-point group in which rule packs declare themselves."""


class RulePackError(LapeError, ValueError):
    """An installed rule pack that cannot be loaded or breaks the rules for packs."""


@attrs.frozen
class RulePack:
    """One installed rule pack: its name, the distribution that ships it, its rules."""

    name: str
    rules: tuple[Rule, ...]
    distribution: str | None = None
    """The installed distribution (``name version``) that declares the pack, if known."""

    @property
    def prefix(self) -> str:
        """The ID prefix the pack's rules share (``OUR`` of ``OUR-P01``)."""
        return self.rules[0].id.split("-", 1)[0] if self.rules else ""


def _rules_of(name: str, found: object) -> tuple[Rule, ...]:
    if callable(found) and not isinstance(found, (RuleSet, Rule)):
        found = found()
    if isinstance(found, Rule):
        found = (found,)
    if isinstance(found, RuleSet):
        found = found.rules
    if not isinstance(found, Iterable) or isinstance(found, (str, bytes)):
        msg = (
            f"rule pack {name!r}: expected rules, a RuleSet or a function giving one, not {found!r}"
        )
        raise RulePackError(msg)
    rules = tuple(found)
    for r in rules:
        if not isinstance(r, Rule):
            msg = f"rule pack {name!r}: {r!r} is not a lape.rules.Rule"
            raise RulePackError(msg)
    return rules


def load_pack(entry: EntryPoint) -> RulePack:
    """The pack an entry point declares, its rules tagged with the pack's name."""
    name = entry.name
    try:
        loaded = entry.load()
        rules = _rules_of(name, loaded)
    except RulePackError:
        raise
    except Exception as exc:  # a broken pack is reported, whatever it raised
        msg = f"rule pack {name!r} ({entry.value}) cannot be loaded: {type(exc).__name__}: {exc}"
        raise RulePackError(msg) from exc
    if not rules:
        msg = f"rule pack {name!r} holds no rules"
        raise RulePackError(msg)
    prefixes = {r.id.split("-", 1)[0] for r in rules}
    if len(prefixes) != 1:
        msg = (
            f"rule pack {name!r}: its rules share one ID prefix, not {', '.join(sorted(prefixes))}"
        )
        raise RulePackError(msg)
    if prefixes == {"LAPE"}:
        msg = f"rule pack {name!r}: the prefix LAPE- is the catalogue's; give the pack its own"
        raise RulePackError(msg)
    dist = entry.dist
    shipped = None if dist is None else f"{dist.name} {dist.version}"
    tagged = tuple(attrs.evolve(r, tags=r.tags | {name}) for r in rules)
    return RulePack(name=name, rules=tagged, distribution=shipped)


def _discover() -> tuple[EntryPoint, ...]:
    return tuple(sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name))


@functools.cache
def rule_packs() -> tuple[RulePack, ...]:
    """The installed rule packs, by name, loaded once per process (``rule_packs.cache_clear()``
    looks again)."""
    packs = tuple(load_pack(entry) for entry in _discover())
    _check_clashes(packs)
    return packs


def _check_clashes(packs: Iterable[RulePack]) -> None:
    from lape.rules._catalogue import catalogue

    owner: dict[str, str] = {r.id: "the catalogue" for r in catalogue()}
    for pack in packs:
        for r in pack.rules:
            if r.id in owner:
                msg = f"rule pack {pack.name!r}: rule {r.id} is also {owner[r.id]}'s"
                raise RulePackError(msg)
            owner[r.id] = f"rule pack {pack.name!r}"


def installed_rules(packs: Callable[[], tuple[RulePack, ...]] = rule_packs) -> RuleSet:
    """The catalogue and the rules of every installed pack, in that order: what
    :func:`~lape.rules.check` runs when no rules are given."""
    from lape.rules._catalogue import catalogue

    found = packs()
    if not found:
        return catalogue()
    return RuleSet((*catalogue(), *(r for pack in found for r in pack.rules)))
