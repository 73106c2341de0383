"""The named query library: ``queries/*.rq`` files with a comment header.

Header grammar (lines at the top of the file)::

    # title: Channels that survived a date
    # description: One line on what it answers.
    # param: at period = 2021-10-18 | The date to test against.
    # param: mode choice(certain,possible) = certain | What held certainly, or possibly.
    # param: channel iri? | Optional: restrict to one channel.

A ``?`` after the type makes the parameter optional (left unbound when not
given). A ``period`` binds two variables: ``?at`` to the first moment of the
period given (``2021-10`` → 1 October 00:00) and ``?atEnd`` to the first moment
after it (1 November 00:00), so a query can read the date as the half-open
period ``[?at, ?atEnd)``. A ``choice(a,b)`` is a plain string, one of those
listed. Values are turned into typed RDF terms here (Oxigraph terms, no rdflib
needed) and passed to the engine as bindings; user text never becomes query text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pyoxigraph as ox

from dckg.errors import DckgError
from dckg.layout import data_dir
from dckg.namespaces import PREFIXES, XSD

#: ``date`` binds the first moment of the period given (``2021-10`` → 1 October 00:00);
#: ``enddate`` its last moment (``2021-10`` → 31 October 23:59:59), so an inclusive
#: upper bound written as a month or a year covers all of it.
#: ``period`` both: ``?NAME`` its first moment, ``?NAMEEnd`` the first moment after it.
PARAM_TYPES = ("date", "enddate", "period", "iri", "string", "integer", "choice")
#: The parameter types ``--at`` may stand for.
DATE_TYPES = ("date", "enddate", "period")
#: The variable a ``period`` parameter binds to the first moment after the period.
PERIOD_END = "{name}End"

_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][\w-]*)\s+(?P<type>\w+)(?:\((?P<choices>[\w,-]+)\))?(?P<optional>\?)?"
    r"(?:\s*=\s*(?P<default>[^|]+?))?\s*(?:\|\s*(?P<doc>.*))?$"
)
_DATETIME = ox.NamedNode(XSD + "dateTime")
_INTEGER = ox.NamedNode(XSD + "integer")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Param:
    """One declared query parameter."""

    name: str
    type: str
    optional: bool
    default: str | None
    doc: str
    choices: tuple[str, ...] = ()

    def describe(self) -> str:
        """``name (type, default X)`` for listings."""
        extra = [f"{self.type}({'|'.join(self.choices)})" if self.choices else self.type]
        if self.default is not None:
            extra.append(f"default {self.default}")
        elif self.optional:
            extra.append("optional")
        return f"{self.name} ({', '.join(extra)})"


@dataclass(frozen=True)
class NamedQuery:
    """A query file with its parsed header."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    source: str

    @property
    def is_violation(self) -> bool:
        """``*-violation`` queries must return zero rows."""
        return self.name.endswith("-violation")

    def date_param(self) -> str | None:
        """The first date parameter, which ``--at`` stands for; None if there is none."""
        return next((p.name for p in self.params if p.type in DATE_TYPES), None)

    def choice_param(self, value: str) -> str | None:
        """The first ``choice`` parameter that allows ``value``; None if there is none."""
        return next((p.name for p in self.params if value in p.choices), None)

    def param(self, name: str) -> Param:
        """The declared parameter ``name``, or a usage error naming the known ones."""
        for param in self.params:
            if param.name == name:
                return param
        known = ", ".join(p.name for p in self.params) or "none"
        raise DckgError(f"query {self.name!r} has no parameter {name!r} (parameters: {known})")


def parse_query(name: str, text: str, source: str) -> NamedQuery:
    """Read the comment header of a query file."""
    title, description, params = name, "", []
    for raw in text.splitlines():
        line = raw.strip()
        if not line.startswith("#"):
            if line:
                break
            continue
        key, _, value = line.lstrip("#").strip().partition(":")
        value = value.strip()
        if key == "title":
            title = value
        elif key == "description":
            description = value
        elif key == "param":
            match = _PARAM.match(value)
            if (
                not match
                or match["type"] not in PARAM_TYPES
                or (match["type"] == "choice") != bool(match["choices"])
            ):
                raise DckgError(f"{source}: bad parameter declaration {value!r}")
            params.append(
                Param(
                    name=match["name"],
                    type=match["type"],
                    optional=bool(match["optional"]) or match["default"] is not None,
                    default=match["default"].strip() if match["default"] else None,
                    doc=(match["doc"] or "").strip(),
                    choices=tuple(match["choices"].split(",")) if match["choices"] else (),
                )
            )
    return NamedQuery(name, title, description, tuple(params), text, source)


