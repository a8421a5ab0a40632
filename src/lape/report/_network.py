# ruff: noqa: N803, N806 - ``G`` for a graph, as in networkx
"""The collaboration network section: key measures, the picture, brokers, and the
isolated and siloed actors."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any, Final

from lape.network import (
    SECTOR_COLOURS,
    ActorList,
    bridging_ties,
    brokers,
    collaboration_graph,
    components,
    isolated_actors,
    network_measures,
    regional_links,
    sector_category,
    siloed_actors,
)
from lape.report._page import Page, more_rows, table
from lape.report._picture import (
    MAX_PICTURE_NODES,
    area_picture,
    category_name,
    legend,
    node_picture,
)
from lape.report._text import esc, w

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["MAX_LISTED", "network_html"]

MAX_LISTED: Final = 100
"""The most actors a list of the section shows (isolated, siloed, the table of actors)."""

_EXACT_BETWEENNESS: Final = 1000
"""Up to this many nodes the brokers' betweenness is exact; beyond, sampled (as ``lape
network`` does): as many sources as keep the work near ``_EDGE_VISITS`` edge visits."""
_EDGE_VISITS: Final = 4_000_000


def _fmt(value: float, digits: int = 3) -> str:
    return f"{value:.{digits}f}"


def network_html(page: Page) -> str:
    """The section, for the collaboration graph on the report's day."""
    G = collaboration_graph(page.snapshot, as_of=page.day, geography=page.geography)
    n, m = G.number_of_nodes(), G.number_of_edges()
    head = (
        f'<section id="network" aria-labelledby="network-h"><h2 id="network-h">'
        f"{page.w('network')}</h2>"
    )
    if n == 0:
        return head + f"<p>{page.w('none')}</p></section>"
    measures = network_measures(G)
    isolated = isolated_actors(G)
    siloed = siloed_actors(G)
    bridging = bridging_ties(G)
    links = regional_links(G, page.snapshot, geography=page.geography)
    agents = sum(1 for _, data in G.nodes(data=True) if data.get("kind") == "change_agent")
    unlinked = len(links.unlinked())
    rows = [
        (page.w("nodes"), f"{n}"),
        (page.w("change_agents"), f"{agents}"),
        (page.w("ties"), f"{m}"),
        (page.w("density"), _fmt(measures.density, 4)),
        (page.w("centralization"), _fmt(measures.centralization)),
        (page.w("components"), f"{measures.components}"),
        (page.w("largest_share"), f"{components(G).largest_share:.0%}"),
        (page.w("isolated"), f"{len(isolated)}"),
        (page.w("siloed"), f"{len(siloed)}"),
        (page.w("bridging"), f"{len(bridging.ties)}"),
    ]
    if links.links:
        rows.append(
            (
                page.w("linked_groups"),
                page.w("of", a=len(links.links) - unlinked, b=len(links.links)),
            )
        )
    parts = [
        head,
        f'<h3 id="measures">{page.w("measures")}</h3>',
        table(
            [page.w("measure"), page.w("value")],
            rows,
            numeric=(1,),
            row_headers=True,
            css_class="measures",
        ),
        f'<h3 id="picture">{page.w("picture")}</h3>',
        _picture(page, G, isolated, siloed),
        _brokers(page, G, n, m),
        _actor_list(page, isolated, "isolated"),
        _actor_list(page, siloed, "siloed"),
        "</section>",
    ]
    return "".join(parts)


def _describe(page: Page, data: dict[str, Any], node: str, degree: int, notes: list[str]) -> str:
    name = data.get("name") or node
    category = category_name(sector_category(data), page.lang)
    text = f"{name} ({node}) — {category}; {w('degree', page.lang).lower()}: {degree}"
    return text + "".join(f"; {note}" for note in notes)


