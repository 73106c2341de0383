"""Querying any SPARQL 1.1 server through the SPARQL 1.1 Protocol.

Parameters reach the endpoint as a ``VALUES`` block that opens the query's top-level
WHERE group (see :mod:`dckg.query.sparql`); the tests compare every named query remote vs
local.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping

import pyoxigraph as ox

from dckg.errors import DckgError
from dckg.query.engine import QueryResult
from dckg.query.sparql import Form, Term, bind_values

TIMEOUT_S = 300


def request(req: urllib.request.Request, what: str) -> bytes:
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

    def run(self, text: str, bindings: Mapping[str, Term], form: Form) -> QueryResult:
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
        data = request(req, "query")
        if form in ("CONSTRUCT", "DESCRIBE"):
            try:
                quads = ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
                return QueryResult(form, [q.triple for q in quads])
            except SyntaxError:
                raise DckgError(f"{self.url}: not an N-Triples answer") from None
        try:
            return QueryResult(
                form, ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
            )
        except SyntaxError:
            raise DckgError(f"{self.url}: not a SPARQL JSON result") from None
