"""The summary and the findings: by rule (each with its condition and source) and by subject.

Every finding is counted; the lists are capped (:data:`MAX_FINDINGS` in all,
:data:`MAX_PER_RULE` a rule, :data:`MAX_SUBJECTS` subjects), and where a list is cut
a line says how many findings are not shown and gives the command that lists them all.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Final

from lape.model import Snapshot, entity_type
from lape.report._page import PLURALS, Page, badge, mark, more_rows, table
from lape.report._source import source_html
from lape.report._text import esc, w
from lape.rules import Finding, Status

__all__ = ["MAX_FINDINGS", "MAX_PER_RULE", "MAX_SUBJECTS", "findings_html", "summary_html"]

MAX_FINDINGS: Final = 2000
"""The most findings the report lists one by one (all are counted)."""
MAX_PER_RULE: Final = 300
"""The most findings of one rule the report lists one by one."""
MAX_SUBJECTS: Final = 500
"""The most subjects the list by subject shows."""
_OPEN_UP_TO: Final = 25
"""A rule's findings are shown open when it has at most this many and they are errors."""
_KEYS: Final = ("error", "warning", "info", "unknown")


def rule_anchor(rule: str) -> str:
    return f"rule-{esc(rule)}"


def _by_rule(findings: tuple[Finding, ...]) -> dict[str, list[Finding]]:
    found: dict[str, list[Finding]] = {}
    for f in findings:
        found.setdefault(f.rule, []).append(f)
    return found


def _snapshot_line(page: Page, snapshot: Snapshot) -> str:
    parts = []
    for kind, n in snapshot.counts().items():
        try:
            name = entity_type(kind).name.get(page.lang)
        except KeyError:
            name = kind
        parts.append(f"{esc(name)}: {n:,}".replace(",", "\u202f"))
    return "; ".join(parts)


def summary_html(page: Page) -> str:
    """The verdict, the counts, the rules with findings and the rules in force."""
    report = page.report
    counts = report.counts()
    verdict_key = "conforms" if report.conforms else "not"
    verdict_class = "conforms" if report.conforms else "error"
    icon = "✓" if report.conforms else "✖"
    cards = "".join(
        f'<li class="count {key}"><span class="n">{counts[key]}</span> '
        f"{badge(key, page.lang, plural=True)}</li>"
        for key in _KEYS
    )
    in_force = [r for r in report.results if r.in_force]
    by_rule = _by_rule(report.findings)
    rows = []
    for rule, found in by_rule.items():
        c = Counter(mark(f) for f in found)
        failed = sum(n for k, n in c.items() if k != "unknown")
        result = report.result(rule)
        examined = "" if result is None else str(result.examined)
        sev = found[0].severity
        rows.append(
            [
                f'<a href="#{rule_anchor(rule)}">{esc(rule)}</a>',
                esc(found[0].title.get(page.lang)),
                badge(sev.value, page.lang),
                str(failed),
                str(c.get("unknown", 0)),
                examined,
            ]
        )
    parts = [
        f'<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">'
        f"{page.w('summary')}</h2>",
        f'<p class="verdict {verdict_class}"><span aria-hidden="true">{icon}</span> '
        f"<strong>{page.w(verdict_key)}</strong></p>",
        f'<ul class="counts">{cards}</ul>',
        f"<p>{page.w('rules_in_force_n', n=len(in_force), total=len(report.results))}"
        f"; {page.w('snapshot')}: {_snapshot_line(page, page.snapshot)}.</p>",
    ]
    if counts["unknown"]:
        parts.append(f'<p class="note">{page.w("unknown_note")}.</p>')
    if rows:
        head = [page.w(k) for k in ("rule", "title_col", "severity")]
        head += [page.w(k) for k in ("failed", "unknown", "examined")]
        parts.append(
            f'<h3 id="rules-with-findings">{page.w("rules_with_findings")}</h3>'
            + table(head, rows, numeric=(3, 4, 5), css_class="rules")
        )
    else:
        parts.append(f"<p>{page.w('no_findings')}</p>")
    listed = "".join(
        f"<li><code>{esc(r.rule)}</code> {esc(_title(page, r.rule))}</li>" for r in in_force
    )
    parts.append(
        f"<details><summary>{page.w('rules_in_force')} ({len(in_force)})</summary>"
        f'<ul class="rules-in-force">{listed}</ul></details></section>'
    )
    return "".join(parts)


def _title(page: Page, rule: str) -> str:
    known = page.rules.get(rule)
    return "" if known is None else known.title.get(page.lang)


