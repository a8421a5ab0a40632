"""Rule sets: which rules run, at which severity. Data, not code."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator, Mapping

import attrs

from lape._html import HEAD_ROWS, HTMLRepr, cell, row, table
from lape._words import count
from lape.errors import LapeError
from lape.model import CheckSettings, Severity
from lape.rules._rule import Rule

__all__ = ["RuleSelectionError", "RuleSet"]


class RuleSelectionError(LapeError, ValueError):
    """A rule ID, tag or pattern that matches no rule, or a rule ID given twice."""


def _matches(rule: Rule, token: str) -> bool:
    names = (rule.id, rule.prefix, *rule.tags)
    if not _WILDCARDS.intersection(token):  # a plain name: no pattern to match
        return token in names
    return any(fnmatch.fnmatchcase(name, token) for name in names)


_WILDCARDS = frozenset("*?[")
"""What makes a token a shell-style pattern (see :func:`fnmatch.fnmatchcase`)."""


@attrs.frozen(repr=False)
class RuleSet(HTMLRepr):
    """An ordered set of rules with per-rule severities.

    Select and ignore by ID, tag or shell-style pattern (``LAPE-G*``); each
    step returns a new rule set.

    Precedence when checking: the catalogue's defaults, then the snapshot
    file's ``checks:`` section, then the options given in code or on the
    command line: a ``select`` given later replaces an earlier one, ``ignore``
    lists add up, and a later ``severity`` for a rule wins.
    """

    rules: tuple[Rule, ...] = attrs.field()

    @rules.validator
    def _unique(
        self, attribute: attrs.Attribute[tuple[Rule, ...]], value: tuple[Rule, ...]
    ) -> None:
        seen: set[str] = set()
        for r in value:
            if r.id in seen:
                msg = f"rule {r.id} appears twice in the rule set"
                raise RuleSelectionError(msg)
            seen.add(r.id)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __repr__(self) -> str:
        ids = [r.id for r in self.rules[:3]]
        more = ", …" if len(self.rules) > len(ids) else ""
        return f"<RuleSet: {count(len(self.rules), 'rule')} ({', '.join(ids)}{more})>"

    def _html(self) -> str:
        rest = len(self.rules) - HEAD_ROWS
        foot = f"… and {count(rest, 'more rule')}" if rest > 0 else None
        body = (
            row([cell(r.id), cell(r.severity.value), cell(r.in_force), cell(r.title.en)])
            for r in self.rules[:HEAD_ROWS]
        )
        head = ("rule", "severity", "in force", "title")
        caption = f"RuleSet: {count(len(self.rules), 'rule')}"
        return table(caption, body, head=head, foot=foot, css_class="lape-rules")

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, rule_id: object) -> bool:
        return any(r.id == rule_id for r in self.rules)

    def __getitem__(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        msg = f"no rule {rule_id!r} in the rule set"
        raise KeyError(msg)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rules)

    def _check_tokens(self, tokens: Iterable[str], strict: bool = True) -> list[str]:
        listed = [t.strip() for t in tokens if t.strip()]
        for token in listed if strict else ():
            if not any(_matches(r, token) for r in self.rules):
                msg = (
                    f"no rule matches {token!r} "
                    "(give a rule ID such as LAPE-G01, a tag or a pattern)"
                )
                raise RuleSelectionError(msg)
        return listed

    def select(self, *tokens: str) -> RuleSet:
        """Keep only the rules matching any of ``tokens`` (none given: keep all)."""
        listed = self._check_tokens(tokens)
        if not listed:
            return self
        return RuleSet(tuple(r for r in self.rules if any(_matches(r, t) for t in listed)))

    def ignore(self, *tokens: str, strict: bool = True) -> RuleSet:
        """Drop the rules matching any of ``tokens``; ``strict=False`` lets a token
        match nothing (a rule already left out by a selection)."""
        listed = self._check_tokens(tokens, strict)
        return RuleSet(tuple(r for r in self.rules if not any(_matches(r, t) for t in listed)))

    def with_severity(
        self, severities: Mapping[str, Severity | str], *, strict: bool = True
    ) -> RuleSet:
        """Change the severity of rules by ID or pattern (``strict``: as in :meth:`ignore`)."""
        changed = []
        listed = self._check_tokens(severities, strict)
        for r in self.rules:
            for token in listed:
                if _matches(r, token):
                    r = attrs.evolve(r, severity=Severity(severities[token]))
            changed.append(r)
        return RuleSet(tuple(changed))

    def add(self, *rules: Rule) -> RuleSet:
        """A rule set with ``rules`` appended (a user's own rules)."""
        return RuleSet((*self.rules, *rules))

    def configured(self, settings: CheckSettings) -> RuleSet:
        """Apply a snapshot file's ``checks:`` section."""
        self.validate(*settings.select, *settings.ignore, *settings.severity)
        selected = self.select(*settings.select)
        return selected.ignore(*settings.ignore, strict=False).with_severity(
            settings.severity, strict=False
        )

    def validate(self, *tokens: str) -> None:
        """Raise :class:`RuleSelectionError` for a token that matches no rule here."""
        self._check_tokens(tokens)
