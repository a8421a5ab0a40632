"""What ``lape network`` and ``lape timeline`` print, in Finnish, Swedish or English:
the summary of a collaboration graph (:meth:`NetworkSummary.to_text`), two waves
compared (:meth:`SnapshotComparison.to_text`) and a timeline (:meth:`Timeline.to_text`).

Numbers, IDs and names from the file are the same in every language; the words
around them, the sectors, target groups, severities, subject kinds and area names
are the chosen language's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lape._wording import Text, subject_kind, word
from lape.model import (
    CountyCode,
    Geography,
    Region,
    RegionCode,
    Sector,
    TargetGroup,
    WellbeingServicesCounty,
    label,
)
from lape.rules import Lang, Status

if TYPE_CHECKING:
    from lape.network._compare import Change, SnapshotComparison
    from lape.network._measures import Brokers, NetworkMeasures
    from lape.network._summary import NetworkSummary
    from lape.network._timeline import RuleCount, Timeline

__all__ = ["comparison_text", "summary_text", "timeline_text"]


def _t(fi: str, sv: str, en: str) -> Text:
    return Text(fi=fi, sv=sv, en=en)


_NOUNS: dict[str, tuple[Text, Text]] = {
    # (one, many); Finnish counts take the partitive singular
    "node": (_t("solmu", "nod", "node"), _t("solmua", "noder", "nodes")),
    "actor": (_t("toimija", "aktör", "actor"), _t("toimijaa", "aktörer", "actors")),
    "change agent": (
        _t("muutosagentti", "förändringsagent", "change agent"),
        _t("muutosagenttia", "förändringsagenter", "change agents"),
    ),
    "tie": (_t("yhteys", "band", "tie"), _t("yhteyttä", "band", "ties")),
    "component": (
        _t("komponentti", "komponent", "component"),
        _t("komponenttia", "komponenter", "components"),
    ),
    "pair": (_t("pari", "par", "pair"), _t("paria", "par", "pairs")),
    "date": (_t("päivä", "datum", "date"), _t("päivää", "datum", "dates")),
    "member": (_t("jäsen", "medlem", "member"), _t("jäsentä", "medlemmar", "members")),
    "report": (_t("ilmoitus", "uppgift", "report"), _t("ilmoitusta", "uppgifter", "reports")),
    "more rule": (
        _t("sääntö lisää", "regel till", "more rule"),
        _t("sääntöä lisää", "regler till", "more rules"),
    ),
    "error": (_t("virhe", "fel", "error"), _t("virhettä", "fel", "errors")),
    "warning": (_t("varoitus", "varning", "warning"), _t("varoitusta", "varningar", "warnings")),
    "info": (_t("huomio", "anmärkning", "info"), _t("huomiota", "anmärkningar", "info")),
    "unknown": (
        _t("ratkaisematon", "oavgjord", "unknown"),
        _t("ratkaisematonta", "oavgjorda", "unknown"),
    ),
}

_W: dict[str, Text] = {
    "title": _t(
        "Yhteistyöverkosto: {title} ({day})",
        "Samarbetsnätverk: {title} ({day})",
        "Collaboration network: {title} ({day})",
    ),
    "every_period": _t("kaikki kaudet", "alla perioder", "every period"),
    "untitled": _t("nimetön", "namnlös", "untitled"),
    "measures": _t(
        "tiheys {density}, asteiden keskittyneisyys {centralisation}, keskimääräinen aste {mean}",
        "täthet {density}, gradcentralisering {centralisation}, medelgrad {mean}",
        "density {density}, degree centralisation {centralisation}, mean degree {mean}",
    ),
    "components": _t(
        "{components} (suurin {largest}, {share}), {isolated} eristyksissä, "
        "{peripheral} reunalla (yksi yhteys)",
        "{components} (den största {largest}, {share}), {isolated} isolerade, "
        "{peripheral} perifera (ett band)",
        "{components} (the largest {largest}, {share}), {isolated} isolated, "
        "{peripheral} peripheral (one tie)",
    ),
    "brokers": _t(
        "Välittäjät (välillisyyskeskeisyys, {how}):",
        "Förmedlare (mellanhetscentralitet, {how}):",
        "Brokers (betweenness, {how}):",
    ),
    "no_brokers": _t(
        "ei yhtään: mikään solmu ei ole kahden muun välisellä lyhimmällä polulla",
        "inga: ingen nod ligger på en kortaste väg mellan två andra",
        "none: no node lies on a shortest path between two others",
    ),
    "whole": _t("koko verkossa", "över hela grafen", "over the whole graph"),
    "within_region": _t("kunkin maakunnan sisällä", "inom varje landskap", "within each region"),
    "within_county": _t(
        "kunkin hyvinvointialueen sisällä", "inom varje välfärdsområde", "within each county"
    ),
    "exact": _t("tarkka {where}", "exakt {where}", "exact {where}"),
    "estimated": _t(
        "arvioitu {where} {sources} lähtösolmusta {nodes}:stä, siemen {seed}",
        "uppskattad {where} från {sources} av {nodes} källnoder, frö {seed}",
        "estimated {where} from {sources} of {nodes} sources, seed {seed}",
    ),
    "agreed": _t(
        ", puoliskojen kärkilistoista yhteisiä {share}",
        ", halvornas topplistor överens till {share}",
        ", halves agree on {share} of the top lists",
    ),
    "backend": _t(", taustaosa {backend!r}", ", backend {backend!r}", ", backend {backend!r}"),
    "bridging": _t(
        "Toimialojen välisiä yhteyksiä ({a} – {b}): {n}; kummankin toimialan toimijoita "
        "ilman sellaista: {unbridged}",
        "Band mellan {a} och {b}: {n}; aktörer inom någon av sektorerna utan ett sådant: "
        "{unbridged}",
        "Ties between {a} and {b}: {n}; actors of either sector without one: {unbridged}",
    ),
    "siloed": _t(
        "Toimijoita ilman yhtään toimialojen välistä yhteyttä: {n}",
        "Aktörer utan något band över sektorsgränserna: {n}",
        "Actors without any cross-sector tie: {n}",
    ),
    "linked": _t(
        "Oman maakunnan ryhmään kytkettyjä kuntien ryhmiä: {k}/{n}",
        "Kommunala grupper kopplade till sitt landskaps grupp: {k} av {n}",
        "Municipal groups linked to their region's regional group: {k} of {n}",
    ),
    "not_linked": _t(
        "ei kytketty: {group} ({name})",
        "inte kopplad: {group} ({name})",
        "not linked: {group} ({name})",
    ),
    "splits": _t(
        "Vastuunjakoja, joille on tunnistettu yhdyspinta: {k}/{n}",
        "Ansvarsfördelningar med en identifierad kontaktyta: {k} av {n}",
        "Responsibility splits with an identified interface: {k} of {n}",
    ),
    "no_interface": _t(
        "ei yhdyspintaa: {target}, {municipality} (verkosto {network})",
        "ingen kontaktyta: {target} i {municipality} (nätverk {network})",
        "none for: {target} in {municipality} (network {network})",
    ),
    "by_region": _t("Maakunnittain:", "Per landskap:", "By region:"),
    "by_county": _t("Hyvinvointialueittain:", "Per välfärdsområde:", "By county:"),
    "area_columns": _t(
        "koodi|solmut|yhteydet|tiheys|keskittyneisyys|nimi",
        "kod|noder|band|täthet|centralisering|namn",
        "code|nodes|ties|density|centralisation|name",
    ),
    # two waves
    "from_to": _t(
        "{a} ({da}) → {b} ({db})",
        "Från {a} ({da}) till {b} ({db})",
        "From {a} ({da}) to {b} ({db})",
    ),
    "measure_columns": _t(
        "mittari|ennen|jälkeen|muutos", "mått|före|efter|förändring", "measure|before|after|change"
    ),
    "nodes_ties": _t(
        "Solmuja tuli {gained}, poistui {lost}. Yhteyksien parit: tuli {pairs_gained}, "
        "poistui {pairs_lost}, muuttui {pairs_changed}.",
        "Noder: {gained} tillkom, {lost} försvann. Par med band: {pairs_gained} tillkom, "
        "{pairs_lost} försvann, {pairs_changed} ändrades.",
        "Nodes: {gained} gained, {lost} lost. Ties: {pairs_gained} gained, {pairs_lost} "
        "lost, {pairs_changed} changed.",
    ),
    "gained": _t("tulleet", "tillkomna", "gained"),
    "lost": _t("poistuneet", "försvunna", "lost"),
    "changed": _t("muuttuneet", "ändrade", "changed"),
    "findings": _t(
        "Havainnot: korjattuja {fixed}, uusia {new}, muuttuneita {changed}, ennallaan {unchanged}.",
        "Iakttagelser: {fixed} åtgärdade, {new} nya, {changed} ändrade, {unchanged} oförändrade.",
        "Findings: {fixed} fixed, {new} new, {changed} changed, {unchanged} unchanged.",
    ),
    "more": _t("ja {n} muuta", "och {n} till", "and {n} more"),
    "more_1": _t("ja {n} muu", "och {n} till", "and {n} more"),
    # a timeline
    "timeline": _t(
        "Aikajana: {title} ({n})", "Tidslinje: {title} ({n})", "Timeline: {title} ({n})"
    ),
    "timeline_columns": _t(
        "päivä|solmut|yhteydet|tiheys|keskitt.|komp.|virheet|varoitukset|huomiot|ratkaisematta",
        "datum|noder|band|täthet|centr.|komp.|fel|varningar|anmärkningar|oavgjorda",
        "date|nodes|ties|density|centr.|comp.|errors|warnings|info|unknown",
    ),
    "rules_with_findings": _t(
        "Säännöt, joista on havaintoja:", "Regler med iakttagelser:", "Rules with findings:"
    ),
    "none": _t("ei yhtään", "inga", "none"),
    "and_more": _t("ja {more}", "och {more}", "and {more}"),
    "yes": _t("kyllä", "ja", "true"),
    "no": _t("ei", "nej", "false"),
}

_MEASURES: dict[str, Text] = {
    "nodes": _t("solmut", "noder", "nodes"),
    "edges": _t("yhteydet", "band", "edges"),
    "density": _t("tiheys", "täthet", "density"),
    "centralization": _t("keskittyneisyys", "centralisering", "centralization"),
    "mean_degree": _t("keskim. aste", "medelgrad", "mean_degree"),
    "components": _t("komponentit", "komponenter", "components"),
    "isolates": _t("eristetyt", "isolerade", "isolates"),
    "largest_share": _t("suurimman osuus", "största andel", "largest_share"),
    "change_agents": _t("muutosagentit", "förändringsagenter", "change_agents"),
    "hubs": _t("keskussolmut", "navnoder", "hubs"),
    "bridging_ties": _t("siltayhteydet", "brobyggande band", "bridging_ties"),
    "unbridged": _t("ilman siltaa", "utan brygga", "unbridged"),
    "siloed": _t("siiloutuneet", "i silo", "siloed"),
    "peripheral": _t("reunalla", "perifera", "peripheral"),
    "municipal_groups": _t("kuntien ryhmät", "kommunala grupper", "municipal_groups"),
    "unlinked_groups": _t("kytkemättömät", "okopplade grupper", "unlinked_groups"),
    "splits": _t("vastuunjaot", "ansvarsfördelningar", "splits"),
    "missing_interfaces": _t("puuttuvat yhdyspinnat", "saknade kontaktytor", "missing_interfaces"),
    "errors": _t("virheet", "fel", "errors"),
    "warnings": _t("varoitukset", "varningar", "warnings"),
    "info": _t("huomiot", "anmärkningar", "info"),
    "unknown": _t("ratkaisematta", "oavgjorda", "unknown"),
    "conforms": _t("täyttää säännöt", "uppfyller reglerna", "conforms"),
}


def _w(key: str, lang: Lang, **values: object) -> str:
    """The words ``key`` in ``lang``, ``{name}`` filled; for a count ``n`` of one, the
    singular ``key_1`` where there is one."""
    if values.get("n") == 1 and f"{key}_1" in _W:
        key = f"{key}_1"
    return _W[key].get(lang).format(**values)


def counted(n: int, noun: str, lang: Lang) -> str:
    """``n`` and ``noun`` in ``lang``: ``1 node``, ``2 nodes``, ``2 solmua``, ``2 noder``."""
    one, many = _NOUNS[noun]
    return f"{n} {(one if n == 1 else many).get(lang)}"


def _share(value: float) -> str:
    return f"{value:.0%}"


def _sector(value: str, lang: Lang) -> str:
    try:
        return label(Sector(value), lang)
    except ValueError:
        return value


def _target(value: str, lang: Lang) -> str:
    try:
        return label(TargetGroup(value), lang)
    except ValueError:
        return value


def _area_name(m: NetworkMeasures, by: str, geo: Geography, lang: Lang) -> str:
    """An area's name in ``lang`` (the graph's English one when the code names none)."""
    area = m.area or ""
    found: Region | WellbeingServicesCounty | None = (
        geo.regions.get(RegionCode(area)) if by == "region" else geo.counties.get(CountyCode(area))
    )
    if found is None:
        return m.name or ""
    return found.name_fi if lang == "fi" else found.name_sv if lang == "sv" else found.name_en


def _municipality_name(code: str | None, geo: Geography, lang: Lang) -> str:
    """A municipality's name in ``lang`` (Finnish for English) with its code: ``Iisalmi
    (140)``; the code alone when it names none."""
    found = None if code is None else geo.municipality(code)
    if found is None:
        return code or ""
    return f"{found.name_sv if lang == 'sv' else found.name_fi} ({code})"


def how(brokers: Brokers, lang: Lang) -> str:
    """How the betweenness scores were computed, in ``lang`` (as :meth:`Brokers.how`)."""
    where = _w("whole" if brokers.by is None else f"within_{brokers.by}", lang)
    via = _w("backend", lang, backend=brokers.backend) if brokers.backend else ""
    if brokers.exact:
        return _w("exact", lang, where=where) + via
    text = _w(
        "estimated",
        lang,
        where=where,
        sources=brokers.sources,
        nodes=brokers.nodes,
        seed=brokers.seed,
    )
    if brokers.agreement is not None:
        text += _w("agreed", lang, share=_share(brokers.agreement))
    return text + via


def summary_text(summary: NetworkSummary, *, limit: int = 10, lang: Lang = "en") -> str:
    """The summary as text for a terminal, in ``lang``; lists cut at ``limit`` items."""
    from lape.reference import geography

    geo = geography()
    m = summary.measures
    day = summary.as_of.isoformat() if summary.as_of else _w("every_period", lang)
    largest = summary.components.sizes[0] if summary.components.sizes else 0
    lines = [
        _w("title", lang, title=summary.title or _w("untitled", lang), day=day),
        f"  {counted(m.nodes, 'node', lang)} ({counted(m.nodes - summary.agents, 'actor', lang)}"
        f", {counted(summary.agents, 'change agent', lang)}), {counted(m.edges, 'tie', lang)}",
        "  "
        + _w(
            "measures",
            lang,
            density=f"{m.density:.4f}",
            centralisation=f"{m.centralization:.3f}",
            mean=f"{m.mean_degree:.1f}",
        ),
        "  "
        + _w(
            "components",
            lang,
            components=counted(m.components, "component", lang),
            largest=counted(largest, "node", lang),
            share=_share(summary.components.largest_share),
            isolated=len(summary.isolated),
            peripheral=len(summary.peripheral),
        ),
        "",
    ]
    b = summary.brokers
    lines.append(_w("brokers", lang, how=how(b, lang)))
    shown = [x for x in b.top[:limit] if x.betweenness > 0]
    width = max((len(x.node) for x in shown), default=0)
    lines.extend(
        f"  {x.rank:3d}  {x.node:<{width}}  {x.betweenness:.4f}  {x.name or ''}" for x in shown
    )
    if not shown:
        lines.append("  " + _w("no_brokers", lang))
    a, c = summary.bridging.sectors
    lines += [
        "",
        _w(
            "bridging",
            lang,
            a=_sector(a, lang),
            b=_sector(c, lang),
            n=len(summary.bridging.ties),
            unbridged=len(summary.bridging.unbridged),
        ),
        _w("siloed", lang, n=len(summary.siloed)),
    ]
    links = summary.regional_links.links
    unlinked = summary.regional_links.unlinked()
    lines.append(_w("linked", lang, k=len(links) - len(unlinked), n=len(links)))
    lines.extend(
        "  " + _w("not_linked", lang, group=x.group, name=x.name) for x in unlinked[:limit]
    )
    if len(unlinked) > limit:
        lines.append("  " + _w("more", lang, n=len(unlinked) - limit))
    split = summary.interfaces.splits
    missing = summary.interfaces.missing()
    lines.append(_w("splits", lang, k=len(split) - len(missing), n=len(split)))
    lines.extend(
        "  "
        + _w(
            "no_interface",
            lang,
            target=_target(s.target_group, lang),
            municipality=_municipality_name(s.municipality, geo, lang),
            network=s.network,
        )
        for s in missing[:limit]
    )
    if len(missing) > limit:
        lines.append("  " + _w("more", lang, n=len(missing) - limit))
    for key, areas in (("by_region", summary.regions), ("by_county", summary.counties)):
        if not areas.areas:
            continue
        code, nodes, ties, density, central, name = _w("area_columns", lang).split("|")
        widths = (
            max(len(code), 4),
            max(len(nodes), 5),
            max(len(ties), 5),
            max(len(density), 7),
            max(len(central), 14),
        )
        lines += [
            "",
            _w(key, lang),
            f"  {code:<{widths[0]}}  {nodes:>{widths[1]}}  {ties:>{widths[2]}}  "
            f"{density:>{widths[3]}}  {central:>{widths[4]}}  {name}",
        ]
        lines.extend(
            f"  {x.area or '':<{widths[0]}}  {x.nodes:{widths[1]}d}  {x.edges:{widths[2]}d}  "
            f"{x.density:{widths[3]}.4f}  {x.centralization:{widths[4]}.3f}  "
            f"{_area_name(x, areas.by, geo, lang)}"
            for x in areas.areas.values()
        )
    return "\n".join(lines) + "\n"


def _number(value: float | int | bool | None, lang: Lang, *, sign: bool = False) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return _w("yes" if value else "no", lang)
    if isinstance(value, int):
        return f"{value:+d}" if sign else str(value)
    return f"{value:+.4f}" if sign else f"{value:.4f}"


def comparison_text(comparison: SnapshotComparison, *, limit: int = 10, lang: Lang = "en") -> str:
    """Two waves compared, as text for a terminal in ``lang``; each list cut at
    ``limit`` items with a count of the rest."""
    from lape.network._compare import _finding_parts

    a, b = comparison.before, comparison.after
    untitled = _w("untitled", lang)
    lines = [
        _w(
            "from_to",
            lang,
            a=comparison.before_title or untitled,
            da=a.date,
            b=comparison.after_title or untitled,
            db=b.date,
        ),
        "",
    ]
    measure, before, after, change = _w("measure_columns", lang).split("|")
    names = {
        mc.measure: _MEASURES.get(mc.measure, _t(mc.measure, mc.measure, mc.measure))
        for mc in comparison.measures()
    }
    width = max([18, *(len(n.get(lang)) for n in names.values())])
    lines.append(f"  {measure:<{width}} {before:>9}  {after:>9}  {change:>9}")
    for mc in comparison.measures():
        if isinstance(mc.before, bool) or isinstance(mc.after, bool):  # a yes or a no
            changed = "-" if mc.before == mc.after else "≠"
        else:
            changed = _number(mc.change, lang, sign=True)
        lines.append(
            f"  {names[mc.measure].get(lang):<{width}} {_number(mc.before, lang):>9}  "
            f"{_number(mc.after, lang):>9}  {changed:>9}"
        )
    lines.append("")
    lines.append(
        _w(
            "nodes_ties",
            lang,
            gained=len(comparison.nodes_gained),
            lost=len(comparison.nodes_lost),
            pairs_gained=counted(len(comparison.of("gained")), "pair", lang),
            pairs_lost=len(comparison.of("lost")),
            pairs_changed=len(comparison.of("changed")),
        )
    )
    kinds: tuple[Change, ...] = ("gained", "lost", "changed")
    for kind in kinds:
        found = comparison.of(kind)
        if not found:
            continue
        lines.append(f"  {_w(kind, lang)}:")
        for t in found[:limit]:
            parts = [f"+{k}:{s}" for k, s in t.gained] + [f"-{k}:{s}" for k, s in t.lost]
            lines.append(f"    {t.u} -- {t.v}  {' '.join(parts)}")
        if len(found) > limit:
            lines.append("    " + _w("more", lang, n=len(found) - limit))
    findings = _finding_parts(comparison.findings)
    lines.append("")
    lines.append(_w("findings", lang, **{name: len(part) for name, part in findings}))
    for name, part in findings[:3]:
        if not part:
            continue
        lines.append(f"  {word(name, lang)}:")
        lines.extend(
            f"    {f.rule} {label(f.severity, lang)}"
            f"{' ' + word('unknown_one', lang) if f.status is Status.UNKNOWN else ''}"
            f" {subject_kind(f.subject.kind, lang)} {f.subject.id}"
            for f in part[:limit]
        )
        if len(part) > limit:
            lines.append("    " + _w("more", lang, n=len(part) - limit))
    return "\n".join(lines) + "\n"


_TIMELINE_WIDTHS = (10, 6, 6, 7, 6, 5, 6, 8, 4, 7)
"""The least width of each column of a timeline's table (the date, then the numbers)."""


