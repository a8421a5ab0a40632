"""What every section of the report shares: the snapshot, the check, the day, the
language, and small HTML helpers (tables, severity badges, collapsible parts)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import attrs

from lape.model import Geography, Severity, Snapshot, entity_type
from lape.report._text import esc, w
from lape.rules import Finding, Lang, Report, Rule, Status

__all__ = ["PALETTE", "PLURALS", "Page", "badge", "mark", "more_rows", "table", "yes_no"]

PALETTE: Final[Mapping[str, tuple[str, str]]] = {
    "error": ("#a4001d", "#fde7ea"),
    "warning": ("#6b4400", "#fff1cc"),
    "info": ("#00557a", "#e3f2fa"),
    "unknown": ("#5e2d82", "#f1e8f8"),
    "conforms": ("#0f5a2a", "#e5f4ea"),
    "text": ("#1a1a1a", "#ffffff"),
    "muted": ("#4d4d4d", "#ffffff"),
    "link": ("#0645ad", "#ffffff"),
}
"""Text colour and background of each kind of mark in the report; every pair has a
contrast of at least 4.5:1 (WCAG AA for text; a test measures it)."""

_ICONS: Final = {"error": "✖", "warning": "▲", "info": "ℹ", "unknown": "?"}


@attrs.frozen(kw_only=True)
class Page:
    """The facts every section reads."""

    snapshot: Snapshot
    report: Report
    lang: Lang
    geography: Geography
    rules: Mapping[str, Rule]
    """The rules known by ID: the catalogue's, and those given."""
    file_name: str
    """How the commands the report suggests name the snapshot file."""

    @property
    def day(self) -> dt.date:
        return self.report.as_of

    def w(self, key: str, **values: object) -> str:
        """A word of the report in its language, escaped."""
        return esc(w(key, self.lang, **values))

    def subject(self, kind: str, text: str) -> str:
        """A subject's kind (in the report's language) and its name and ID, escaped."""
        try:
            kind_name = entity_type(kind).name.get(self.lang)
        except KeyError:
            kind_name = kind.replace("_", " ")
        return f"{esc(kind_name)} {esc(text)}"

    def command(self, *options: str) -> str:
        """A ``lape check`` command line for this snapshot and day, as HTML ``<code>``."""
        parts = ["lape check", _shell_word(self.file_name), f"--as-of {self.day.isoformat()}"]
        parts += list(options)
        return f"<code>{esc(' '.join(parts))}</code>"


def _shell_word(text: str) -> str:
    """``text`` quoted for a POSIX shell when it needs it."""
    if text and all(c.isalnum() or c in "-_./" for c in text):
        return text
    return "'" + text.replace("'", "'\\''") + "'"


def mark(finding: Finding) -> str:
    """The mark of a finding: ``unknown`` when it could not be decided, else its severity."""
    return "unknown" if finding.status is Status.UNKNOWN else finding.severity.value


PLURALS: Final = {"error": "errors", "warning": "warnings", "info": "infos", "unknown": "unknowns"}


def badge(
    key: str, lang: Lang, *, rule_severity: Severity | None = None, plural: bool = False
) -> str:
    """A severity mark in words, with an icon and a colour (never colour alone):
    ``error``, ``warning``, ``info`` or ``unknown`` (with the rule's severity beside);
    ``plural`` for a count's label (``errors``)."""
    text = w(PLURALS[key] if plural else key, lang)
    if key == "unknown" and rule_severity is not None:
        text = f"{text} ({w(rule_severity.value, lang)})"
    return (
        f'<span class="badge {key}"><span aria-hidden="true">{_ICONS[key]}</span> '
        f"{esc(text)}</span>"
    )


def table(
    head: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    caption: str | None = None,
    css_class: str = "",
    numeric: Sequence[int] = (),
    row_headers: bool = False,
) -> str:
    """A table in a scrolling box: ``head`` (HTML) as column headers, ``rows`` of HTML
    cells; ``numeric`` columns right-aligned; with ``row_headers`` the first cell of a
    row is its header."""
    cls = f' class="{css_class}"' if css_class else ""
    parts = [f'<div class="scroll"><table{cls}>']
    if caption:
        parts.append(f"<caption>{caption}</caption>")
    parts.append(
        "<thead><tr>"
        + "".join(f'<th scope="col"{_num(i, numeric)}>{h}</th>' for i, h in enumerate(head))
        + "</tr></thead><tbody>"
    )
    for cells in rows:
        tds = []
        for i, c in enumerate(cells):
            if i == 0 and row_headers:
                tds.append(f'<th scope="row">{c}</th>')
            else:
                tds.append(f"<td{_num(i, numeric)}>{c}</td>")
        parts.append(f"<tr>{''.join(tds)}</tr>")
    parts.append("</tbody></table></div>")
    return "".join(parts)


def _num(i: int, numeric: Sequence[int]) -> str:
    return ' class="num"' if i in numeric else ""


def more_rows(page: Page, n: int) -> str:
    """A line saying how many rows a capped table leaves out (nothing when none)."""
    return f'<p class="more">{page.w("more_rows", n=n)}</p>' if n > 0 else ""


def yes_no(page: Page, value: bool) -> str:
    """Yes or no in words, with a sign (never colour alone)."""
    if value:
        return f'<span class="yes"><span aria-hidden="true">✓</span> {page.w("yes")}</span>'
    return f'<span class="no"><span aria-hidden="true">✗</span> {page.w("no")}</span>'
