"""What ``lape survey`` prints, in Finnish, Swedish or English
(:meth:`SurveyReport.to_text`).

Numbers and IDs are the same in every language; the words around them, the
sectors, the kinds of formal tie and the measures' names are the chosen language's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lape._wording import Text
from lape.model import Sector, label
from lape.network._build import TieKind
from lape.network._text import counted
from lape.rules import Lang

if TYPE_CHECKING:
    from lape.network._survey_gaps import GapCount, TieGap
    from lape.network._survey_report import SurveyReport
    from lape.network._survey_waves import SurveyChanges

__all__ = ["survey_text"]


def _t(fi: str, sv: str, en: str) -> Text:
    return Text(fi=fi, sv=sv, en=en)


_W: dict[str, Text] = {
    "title": _t(
        "Yhteistyökysely {survey}, {date}{name}",
        "Samarbetsenkät {survey}, {date}{name}",
        "Collaboration survey {survey}, {date}{name}",
    ),
    "answered": _t(
        "{members}, vastanneita {respondents} (vastausaste {rate})",
        "{members}, {respondents} svarade (svarsfrekvens {rate})",
        "{members}, {respondents} answered (response rate {rate})",
    ),
    "ties": _t(
        "{ties} ({reports}, molemminpuolisia {reciprocated})",
        "{ties} ({reports}, {reciprocated} ömsesidiga)",
        "{ties} ({reports}, {reciprocated} reciprocated)",
    ),
    "density": _t(
        "tiheys {d} (suunnattu {dd}, molemminpuolisten {rd}), vastavuoroisuus {r}",
        "täthet {d} (riktad {dd}, ömsesidiga {rd}), reciprocitet {r}",
        "density {d} (directed {dd}, reciprocated {rd}), reciprocity {r}",
    ),
    "centralisation": _t(
        "asteiden keskittyneisyys {c}", "gradcentralisering {c}", "degree centralisation {c}"
    ),
    "value_trust": _t(
        "arvo {v}, luottamus {t}", "värde {v}, förtroende {t}", "value {v}, trust {t}"
    ),
    "unknown_members": _t(
        "eivät ole aineiston toimijoita (LAPE-S01): ",
        "inte aktörer i materialet (LAPE-S01): ",
        "not actors of the snapshot (LAPE-S01): ",
    ),
    "members": _t(
        "Jäsenet suhteellisen kytkeytyneisyyden mukaan:",
        "Medlemmar efter relativ anknytning:",
        "Members, by relative connectivity:",
    ),
    "member_columns": _t(
        "jäsen|yhteydet|arvo|luottamus|ei-päällekkäiset|kytkeytyneisyys",
        "medlem|band|värde|förtroende|icke-redundanta|anknytning",
        "member|ties|value|trust|non-redundant|connectivity",
    ),
    "more": _t("... ja {n} muuta", "... och {n} till", "... and {n} more"),
    "more_1": _t("... ja {n} muu", "... och {n} till", "... and {n} more"),
    "listed_more": _t("{shown} ja {n} muuta", "{shown} och {n} till", "{shown} and {n} more"),
    "listed_more_1": _t("{shown} ja {n} muu", "{shown} och {n} till", "{shown} and {n} more"),
    "every_period": _t("kaikki kaudet", "alla perioder", "every period"),
    "formal": _t(
        "Viralliset yhteydet ja kyselyn yhteydet ({day}):",
        "Formella band jämfört med enkätens ({day}):",
        "Formal ties against surveyed ({day}):",
    ),
    "totals": _t(
        "virallisia {formal}, kyselyssä {surveyed}, molemmissa {both}; virallisia "
        "yhteyksiä vastaamatta jättäneiden jäsenten välillä {unobserved}",
        "{formal} formella, {surveyed} i enkäten, {both} båda; {unobserved} formella band "
        "mellan medlemmar som inte svarade",
        "{formal} formal, {surveyed} surveyed, {both} both; {unobserved} formal ties "
        "between members who did not answer",
    ),
    "formal_only": _t(
        "virallinen, kukaan ei kerro tekevänsä yhteistyötä: {n}",
        "formellt, ingen uppger att de samarbetar: {n}",
        "formal, nobody reports working on it: {n}",
    ),
    "surveyed_only": _t(
        "yhteistyötä ilman virallista yhteyttä: {n}",
        "samarbete utan formellt band: {n}",
        "working ties with no formal tie: {n}",
    ),
    "reported_by": _t("ilmoittaneet: {who}", "uppgett av {who}", "reported by {who}"),
    "by_county": _t(
        "hyvinvointialueittain (viralliset / kyselyn / molemmat / vain viralliset / vain kyselyn):",
        "per välfärdsområde (formella / enkätens / båda / endast formella / endast enkätens):",
        "by county (formal / surveyed / both / formal only / surveyed only):",
    ),
    "no_county": _t("ei aluetta", "inget område", "none"),
    "by_sectors": _t("toimialapareittain:", "per sektorspar:", "by sector pair:"),
    "changes": _t(
        "Muutokset: {before} → {after}:",
        "Förändringar från {before} till {after}:",
        "Changes from {before} to {after}:",
    ),
    "ties_changed": _t(
        "yhteyksiä tuli {gained}, poistui {lost}",
        "band tillkom {gained}, försvann {lost}",
        "ties gained {gained}, lost {lost}",
    ),
    "unobserved": _t(
        " ({n} ei vertailukelpoisia: kumpikaan jäsen ei vastannut)",
        " ({n} inte jämförbara: ingen av medlemmarna svarade)",
        " ({n} not comparable: neither member answered)",
    ),
    "ratings_changed": _t(
        "muuttuneita arvioita: {n}", "ändrade bedömningar: {n}", "ratings changed: {n}"
    ),
    "scores_changed": _t(
        "muuttuneita arvo- ja luottamuspisteitä: {n}",
        "ändrade värde- och förtroendepoäng: {n}",
        "value and trust scores changed: {n}",
    ),
    "value": _t("arvo", "värde", "value"),
    "trust": _t("luottamus", "förtroende", "trust"),
    "measures": _t("mittarit:", "mått:", "measures:"),
    "no_date": _t("ei päivää", "inget datum", "no date"),
}

_MEASURES: dict[str, Text] = {
    "members": _t("jäsenet", "medlemmar", "members"),
    "respondents": _t("vastaajat", "svarande", "respondents"),
    "response_rate": _t("vastausaste", "svarsfrekvens", "response_rate"),
    "ties": _t("yhteydet", "band", "ties"),
    "reported": _t("ilmoitukset", "uppgifter", "reported"),
    "reciprocated": _t("molemminpuoliset", "ömsesidiga", "reciprocated"),
    "density": _t("tiheys", "täthet", "density"),
    "directed_density": _t("suunnattu tiheys", "riktad täthet", "directed_density"),
    "reciprocated_density": _t(
        "molemminpuolisten tiheys", "ömsesidigas täthet", "reciprocated_density"
    ),
    "reciprocity": _t("vastavuoroisuus", "reciprocitet", "reciprocity"),
    "centralization": _t("keskittyneisyys", "centralisering", "centralization"),
    "value": _t("arvo", "värde", "value"),
    "value_pct": _t("arvo %", "värde %", "value_pct"),
    "trust": _t("luottamus", "förtroende", "trust"),
    "trust_pct": _t("luottamus %", "förtroende %", "trust_pct"),
}
"""The names of :class:`~lape.network.SurveyMeasures`' numbers (in English, as named)."""

