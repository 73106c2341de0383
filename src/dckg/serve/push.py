"""``dckg push``: the built graph to any server through the SPARQL 1.1 Graph Store Protocol."""

from __future__ import annotations

import re
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from dckg.errors import DckgError
from dckg.graph.serialize import to_bytes
from dckg.query.remote import request


def push(trig: Path, endpoint: str) -> list[str]:
    """PUT every named graph of ``trig`` to a Graph Store Protocol endpoint, then their
    union (a set) to the default graph; returns the named graphs' names.

    With the union in the default graph the server needs no union-default-graph
    setting (Oxigraph's is a bag, which multiplies joins). PUT replaces a graph, so
    pushing twice leaves the server as after one push.
    """
    if not re.match(r"^https?://", endpoint):
        raise DckgError(f"--endpoint {endpoint!r}: use an http:// or https:// URL")
    if not trig.exists():
        raise DckgError(f"{trig}: no built graph; run `dckg build` first")
    dataset = ox.Dataset(ox.parse(path=str(trig), format=ox.RdfFormat.TRIG))
    names = sorted({q.graph_name.value for q in dataset if isinstance(q.graph_name, ox.NamedNode)})
    separator = "&" if "?" in endpoint else "?"
    for name in names:
        body = to_bytes(
            (q.triple for q in dataset.quads_for_graph_name(ox.NamedNode(name))),
            ox.RdfFormat.N_TRIPLES,
        )
        url = f"{endpoint}{separator}{urllib.parse.urlencode({'graph': name})}"
        req = urllib.request.Request(
            url, data=body, method="PUT", headers={"Content-Type": "application/n-triples"}
        )
        request(req, f"PUT graph <{name}>")
    union = sorted(
        {
            line
            for line in to_bytes((q.triple for q in dataset), ox.RdfFormat.N_TRIPLES).splitlines()
        }
    )
    req = urllib.request.Request(
        f"{endpoint}{separator}default",
        data=b"\n".join(union) + b"\n",
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    request(req, "PUT the default graph")
    return names
