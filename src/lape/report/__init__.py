"""The check of a snapshot as one self-contained HTML file, for the people who act on it.

County and municipal coordinators and their steering groups open a file someone
mailed them; :func:`html` writes it (and ``lape report`` on the command line):
inline CSS and SVG pictures, nothing fetched from the network, readable on a phone,
printable to A4, in Finnish, Swedish or English.

>>> import lape
>>> from lape.report import html
>>> page = html(lape.example(), timeline=False)
>>> '<meta charset="utf-8">' in page, page.count('class="node"')
(True, 42)

This package reads :mod:`lape.rules` and :mod:`lape.network`; neither reads it.
"""

from lape.report._browser import find_chromium, screenshot
from lape.report._chart import MAX_AUTO_DATES, span_dates
from lape.report._coverage import MAX_NETWORKS, MAX_SERVICES
from lape.report._document import html
from lape.report._findings import MAX_FINDINGS, MAX_PER_RULE, MAX_SUBJECTS
from lape.report._network import MAX_LISTED
from lape.report._page import PALETTE
from lape.report._picture import MAX_PICTURE_NODES

__all__ = [
    "MAX_AUTO_DATES",
    "MAX_FINDINGS",
    "MAX_LISTED",
    "MAX_NETWORKS",
    "MAX_PER_RULE",
    "MAX_PICTURE_NODES",
    "MAX_SERVICES",
    "MAX_SUBJECTS",
    "PALETTE",
    "find_chromium",
    "html",
    "screenshot",
    "span_dates",
]
