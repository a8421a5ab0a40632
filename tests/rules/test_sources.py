"""Rules' sources a reader can follow: what each document is, and each quote in three languages."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import lape
from lape.model import LANGUAGES, DocumentKind
from lape.reference import documents, documents_cited, sources
from lape.rules import Lang, Rule, Source, catalogue, check

RULES = list(catalogue())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_quote_has_its_finnish_swedish_and_english_rendering(rule: Rule) -> None:
    source = rule.source
    assert source.language in LANGUAGES, f"{rule.id}: quote not in lape.rules._catalogue._quotes"
    assert source.renderings is not None
    assert source.quote_in(source.language) == source.quote  # the original, verbatim
    assert not source.is_translation(source.language)
    for lang in LANGUAGES:
        rendered = source.quote_in(lang)
        assert rendered.strip(), (rule.id, lang)
        if lang != source.language:
            assert source.is_translation(lang)
            assert rendered != source.quote, (rule.id, lang)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_source_names_documents_a_reader_can_find(rule: Rule) -> None:
    found = rule.source.documents
    assert found, f"{rule.id}: {rule.source.document!r} names no known document"
    for document in found:
        assert document.title or document.number, document.id
        assert document.publisher.fi
        assert document.publisher.sv
        assert document.publisher.en
        line = document.describe("en")
        assert document.publisher.en in line


def test_the_seeds_are_described_by_their_publisher_kind_date_and_title() -> None:
    seeds = {k: d for k, d in documents().items() if k.startswith("seeds/")}
    assert len(seeds) == 5
    dated = {k.split("/")[1][:3]: d.date.isoformat() for k, d in seeds.items() if d.date}
    assert dated == {
        "000": "2016-01-11",
        "001": "2016-06-23",
        "002": "2019-10-24",
        "004": "2022-09-01",
    }
    assert seeds["seeds/002_54329ee4316f476e.txt"].kind is DocumentKind.PRESS_RELEASE
    assert seeds["seeds/002_54329ee4316f476e.txt"].title == (
        "Utvecklandet av barn- och familjetjänsterna fortsätter"
    )
    assert seeds["seeds/003_3bdfde6a4b2dc7b5.txt"].date is None  # the blog post carries none


def test_every_address_is_one_whose_provenance_is_written_down() -> None:
    """An address only where one was read: each is named in SOURCES.md with where it was found."""
    urls = {d.id: d.url for d in documents().values() if d.url}
    assert urls  # some are known
    text = sources()
    for doc_id, url in urls.items():
        assert url.startswith("https://"), doc_id
        assert url in text, f"{doc_id}: {url} has no provenance in SOURCES.md"
    assert "seeds/000_e64bf8a9e849b9f1.txt" not in urls  # none read: none given


def test_documents_cited_reads_seed_files_paths_and_numbers() -> None:
    text = "seeds/001_fcf0a286dac43d18.txt (STM, 23.6.2016); STM press release 127/2018; 2016-2018"
    assert [d.id for d in documents_cited(text)] == [
        "seeds/001_fcf0a286dac43d18.txt",
        "STM 127/2018",
    ]
    assert documents_cited("my own guideline, 12/2099") == ()


def test_a_source_of_ones_own_still_takes_two_arguments() -> None:
    source = Source("our board's decision 3/2024", "Every group meets monthly.")
    assert source.quote_in("fi") == "Every group meets monthly."
    assert not source.is_translation("fi")
    assert source.documents == ()
    assert source.describe("sv") == "our board's decision 3/2024"
    data = source.as_dict("fi")
    assert data["translation"] is None
    assert data["translations"] == {}
    assert data["documents"] == []
    with_document = Source("x", "y", cited=documents_cited("Act 614/2021"))
    assert [d.id for d in with_document.documents] == ["Act 614/2021"]


def _run(*argv: str) -> str:
    """What ``lape`` prints on stdout, run as a user runs it."""
    done = subprocess.run(
        [sys.executable, "-m", "lape", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_text_report_gives_the_source_in_the_reports_language(lang: Lang) -> None:
    text = _run("check", "--example", "--sources", "--lang", lang)
    g04 = catalogue()["LAPE-G04"].source
    original = g04.quote
    assert f"«{original}»" in text
    assert g04.documents[0].describe(lang) in text  # title, publisher, kind, date
    translation_marker = {"fi": "(käännös)", "sv": "(översättning)", "en": "(translation)"}[lang]
    if lang == "sv":  # the original is Swedish: nothing to translate
        assert f"«{g04.quote_in('fi')}»" not in text
    else:
        assert f"«{g04.quote_in(lang)}» {translation_marker}" in text


def test_the_text_report_gives_each_rules_source_once() -> None:
    from lape.rules import report_text

    report = check(lape.example())
    g04 = next(f for f in report.findings if f.rule == "LAPE-G04")
    twice = attrs.evolve(report, findings=(*report.findings, g04._replace(path="groups[9]")))
    text = report_text(twice, title="t", sources=True)
    assert text.count("groups[9]") == 1
    assert text.count("[groups[3]]") == 1
    assert text.count(f"«{g04.source.quote}»") == 1
    assert report_text(twice, title="t").count(g04.source.quote) == 0  # only when asked


def test_the_json_report_gives_documents_and_translations() -> None:
    data = json.loads(_run("check", "--example", "--format", "json", "--lang", "fi"))
    g04 = next(f for f in data["findings"] if f["rule"] == "LAPE-G04")
    source = g04["source"]
    assert source["document"].startswith("seeds/001_")
    assert source["language"] == "sv"
    assert source["translation"] == catalogue()["LAPE-G04"].source.quote_in("fi")
    assert set(source["translations"]) == {"fi", "en"}
    (document,) = source["documents"]
    assert document["date"] == "2016-06-23"
    assert document["kind"] == "news"
    assert document["publisher"]["fi"] == "Sosiaali- ja terveysministeriö"


def test_the_html_report_gives_the_translation_marked_as_one() -> None:
    report = check(lape.example(), lang="fi")
    html = report._repr_html_()
    assert html is not None
    g04 = catalogue()["LAPE-G04"].source
    assert "(käännös)" in html
    assert g04.quote_in("fi") in html
    assert "Sosiaali- ja terveysministeriö, uutinen, 2016-06-23" in html


def test_rules_show_their_sources_in_each_language() -> None:
    for lang in LANGUAGES:
        text = _run("rules", "--lang", lang)
        assert re.search(r"\[seeds/004_03cf18482934f705\.txt\]", text)
        assert documents()["seeds/004_03cf18482934f705.txt"].describe(lang) in text


def test_the_browser_report_says_what_each_cited_document_is(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    argv = ["report", "--example", "--lang", "fi", "--no-timeline", "-o", str(out)]
    done = subprocess.run(
        [sys.executable, "-m", "lape", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    page = out.read_text(encoding="utf-8")
    g04 = catalogue()["LAPE-G04"].source
    (document,) = g04.documents
    assert document.title is not None
    assert "<dt>Laji</dt><dd>uutinen</dd>" in page
    assert f'<dd><span lang="sv">{document.title}</span></dd>' in page
    assert "<dt>Julkaisija</dt><dd>Sosiaali- ja terveysministeriö</dd>" in page
    assert "<dt>Päivämäärä</dt><dd>2016-06-23</dd>" in page
    assert f"«{g04.quote_in('fi')}»</p><footer>käännös</footer>" in page
    assert document.url is None
    assert "<dt>Osoite</dt>" not in page  # no address read for the example's rules' documents


def test_the_browser_report_links_an_address_where_one_is_known() -> None:
    from lape.report._source import source_html

    c06 = catalogue()["LAPE-C06"].source
    (document,) = c06.documents
    assert document.url is not None
    shown = source_html(c06, "en")
    assert f'<dt>Address</dt><dd><a href="{document.url}">{document.url}</a></dd>' in shown
    assert "<dt>Kind</dt><dd>press release</dd>" in shown
    f02 = catalogue()["LAPE-F02"].source  # several documents: one line each
    several = source_html(f02, "fi")
    assert len(f02.documents) > 1
    for document in f02.documents:
        assert f"<dt>Asiakirja</dt><dd>{document.describe('fi')}</dd>" in several
