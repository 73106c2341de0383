"""Parameter values as a ``VALUES`` block that opens the query's top-level WHERE group.

Two engines take parameters this way: a remote endpoint, because the SPARQL 1.1
Protocol has no bindings, and the local Oxigraph store, because its own
``substitutions`` are planned badly: Oxigraph does not push them into the
patterns, so ``timeline`` for one channel evaluated the timeline of every channel
and filtered at the end (9.3 s against 0.04 s with the block, 10k triples).

Where the block goes matters:

* a *trailing* ``VALUES`` (what rdflib's SPARQLStore does with ``initBindings``) is
  joined after ``GROUP BY``/``HAVING``, so a parameter used in a ``FILTER`` of the
  ``WHERE`` clause (``?dt >= ?from`` in events.rq) would be unbound there: wrong rows;
* round-tripping the query through rdflib's algebra (``translateAlgebra``) rewrites
  the whole query text and is lossy on property paths and subqueries;
* so the block becomes the *first element of the top-level WHERE group*. Its
  solutions join every pattern of that group and are visible to the group's
  filters and to the conditions of its OPTIONALs, which is what rdflib's
  ``initBindings`` does for a parameter used at the top level of a query (the
  contract of the query headers, see README). The position is found by a lexer
  that skips comments, strings and IRIs; the values are RDF terms in N-Triples
  syntax (``n3()`` of a :class:`dckg.rdfterm.Term` or of an rdflib term), never
  user text pasted into the query. The tests compare every named query across
  the engines.
"""

from __future__ import annotations

from collections.abc import Mapping

from dckg.engine import TOKEN, Binding
from dckg.errors import DckgError


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
