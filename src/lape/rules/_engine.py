"""The engine: run a rule set over a snapshot in one pass and report."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping

from lape._gc import gc_paused
from lape._wording import Lang
from lape.model import Geography, Severity, Snapshot
from lape.rules._arguments import checked_arguments
from lape.rules._context import Context
from lape.rules._packs import installed_rules
from lape.rules._parameters import ParameterError, Parameters, default_parameters
from lape.rules._report import UNKNOWN_MESSAGE, Finding, Report, RuleResult
from lape.rules._rule import Outcome, Rule, Status
from lape.rules._ruleset import RuleSet

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
    from lape.reference import funding_pools
    from lape.reference import geography as reference_geography

    day = as_of or snapshot.info.as_of or dt.date.today()
    whole, ruleset = select_rules(
        snapshot,
        rules,
        select=tuple(select),
        ignore=tuple(ignore),
        severity=dict(severity or {}),
        file_settings=file_settings,
    )
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
    with gc_paused():  # see lape._gc: findings, tables and sets, and no cycles
        return run(ruleset, ctx, lang=lang)


def select_rules(
    snapshot: Snapshot,
    rules: RuleSet | Iterable[Rule] | None,
    *,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    severity: Mapping[str, Severity | str] | None = None,
    file_settings: bool = True,
) -> tuple[tuple[Rule, ...], RuleSet]:
    """The whole rule set and the rules to run: the snapshot's ``checks:`` section first
    (unless ``file_settings=False``), then ``select``, ``ignore`` and ``severity``. Every
    name must match some rule of the whole set, so that a typo is an error; once
    checked, ignoring or re-grading a rule that a selection left out does nothing."""
    if isinstance(rules, RuleSet):
        ruleset = rules
    elif rules is None:
        ruleset = installed_rules()  # the catalogue and the installed rule packs
    else:
        ruleset = RuleSet(tuple(rules))
    whole = tuple(ruleset)
    severity = dict(severity or {})
    ruleset.validate(*select, *ignore, *severity)
    settings = snapshot.checks if file_settings else None
    if settings is not None:
        ruleset.validate(*settings.select, *settings.ignore, *settings.severity)
        ruleset = ruleset.select(*(() if select else settings.select))
        ruleset = ruleset.ignore(*settings.ignore, strict=False)
        ruleset = ruleset.with_severity(settings.severity, strict=False)
    ruleset = ruleset.select(*select).ignore(*ignore, strict=False)
    return whole, ruleset.with_severity(severity, strict=False)


def run(ruleset: Iterable[Rule], ctx: Context, *, lang: Lang = "en") -> Report:
    """Run ``ruleset`` over the snapshot of ``ctx`` on its day, in one pass, and report.

    A rule not in force on the day examines nothing, and its result says so. A rule's
    passes are counted, not kept one object each: what it declared with
    :meth:`Context.examine` (or the subjects of the passes it yielded) is kept as it
    is, and its result can list them (:meth:`RuleResult.subjects`).
    """
    day = ctx.as_of
    passed, failed_status = Status.PASSED, Status.FAILED  # see _UNKNOWN
    blocks: dict[tuple[int, str], list[Finding]] = {}  # by (severity rank, rule)
    results: list[RuleResult] = []
    for r in ruleset:
        if not r.in_force.contains(day):
            results.append(RuleResult(rule=r.id, severity=r.severity, in_force=False))
            continue
        ctx._begin_rule()
        passes: list[object] = []
        failed = unknown = 0
        verdicts: list[object] = []
        own = blocks.setdefault((r.severity.rank, r.id), [])
        # a finding's fields that come from the rule, and the template of each status
        rule_id, severity, source, title = r.id, r.severity, r.source, r.title
        message = r.message
        try:
            for outcome in r.check(ctx):
                status = outcome.status
                if outcome.severity is not None:  # a detail beside the verdict, not a verdict
                    found = _finding(r, outcome, lang)
                    blocks.setdefault((found.severity.rank, r.id), []).append(found)
                elif status is passed:
                    passes.append(outcome.subject)
                else:
                    subject = outcome.subject
                    verdicts.append(subject)
                    if status is failed_status:
                        failed += 1
                        template = message
                    else:
                        unknown += 1
                        template = UNKNOWN_MESSAGE
                    # the named tuple made from its fields, in order (see _finding)
                    own.append(
                        _new(
                            Finding,
                            (
                                rule_id,
                                severity,
                                status,
                                subject,
                                outcome.path,
                                template,
                                source,
                                title,
                                lang,
                                outcome.evidence,
                                outcome.missing,
                            ),
                        )
                    )
        finally:
            declared = ctx._end_rule()
        # What a rule declared holds its failures and unknowns; without a declaration
        # every verdict is a subject examined.
        examined = (*declared, *passes) if declared else (*passes, *verdicts)
        results.append(
            RuleResult(
                rule=r.id,
                severity=r.severity,
                in_force=True,
                examined=len(examined),
                failed=failed,
                unknown=unknown,
                examined_entities=examined,
            )
        )
    # The report's order (Finding.sort_key): severity, rule, then within one rule's
    # block the subject, the path and unknowns after failures; a block is sorted on
    # its own, which costs less than comparing every finding's whole key.
    findings: list[Finding] = []
    for _, block in sorted(blocks.items()):
        block.sort(key=_order_in_block)
        findings.extend(block)
    return Report(as_of=day, lang=lang, findings=tuple(findings), results=tuple(results))


def _order_in_block(f: Finding) -> tuple[str, str, str, bool]:
    """The order of findings of one rule and severity (see :meth:`Finding.sort_key`)."""
    subject = f[3]
    return (subject[0], subject[1], f[4] or "", f[2] is _UNKNOWN)


_UNKNOWN = Status.UNKNOWN
"""Kept at hand: in Python 3.11 reading an enum's member from its class costs as much
as building a small tuple, and the engine compares one per finding."""


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
    if outcome.status is Status.UNKNOWN:
        template = UNKNOWN_MESSAGE
    elif outcome.severity is not None and r.note is not None:
        template = r.note
    else:
        template = r.message
    fields = (
        r.id,
        outcome.severity or r.severity,
        outcome.status,
        outcome.subject,
        outcome.path,
        template,
        r.source,
        r.title,
        lang,
        outcome.evidence,
        outcome.missing,
    )
    return _new(Finding, fields)  # the named tuple made from its fields, in order


_new = tuple.__new__
