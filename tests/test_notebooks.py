"""The notebooks in docs/ run as they stand.

The docs build executes them in a Jupyter kernel and shows their outputs; this
runs their code cells in order in one namespace, so that `python -m pytest`
alone catches a notebook that the code has left behind.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

NOTEBOOKS = sorted((Path(__file__).parent.parent / "docs").glob("**/*.ipynb"))


def test_there_is_a_notebook() -> None:
    assert NOTEBOOKS, "docs/ should hold at least the tutorial notebook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_notebook_runs(path: Path) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")
    matplotlib.use("Agg")
    notebook = json.loads(path.read_text(encoding="utf-8"))
    namespace: dict[str, Any] = {"__name__": "__notebook__"}
    for number, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        assert not cell.get("outputs"), f"cell {number} is stored with outputs; clear them"
        exec(compile(source, f"{path.name}, cell {number}", "exec"), namespace)
    import matplotlib.pyplot as plt

    plt.close("all")


def test_the_tutorial_ends_with_a_picture_in_a_fresh_kernel() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")
    path = Path(__file__).parent.parent / "docs" / "tutorial.ipynb"
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": path.parent}}
    )
    client.execute()
    last = [c for c in notebook.cells if c.cell_type == "code"][-1]
    assert "draw(" in last.source
    assert any("image/png" in o.get("data", {}) for o in last.outputs)
