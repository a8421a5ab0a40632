"""The rule type: a small typed object with a stable ID, a source and a check."""

from __future__ import annotations

import re
import string
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs
from attrs.validators import instance_of, matches_re

from lape._html import HTMLRepr, cell, quoted, row, table
from lape._wording import Text
from lape.model import (
    ENTITY_TYPES,
    AreaKind,
    Document,
    EntityKind,
    Lang,
    Period,
    Severity,
    Subject,
    SubjectKind,
    Vocabulary,
    entity_type,
)

if TYPE_CHECKING:
    from lape.rules._context import Context

__all__ = ["Outcome", "Rule", "Source", "Status", "Subject", "rule"]


@attrs.frozen(repr=False)
class Source:
    """Where a rule comes from: the document it rests on and a short quote of it.

    ``document`` names the document (a seed file, an act, a press release...) and
    ``quote`` quotes it verbatim in its own language. ``language`` is that
    language, and ``renderings`` the quote in all three languages: the original
    in its own language's place, translations made for ``lape`` in the others
    (:meth:`quote_in` gives one, :meth:`is_translation` says which). The
    catalogue's sources have both; a source of your own may leave them out.
    :attr:`documents` says what each named document is: title, publisher, kind,
    date and, where known, its address.

    >>> from lape.rules import catalogue
    >>> source = catalogue()["LAPE-C06"].source
    >>> source.language, source.is_translation("en")
    ('sv', True)
    >>> print(source.quote_in("en"))  # doctest: +NORMALIZE_WHITESPACE
    The regions are also encouraged to continue, in their own organisations,
    the change-agent work begun earlier.
    >>> print(source.documents[0].describe("en"))  # doctest: +NORMALIZE_WHITESPACE
    Ministry of Social Affairs and Health (STM), press release, 2019-10-24:
    “Utvecklandet av barn- och familjetjänsterna fortsätter”,
    https://stm.fi/sv/-/lapsi-ja-perhepalvelujen-kehittaminen-jatkuu
    [seeds/002_54329ee4316f476e.txt]
    """

    document: str
    quote: str
    language: Lang | None = attrs.field(default=None, kw_only=True)
    """The language of :attr:`quote`, when known."""
    renderings: Text | None = attrs.field(default=None, kw_only=True)
    """The quote in Finnish, Swedish and English: the original in its own language's
    place, translations in the others."""
    cited: tuple[Document, ...] = attrs.field(default=(), kw_only=True)
    """Documents given explicitly, besides those :attr:`document` names."""

    def __str__(self) -> str:
        return f"{self.document}: «{self.quote}»"

    def __repr__(self) -> str:
        quote = self.quote if len(self.quote) <= 40 else self.quote[:39] + "…"
        document = self.document if len(self.document) <= 60 else self.document[:59] + "…"
        return f"<Source {document!r}: {quote!r}>"

    @property
    def documents(self) -> tuple[Document, ...]:
        """What the cited documents are: :attr:`cited`, then the documents shipped
        with ``lape`` that :attr:`document` names (:func:`lape.reference.documents_cited`)."""
        from lape.reference import documents_cited

        named = documents_cited(self.document)
        if not self.cited:
            return named
        ids = {d.id for d in self.cited}
        return (*self.cited, *(d for d in named if d.id not in ids))

    def quote_in(self, lang: Lang) -> str:
        """The quote in ``lang``: the original, or a translation made for ``lape``
        (the original when there is none)."""
        return self.renderings.get(lang) if self.renderings is not None else self.quote

    def is_translation(self, lang: Lang) -> bool:
        """Whether :meth:`quote_in` gives a translation (not the original) in ``lang``."""
        return self.renderings is not None and self.language is not None and lang != self.language

    def describe(self, lang: Lang) -> str:
        """The documents as a reader can follow them, in ``lang`` (one per line); the
        :attr:`document` text itself when it names none that ``lape`` knows."""
        found = self.documents
        return "\n".join(d.describe(lang) for d in found) if found else self.document

    def as_dict(self, lang: Lang | None = None) -> dict[str, Any]:
        """The source as JSON-ready data: ``document`` and ``quote`` (the original), its
        ``language``, ``translations`` (the other languages' renderings, made for
        ``lape``), ``translation`` (the rendering in ``lang``, ``None`` when ``lang`` is
        the original's or not given) and ``documents``."""
        translations = (
            {}
            if self.renderings is None or self.language is None
            else {k: v for k, v in self.renderings.as_dict().items() if k != self.language}
        )
        return {
            "document": self.document,
            "quote": self.quote,
            "language": self.language,
            "translation": translations.get(lang) if lang is not None else None,
            "translations": translations,
            "documents": [d.as_dict() for d in self.documents],
        }


