"""Two sixth articles that repeat what the graph has, in their own words (issue 20).

One repeats the liaison mission's suspension at month precision, the other the
information office's opening as "by 2001". Each article's interval is its own: with
no functional property on the statement, and the instants declared different,
neither may make the graph inconsistent, nor merge its instant with the graph's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from dckg.checks.owl import check_owl
from dckg.cli import main
from dckg.layout import Layout
from dckg.validation.validate import validate_files

FIXTURES = Path(__file__).parent / "fixtures" / "sixth"
TEXT = FIXTURES / "sixth-article.txt"
DCKT = "https://w3id.org/dckg/id/time/"
REPEATS = {
    "month-precision-repeat.ttl": ("2021-10", "2021-10-18"),
    "by-2001-repeat.ttl": ("2001-by", "2001"),
}

pytestmark = pytest.mark.java


@pytest.mark.parametrize("name", sorted(REPEATS))
def test_the_owl_gate_accepts_the_repeat(name: str, kg_copy: Layout) -> None:
    report = validate_files([FIXTURES / name], kg_copy, TEXT, owl_gate="on")
    assert report.conforms, [r.line() for r in report.results]
    assert [r for r in report.results if r.source == "owl"] == []


@pytest.mark.parametrize("name", sorted(REPEATS))
def test_added_the_graph_stays_consistent_and_keeps_both_instants(
    name: str, kg_copy: Layout
) -> None:
    done = CliRunner().invoke(
        main, ["add", "--kg", str(kg_copy.root), "--article", str(TEXT), str(FIXTURES / name)]
    )
    assert done.exit_code == 0, done.output
    [report] = check_owl([kg_copy.turtle])
    assert report.consistent, report
    assert report.same_individuals == ()
    graph = Graph().parse(kg_copy.turtle)
    new, old = (URIRef(DCKT + slug) for slug in REPEATS[name])
    assert graph.value(new, RDFS.label) != graph.value(old, RDFS.label)
    assert len(set(graph.objects(old, RDFS.label))) == 1