_TIE_KINDS: dict[str, Text] = {
    TieKind.GROUP.value: _t("ryhmä", "grupp", "group"),
    TieKind.NETWORK.value: _t("verkosto", "nätverk", "network"),
    TieKind.GRANT.value: _t("avustus", "bidrag", "grant"),
    TieKind.COORDINATION.value: _t("koordinaatio", "samordning", "coordination"),
    TieKind.INTERFACE.value: _t("yhdyspinta", "kontaktyta", "interface"),
    TieKind.AGENT_EMPLOYER.value: _t(
        "muutosagentin työnantaja", "förändringsagentens arbetsgivare", "agent_employer"
    ),
    TieKind.AGENT_REGION.value: _t(
        "muutosagentin maakunta", "förändringsagentens landskap", "agent_region"
    ),
    TieKind.AGENT_LEADERSHIP.value: _t(
        "muutosagentti ja johto", "förändringsagent och ledning", "agent_leadership"
    ),
}
"""The kinds of formal tie (in English, by their values, as ``lape network`` exports them)."""


def _w(key: str, lang: Lang, **values: object) -> str:
    if values.get("n") == 1 and f"{key}_1" in _W:  # a count of one, in the singular
        key = f"{key}_1"
    return _W[key].get(lang).format(**values)


def _named(table: dict[str, Text], value: str, lang: Lang) -> str:
    found = table.get(value)
    return found.get(lang) if found is not None else value


