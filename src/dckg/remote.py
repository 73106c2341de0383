"""Talking to any SPARQL 1.1 server: the Protocol for queries, the Graph Store Protocol for push.

Parameters reach a remote endpoint as a ``VALUES`` block, because the SPARQL 1.1
Protocol has no bindings. Where the block goes matters:

* a *trailing* ``VALUES`` (what rdflib's SPARQLStore does with ``initBindings``) is
  joined after ``GROUP BY``/``HAVING``, so a parameter used in a ``FILTER`` of the
  ``WHERE`` clause (``?dt >= ?from`` in events.rq) would be unbound there: wrong rows;
* round-tripping the query through rdflib's algebra (``translateAlgebra``) rewrites
  the whole query text and is lossy on property paths and subqueries;
* so the block becomes the *first element of the top-level WHERE group*. Its
  solutions join every pattern of that group and are visible to the group's
  filters and to the conditions of its OPTIONALs, which is what rdflib's
  ``initBindings`` and Oxigraph's substitutions do for a parameter used at the top
  level of a query (the contract of the query headers, see README). The position
  is found by a lexer that skips comments, strings and IRIs; the values are RDF
  terms in N-Triples syntax (``n3()`` of a :class:`dckg.rdfterm.Term` or of an
  rdflib term), never user text pasted into the query. The tests compare every
  named query remote vs local.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dckg.engine import TOKEN, Binding, Form, QueryResult
from dckg.errors import DckgError
from dckg.rdfterm import Term, iri, literal

TIMEOUT_S = 300


def values_block(bindings: Mapping[str, Binding]) -> str:
    """``VALUES (?a ?b) { (t1 t2) }``, each term in N-Triples syntax."""
    names = sorted(bindings)
    variables = " ".join(f"?{name}" for name in names)
    terms = " ".join(bindings[name].n3() for name in names)
    return f"VALUES ({variables}) {{ ({terms}) }}"


def where_group_start(text: str) -> int:
    """The offset just after the ``{`` that opens the query's top-level WHERE group."""
    for match in TOKEN.finditer(text):
        if match.lastgroup == "open":
            return match.end()
    raise DckgError("query has no WHERE group to bind parameters in")


def bind_values(text: str, bindings: Mapping[str, Binding]) -> str:
    """``text`` with ``bindings`` as a VALUES block opening its top-level WHERE group."""
    if not bindings:
        return text
    at = where_group_start(text)
    return f"{text[:at]}\n  {values_block(bindings)}\n{text[at:]}"


def _request(req: urllib.request.Request, what: str) -> bytes:
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT_S) as response:
            data: bytes = response.read()
            return data
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        raise DckgError(
            f"{req.full_url}: {what} failed: HTTP {exc.code} {detail[0] if detail else ''}"
        ) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DckgError(f"{req.full_url}: {what} failed: {reason}") from None


class RemoteEngine:
    """A SPARQL 1.1 Protocol endpoint (Oxigraph, Fuseki, GraphDB, Neptune, ...).

    The server's default graph must hold the union of the named graphs, as the local
    engines see it: ``dckg serve``'s store and ``dckg push`` put it there.
    """

    name = "remote"

    def __init__(self, url: str) -> None:
        if not re.match(r"^https?://", url):
            raise DckgError(f"--endpoint {url!r}: use an http:// or https:// URL")
        self.url = url

    def run(self, text: str, bindings: Mapping[str, Binding], form: Form) -> QueryResult:
        """POST the query (SPARQL 1.1 Protocol, form-encoded) and read the standard results."""
        accept = (
            "application/n-triples"
            if form in ("CONSTRUCT", "DESCRIBE")
            else "application/sparql-results+json"
        )
        body = urllib.parse.urlencode({"query": bind_values(text, bindings)}).encode()
        req = urllib.request.Request(
            self.url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
        )
        data = _request(req, "query")
        if form in ("CONSTRUCT", "DESCRIBE"):
            from rdflib import Graph

            graph = Graph()
            graph.parse(data=data.decode("utf-8"), format="nt")
            return QueryResult(form, graph=graph)
        try:
            doc = json.loads(data)
        except ValueError:
            raise DckgError(f"{self.url}: not a SPARQL JSON result") from None
        if form == "ASK":
            return QueryResult(form, boolean=bool(doc.get("boolean")))
        variables = list(doc["head"].get("vars", []))
        cells = [
            tuple(_term(binding.get(v)) for v in variables)
            for binding in doc["results"]["bindings"]
        ]
        return QueryResult(form, variables, cells=cells)


def _term(value: dict[str, Any] | None) -> Term | None:
    """A SPARQL JSON term, simple literals without a datatype."""
    if value is None:
        return None
    kind = value["type"]
    if kind == "uri":
        return iri(value["value"])
    if kind == "bnode":
        return Term("bnode", value["value"])
    return literal(value["value"], value.get("datatype"), value.get("xml:lang"))


def push(trig: Path, endpoint: str) -> list[str]:
    """PUT every named graph of ``trig`` to a Graph Store Protocol endpoint, then their
    union (a set) to the default graph; returns the named graphs' names.

    With the union in the default graph the server needs no union-default-graph
    setting (Oxigraph's is a bag, which multiplies joins). PUT replaces a graph, so
    pushing twice leaves the server as after one push.
    """
    import pyoxigraph as ox

    from dckg.build import to_bytes

    if not re.match(r"^https?://", endpoint):
        raise DckgError(f"--endpoint {endpoint!r}: use an http:// or https:// URL")
    if not trig.exists():
        raise DckgError(f"{trig}: no built graph; run `dckg build` first")
    dataset = ox.Dataset(ox.parse(path=str(trig), format=ox.RdfFormat.TRIG))
    names = sorted({q.graph_name.value for q in dataset if isinstance(q.graph_name, ox.NamedNode)})
    separator = "&" if "?" in endpoint else "?"
    for name in names:
        body = to_bytes(
            (q.triple for q in dataset.quads_for_graph_name(ox.NamedNode(name))), "N_TRIPLES"
        )
        url = f"{endpoint}{separator}{urllib.parse.urlencode({'graph': name})}"
        req = urllib.request.Request(
            url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"}
        )
        _request(req, f"PUT graph <{name}>")
    union = sorted(
        {line for line in to_bytes((q.triple for q in dataset), "N_TRIPLES").splitlines()}
    )
    req = urllib.request.Request(
        f"{endpoint}{separator}default",
        data=b"\n".join(union) + b"\n",
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    _request(req, "PUT the default graph")
    return names
