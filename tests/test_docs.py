"""dckg docs: an index, the ontology page (pyLODE) and a page per named query with results."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from dckg.cli import main
from dckg.docs.site import query_page
from dckg.layout import Layout
from dckg.query.execute import run_query
from dckg.query.library import library, parse_query

pytestmark = pytest.mark.slow


class Page(HTMLParser):
    """Links, table rows and text of one HTML page."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.links: list[str] = []
        self.rows: list[list[str]] = []
        self.text: list[str] = []
        self._cell: list[str] | None = None
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links += [v for k, v in attrs if k == "href" and v]
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, built: Layout) -> Path:
    """``dckg docs`` run once on a copy of the built graph."""
    root = tmp_path_factory.mktemp("docs")
    result = CliRunner().invoke(main, ["docs", "--kg", str(built.root), "-o", str(root / "site")])
    assert result.exit_code == 0, result.output
    assert "index.html" in result.output
    return root / "site"


def test_index_links_the_ontology_and_every_named_query(site: Path) -> None:
    index = Page(site / "index.html")
    expected = {"ontology.html", *(f"queries/{name}.html" for name in library())}
    assert expected <= set(index.links)
    for link in expected:
        assert (site / link).is_file(), link


def test_ontology_page_documents_the_classes(site: Path) -> None:
    text = (site / "ontology.html").read_text(encoding="utf-8")
    assert "https://w3id.org/dckg/ontology" in text
    for term in ("StatusStatement", "Channel", "Event"):
        assert re.search(rf"\b{term}\b", text), term


def test_query_pages_give_description_parameters_and_current_results(site: Path) -> None:
    for name, query in library().items():
        page = Page(site / "queries" / f"{name}.html")
        text = "".join(page.text)
        assert query.title in text and query.description in text
        assert query.text.strip() in text
        for param in query.params:
            assert any(row and row[0] == param.name for row in page.rows), (name, param.name)
        if query.is_violation:
            assert "0 rows." in text, name  # the built graph passed its gates


def test_status_at_page_shows_the_rows_the_query_gives(site: Path, built: Layout) -> None:
    page = Page(site / "queries" / "status-at.html")
    header = next(row for row in page.rows if "channelLabel" in row)
    shown = sorted(
        (row[header.index("channelLabel")], row[header.index("status")])
        for row in page.rows
        if len(row) == len(header) and row != header
    )
    text, _ = run_query("status-at", layout_dir=built.root, fmt="csv")
    expected = sorted((r["channelLabel"], r["status"]) for r in csv.DictReader(io.StringIO(text)))
    assert shown == expected
    assert any(label == "NATO Military Liaison Mission in Moscow" for label, _ in shown)
    assert "(with at = 2021-10-18, mode = certain)" in "".join(page.text)


def test_text_from_the_graph_is_escaped() -> None:
    query = parse_query(
        "x", "# title: A <b>bold</b> title\n# description: x < y & z\nASK {}\n", "x.rq"
    )
    html = query_page(query, None, "because <reasons>")
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "because &lt;reasons&gt;" in html


def test_output_that_is_a_file_is_a_usage_error(tmp_path: Path, layout: Layout) -> None:
    target = tmp_path / "site"
    target.write_text("not a directory", encoding="utf-8")
    result = CliRunner().invoke(main, ["docs", "--kg", str(layout.root), "-o", str(target)])
    assert result.exit_code == 2
    assert "is a file" in result.output
    assert target.read_text(encoding="utf-8") == "not a directory"


def test_ontology_page_is_the_same_in_every_process() -> None:
    """rdflib orders pyLODE's JSON-LD by string hashes, which vary between processes."""
    code = (
        "import sys; from dckg.docs.site import _ontology_html; sys.stdout.write(_ontology_html())"
    )
    pages = {
        subprocess.run(
            [sys.executable, "-c", code],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(pages) == 1
