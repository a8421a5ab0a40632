"""Sphinx extension: the example's HTML report and a screenshot of it, made at build time.

Before the pages are read, ``lape.report.html`` writes the bundled example's report
to ``docs/_generated/report-example.html`` and headless Chromium takes a screenshot of
it (``report-example.png``, :func:`lape.report.screenshot`: selenium, from the docs
extra, and Debian's ``chromium-driver``); ``docs/report.md`` shows the picture and offers the file
for download. Where no Chromium is installed, the screenshot committed beside this
extension's static files (``docs/_static/report-example-fallback.png``) stands in, and
the build says so. CI installs Chromium and sets ``LAPE_BROWSER_REQUIRED``: there a
screenshot that cannot be taken fails the build.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

import lape
from lape.report import html, screenshot

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_LOG = logging.getLogger(__name__)


def make_report(app: Sphinx) -> None:
    """Write the example's report and its screenshot into ``docs/_generated``."""
    out = Path(app.srcdir) / "_generated"
    out.mkdir(exist_ok=True)
    page = out / "report-example.html"
    page.write_text(html(lape.example(), file_name="--example"), encoding="utf-8")
    png = out / "report-example.png"
    try:
        screenshot(page, png, width=1000, height=1500)
    except Exception as exc:  # no browser, no driver, or one that would not start
        if os.environ.get("LAPE_BROWSER_REQUIRED"):  # CI installed one: it must work
            raise
        fallback = Path(app.srcdir) / "_static" / "report-example-fallback.png"
        shutil.copyfile(fallback, png)
        _LOG.info("lape_report: no screenshot (%s); using %s", exc, fallback.name)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", make_report)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
