"""Talking to any SPARQL 1.1 server: the Protocol for queries, the Graph Store Protocol for push.

Parameters reach the endpoint as a ``VALUES`` block that opens the query's top-level
WHERE group (see :mod:`dckg.values`); the tests compare every named query remote vs
local.
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

from dckg.engine import Binding, Form, QueryResult
from dckg.errors import DckgError
from dckg.rdfterm import Term, iri, literal
from dckg.values import bind_values

TIMEOUT_S = 300


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
