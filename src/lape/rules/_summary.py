"""A report in counts, for a report too long to read finding by finding (``lape check --summary``).

:func:`report_summary` counts a report's findings per rule, per region, per kind of
subject and per subject, each split by severity (failed) and unknown, in one pass
over the findings.

>>> import lape
>>> s = lape.example()
>>> summary = report_summary(lape.check(s), s)
>>> [(t.key, t.error, t.info) for t in summary.rules]
[('LAPE-F02', 1, 0), ('LAPE-G04', 1, 0), ('LAPE-G05', 1, 0), ('LAPE-G06', 0, 1)]
>>> [(t.key, t.label, t.total) for t in summary.regions]
[('11', 'North Savo', 4)]
>>> summary
<ReportSummary 2017-10-01: 4 findings, 4 rules, 1 region, 4 subjects>
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, NamedTuple

import attrs

from lape._wording import Lang, Text, subject_kind, word
from lape._words import count
from lape.model import (
    AreaKind,
    CountyCode,
    EntityKind,
    Geography,
    MunicipalityCode,
    RegionCode,
    Snapshot,
)
from lape.rules._report import Report
from lape.rules._rule import Status

__all__ = ["ReportSummary", "Tally", "report_summary"]

_WORDS: dict[str, Text] = {
    "by_rule": Text(fi="Säännöittäin", sv="Per regel", en="By rule"),
    "by_region": Text(fi="Maakunnittain", sv="Per landskap", en="By region"),
    "by_kind": Text(fi="Kohteen lajin mukaan", sv="Per typ av föremål", en="By kind of subject"),
    "by_subject": Text(
        fi="Kohteet, joista on eniten havaintoja",
        sv="Föremål med flest iakttagelser",
        en="Subjects with the most findings",
    ),
    "no_region": Text(fi="(ei maakuntaa)", sv="(inget landskap)", en="(no region)"),
    "and_more": Text(fi="ja {n} muuta", sv="och {n} till", en="and {n} more"),
    "and_one_more": Text(fi="ja 1 muu", sv="och 1 till", en="and 1 more"),
    "summary": Text(fi="Yhteenveto", sv="Sammanfattning", en="Summary"),
}


class Tally(NamedTuple):
    """The findings of one rule, region, kind or subject: failed by severity, and unknown."""

    key: str
    """The rule's ID, the region's code (``""``: no region), the kind, or ``kind:ID``."""
    label: str
    """What it is, in the report's language: a rule's title, a region's name..."""
    error: int = 0
    warning: int = 0
    info: int = 0
    unknown: int = 0

    @property
    def total(self) -> int:
        return self.error + self.warning + self.info + self.unknown

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "error": self.error,
            "warning": self.warning,
            "info": self.info,
            "unknown": self.unknown,
        }