def _rule_counts(r: RuleCount, lang: Lang) -> str:
    counts = (
        (r.errors, "error"),
        (r.warnings, "warning"),
        (r.info, "info"),
        (r.unknown, "unknown"),
    )
    return ", ".join(counted(n, noun, lang) for n, noun in counts if n)


def timeline_text(timeline: Timeline, *, limit: int = 8, lang: Lang = "en") -> str:
    """The timeline as text for a terminal, in ``lang``: a table of the main measures
    and counts, then each date's rules with findings (at most ``limit`` a date, and
    how many more)."""
    title = timeline.title or _w("untitled", lang)
    n = counted(len(timeline.points), "date", lang)
    heads = _w("timeline_columns", lang).split("|")
    widths = [max(w, len(h)) for w, h in zip(_TIMELINE_WIDTHS, heads, strict=True)]
    header = [heads[0].ljust(widths[0])]
    header += [h.rjust(w) for h, w in zip(heads[1:], widths[1:], strict=True)]
    lines = [_w("timeline", lang, title=title, n=n), "  " + "  ".join(header)]
    for p in timeline.points:
        m = p.measures
        cells = [
            f"{m.nodes:d}",
            f"{m.edges:d}",
            f"{m.density:.4f}",
            f"{m.centralization:.3f}",
            f"{m.components:d}",
            f"{p.errors:d}",
            f"{p.warnings:d}",
            f"{p.info:d}",
            f"{p.unknown:d}",
        ]
        row = [p.date.isoformat().ljust(widths[0])]
        row += [c.rjust(w) for c, w in zip(cells, widths[1:], strict=True)]
        lines.append("  " + "  ".join(row))
    lines += ["", _w("rules_with_findings", lang)]
    for p in timeline.points:
        found = [r for r in p.rules if r.findings]
        if not found:
            lines.append(f"  {p.date.isoformat()}  {_w('none', lang)}")
            continue
        shown = [f"{r.rule} ({_rule_counts(r, lang)})" for r in found[:limit]]
        if len(found) > limit:
            more = counted(len(found) - limit, "more rule", lang)
            shown.append(_w("and_more", lang, more=more))
        lines.append(f"  {p.date.isoformat()}  {', '.join(shown)}")
    return "\n".join(lines) + "\n"