def _sector(value: str, lang: Lang) -> str:
    """A sector in ``lang``; in English its value, as the survey's CSV files give it."""
    if lang == "en":
        return value
    try:
        return label(Sector(value), lang)
    except ValueError:
        return value


def _percent(share: float) -> str:
    return f"{share * 100:.1f} %"


def _text(value: float | None) -> str:
    return "-" if value is None else str(value)


def _score(score: float | None, pct: float | None) -> str:
    return "-" if score is None else f"{score} / 4 ({pct} %)"


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _day(day: dt.date | None, lang: Lang) -> str:
    return _w("no_date", lang) if day is None else day.isoformat()


def survey_text(report: SurveyReport, *, most: int, lang: Lang) -> str:
    """The report as text in ``lang``; each list shows at most ``most`` items, then how
    many more."""
    m, gaps = report.measures, report.gaps
    name = f" ({report.name})" if report.name else ""
    members = counted(m.members, "member", lang)
    ties = counted(m.ties, "tie", lang)
    reports = counted(m.reported, "report", lang)
    lines = [
        _w("title", lang, survey=report.survey, date=report.date.isoformat(), name=name),
        "  "
        + _w(
            "answered",
            lang,
            members=members,
            respondents=m.respondents,
            rate=_percent(m.response_rate),
        ),
        "  " + _w("ties", lang, ties=ties, reports=reports, reciprocated=m.reciprocated),
        "  "
        + _w(
            "density",
            lang,
            d=m.density,
            dd=m.directed_density,
            rd=m.reciprocated_density,
            r=_text(m.reciprocity),
        ),
        "  " + _w("centralisation", lang, c=m.centralization),
        "  "
        + _w("value_trust", lang, v=_score(m.value, m.value_pct), t=_score(m.trust, m.trust_pct)),
    ]
    if report.unknown_members:
        lines.append(
            "  " + _w("unknown_members", lang) + _listed(report.unknown_members, most, lang)
        )
    lines += ["", _w("members", lang)]
    heads = _w("member_columns", lang).split("|")
    widths = [max(w, len(h)) for w, h in zip((28, 4, 5, 5, 13, 12), heads, strict=True)]
    header = [heads[0].ljust(widths[0])]
    header += [h.rjust(w) for h, w in zip(heads[1:], widths[1:], strict=True)]
    lines.append("  " + " ".join(header))
    ranked = report.scores.top("connectivity", len(report.scores.actors))
    for actor in ranked[:most]:
        cells = [
            str(actor.degree),
            _text(actor.value),
            _text(actor.trust),
            _text(actor.non_redundant),
            str(actor.connectivity),
        ]
        row = [_short(actor.node, widths[0]).ljust(widths[0])]
        row += [c.rjust(w) for c, w in zip(cells, widths[1:], strict=True)]
        lines.append("  " + " ".join(row))
    if len(ranked) > most:
        lines.append("  " + _w("more", lang, n=len(ranked) - most))
    lines.append("")
    day = _w("every_period", lang) if gaps.as_of is None else gaps.as_of.isoformat()
    t = gaps.totals
    lines.append(_w("formal", lang, day=day))
    lines.append(
        "  "
        + _w(
            "totals",
            lang,
            formal=t.formal,
            surveyed=t.surveyed,
            both=t.both,
            unobserved=t.unobserved,
        )
    )
    lines.append("  " + _w("formal_only", lang, n=t.formal_only))
    lines.extend(_pairs(gaps.formal_only(), most, lang, formal=True))
    lines.append("  " + _w("surveyed_only", lang, n=t.surveyed_only))
    lines.extend(_pairs(gaps.surveyed_only(), most, lang, formal=False))
    lines.append("  " + _w("by_county", lang))
    no_county = _w("no_county", lang)
    lines.extend(_counts([(c or no_county, n) for c, n in gaps.by_county.items()], most, lang))
    lines.append("  " + _w("by_sectors", lang))
    sectors = [
        (f"{_sector(a, lang)} + {_sector(b, lang)}", n) for (a, b), n in gaps.by_sectors.items()
    ]
    lines.extend(_counts(sectors, most, lang))
    if report.changes is not None:
        lines.append("")
        lines.extend(_changes(report.changes, most, lang))
    return "\n".join(lines) + "\n"