@attrs.frozen(kw_only=True)
class ReportSummary:
    """A report's findings counted per rule, region, kind of subject and subject
    (:func:`report_summary`); each list most findings first."""

    title: str
    as_of: dt.date
    lang: Lang
    conforms: bool
    counts: dict[str, int]
    """As :meth:`Report.counts`: failures by severity, and unknowns apart."""
    rules: tuple[Tally, ...]
    regions: tuple[Tally, ...]
    """By the region of each finding's subject on the day; key ``""`` for subjects
    without one (national bodies, or no snapshot to look them up in)."""
    kinds: tuple[Tally, ...]
    subjects: tuple[Tally, ...]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready data (``lape check --summary --format json``)."""
        return {
            "title": self.title,
            "as_of": self.as_of.isoformat(),
            "lang": self.lang,
            "conforms": self.conforms,
            "counts": dict(self.counts),
            "rules": [t.as_dict() for t in self.rules],
            "regions": [t.as_dict() for t in self.regions],
            "kinds": [t.as_dict() for t in self.kinds],
            "subjects": [t.as_dict() for t in self.subjects],
        }

    def to_text(self, *, most: int = 10) -> str:
        """The summary as text for a terminal, in the report's language; the list of
        subjects cut at ``most`` with a count of the rest."""
        lang = self.lang
        c = self.counts
        verdict = word("conforms", lang) if self.conforms else word("not", lang)
        heads = [word(k, lang) for k in ("errors", "warnings", "info", "unknown")]
        lines = [
            f"{self.title} — {word('as_of', lang)} {self.as_of.isoformat()}: {verdict}",
            ", ".join(f"{h}: {c[k]}" for h, k in zip(heads, _KEYS, strict=True)),
        ]
        sections = (
            ("by_rule", self.rules, len(self.rules)),
            ("by_region", self.regions, len(self.regions)),
            ("by_kind", self.kinds, len(self.kinds)),
            ("by_subject", self.subjects, most),
        )
        for key, tallies, shown in sections:
            if not tallies:
                continue
            lines += ["", f"{_WORDS[key].get(lang)}:"]
            lines.extend(_table(tallies[:shown], heads, lang, with_key=key == "by_rule"))
            if len(tallies) > shown:
                rest = len(tallies) - shown
                more = _WORDS["and_one_more" if rest == 1 else "and_more"].get(lang)
                lines.append(f"  {more.format(n=rest)}")
        return "\n".join(lines) + "\n"

    def __repr__(self) -> str:
        total = sum(self.counts.values())
        return (
            f"<ReportSummary {self.as_of.isoformat()}: {count(total, 'finding')}, "
            f"{count(len(self.rules), 'rule')}, {count(len(self.regions), 'region')}, "
            f"{count(len(self.subjects), 'subject')}>"
        )


_KEYS = ("error", "warning", "info", "unknown")


def _table(tallies: Iterable[Tally], heads: list[str], lang: Lang, *, with_key: bool) -> list[str]:
    rows = list(tallies)
    names = [f"{t.key}  {t.label}" if with_key else t.label for t in rows]
    width = min(max((len(n) for n in names), default=0), 60)
    widths = [max(len(h), 4) for h in heads]
    header = "  ".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True))
    lines = [f"  {'':<{width}}  {header}"]
    for name, t in zip(names, rows, strict=True):
        shown = name if len(name) <= width else name[: width - 1] + "…"
        cells = "  ".join(f"{getattr(t, k):>{w}}" for k, w in zip(_KEYS, widths, strict=True))
        lines.append(f"  {shown:<{width}}  {cells}")
    return lines


def report_summary(
    report: Report,
    snapshot: Snapshot | None = None,
    *,
    title: str | None = None,
    geography: Geography | None = None,
) -> ReportSummary:
    """Count ``report``'s findings per rule, region, kind of subject and subject.

    The region of a finding is its subject's on the report's day: an area's own, or
    for an entity of ``snapshot`` its ``region``, its county's, or its
    municipality's (or municipalities', when they share one); without a snapshot,
    only areas have one. Time: one pass over the findings, each subject looked up once.
    """
    from lape.reference import geography as reference_geography

    geo = geography if geography is not None else reference_geography()
    lang = report.lang
    day = report.as_of
    by: dict[str, dict[str, list[int]]] = {"rule": {}, "region": {}, "kind": {}, "subject": {}}
    labels: dict[tuple[str, str], str] = {}
    regions: dict[tuple[str, str], RegionCode | None] = {}
    for f in report.findings:
        column = 4 if f.status is Status.UNKNOWN else _COLUMN[f.severity.value]
        subject = (f.subject.kind, f.subject.id)
        if subject not in regions:
            regions[subject] = _region(f.subject.kind, f.subject.id, snapshot, geo, day)
            labels[("subject", f"{subject[0]}:{subject[1]}")] = (
                f"{subject_kind(f.subject.kind, lang)} {f.subject}"
            )
        region = regions[subject] or ""
        labels.setdefault(("rule", f.rule), f.title.get(lang))
        for part, key in (
            ("rule", f.rule),
            ("region", region),
            ("kind", f.subject.kind),
            ("subject", f"{subject[0]}:{subject[1]}"),
        ):
            counts = by[part].get(key)
            if counts is None:
                counts = by[part][key] = [0, 0, 0, 0, 0]
            counts[column] += 1

    def label(part: str, key: str) -> str:
        if part == "region":
            if not key:
                return _WORDS["no_region"].get(lang)
            r = geo.regions.get(RegionCode(key))
            return _area_name(r, lang) if r is not None else key
        if part == "kind":
            return subject_kind(key, lang)
        return labels.get((part, key), key)

    def tallies(part: str) -> tuple[Tally, ...]:
        found = [
            Tally(key, label(part, key), c[1], c[2], c[3], c[4]) for key, c in by[part].items()
        ]
        found.sort(key=lambda t: (-t.error, -t.warning, -t.total, t.key))
        return tuple(found)

    return ReportSummary(
        title=title or "",
        as_of=day,
        lang=lang,
        conforms=report.conforms,
        counts=report.counts(),
        rules=tallies("rule"),
        regions=tallies("region"),
        kinds=tallies("kind"),
        subjects=tallies("subject"),
    )


_COLUMN = {"error": 1, "warning": 2, "info": 3}


def _area_name(area: Any, lang: Lang) -> str:
    return str(area.name_sv if lang == "sv" else area.name_en if lang == "en" else area.name_fi)


def _region(
    kind: str, subject_id: str, snapshot: Snapshot | None, geo: Geography, day: dt.date
) -> RegionCode | None:
    """The region of a finding's subject on ``day``, or ``None``."""
    if kind == AreaKind.REGION.value:
        return RegionCode(subject_id) if subject_id in geo.regions else None
    if kind == AreaKind.MUNICIPALITY.value:
        return geo.region_of(subject_id, day)
    if kind == AreaKind.COUNTY.value:
        county = geo.counties.get(CountyCode(subject_id))
        return county.region if county is not None else None
    if kind == AreaKind.PROJECT_AREA.value:
        area = geo.project_areas.get(subject_id)
        return area.region if area is not None else None
    if snapshot is None:
        return None
    try:
        entity_kind = EntityKind(kind)
    except ValueError:
        return None
    entity = snapshot.index.entity(entity_kind, subject_id)
    if entity is None:
        return None
    region = getattr(entity, "region", None)
    if region is not None:
        return RegionCode(region)
    county = getattr(entity, "county", None)
    if county is not None:
        of_county = geo.counties.get(CountyCode(county))
        if of_county is not None:
            return of_county.region
    codes: tuple[MunicipalityCode, ...] = tuple(getattr(entity, "municipalities", ()) or ())
    one = getattr(entity, "municipality", None)
    if one is not None:
        codes = (one,)
    found = {geo.region_of(code, day) for code in codes}
    found.discard(None)
    return found.pop() if len(found) == 1 else None
