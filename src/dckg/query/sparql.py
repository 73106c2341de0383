"""Reading SPARQL text without running it: refusing what must not run, placing parameters.

Refused on every engine: SPARQL Update (dckg is read-only), ``SERVICE`` (it reaches
the network) unless allowed, and ``FROM`` / ``FROM NAMED`` (rdflib loads them from the
web). :func:`inspect_query` decides with rdflib's SPARQL grammar; on Oxigraph,
:func:`screen_query` avoids importing it: a small lexer of our own (pygments', for
one, reads the ``#`` in ``<…#>`` as a comment) sends on only a query with one of those
keywords outside comments, strings and IRIs, and Oxigraph's parser rejects the rest.

Parameters go in as a ``VALUES`` block of N-Triples terms opening the top-level WHERE
group (:func:`bind_values`): the SPARQL Protocol has no bindings, Oxigraph does not
push its ``substitutions`` into the patterns, and a trailing ``VALUES`` would join
after ``GROUP BY``, leaving a parameter unbound in a ``FILTER``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal

import pyoxigraph as ox

from dckg.errors import DckgError

Form = Literal["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]
FORMS: tuple[Form, ...] = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")

#: A parameter value, or a result cell (None where a variable is unbound).
Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple

#: SPARQL text as tokens: comments, strings and IRIs whole (a keyword inside one is
#: not a keyword), braces, and the rest. Outside strings a backslash only escapes a
#: character of a prefixed name (``ex:a\'b``), so it is taken with that character.
TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<open>\{)
  | (?P<close>\})
  | (?P<other>(?:[^\#'"<{}\\]|\\.)+|<|\\)
    """,
    re.VERBOSE | re.DOTALL,
)

#: Within ``other`` tokens: variables, prefixed names and blank-node labels, whose
#: parts are no keywords (``?from``, ``ex:service``, ``select:``, ``_:b``), then words.
_WORD = re.compile(r"[?$]\w*|(?:\w[\w.-]*)?:(?:[\w.:%-]|\\.)*|(?P<bare>[A-Za-z]+)")

#: Words that send a query on to :func:`inspect_query`, which may refuse it.
_REFUSABLE = frozenset(
    [
        "SERVICE",
        "FROM",
        "INSERT",
        "DELETE",
        "LOAD",
        "CLEAR",
        "CREATE",
        "DROP",
        "COPY",
        "MOVE",
        "ADD",
        "WITH",
        "DATA",
    ]
)


def bare_words(text: str) -> Iterator[str]:
    """The words of ``text`` outside comments, strings, IRIs and names, upper-cased."""
    for token in TOKEN.finditer(text):
        if token.lastgroup == "other":
            for word in _WORD.finditer(token.group()):
                if word["bare"]:
                    yield word["bare"].upper()


def screen_query(text: str, *, allow_service: bool = False) -> Form:
    """The query form, read by the lexer; a query that may be refused or whose form the
    lexer cannot tell goes on to :func:`inspect_query`.

    Only for an engine that parses the query itself and rejects SPARQL Update
    (Oxigraph): a syntax error is left to it.
    """
    form: Form | None = None
    for word in bare_words(text):
        if word in _REFUSABLE and not (word == "SERVICE" and allow_service):
            return inspect_query(text, allow_service=allow_service)
        if form is None and word in FORMS:
            form = word
    if form is None:
        return inspect_query(text, allow_service=allow_service)
    return form


def _walk(node: Any) -> Iterable[Any]:
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from _walk(value)


_ALGEBRA_FORMS: dict[str, Form] = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}


def inspect_query(text: str, *, allow_service: bool = False) -> Form:
    """The query form, after refusing updates, SERVICE and FROM; syntax errors are usage errors."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(text)
    except ParseException as exc:
        try:
            parseUpdate(text)
        except ParseException:
            raise DckgError(
                f"SPARQL syntax error at line {exc.lineno}, column {exc.col}: {exc.msg}"
            ) from None
        raise DckgError(
            "SPARQL Update is refused: dckg query is read-only (change the sources and "
            "run `dckg build` or `dckg add` instead)"
        ) from None
    query = tree[1]
    names = {getattr(node, "name", None) for node in _walk(query)}
    if dict.get(query, "datasetClause"):
        raise DckgError(
            "FROM / FROM NAMED is refused (rdflib would load them from the web); "
            "query the named graphs with GRAPH <https://w3id.org/dckg/graph/...> { } instead"
        )
    if "ServiceGraphPattern" in names and not allow_service:
        raise DckgError(
            "SERVICE is refused: queries run offline by default; pass --allow-service to federate"
        )
    return _ALGEBRA_FORMS[query.name]


def values_block(bindings: Mapping[str, Term]) -> str:
    """``VALUES (?a ?b) { (t1 t2) }``, each term in N-Triples syntax."""
    names = sorted(bindings)
    variables = " ".join(f"?{name}" for name in names)
    terms = " ".join(str(bindings[name]) for name in names)
    return f"VALUES ({variables}) {{ ({terms}) }}"


def where_group_start(text: str) -> int:
    """The offset just after the ``{`` that opens the query's top-level WHERE group."""
    for match in TOKEN.finditer(text):
        if match.lastgroup == "open":
            return match.end()
    raise DckgError("query has no WHERE group to bind parameters in")


def bind_values(text: str, bindings: Mapping[str, Term]) -> str:
    """``text`` with ``bindings`` as a VALUES block opening its top-level WHERE group."""
    if not bindings:
        return text
    at = where_group_start(text)
    return f"{text[:at]}\n  {values_block(bindings)}\n{text[at:]}"
