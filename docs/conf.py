"""Sphinx configuration for the lape documentation.

Build with ``sphinx-build -W --keep-going -b html docs build/docs`` after
``pip install -e '.[docs]'``. Warnings are errors; the notebooks are executed
on every build, so their outputs are always those of the current code.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

import lape

project = "lape"
author = "The lape developers"
copyright = "2016-2026, the lape developers"
release = lape.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "lape_api",
    "lape_catalogue",
    "lape_report",
]

exclude_patterns = ["_build", "_ext", "_generated", "conftest.py", "**/.ipynb_checkpoints"]
source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}

# MyST: `{note}` admonitions, `$` maths off, heading anchors for links to sections.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Notebooks are stored without outputs and executed on every build; an error in a
# cell fails the build.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 300
nb_execution_show_tb = True

# The API reference: the documented names are those in each package's __all__.
# Docstrings are plain reStructuredText (no Napoleon sections).
autodoc_default_options = {"members": True, "imported-members": True, "undoc-members": True}
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_class_signature = "mixed"
autodoc_preserve_defaults = False

html_theme = "furo"
html_title = f"lape {release}"
html_static_path = ["_static"]
html_css_files = ["lape.css"]