def library() -> dict[str, NamedQuery]:
    """Every named query shipped with the package, by name."""
    found: dict[str, NamedQuery] = {}
    for entry in sorted(data_dir("queries").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            found[name] = parse_query(name, entry.read_text(encoding="utf-8"), entry.name)
    return found


def load(spec: str, stdin_text: str | None = None) -> NamedQuery:
    """A query by library name, by ``.rq`` path, or ``-`` for text given on standard input."""
    if spec == "-":
        if not stdin_text or not stdin_text.strip():
            raise DckgError("no query text on standard input")
        return parse_query("stdin", stdin_text, "<stdin>")
    path = Path(spec)
    if spec.endswith(".rq") or path.exists():
        if not path.is_file():
            raise DckgError(f"{spec}: no such query file")
        return parse_query(path.stem, path.read_text(encoding="utf-8"), str(path))
    shipped = data_dir("queries") / f"{spec}.rq"
    if "/" in spec or not shipped.is_file():
        raise DckgError(f"unknown query {spec!r}; `dckg queries` lists them")
    return parse_query(spec, shipped.read_text(encoding="utf-8"), shipped.name)


def date_term(value: str, *, end: bool = False) -> ox.Literal:
    """``2021``, ``2021-10`` or ``2021-10-18`` as the xsd:dateTime (UTC) of the period's
    first moment, or with ``end`` its last second."""
    match = _DATE.match(value.strip())
    if not match:
        raise DckgError(f"invalid date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match[1])
    month = int(match[2] or (12 if end else 1))
    try:
        last_day = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
        day = int(match[3] or (last_day if end else 1))
        date(year, month, day)
    except ValueError as exc:
        raise DckgError(f"invalid date {value!r}: {exc}") from None
    clock = "23:59:59" if end else "00:00:00"
    return ox.Literal(f"{year:04d}-{month:02d}-{day:02d}T{clock}Z", datatype=_DATETIME)


def iri_text(value: str) -> str:
    """A full IRI, ``<IRI>``, or a prefixed name such as ``dcki:nato``; a bare slug means dcki."""
    value = value.strip().removeprefix("<").removesuffix(">")
    if re.match(r"^[a-z][\w+.-]*://", value) or value.startswith("urn:"):
        return value
    prefix, sep, local = value.partition(":")
    if sep and prefix in PREFIXES:
        return PREFIXES[prefix] + local
    if sep:
        raise DckgError(f"unknown prefix {prefix!r} in {value!r}")
    if not re.match(r"^[\w.-]+$", value):
        raise DckgError(f"invalid IRI {value!r}")
    return PREFIXES["dcki"] + value


def period_end_term(value: str) -> ox.Literal:
    """The first moment after the period ``2021``, ``2021-10`` or ``2021-10-18`` names."""
    last = date_term(value, end=True).value
    try:
        moment = datetime.fromisoformat(last) + timedelta(seconds=1)
    except OverflowError:
        raise DckgError(f"invalid date {value!r}: the period has no end") from None
    return ox.Literal(moment.strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=_DATETIME)


def to_term(param: Param, value: str) -> ox.NamedNode | ox.Literal:
    """A parameter value as a typed RDF term (a ``period`` as its first moment)."""
    if param.type in DATE_TYPES:
        return date_term(value, end=param.type == "enddate")
    if param.type == "choice" and value not in param.choices:
        allowed = " or ".join(param.choices)
        raise DckgError(f"parameter {param.name!r} must be {allowed}, not {value!r}")
    if param.type == "iri":
        return ox.NamedNode(iri_text(value))
    if param.type == "integer":
        try:
            return ox.Literal(str(int(value)), datatype=_INTEGER)
        except ValueError:
            raise DckgError(f"parameter {param.name!r} must be an integer, not {value!r}") from None
    return ox.Literal(value)


def bindings(query: NamedQuery, given: dict[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
    """Typed bindings for ``given`` values plus defaults; unknown names are usage errors."""
    out: dict[str, ox.NamedNode | ox.Literal] = {}
    values = dict(given)
    for name, value in given.items():
        out[name] = to_term(query.param(name), value)
    for param in query.params:
        if param.name in out:
            continue
        if param.default is not None:
            values[param.name] = param.default
            out[param.name] = to_term(param, param.default)
        elif not param.optional:
            raise DckgError(f"query {query.name!r} needs --param {param.name}=VALUE")
    for param in query.params:
        if param.type == "period" and param.name in values:
            out[PERIOD_END.format(name=param.name)] = period_end_term(values[param.name])
    return out
