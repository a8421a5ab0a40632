"""The collaboration graph of a snapshot, on networkx, and the analyses people who
evaluate inter-organisational collaboration run on it.

:func:`collaboration_graph` makes the graph: actors (and change agents) as
nodes, joined by the ties they share (:class:`TieKind`: groups, service
networks, grants, coordination links, interfaces, a change agent's links),
each edge weighted by the number of ties and carrying their periods.
The analyses take the graph first, in networkx's style, and return small
frozen results with ``rows()`` and ``to_pandas()``:

- :func:`network_measures`, :func:`area_measures`: density and degree
  centralisation, for the whole network and per region or county;
- :func:`brokers`: betweenness (sampled with ``k`` and ``seed`` at national
  scale, or per area); :func:`bridging_ties`: the ties between the social and
  health sector and the education and youth sector; :func:`siloed_actors`:
  actors with no cross-sector tie;
- :func:`isolated_actors`, :func:`peripheral_actors`, :func:`components`;
  :func:`regional_links`: whether each municipal group is connected to its
  region's regional group;
- :func:`interface_map`: where a county's services for one target group in one
  municipality are organised partly by the municipality and partly by the county,
  and whether each interface is identified.

Collaboration surveys (:class:`~lape.model.Survey`, PARTNER-style) beside the
formal ties: :func:`survey_graph` (who says it works with whom),
:func:`survey_measures` and :func:`survey_scores` (the network's and each
member's scores), :func:`tie_gaps` (formal against surveyed ties, per county
and sector pair), :func:`survey_changes` (two waves), :func:`survey_report`
(all at once, what ``lape survey`` prints). ``docs/survey-formulas.md`` gives
every formula.

:func:`export` writes GraphML, GEXF and node-link JSON; :func:`draw` draws
the graph with matplotlib (``pip install 'lape[plot]'``).

>>> import datetime as dt, lape
>>> G = collaboration_graph(lape.example(), as_of=dt.date(2017, 10, 1))
>>> m = network_measures(G)
>>> m.nodes, m.edges, round(m.density, 3)
(42, 171, 0.199)
>>> [b.node for b in brokers(G, top=3).top]
['change_agent#ps-change-agent', 'siilinjarvi-sivistys', 'varkaus-sote']
"""

from lape.network._build import (
    AGENT_KIND,
    HUB_KIND,
    MAX_CLIQUE,
    TieKind,
    agent_node,
    collaboration_graph,
    hub_node,
)
from lape.network._compare import PairChange, SnapshotComparison, compare_snapshots
from lape.network._export import (
    ExportError,
    ExportFormat,
    export,
    export_format,
    node_link_data,
    period_text,
    write_gexf,
    write_graphml,
    write_node_link,
)
from lape.network._interfaces import InterfaceMap, SplitResponsibility, interface_map
from lape.network._measures import (
    CORE_SECTORS,
    ActorList,
    ActorRow,
    Area,
    AreaMeasures,
    BridgingTie,
    BridgingTies,
    Broker,
    Brokers,
    Components,
    NetworkMeasures,
    RegionalLink,
    RegionalLinks,
    area_measures,
    bridging_ties,
    brokers,
    components,
    isolated_actors,
    network_measures,
    peripheral_actors,
    regional_links,
    siloed_actors,
)
from lape.network._plot import SECTOR_COLOURS, draw, packed_layout, sector_category
from lape.network._summary import NetworkSummary, summarize
from lape.network._survey import (
    SurveyActor,
    SurveyMeasures,
    SurveyScores,
    survey_graph,
    survey_measures,
    survey_scores,
    surveyed_ties,
)
from lape.network._survey_gaps import GapCount, TieGap, TieGaps, tie_gaps
from lape.network._survey_report import SurveyReport, survey_report
from lape.network._survey_waves import (
    MeasureChange,
    RatingChange,
    ScoreChange,
    SurveyChanges,
    TieChange,
    survey_changes,
)
from lape.network._timeline import (
    MAX_DATES,
    TIMELINE_PLOT_COLUMNS,
    RuleCount,
    RuleTimeline,
    Timeline,
    TimelineError,
    TimelinePoint,
    timeline,
    timeline_dates,
)

__all__ = [
    "AGENT_KIND",
    "CORE_SECTORS",
    "HUB_KIND",
    "MAX_CLIQUE",
    "MAX_DATES",
    "SECTOR_COLOURS",
    "TIMELINE_PLOT_COLUMNS",
    "ActorList",
    "ActorRow",
    "Area",
    "AreaMeasures",
    "BridgingTie",
    "BridgingTies",
    "Broker",
    "Brokers",
    "Components",
    "ExportError",
    "ExportFormat",
    "GapCount",
    "InterfaceMap",
    "MeasureChange",
    "NetworkMeasures",
    "NetworkSummary",
    "PairChange",
    "RatingChange",
    "RegionalLink",
    "RegionalLinks",
    "RuleCount",
    "RuleTimeline",
    "ScoreChange",
    "SnapshotComparison",
    "SplitResponsibility",
    "SurveyActor",
    "SurveyChanges",
    "SurveyMeasures",
    "SurveyReport",
    "SurveyScores",
    "TieChange",
    "TieGap",
    "TieGaps",
    "TieKind",
    "Timeline",
    "TimelineError",
    "TimelinePoint",
    "agent_node",
    "area_measures",
    "bridging_ties",
    "brokers",
    "collaboration_graph",
    "compare_snapshots",
    "components",
    "draw",
    "export",
    "export_format",
    "hub_node",
    "interface_map",
    "isolated_actors",
    "network_measures",
    "node_link_data",
    "packed_layout",
    "period_text",
    "peripheral_actors",
    "regional_links",
    "sector_category",
    "siloed_actors",
    "summarize",
    "survey_changes",
    "survey_graph",
    "survey_measures",
    "survey_report",
    "survey_scores",
    "surveyed_ties",
    "tie_gaps",
    "timeline",
    "timeline_dates",
    "write_gexf",
    "write_graphml",
    "write_node_link",
]