def _picture(page: Page, G: nx.Graph[Any], isolated: ActorList, siloed: ActorList) -> str:
    lang = page.lang
    lonely: set[Hashable] = set(isolated.nodes)
    apart: set[Hashable] = set(siloed.nodes)
    words = {"isolated": w("isolated", lang), "siloed": w("siloed", lang)}
    title = f"{w('picture', lang)}: {page.snapshot.info.title or page.file_name}"
    if G.number_of_nodes() <= MAX_PICTURE_NODES:
        describe = {}
        for node, data in G.nodes(data=True):
            notes = [
                words[k] for k, found in (("isolated", lonely), ("siloed", apart)) if node in found
            ]
            describe[str(node)] = _describe(page, data, str(node), G.degree(node), notes)
        svg = node_picture(
            G, lang=lang, isolated=lonely, siloed=apart, describe=describe, title=title
        )
        shown = sorted({sector_category(d) for _, d in G.nodes(data=True)})
        categories = [c for c in SECTOR_COLOURS if c in shown]
        caption = page.w("picture_all", n=G.number_of_nodes())
        rows = []
        for node in sorted(G, key=lambda x: (-G.degree(x), str(x))):
            data = G.nodes[node]
            notes = [
                words[k] for k, found in (("isolated", lonely), ("siloed", apart)) if node in found
            ]
            rows.append(
                [
                    esc(data.get("name") or node),
                    f"<code>{esc(node)}</code>",
                    esc(category_name(sector_category(data), lang)),
                    str(G.degree(node)),
                    esc("; ".join(notes)),
                ]
            )
        head = [page.w(k) for k in ("name", "code", "sector", "degree", "status")]
        alt = (
            f"<details><summary>{page.w('node_table')}</summary>"
            + table(head, rows, numeric=(3,), row_headers=True)
            + "</details>"
        )
    else:
        names = _region_names(page)

        def describe_area(area: str, c: Mapping[str, int]) -> str:
            return (
                f"{names.get(area, area)}: {c['actors']} {w('actors_n', lang)}, "
                f"{c['isolated']} {words['isolated']}, {c['siloed']} {words['siloed']}"
            )

        svg, categories, counts = area_picture(
            G,
            lang=lang,
            names=names,
            isolated=lonely,
            siloed=apart,
            title=title,
            describe=describe_area,
        )
        caption = page.w("picture_areas", n=G.number_of_nodes())
        rows = [
            [
                esc(names.get(a, a)),
                str(c["actors"]),
                str(c["within"]),
                str(c["across"]),
                str(c["isolated"]),
                str(c["siloed"]),
            ]
            for a, c in sorted(counts.items(), key=lambda item: (item[0] == "", item[0]))
        ]
        head = [page.w("where"), page.w("nodes"), page.w("ties")]
        head += [f"{page.w('ties')} ↔", page.w("isolated"), page.w("siloed")]
        alt = (
            f"<details><summary>{page.w('table_of_values')}</summary>"
            + table(head, rows, numeric=(1, 2, 3, 4, 5), row_headers=True)
            + "</details>"
        )
    return (
        f'<figure class="picture">{svg}<figcaption>{caption}'
        f"{legend(categories, lang, isolated=words['isolated'], siloed=words['siloed'])}"
        f"</figcaption></figure>{alt}"
    )


def _region_names(page: Page) -> dict[str, str]:
    names = {"": w("outside_regions", page.lang)}
    for code, region in page.geography.regions.items():
        names[code] = {"fi": region.name_fi, "sv": region.name_sv}.get(page.lang, region.name_en)
    return names


def _brokers(page: Page, G: nx.Graph[Any], n: int, m: int) -> str:
    k = None if n <= _EXACT_BETWEENNESS else max(20, min(n, _EDGE_VISITS // max(m, 1)))
    found = brokers(G, k=k, seed=0, top=10)
    how = page.w("brokers_exact") if k is None else page.w("brokers_sampled", k=k)
    rows = [
        [str(b.rank), esc(b.name or b.node), f"<code>{esc(b.node)}</code>", _fmt(b.betweenness, 4)]
        for b in found.top
        if b.betweenness > 0
    ]
    if not rows:
        return ""
    head = ["#", page.w("name"), page.w("code"), page.w("betweenness")]
    return f'<h3 id="brokers">{page.w("brokers")}</h3><p>{how}.</p>' + table(
        head, rows, numeric=(0, 3), css_class="brokers"
    )


def _actor_list(page: Page, actors: ActorList, key: str) -> str:
    if not len(actors):
        return ""
    rows = [
        [
            esc(a.name or a.node),
            f"<code>{esc(a.node)}</code>",
            esc(", ".join(category_name(x, page.lang) for x in a.sectors or ())),
            esc(a.region or ""),
        ]
        for a in actors.actors[:MAX_LISTED]
    ]
    head = [page.w("name"), page.w("code"), page.w("sector"), page.w("where")]
    return (
        f'<details class="actors"><summary><h3>{page.w(key)} ({len(actors)})</h3></summary>'
        + table(head, rows, row_headers=True)
        + more_rows(page, len(actors) - MAX_LISTED)
        + "</details>"
    )