class Status(Vocabulary):
    """What a rule found about one subject."""

    PASSED = "passed"
    FAILED = "failed"
    UNKNOWN = "unknown"
    """The snapshot lacks a fact the rule needs: neither a pass nor a failure."""


_NO_EVIDENCE: Mapping[str, Any] = {}


class Outcome(NamedTuple):
    """One rule's verdict on one subject, with the evidence for it.

    A light record (a named tuple): a check makes one per subject it reports, so
    that reporting thousands costs little; make it with ``ctx.failed(...)``,
    ``ctx.unknown(...)`` or ``ctx.noted(...)``.
    """

    subject: Subject
    status: Status
    path: str | None = None
    """Where the subject (or the offending part) stands in the input."""
    evidence: Mapping[str, Any] = _NO_EVIDENCE
    """What was observed and what was expected, as data a program can read."""
    missing: tuple[str, ...] = ()
    """For :attr:`Status.UNKNOWN`: the facts the snapshot lacks."""
    severity: Severity | None = None
    """A severity for this outcome other than the rule's (e.g. an ``info`` detail
    beside an error rule's verdict); ``None``: the rule's."""


SubjectKinds = SubjectKind | str | Iterable[SubjectKind | str]
"""What a rule examines, as :func:`rule` takes it: a kind of the registry of
:mod:`lape.model` or several, by value (``"group"``) or as the enum."""


def _subject_kinds(value: SubjectKinds) -> tuple[SubjectKind, ...]:
    """The kinds a rule examines, each one of the registry's (an unknown value names
    the known ones)."""
    items = [value] if isinstance(value, (str, EntityKind, AreaKind)) else list(value)
    found: list[SubjectKind] = []
    for item in items:
        try:
            found.append(entity_type(item).kind)
        except KeyError:
            known = ", ".join(t.kind.value for t in ENTITY_TYPES)
            msg = f"subjects: {item!r} is no kind of entity or area; the kinds: {known}"
            raise ValueError(msg) from None
    return tuple(found)


def _template(instance: object, attribute: attrs.Attribute[Any], value: Text | None) -> None:
    """A message template is a format string in each language with named fields only
    (``{subject}``, the evidence's keys); a literal brace is written twice."""
    if value is None:
        return
    instance_of(Text)(instance, attribute, value)
    for lang, text in value.as_dict().items():
        try:
            fields = [field for _, field, _, _ in string.Formatter().parse(text)]
        except ValueError as error:
            msg = f"{attribute.name} ({lang}): {error} in {text!r} (write a literal brace twice)"
            raise ValueError(msg) from None
        if any(field is not None and (not field or field[0].isdigit()) for field in fields):
            msg = f"{attribute.name} ({lang}): fields are named, not numbered: {text!r}"
            raise ValueError(msg)


CheckFunction = Callable[["Context"], Iterable[Outcome]]

RULE_ID = re.compile(r"[A-Z][A-Z0-9]*-[A-Z]+[0-9]+")


