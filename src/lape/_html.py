"""Small helpers for the Jupyter displays: short one-line reprs and escaped HTML.

Shared by :mod:`lape.model` and :mod:`lape.rules`; it imports nothing from
``lape`` but the counted nouns of :mod:`lape._words` (so the model may use it
without importing the rules), and nothing
outside the standard library: IPython calls ``_repr_html_`` when it is there,
and ``lape`` never imports IPython.

Every user string goes through :func:`escape` (or :func:`cell`, which calls
it): the helpers take and return HTML, and only the literal tags they write
are not escaped.

>>> cell("<script>")
'<td>&lt;script&gt;</td>'
>>> cell("x", colspan=2, title='say "hi"')
'<td title="say &quot;hi&quot;" colspan="2">x</td>'
>>> shorten("a" * 50, 10)
'aaaaaaaaa…'
>>> print(quoted("a" * 50, 10))
'aaaaaaa…'
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

from lape._words import count

__all__ = [
    "HEAD_ROWS",
    "MAX_ROWS",
    "HTMLRepr",
    "TableRepr",
    "cell",
    "details",
    "escape",
    "quoted",
    "row",
    "shorten",
    "table",
]

MAX_ROWS = 200
"""The most rows (findings, members) an HTML display shows; a line says how many more there are."""

HEAD_ROWS = 10
"""The rows a table-like result shows in its HTML display (its head); a line counts the rest."""

_STYLE = "border-collapse:collapse;text-align:left"
_SPACE = re.compile(r"\s")
_CAPTION_STYLE = "text-align:left;caption-side:top"


class HTMLRepr:
    """Mixin for Jupyter: ``_repr_html_`` returns the HTML of :meth:`_html`.

    IPython (or any front end that follows its protocol) calls ``_repr_html_``
    when it displays an object; no import of IPython is needed for that. It
    has no instance attributes (``__slots__ = ()``), so frozen slotted attrs
    classes may inherit it.
    """

    __slots__ = ()

    def _repr_html_(self) -> str | None:
        """The object as an HTML fragment for Jupyter."""
        return self._html()

    def _html(self) -> str:
        raise NotImplementedError


def escape(value: object) -> str:
    """``value`` as text safe inside HTML (quotes escaped too); ``None`` as an empty string."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return html.escape(str(value), quote=True)


def shorten(text: str, limit: int) -> str:
    """``text`` on one line and at most ``limit`` characters, ``…`` marking a cut."""
    if len(text) > limit:
        text = text[: max(limit - 1, 0)] + "…"
    return _SPACE.sub(" ", text)


def quoted(text: str, limit: int = 60) -> str:
    """``repr(text)`` in at most ``limit`` characters (one line: ``repr`` escapes
    line breaks), ``…`` before the closing quote marking a cut."""
    shown = repr(text)
    if len(shown) <= limit:
        return shown
    return shown[: max(limit - 2, 1)] + "…" + shown[0]


def cell(
    value: object,
    *,
    header: bool = False,
    title: str | None = None,
    raw: bool = False,
    colspan: int = 1,
    style: str | None = None,
) -> str:
    """A table cell holding ``value`` (escaped unless ``raw``: then it is HTML already);
    ``title`` shows on hover."""
    tag = "th" if header else "td"
    content = str(value) if raw else escape(value)
    attributes = f' title="{escape(title)}"' if title else ""
    if colspan > 1:
        attributes += f' colspan="{colspan}"'
    if style:
        attributes += f' style="{escape(style)}"'
    return f"<{tag}{attributes}>{content}</{tag}>"


def row(cells: Iterable[str], *, style: str | None = None) -> str:
    """A table row of cells made with :func:`cell`."""
    attributes = f' style="{escape(style)}"' if style else ""
    return f"<tr{attributes}>{''.join(cells)}</tr>"


def details(summary: str, body: str, *, raw: bool = False) -> str:
    """A ``<details>`` element: ``summary`` shown, ``body`` on a click (both escaped,
    unless ``raw``: then ``body`` is HTML already)."""
    shown = body if raw else escape(body)
    return f"<details><summary>{escape(summary)}</summary>{shown}</details>"


def table(
    caption: str | Sequence[str],
    rows: Iterable[str],
    *,
    head: Sequence[str] = (),
    foot: str | None = None,
    css_class: str,
) -> str:
    """A ``<table>`` with an escaped ``caption`` (lines, the first in bold), header
    cells ``head`` (escaped), body ``rows`` (from :func:`row`) and an optional
    escaped ``foot`` line."""
    lines = [caption] if isinstance(caption, str) else list(caption)
    shown = "<br>".join([f"<b>{escape(lines[0])}</b>", *map(escape, lines[1:])]) if lines else ""
    parts = [
        f'<table class="{escape(css_class)}" style="{_STYLE}">',
        f'<caption style="{_CAPTION_STYLE}">{shown}</caption>',
    ]
    if head:
        parts.append(f"<thead>{row(cell(h, header=True) for h in head)}</thead>")
    parts.append("<tbody>")
    parts.extend(rows)
    parts.append("</tbody>")
    if foot:
        span = max(len(head), 1)
        parts.append(f'<tfoot><tr><td colspan="{span}">{escape(foot)}</td></tr></tfoot>')
    parts.append("</table>")
    return "\n".join(parts)


def _shown(value: object, limit: int = 60) -> str:
    """A value of a row as short text: numbers to 4 significant digits, sequences
    joined by commas, mappings as ``key=value``, cut at ``limit`` characters."""
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.4g}"
    elif isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, Mapping):
        text = ", ".join(f"{k}={v}" for k, v in value.items())
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(map(str, value)) if isinstance(value, (set, frozenset)) else value
        text = ", ".join(map(str, items))
    else:
        text = str(value)
    return shorten(text, limit)


class TableRepr(HTMLRepr):
    """Mixin for a result that is a table (``rows()`` and ``columns``): a one-line
    ``repr`` with the class, a few facts and the number of rows, and an HTML
    display of the first :data:`HEAD_ROWS` rows with a count of the rest.

    A class gives its facts in :meth:`_facts` (one short line, e.g. how a result
    was computed). Being slotted (``__slots__ = ()``), frozen slotted attrs
    classes may inherit it; they need ``repr=False``, or attrs writes its own
    ``__repr__`` with every field.
    """

    __slots__ = ()
    columns: ClassVar[tuple[str, ...]] = ()
    row_noun: ClassVar[str] = "row"
    """What a row is, for the count (``"tie"``, ``"actor"``)."""

    def rows(self) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _facts(self) -> str:
        """A few facts about the whole result, on one line (none by default)."""
        return ""

    def _count(self) -> int:
        """The number of rows (without making them, where a class knows how)."""
        return len(self.rows())

    def __repr__(self) -> str:
        facts = shorten(self._facts(), 100)
        about = f" {facts}" if facts else ""
        return f"<{type(self).__name__}{about}: {count(self._count(), self.row_noun)}>"

    def _html(self) -> str:
        rows = self.rows()
        rest = len(rows) - HEAD_ROWS
        foot = None
        if rest > 0:
            foot = (
                f"… and {count(rest, 'more ' + self.row_noun)} "
                "(rows() or to_pandas() give them all)"
            )
        caption = [f"{type(self).__name__}: {count(len(rows), self.row_noun)}"]
        if self._facts():
            caption.append(self._facts())
        body = (
            row(cell(_shown(r.get(c)), title=str(r.get(c))) for c in self.columns)
            for r in rows[:HEAD_ROWS]
        )
        return table(caption, body, head=self.columns, foot=foot, css_class="lape-table")
