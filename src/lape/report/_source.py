"""A rule's source as HTML: the document, and whatever else :class:`lape.rules.Source`
tells (title, publisher, date, address, the quote rendered in the report's language).

``Source`` has a document and a quote; richer sources may carry more. The facts are
read by name when present, so that a source with only a document and a quote shows
those, and one with more shows more: a text in three languages
(:class:`lape.model.Text`) in the report's language, a date as ISO text, an address
as a link.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from lape.model import Text
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


def _quote_lang(source: Source) -> str:
    """The language of the original quote: the source's own when it says, else Swedish
    for the seeds (the five seed documents are in Swedish), else unknown (``""``)."""
    given = getattr(source, "language", None) or getattr(source, "quote_lang", None)
    if isinstance(given, str) and given:
        return esc(given)
    return "sv" if source.document.startswith("seeds/") else ""
