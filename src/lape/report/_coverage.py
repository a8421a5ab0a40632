"""Coverage tables: which municipalities of each region are in the development groups
on the day, and what each family centre offers and where its interfaces lie."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Final

from lape.model import (
    MUNICIPAL_ACTORS,
    Geography,
    Group,
    GroupKind,
    Municipality,
    Period,
    RegionCode,
    ServiceNetwork,
    label,
)
from lape.network import SplitResponsibility, interface_map
from lape.report._page import Page, more_rows, table, yes_no
from lape.report._text import esc

__all__ = ["MAX_NETWORKS", "MAX_SERVICES", "coverage_html"]

MAX_NETWORKS: Final = 100
"""The most service networks the report describes one by one (all are counted)."""
MAX_SERVICES: Final = 200
"""The most services (and interfaces) of one network the report lists."""


def _in_effect(period: Period | None, page: Page) -> bool:
    return period is None or period.contains(page.day)


def coverage_html(page: Page) -> str:
    """The coverage section: groups by region, then the family centres."""
    return (
        f'<section id="coverage" aria-labelledby="coverage-h"><h2 id="coverage-h">'
        f"{page.w('coverage')}</h2>{_groups_html(page)}{_networks_html(page)}</section>"
    )


def _municipality_name(m: Municipality | None, code: str, page: Page) -> str:
    if m is None:
        return code
    return m.name_sv if page.lang == "sv" else m.name_fi


def _region_name(geo: Geography, code: str, page: Page) -> str:
    region = geo.regions.get(RegionCode(code))
    if region is None:
        return code
    names = {"fi": region.name_fi, "sv": region.name_sv, "en": region.name_en}
    return str(names[page.lang])


def _groups_html(page: Page) -> str:
    snapshot, geo, day = page.snapshot, page.geography, page.day
    index = snapshot.index
    groups = [
        g
        for g in snapshot.groups
        if g.kind in (GroupKind.MUNICIPAL, GroupKind.REGIONAL)
        and index.group(g.id) is g
        and _in_effect(g.period, page)
    ]
    head = f'<h3 id="groups-by-region">{page.w("groups_by_region")}</h3>'
    if not groups:
        return f"{head}<p>{page.w('no_groups')}</p>"
    members = index.group_members(day)
    municipal: dict[str, list[Group]] = defaultdict(list)
    represented: dict[str, set[str]] = defaultdict(set)
    regions: set[str] = set(snapshot.scope.regions)
    for code in snapshot.scope.municipalities:
        if (r := geo.region_of(code, day)) is not None:
            regions.add(r)
    for g in groups:
        if g.kind is GroupKind.MUNICIPAL and g.municipality is not None:
            now = geo.municipality_on(g.municipality, day) or g.municipality
            municipal[now].append(g)
            if (r := geo.region_of(now, day)) is not None:
                regions.add(r)
        elif g.kind is GroupKind.REGIONAL and g.region is not None:
            regions.add(g.region)
            for actor in members.actors(g):
                if actor.kind in MUNICIPAL_ACTORS:  # as LAPE-G06 reads a regional group
                    for given in actor.municipalities:
                        if (found := geo.municipality_on(given, day)) is not None:
                            represented[g.region].add(found)
    parts = [head, f'<p class="note">{page.w("region_note")}</p>']
    for region in sorted(regions):
        codes = geo.municipalities_of_region(region, day)
        rows = []
        for code in sorted(codes, key=lambda c: _municipality_name(geo.municipality(c), c, page)):
            own = municipal.get(code, [])
            seats = sum(len(members.actors(g)) for g in own)
            rows.append(
                [
                    esc(_municipality_name(geo.municipality(code), code, page)),
                    esc(code),
                    ", ".join(esc(g.name) for g in own)
                    or f'<span class="none">{page.w("none")}</span>',
                    str(seats) if own else "",
                    yes_no(page, code in represented.get(region, ())),
                ]
            )
        with_group = sum(1 for c in codes if c in municipal)
        in_regional = len(codes & represented.get(region, set()))
        line = page.w("region_line", n=len(codes), groups=with_group, regional=in_regional)
        head_cells = [page.w(k) for k in ("municipality", "code", "municipal_group")]
        head_cells += [page.w("members"), page.w("in_regional")]
        parts.append(
            f'<details class="area"><summary><h4>{esc(_region_name(geo, region, page))} '
            f'({esc(region)}): <span class="counted">{line}</span></h4></summary>'
            + table(head_cells, rows, numeric=(3,), row_headers=True)
            + "</details>"
        )
    return "".join(parts)


def _names(ids: Iterable[str], names: dict[str, str]) -> str:
    return ", ".join(esc(names.get(i, i)) for i in ids)


def _networks_html(page: Page) -> str:
    snapshot = page.snapshot
    index = snapshot.index
    head = f'<h3 id="family-centres">{page.w("family_centres")}</h3>'
    networks = [
        n for n in snapshot.networks if index.network(n.id) is n and _in_effect(n.period, page)
    ]
    if not networks:
        return f"{head}<p>{page.w('no_networks')}</p>"
    splits: dict[str, list[SplitResponsibility]] = defaultdict(list)
    for s in interface_map(snapshot, as_of=page.day, geography=page.geography).splits:
        splits[s.network].append(s)
    parts = [head]
    for network in networks[:MAX_NETWORKS]:
        parts.append(_network_html(page, network, splits.get(network.id, [])))
    parts.append(more_rows(page, len(networks) - MAX_NETWORKS))
    return "".join(parts)


def _network_html(page: Page, network: ServiceNetwork, splits: list[SplitResponsibility]) -> str:
    lang = page.lang
    geo = page.geography
    index = page.snapshot.index

    def actor(actor_id: str) -> str:
        found = index.actor(actor_id)
        return esc(actor_id if found is None else found.name)

    county = ""
    if network.county is not None:
        c = geo.counties.get(network.county)
        name = (
            network.county if c is None else {"fi": c.name_fi, "sv": c.name_sv}.get(lang, c.name_en)
        )
        county = f"{page.w('county')}: {esc(name)}; "
    leads = ", ".join(actor(a) for a in network.leads) or page.w("none")
    identified = sum(1 for s in splits if s.identified)
    line = page.w(
        "network_line",
        services=len(network.services),
        members=len(network.members),
        identified=identified,
        splits=len(splits),
    )
    service_names = {s.id: s.name for s in network.services}
    rows = []
    for svc in network.services[:MAX_SERVICES]:
        where = (
            esc(_municipality_name(geo.municipality(svc.municipality), svc.municipality, page))
            if svc.municipality is not None
            else page.w("county_wide")
        )
        rows.append(
            [
                esc(svc.name),
                f"<code>{esc(svc.service_type)}</code>",
                actor(svc.provider),
                esc(", ".join(sorted(label(r, lang) for r in svc.responsibility))),
                esc(", ".join(sorted(label(t, lang) for t in svc.target_groups))),
                where,
            ]
        )
    head = [page.w(k) for k in ("service", "type", "provider", "organiser")]
    head += [page.w("target_groups"), page.w("where")]
    parts = [
        f'<details class="network"><summary><h4>{esc(network.name)} '
        f'(<code>{esc(network.id)}</code>): <span class="counted">{line}</span></h4></summary>',
        f"<p>{county}{page.w('lead')}: {leads}</p>",
        table(head, rows, caption=page.w("services"), row_headers=True),
        more_rows(page, len(network.services) - MAX_SERVICES),
    ]
    if splits:
        srows = []
        for s in splits[:MAX_SERVICES]:
            identified_cell = yes_no(page, s.identified)
            if s.unnamed:
                identified_cell += f" ({_names(s.unnamed, service_names)})"
            srows.append(
                [
                    esc(_municipality_name(geo.municipality(s.municipality), s.municipality, page)),
                    esc(_target_group(s.target_group, lang)),
                    _names(s.municipal_services, service_names),
                    _names(s.county_services, service_names),
                    identified_cell,
                    "; ".join(esc(d) for d in s.descriptions if d),
                ]
            )
        shead = [page.w(k) for k in ("municipality", "target_group", "municipal_side")]
        shead += [page.w(k) for k in ("county_side", "identified", "description")]
        parts.append(table(shead, srows, caption=page.w("interfaces"), row_headers=True))
        parts.append(more_rows(page, len(splits) - MAX_SERVICES))
    else:
        parts.append(f"<p>{page.w('no_splits')}</p>")
    parts.append("</details>")
    return "".join(parts)


def _target_group(value: str, lang: str) -> str:
    from lape.model import TargetGroup

    try:
        return label(TargetGroup(value), lang)  # type: ignore[arg-type]
    except ValueError:
        return value