@attrs.frozen(kw_only=True, repr=False)
class Rule(HTMLRepr):
    """A rule of the catalogue, or a user's own.

    ``message`` is a template in three languages; ``{subject}`` is the subject's
    name and ID, and every key of an outcome's evidence can be used too
    (sets are shown sorted and comma-separated).
    """

    id: str = attrs.field(validator=matches_re(RULE_ID))
    severity: Severity = attrs.field(validator=instance_of(Severity))
    subjects: tuple[SubjectKind, ...] = attrs.field(converter=_subject_kinds)
    """The kind of subject the rule examines (see :attr:`Subject.kind`)."""
    in_force: Period = attrs.field(validator=instance_of(Period))
    source: Source = attrs.field(validator=instance_of(Source))
    title: Text = attrs.field(validator=instance_of(Text))
    message: Text = attrs.field(validator=_template)
    check: CheckFunction = attrs.field(eq=False, repr=False)
    tags: frozenset[str] = frozenset()
    parameters: tuple[str, ...] = ()
    """The names of the parameters the rule reads (see :mod:`lape.rules`)."""
    note: Text | None = attrs.field(default=None, validator=_template)
    """The message template of the rule's ``info`` details (see ``Context.noted``)."""
    condition: Text | None = None
    """What the rule examines and when it is satisfied, in one or two sentences a
    coordinator can read (the rule catalogue shows it)."""

    def __repr__(self) -> str:
        return f"<Rule {self.id} {self.severity.value}: {quoted(self.title.en)}>"

    def _html(self) -> str:
        facts = [
            ("severity", self.severity.value),
            ("in force", self.in_force),
            ("subjects", ", ".join(str(s.value) for s in self.subjects)),
            ("condition", self.condition.en if self.condition else ""),
            ("source", self.source.document),
        ]
        rows = (row([cell(k, header=True), cell(v)]) for k, v in facts)
        return table([self.id, self.title.en], rows, css_class="lape-rule")

    @property
    def prefix(self) -> str:
        """The letter group of the ID (``G`` for ``LAPE-G01``), also a tag."""
        return self.id.split("-", 1)[1].rstrip("0123456789")

    def __reduce__(self) -> tuple[Any, ...]:
        """Serialise the rule with its check named: a catalogue rule's check (many are
        made by a factory, which the standard serialiser cannot find by name) by the
        rule's ID; a check whose name ``@rule`` bound to the rule itself (a rule pack's,
        a user's module) by that name; any other check as it is (a module-level
        function goes by name)."""
        fields = {f.name: getattr(self, f.name) for f in attrs.fields(Rule) if f.name != "check"}
        check: Any = _CatalogueCheck.of(self) or _reachable(self)
        return (_rebuilt, (fields, check))


@attrs.frozen
class _CatalogueCheck:
    """A serialised stand-in for the check of the catalogue's rule ``rule_id``."""

    rule_id: str

    @classmethod
    def of(cls, rule: Rule) -> _CatalogueCheck | None:
        from lape.rules._catalogue import catalogue  # the catalogue is made of rules

        rules = catalogue()
        if rule.id in rules and rules[rule.id].check is rule.check:
            return cls(rule.id)
        return None


def _named(module: str, qualname: str) -> object:
    """The object ``qualname`` of an imported module (``None`` when not there)."""
    found: object = sys.modules.get(module)
    for part in qualname.split("."):
        found = getattr(found, part, None)
    return found


def _reachable(rule: Rule) -> CheckFunction:
    """The rule's check, named so that the standard serialiser finds it: ``@rule``
    binds the function's module-level name to the rule, so the function is reached
    as ``name.check`` (its module imported and that path followed, as for a method)."""
    check = rule.check
    module = getattr(check, "__module__", None)
    qualname = getattr(check, "__qualname__", None)
    if isinstance(module, str) and isinstance(qualname, str) and "<" not in qualname:
        found = _named(module, qualname)
        if isinstance(found, Rule) and found.check is check:
            check.__qualname__ = f"{qualname}.check"
    return check


def _rebuilt(fields: dict[str, Any], check: CheckFunction | _CatalogueCheck) -> Rule:
    """A rule from its serialised fields and check."""
    if isinstance(check, _CatalogueCheck):
        from lape.rules._catalogue import catalogue

        check = catalogue()[check.rule_id].check
    return Rule(check=check, **fields)


def rule(
    *,
    id: str,
    severity: Severity,
    subjects: SubjectKinds,
    in_force: Period,
    source: Source,
    title: Text,
    message: Text,
    tags: Iterable[str] = (),
    parameters: Iterable[str] = (),
    note: Text | None = None,
    condition: Text | None = None,
) -> Callable[[CheckFunction], Rule]:
    """Make a :class:`Rule` of a check function, as a decorator.

    The function takes a :class:`~lape.rules.Context` and yields an
    :class:`Outcome` per subject examined (``ctx.passed(...)``,
    ``ctx.failed(...)``, ``ctx.unknown(...)``).
    """

    def make(check: CheckFunction) -> Rule:
        return Rule(
            id=id,
            severity=severity,
            subjects=subjects,
            in_force=in_force,
            source=source,
            title=title,
            message=message,
            check=check,
            tags=frozenset(tags),
            parameters=tuple(parameters),
            note=note,
            condition=condition,
        )

    return make