def findings_html(page: Page) -> str:
    """The findings by rule, then by subject."""
    return _by_rule_html(page) + _by_subject_html(page)


def _by_rule_html(page: Page) -> str:
    report = page.report
    lang = page.lang
    parts = [
        f'<section id="by-rule" aria-labelledby="by-rule-h"><h2 id="by-rule-h">'
        f"{page.w('by_rule')}</h2>"
    ]
    if not report.findings:
        parts.append(f"<p>{page.w('no_findings')}</p></section>")
        return "".join(parts)
    budget = MAX_FINDINGS
    for rule, found in _by_rule(report.findings).items():
        first = found[0]
        c = Counter(mark(f) for f in found)
        counted = ", ".join(f"{page.w(PLURALS[k])}: {c[k]}" for k in _KEYS if c.get(k))
        shown = found[: max(0, min(MAX_PER_RULE, budget))]
        budget -= len(shown)
        is_open = " open" if len(found) <= _OPEN_UP_TO and c.get("error") else ""
        known = page.rules.get(rule)
        rows = []
        for f in shown:
            message = f.message_in(lang).removeprefix(f"{f.subject}: ")
            rows.append(
                [
                    page.subject(f.subject.kind, str(f.subject)),
                    badge(mark(f), lang, rule_severity=f.severity),
                    esc(message),
                    f"<code>{esc(f.path)}</code>" if f.path else "",
                ]
            )
        head = [page.w(k) for k in ("subject", "severity", "message", "path")]
        body = [
            f'<details class="rule" id="{rule_anchor(rule)}"{is_open}>'
            f"<summary><h3>{esc(rule)} — {esc(first.title.get(lang))} "
            f'{badge(first.severity.value, lang)} <span class="counted">{counted}</span>'
            "</h3></summary>"
        ]
        if known is not None and known.condition is not None:
            body.append(
                f'<p class="condition"><strong>{page.w("condition")}:</strong> '
                f"{esc(known.condition.get(lang))}</p>"
            )
        body.append(
            f'<div class="source"><strong>{page.w("source")}:</strong>'
            f"{source_html(first.source, lang)}</div>"
        )
        body.append(table(head, rows, css_class="findings", row_headers=True))
        if len(shown) < len(found):
            body.append(
                f'<p class="more">'
                f"{_not_shown(page, len(found) - len(shown), f'--select {rule} --format json')}"
                "</p>"
            )
        body.append("</details>")
        parts.append("".join(body))
    parts.append("</section>")
    return "".join(parts)


def _not_shown(page: Page, n: int, options: str) -> str:
    command = page.command(options)
    text = esc(w("not_shown", page.lang, n=n, command="{command}"))
    return text.replace("{command}", command)


def _by_subject_html(page: Page) -> str:
    report = page.report
    lang = page.lang
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in report.findings:
        groups[(f.subject.kind, f.subject.id)].append(f)
    if not groups:
        return ""
    order = sorted(groups.values(), key=lambda fs: min(f.sort_key() for f in fs))
    rows = []
    for found in order[:MAX_SUBJECTS]:
        subject = found[0].subject
        times: dict[tuple[str, str], int] = {}  # each rule and mark once, with a count
        for f in found:
            key = (f.rule, mark(f))
            times[key] = times.get(key, 0) + 1
        rules = ", ".join(
            f'<a href="#{rule_anchor(rule)}">{esc(rule)}</a> ({esc(_word(page, marked))})'
            + (f" ×{n}" if n > 1 else "")
            for (rule, marked), n in times.items()
        )
        paths = sorted({f.path for f in found if f.path})
        worst = min(found, key=lambda f: (f.status is Status.UNKNOWN, f.sort_key()))
        rows.append(
            [
                page.subject(subject.kind, str(subject)),
                badge(mark(worst), lang),
                rules,
                ", ".join(f"<code>{esc(p)}</code>" for p in paths[:5])
                + (f" … (+{len(paths) - 5})" if len(paths) > 5 else ""),
            ]
        )
    head = [page.w(k) for k in ("subject", "severity", "findings", "path")]
    return (
        f'<section id="by-subject" aria-labelledby="by-subject-h"><h2 id="by-subject-h">'
        f"{page.w('by_subject')}</h2><p>{page.w('subjects_n', n=len(order))}.</p>"
        + table(head, rows, css_class="subjects", row_headers=True)
        + more_rows(page, len(order) - len(rows))
        + "</section>"
    )


def _word(page: Page, key: str) -> str:
    return w(key, page.lang)
