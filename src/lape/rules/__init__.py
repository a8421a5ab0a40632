"""The rule engine and the rule catalogue.

A rule is a small typed object (:class:`Rule`) with a stable ID, a severity,
the period it is in force, its source, and a title and message in Finnish,
Swedish and English; its check is plain Python over a :class:`Context`.
:func:`check` runs a :class:`RuleSet` (by default the whole
:func:`catalogue`) over a snapshot in one pass and returns a :class:`Report`.

>>> import lape
>>> report = check(lape.example())
>>> report.conforms
False
>>> sorted({f.rule for f in report.findings if f.severity is Severity.ERROR})[:2]
['LAPE-F02', 'LAPE-G04']
"""

from lape._wording import LANGUAGES, Lang, Text
from lape.model import Severity
from lape.rules._catalogue import catalogue
from lape.rules._context import Context
from lape.rules._engine import check
from lape.rules._packs import (
    ENTRY_POINT_GROUP,
    RulePack,
    RulePackError,
    installed_rules,
    rule_packs,
)
from lape.rules._parameters import Parameter, ParameterError, Parameters, default_parameters
from lape.rules._render import MAX_TEXT_FINDINGS, report_text, rules_text, source_lines
from lape.rules._report import Finding, Report, ReportDiff, RuleResult
from lape.rules._rule import Outcome, Rule, Source, Status, Subject, rule
from lape.rules._ruleset import RuleSelectionError, RuleSet
from lape.rules._summary import ReportSummary, Tally, report_summary

__all__ = [
    "ENTRY_POINT_GROUP",
    "LANGUAGES",
    "MAX_TEXT_FINDINGS",
    "Context",
    "Finding",
    "Lang",
    "Outcome",
    "Parameter",
    "ParameterError",
    "Parameters",
    "Report",
    "ReportDiff",
    "ReportSummary",
    "Rule",
    "RulePack",
    "RulePackError",
    "RuleResult",
    "RuleSelectionError",
    "RuleSet",
    "Severity",
    "Source",
    "Status",
    "Subject",
    "Tally",
    "Text",
    "catalogue",
    "check",
    "default_parameters",
    "installed_rules",
    "report_summary",
    "report_text",
    "rule",
    "rule_packs",
    "rules_text",
    "source_lines",
]
