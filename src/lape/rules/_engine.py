"""The engine: run a rule set over a snapshot in one pass and report."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from lape.model import Geography, Severity, Snapshot
from lape.rules._arguments import checked_arguments
from lape.rules._context import Context
from lape.rules._evidence import as_text
from lape.rules._parameters import ParameterError, Parameters, default_parameters
from lape.rules._report import Finding, Report, RuleResult
from lape.rules._rule import Outcome, Rule, Status
from lape.rules._ruleset import RuleSet
from lape.rules._text import LANGUAGES, Lang, Text

__all__ = ["check"]


def check(
    snapshot: Snapshot,
    *,
    as_of: dt.date | None = None,
    rules: RuleSet | Iterable[Rule] | None = None,
    lang: Lang = "en",
    parameters: Parameters | None = None,
    geography: Geography | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    severity: Mapping[str, Severity | str] | None = None,
    file_settings: bool = True,
) -> Report:
    """Check ``snapshot`` on ``as_of`` against a rule set and report.

    ``as_of`` defaults to the snapshot's own ``info.as_of``, else today.
    ``rules`` defaults to the whole catalogue. The snapshot's ``checks:``
    section is applied first (unless ``file_settings=False``), then ``select``,
    ``ignore`` and ``severity`` given here (see :class:`~lape.rules.RuleSet`).
    A rule not in force on ``as_of`` examines nothing, and its result says so.

    ``parameters`` defaults to :func:`~lape.rules.default_parameters`. A name
    added to them must be one a rule of the set reads, or ``pool.<id>.amount``
    for a known pool, and every rule checked must find the parameters it reads:
    otherwise :class:`~lape.rules.ParameterError`, so that a misspelt what-if
    never passes unnoticed.
    """
    as_of, rules, select, ignore = checked_arguments(**locals())  # see rules/_arguments.py
    if lang not in LANGUAGES:
        msg = f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}"
        raise ValueError(msg)
    from lape.reference import funding_pools
    from lape.reference import geography as reference_geography
    from lape.rules._catalogue import catalogue

    day = as_of or snapshot.info.as_of or dt.date.today()
    ruleset = rules if isinstance(rules, RuleSet) else RuleSet(tuple(rules or catalogue()))
    whole = tuple(ruleset)
    select, ignore, severity = tuple(select), tuple(ignore), dict(severity or {})
    settings = snapshot.checks if file_settings else None
    # Every name must match some rule of the whole set, so a typo is an error; once
    # checked, ignoring or re-grading a rule that a selection left out does nothing.
    ruleset.validate(*select, *ignore, *severity)
    if settings is not None:
        ruleset.validate(*settings.select, *settings.ignore, *settings.severity)
        ruleset = ruleset.select(*(() if select else settings.select))
        ruleset = ruleset.ignore(*settings.ignore, strict=False)
        ruleset = ruleset.with_severity(settings.severity, strict=False)
    ruleset = ruleset.select(*select).ignore(*ignore, strict=False)
    ruleset = ruleset.with_severity(severity, strict=False)

    defaults = default_parameters()
    params = parameters if parameters is not None else defaults
    reference_pools = funding_pools()
    _check_parameters(
        params,
        defaults=defaults,
        whole=whole,
        active=[r for r in ruleset if r.in_force.contains(day)],
        pools={pool.id for pool in (*reference_pools, *snapshot.pools)},
    )
    ctx = Context(
        snapshot,
        as_of=day,
        parameters=params,
        geography=geography if geography is not None else reference_geography(),
        reference_pools=reference_pools,
    )
    findings: list[Finding] = []
    results: list[RuleResult] = []
    for r in ruleset:
        if not r.in_force.contains(day):
            results.append(RuleResult(rule=r.id, severity=r.severity, in_force=False))
            continue
        examined = failed = unknown = 0
        for outcome in r.check(ctx):
            if outcome.severity is not None:  # a detail beside the verdict, not a verdict
                findings.append(_finding(r, outcome, lang))
                continue
            examined += 1
            if outcome.status is Status.PASSED:
                continue
            if outcome.status is Status.FAILED:
                failed += 1
            else:
                unknown += 1
            findings.append(_finding(r, outcome, lang))
        results.append(
            RuleResult(
                rule=r.id,
                severity=r.severity,
                in_force=True,
                examined=examined,
                failed=failed,
                unknown=unknown,
            )
        )
    findings.sort(key=Finding.sort_key)
    return Report(as_of=day, lang=lang, findings=tuple(findings), results=tuple(results))


_POOL_AMOUNT = re.compile(r"pool\.(?P<pool>.+)\.amount")


def _check_parameters(
    params: Parameters,
    *,
    defaults: Parameters,
    whole: Iterable[Rule],
    active: Iterable[Rule],
    pools: set[str],
) -> None:
    """Refuse parameters no rule reads (a typo) and rules whose parameters are missing."""
    read = {name for r in whole for name in r.parameters if "<" not in name}
    for name in params:
        if name in read or name in defaults:
            continue
        pool = _POOL_AMOUNT.fullmatch(name)
        if pool is None:
            close = difflib.get_close_matches(name, sorted(read | set(defaults)), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            msg = f"no rule reads the parameter {name!r}{hint}"
            raise ParameterError(msg)
        if pool["pool"] not in pools:
            close = difflib.get_close_matches(pool["pool"], sorted(pools), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            msg = f"{name!r} names no known funding pool{hint}"
            raise ParameterError(msg)
    for r in active:
        for name in r.parameters:
            if "<" not in name and name not in params:
                msg = (
                    f"rule {r.id} reads the parameter {name!r}, which the parameters do not "
                    f"hold; add it with Parameters.override({name!r}, value)"
                )
                raise ParameterError(msg)


def _finding(r: Rule, outcome: Outcome, lang: Lang) -> Finding:
    subject = outcome.subject
    if outcome.status is Status.UNKNOWN:
        template = _UNKNOWN
        values: dict[str, Any] = {"rule": r.id, "missing": ", ".join(outcome.missing)}
    else:
        template = r.note if outcome.severity is not None and r.note is not None else r.message
        values = dict(outcome.evidence)
    messages = Text(
        **{
            language: template.get(language).format(
                subject=str(subject), **{k: as_text(v, language) for k, v in values.items()}
            )
            for language in LANGUAGES
        }
    )
    return Finding(
        rule=r.id,
        severity=outcome.severity or r.severity,
        status=outcome.status,
        subject=subject,
        path=outcome.path,
        messages=messages,
        lang=lang,
        evidence=outcome.evidence,
        missing=outcome.missing,
        source=r.source,
        title=r.title,
    )


_UNKNOWN = Text(
    fi="{subject}: sääntöä {rule} ei voitu tarkistaa, koska tieto puuttuu: {missing}",
    sv="{subject}: regel {rule} kunde inte kontrolleras eftersom uppgift saknas: {missing}",
    en="{subject}: rule {rule} could not be checked because a fact is missing: {missing}",
)
