"""The public documents the rules cite: press releases, news, a blog post, a column, acts.

A rule's source names a document and quotes it (:class:`lape.rules.Source`); a
:class:`Document` says what that document is, so that a reader can find it: its
publisher, kind, date, title, author and, where one is known, its public address.
The documents shipped with ``lape`` are read by :func:`lape.reference.documents`.

>>> import datetime as dt
>>> d = Document(
...     id="seeds/002_54329ee4316f476e.txt",
...     kind=DocumentKind.PRESS_RELEASE,
...     publisher=Text(fi="Sosiaali- ja terveysministeriö", sv="Social- och hälsovårdsministeriet",
...                    en="Ministry of Social Affairs and Health (STM)"),
...     title="Utvecklandet av barn- och familjetjänsterna fortsätter",
...     title_language="sv",
...     date=dt.date(2019, 10, 24),
... )
>>> print(d.describe("fi"))  # doctest: +NORMALIZE_WHITESPACE
Sosiaali- ja terveysministeriö, tiedote, 2019-10-24:
”Utvecklandet av barn- och familjetjänsterna fortsätter” [seeds/002_54329ee4316f476e.txt]
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
from attrs.validators import instance_of, optional

from lape.model._period import is_day
from lape.model._text import LANGUAGES, Lang, Text
from lape.model._vocabulary import Vocabulary

__all__ = ["Document", "DocumentKind"]


class DocumentKind(Vocabulary):
    """What kind of document a source is."""

    PRESS_RELEASE = "press_release"
    NEWS = "news"
    BLOG = "blog"
    COLUMN = "column"
    ACT = "act"
    """An act of the Finnish Statute Book (laki / lag)."""
    DOCUMENTATION = "documentation"
    """``lape``'s own documentation (the file format, the reference data's sources)."""


_QUOTES: dict[Lang, tuple[str, str]] = {"fi": ("”", "”"), "sv": ("”", "”"), "en": ("“", "”")}


@attrs.frozen(kw_only=True)
class Document:
    """A public document a rule cites (see :mod:`lape.reference` for those shipped).

    An empty field is a fact not found in a source read for ``lape``, never a
    guess: an address (``url``) is given only where one was read.
    """

    id: str = attrs.field(validator=instance_of(str))
    """How a rule's source names it: a seed file (``seeds/001_….txt``), an act's or a
    press release's number (``614/2021``), a page of these docs (``docs/file-format.md``)."""
    kind: DocumentKind = attrs.field(validator=instance_of(DocumentKind))
    publisher: Text = attrs.field(validator=instance_of(Text))
    title: str | None = None
    """The title in the document's own language; in parentheses, a description of a
    document without a title."""
    title_language: Lang | None = attrs.field(
        default=None, validator=optional(attrs.validators.in_(LANGUAGES))
    )
    number: str | None = None
    """An act's or a press release's number (``410/2015``, ``127/2018``)."""
    date: dt.date | None = attrs.field(default=None, validator=optional(is_day()))
    author: str | None = None
    url: str | None = None
    note: str | None = None
    """What the document says that a rule rests on, in English, when no quote of it is given."""

    def describe(self, lang: Lang) -> str:
        """One line a reader can follow: publisher, kind and number, date, title,
        author, address, and the ID in brackets."""
        from lape.model._labels import label

        head = f"{self.publisher.get(lang)}, {label(self.kind, lang)}"
        if self.number:
            head += f" {self.number}"
        if self.date is not None:
            head += f", {self.date.isoformat()}"
        parts = [head]
        if self.title:
            if self.title.startswith("("):
                parts.append(self.title)
            else:
                left, right = _QUOTES[lang]
                parts.append(f"{left}{self.title}{right}")
        line = ": ".join(parts)
        for extra in (self.author, self.url):
            if extra:
                line += f", {extra}"
        if self.id != self.number:
            line += f" [{self.id}]"
        return line

    def as_dict(self) -> dict[str, Any]:
        """The document as JSON-ready data."""
        return {
            "id": self.id,
            "kind": self.kind.value,
            "publisher": self.publisher.as_dict(),
            "title": self.title,
            "title_language": self.title_language,
            "number": self.number,
            "date": self.date.isoformat() if self.date is not None else None,
            "author": self.author,
            "url": self.url,
            "note": self.note,
        }
