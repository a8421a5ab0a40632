"""``lape network``: key measures as text or JSON, exports, and bad input without tracebacks."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import lape
from lape.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), stdout=out)
    return code, out.getvalue()


def test_text_summary_of_the_example() -> None:
    code, text = run("network", "--example")
    assert code == 0
    assert text.startswith("Collaboration network: Pohjois-Savo 2017 (illustrative) (2017-10-01)")
    assert "42 nodes (41 actors, 1 change agent), 171 ties" in text
    assert "Brokers (betweenness, exact over the whole graph" in text
    assert "change_agent#ps-change-agent" in text
    assert "By region:" in text


def test_json_summary_on_another_day() -> None:
    code, text = run("network", "--example", "--as-of", "2023-06-01", "--format", "json")
    assert code == 0
    data = json.loads(text)
    assert data["as_of"] == "2023-06-01"
    assert data["change_agents"] == 0
    assert [
        (s["municipality"], s["target_group"]) for s in data["interfaces"] if not s["identified"]
    ] == [("140", "children")]
    assert data["exports"] == []


def test_a_file_and_exports(tmp_path: Path) -> None:
    source = tmp_path / "ps.yaml"
    source.write_text(lape.io.example_text(), encoding="utf-8")
    graphml, gexf, node_link = tmp_path / "g.graphml", tmp_path / "g.gexf", tmp_path / "g.json"
    code, text = run(
        "network", str(source), "--export", str(graphml), "--export", str(gexf),
        "--export", str(node_link),
    )  # fmt: skip
    assert code == 0
    assert f"Wrote {graphml} (graphml)" in text
    assert nx.read_graphml(graphml).number_of_edges() == 171
    assert nx.read_gexf(gexf).number_of_nodes() == 42
    data = json.loads(node_link.read_text(encoding="utf-8"))
    assert nx.node_link_graph(data, edges="edges").number_of_edges() == 171


def test_json_lists_the_exports(tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    code, text = run("network", "--example", "--format", "json", "--export", str(path))
    assert code == 0
    assert json.loads(text)["exports"] == [{"path": str(path), "format": "json"}]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("network",), "one of the arguments path --example is required"),
        (("network", "--example", "--as-of", "2017-02-30"), "not a date"),
        (("network", "missing.yaml"), "missing.yaml"),
        (("network", "--example", "--export", "graph.txt"), "cannot tell the format of graph.txt"),
        (("network", "--example", "--format", "csv"), "invalid choice"),
    ],
)
def test_bad_input_exits_2(
    argv: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = run(*argv)
    err = capsys.readouterr().err
    assert code == 2
    assert text == ""
    assert message in err
    assert "Traceback" not in err


def test_a_file_that_cannot_be_written_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-dir" / "g.gexf"
    code, text = run("network", "--example", "--export", str(target))
    err = capsys.readouterr().err
    assert code == 2
    assert text == ""
    assert err.startswith(f"lape: {target}: cannot write: no folder ")


def test_a_bad_snapshot_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("groups:\n  - {id: g, name: G, kind: munic}\n", encoding="utf-8")
    graph = tmp_path / "g.graphml"
    code, _ = run("network", str(path), "--export", str(graph))
    assert code == 2
    assert "groups[0].kind: unknown group kind 'munic'" in capsys.readouterr().err
    assert not graph.exists()


def test_lape_network_imports_no_optional_package() -> None:
    code = (
        "import sys, lape, lape.network as n; n.summarize(n.collaboration_graph(lape.example()), "
        "lape.example()); print(sorted(m for m in ('pandas', 'matplotlib') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    assert "network" in lape.__all__


def test_no_export_is_written_when_one_target_cannot_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "a.graphml"
    code, _ = run(
        "network", "--example", "--export", str(first), "--export", str(tmp_path / "no" / "b.gexf")
    )
    assert code == 2
    assert not first.exists()
    assert "cannot write: no folder" in capsys.readouterr().err
