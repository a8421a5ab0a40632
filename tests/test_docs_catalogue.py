"""The docs' rule catalogue page shows each rule's source: documents, quote, translations.

The page is built by the Sphinx extension ``docs/_ext/lape_catalogue.py`` from the
nodes of ``docs/_ext/lape_catalogue_nodes.py`` (plain docutils, in the ``test``
extra); this builds every rule's section as the page does and reads its text.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

from lape.model import LANGUAGES
from lape.rules import Rule, catalogue, default_parameters

EXT = Path(__file__).resolve().parents[1] / "docs" / "_ext"


@pytest.fixture(scope="module")
def nodes_module() -> Any:
    sys.path.insert(0, str(EXT))
    try:
        return importlib.import_module("lape_catalogue_nodes")
    finally:
        sys.path.remove(str(EXT))


def new_document() -> Any:
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    return new_document("rules.md", get_default_settings(Parser))


@pytest.mark.parametrize("rule", list(catalogue()), ids=lambda r: r.id)
def test_each_rule_shows_its_quote_translations_and_documents(
    nodes_module: Any, rule: Rule
) -> None:
    section = nodes_module.rule_section(rule, default_parameters(), new_document())
    text = " ".join(section.astext().split())
    source = rule.source
    assert " ".join(source.quote.split()) in text
    for lang in LANGUAGES:
        if source.is_translation(lang):
            assert " ".join(source.quote_in(lang).split()) in text, lang
    assert text.count("(translation)") == 2
    for document in source.documents:
        assert " ".join(document.describe("en").split()) in text


def test_an_address_is_a_link(nodes_module: Any) -> None:
    from docutils import nodes

    rule = catalogue()["LAPE-W01"]
    section = nodes_module.rule_section(rule, default_parameters(), new_document())
    links = [n["refuri"] for n in section.findall(nodes.reference)]
    assert "https://finlex.fi/fi/laki/alkup/2021/20210614" in links
