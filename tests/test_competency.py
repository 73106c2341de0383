"""Competency questions as data: every case in ``tests/competency/<domain>.toml``.

A case is one question an analyst asks of the five articles, with the SPARQL that
answers it and the rows it must return::

    [[case]]
    id = "trenin-article-date"
    question = "When was Trenin's article published, and at what precision?"
    sparql = '''
    PREFIX dckg: <https://w3id.org/dckg/ontology#>
    SELECT ?published ?precision WHERE { ... }
    '''
    expected = [{ published = "2021-10-27T00:00:00Z", precision = "time:unitDay" }]

Instead of ``sparql`` a case may name a query of the library (``query = "survivors"``,
``params = { at = "2021-10-18" }``), run as ``dckg query`` runs it. ``match`` is
``exact`` (the default: the rows, as a set, are ``expected``) or ``subset`` (every
expected row is among them). Cells are strings: an IRI as a prefixed name where a
prefix of ``dckg.namespaces.PREFIXES`` fits (``dcki:nato``), else ``<IRI>``; a literal as its
lexical form as Oxigraph writes it; an unbound variable is left out of the row. A
cell that joins values with `` | `` (GROUP_CONCAT) is compared with its parts sorted.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from dckg.cli import main
from dckg.namespaces import compact

ROOT = Path(__file__).resolve().parents[1]
CASES_DIR = Path(__file__).parent / "competency"
SEP = " | "

Row = frozenset[tuple[str, str]]


def load_cases() -> list[tuple[str, dict[str, Any]]]:
    """(domain, case) for every case of every domain file, in file order."""
    found = []
    for path in sorted(CASES_DIR.glob("*.toml")):
        with path.open("rb") as handle:
            for case in tomllib.load(handle).get("case", []):
                found.append((path.stem, case))
    return found


CASES = load_cases()


def norm(text: str) -> str:
    return SEP.join(sorted(text.split(SEP))) if SEP in text else text


def cell(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> str:
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return norm(term.value)
    raise TypeError(term)


def json_cell(binding: dict[str, str]) -> str:
    if binding["type"] == "uri":
        return compact(binding["value"])
    if binding["type"] == "bnode":
        return f"_:{binding['value']}"
    return norm(binding["value"])


@pytest.fixture(scope="module")
def store() -> ox.Store:
    """The committed graph: every named graph, their union as the default graph."""
    store = ox.Store()
    store.bulk_load(path=str(ROOT / "kg" / "dckg.trig"), format=ox.RdfFormat.TRIG)
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


def run_sparql(store: ox.Store, text: str) -> set[Row]:
    result = store.query(text)
    assert isinstance(result, ox.QuerySolutions), "a competency query must be a SELECT"
    names = [v.value for v in result.variables]
    return {frozenset((n, cell(s[n])) for n in names if s[n] is not None) for s in result}


def run_named(name: str, params: dict[str, str]) -> set[Row]:
    args = ["query", name, "--kg", str(ROOT / "kg"), "-f", "json"]
    for key, value in params.items():
        args += ["-p", f"{key}={value}"]
    done = CliRunner().invoke(main, args)
    assert done.exit_code == 0, done.output
    doc = json.loads(done.stdout)
    return {
        frozenset((n, json_cell(b)) for n, b in row.items()) for row in doc["results"]["bindings"]
    }


def expected_rows(case: dict[str, Any]) -> set[Row]:
    return {frozenset((k, norm(str(v))) for k, v in row.items()) for row in case["expected"]}


@pytest.mark.parametrize(("domain", "case"), CASES, ids=[f"{d}:{c['id']}" for d, c in CASES])
def test_competency(domain: str, case: dict[str, Any], store: ox.Store) -> None:
    assert case.get("question"), f"{case['id']}: every case states its question"
    if "sparql" in case:
        got = run_sparql(store, case["sparql"])
    else:
        got = run_named(case["query"], case.get("params", {}))
    want = expected_rows(case)
    if case.get("match", "exact") == "subset":
        missing = want - got
        assert not missing, f"{case['question']}\nmissing rows: {sorted(map(sorted, missing))}"
    else:
        assert got == want, (
            f"{case['question']}\nunexpected: {sorted(map(sorted, got - want))}"
            f"\nmissing: {sorted(map(sorted, want - got))}"
        )


def test_case_ids_are_unique() -> None:
    ids = [c["id"] for _, c in CASES]
    assert len(ids) == len(set(ids))