def _listed(items: Sequence[str], most: int, lang: Lang) -> str:
    shown = ", ".join(items[:most])
    return (
        shown if len(items) <= most else _w("listed_more", lang, shown=shown, n=len(items) - most)
    )


def _pairs(pairs: Sequence[TieGap], most: int, lang: Lang, *, formal: bool) -> list[str]:
    lines = []
    for p in pairs[:most]:
        if formal:
            how = ", ".join(_named(_TIE_KINDS, k, lang) for k in p.formal)
        else:
            how = _w("reported_by", lang, who=", ".join(p.reported_by))
        lines.append(f"    {p.u} - {p.v} ({how})")
    if len(pairs) > most:
        lines.append("    " + _w("more", lang, n=len(pairs) - most))
    return lines


def _counts(counts: Sequence[tuple[str, GapCount]], most: int, lang: Lang) -> list[str]:
    width = max([36, *(len(key) for key, _ in counts[:most])])
    lines = [
        f"    {key:<{width}} {n.formal:>3} / {n.surveyed:>3} / {n.both:>3} / "
        f"{n.formal_only:>3} / {n.surveyed_only:>3}"
        for key, n in counts[:most]
    ]
    if len(counts) > most:
        lines.append("    " + _w("more", lang, n=len(counts) - most))
    return lines


def _changes(c: SurveyChanges, most: int, lang: Lang) -> list[str]:
    before = f"{c.before} ({_day(c.before_date, lang)})"
    after = f"{c.after} ({_day(c.after_date, lang)})"
    lines = [_w("changes", lang, before=before, after=after)]
    unobserved = _w("unobserved", lang, n=c.unobserved) if c.unobserved else ""
    lines.append(
        "  " + _w("ties_changed", lang, gained=len(c.gained), lost=len(c.lost)) + unobserved
    )
    for t in (c.gained + c.lost)[:most]:
        lines.append(f"    {'+' if t.change == 'gained' else '-'} {t.u} - {t.v}")
    if len(c.gained) + len(c.lost) > most:
        lines.append("    " + _w("more", lang, n=len(c.gained) + len(c.lost) - most))
    lines.append("  " + _w("ratings_changed", lang, n=len(c.ratings)))
    lines.append("  " + _w("scores_changed", lang, n=len(c.scores)))
    for s in c.scores[:most]:
        score = _w(s.score, lang)
        lines.append(f"    {s.node} {score} {s.before} -> {s.after} ({s.change:+})")
    if len(c.scores) > most:
        lines.append("    " + _w("more", lang, n=len(c.scores) - most))
    lines.append("  " + _w("measures", lang))
    width = max([21, *(len(_named(_MEASURES, x.measure, lang)) for x in c.measures)])
    for x in c.measures:
        change = "" if x.change is None else f" ({x.change:+})"
        shown = _named(_MEASURES, x.measure, lang)
        lines.append(f"    {shown:<{width}} {_text(x.before)} -> {_text(x.after)}{change}")
    return lines
