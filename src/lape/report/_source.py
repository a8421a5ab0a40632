"""A rule's source as HTML: the document, and whatever else :class:`lape.rules.Source`
tells (title, publisher, date, address, the quote rendered in the report's language).

The catalogue's sources say what each document they name is
(:attr:`lape.rules.Source.documents`: kind, publisher, date, title, address where one
was read); those facts are shown when the source does not give them by name itself:
one document's as rows of their own, several documents' one line each.

``Source`` has a document and a quote; richer sources may carry more. The facts are
read by name when present, so that a source with only a document and a quote shows
those, and one with more shows more: a text in three languages
(:class:`lape.model.Text`) in the report's language, a date as ISO text, an address
as a link.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lape.model import Document, Text, label
from lape.report._text import esc, w
from lape.rules import Lang, Source

__all__ = ["source_html"]

_FACTS = (
    ("title", "title_col"),
    ("publisher", "publisher"),
    ("date", "date"),
    ("url", "address"),
    ("address", "address"),
)
_SAFE_SCHEMES = ("https://", "http://")


def _value(value: Any, lang: Lang) -> str | None:
    """A fact as plain text in ``lang``; ``None`` when it is not given."""
    if value is None or value == "":
        return None
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, dt.date):
        return value.isoformat()
    getter = getattr(value, "get", None)
    if isinstance(value, dict) and callable(getter):
        found = getter(lang)
        return None if found is None else str(found)
    return str(value)


def _translation(source: Source, lang: Lang) -> str | None:
    """The quote rendered in ``lang``, when the source has one other than the original."""
    reader = getattr(source, "quote_in", None)
    found: Any = None
    if callable(reader):
        found = reader(lang)
    else:
        for name in ("translations", "quote_translations", f"quote_{lang}"):
            value = getattr(source, name, None)
            if value is not None:
                found = value if name.endswith(lang) else _value(value, lang)
                break
    if not found or found == source.quote:
        return None
    return str(found)


def source_html(source: Source, lang: Lang) -> str:
    """The source as a small block: its facts, then the quote, original and translated."""
    facts = [f"<dt>{esc(w('document', lang))}</dt><dd>{esc(source.document)}</dd>"]
    shown: set[str] = set()
    for name, key in _FACTS:
        text = _value(getattr(source, name, None), lang)
        if text is None or key in shown:
            continue
        shown.add(key)
        if key == "address" and text.startswith(_SAFE_SCHEMES):
            body = f'<a href="{esc(text)}">{esc(text)}</a>'
        else:
            body = esc(text)
        facts.append(f"<dt>{esc(w(key, lang))}</dt><dd>{body}</dd>")
    if not shown:
        documents = [d for d in getattr(source, "documents", ()) if isinstance(d, Document)]
        if len(documents) == 1:
            facts.extend(_document_facts(documents[0], lang))
        else:
            facts.extend(_document_line(d, lang) for d in documents)
    original = _quote_lang(source)
    said = f' lang="{original}"' if original else ""
    quote = (
        f"<blockquote{said}><p>«{esc(source.quote)}»</p>"
        f"<footer>{esc(w('original', lang))}</footer></blockquote>"
    )
    translated = _translation(source, lang)
    if translated is not None:
        quote += (
            f'<blockquote lang="{lang}"><p>«{esc(translated)}»</p>'
            f"<footer>{esc(w('translation', lang))}</footer></blockquote>"
        )
    return f'<dl class="facts">{"".join(facts)}</dl>{quote}'


def _document_facts(document: Document, lang: Lang) -> list[str]:
    """What a cited document is, as rows of the facts list: its kind (and number),
    title, publisher, date and address, those that are known."""
    kind = label(document.kind, lang) + (f" {document.number}" if document.number else "")
    rows = [("kind", esc(kind))]
    if document.title:
        said = f' lang="{document.title_language}"' if document.title_language else ""
        rows.append(("title_col", f"<span{said}>{esc(document.title)}</span>"))
    rows.append(("publisher", esc(document.publisher.get(lang))))
    if document.date is not None:
        rows.append(("date", document.date.isoformat()))
    if document.url and document.url.startswith(_SAFE_SCHEMES):
        rows.append(("address", f'<a href="{esc(document.url)}">{esc(document.url)}</a>'))
    return [f"<dt>{esc(w(key, lang))}</dt><dd>{body}</dd>" for key, body in rows]


def _document_line(document: Document, lang: Lang) -> str:
    """One of several cited documents as one row: its description in ``lang`` (publisher,
    kind, date, title, address, ID), the address a link."""
    text = esc(document.describe(lang))
    url = document.url
    if url and url.startswith(_SAFE_SCHEMES):
        text = text.replace(esc(url), f'<a href="{esc(url)}">{esc(url)}</a>', 1)
    return f"<dt>{esc(w('document', lang))}</dt><dd>{text}</dd>"


def _quote_lang(source: Source) -> str:
    """The language of the original quote: the source's own when it says, else Swedish
    for the seeds (the five seed documents are in Swedish), else unknown (``""``)."""
    given = getattr(source, "language", None) or getattr(source, "quote_lang", None)
    if isinstance(given, str) and given:
        return esc(given)
    return "sv" if source.document.startswith("seeds/") else ""
