"""Apache Jena's SHACL engine, run as a second opinion on the same shapes and data.

Two independent implementations of the W3C spec should agree on every verdict; where
they do not, one of them (or a shape relying on one engine's quirk) is wrong, so the
test suite runs every fixture through both. Debian's Jena (``libapache-jena-java``
4.5) has two packaging faults (``../shared/design/protege-check.md``): its relocated
Xerces classes look for their message files under ``xerces/...``, not where the jar
keeps them (``scripts/setup-java.sh`` copies them into a directory first on the
classpath), and ``shacl validate`` exits 0 even when the data does not conform. So
Jena's command is not used: ``java/JenaShacl.java`` (run by :mod:`dckg.checks.jvm`)
validates (shapes, data) pairs in one JVM and prints one JSON report per pair, with
``conforms`` read from Jena's report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dckg.checks.jvm import DEFAULT_TIMEOUT_S, jar_dir, java_lib_dir, require, run_java
from dckg.errors import DckgError

__all__ = ["JENA_JARS", "JenaReport", "JenaResult", "jena_classpath", "run_jena"]

#: Jena 4.5 from Debian and what it loads at run time (unversioned names).
JENA_JARS: tuple[str, ...] = (
    "jena-shacl.jar",
    "jena-arq.jar",
    "jena-core.jar",
    "jena-base.jar",
    "jena-iri.jar",
    "dexx.collection.jar",
    "guava.jar",
    "commons-lang3.jar",
    "commons-io.jar",
    "commons-codec.jar",
    "commons-compress.jar",
    "commons-csv.jar",
    "commons-cli.jar",
    "gson.jar",
    "thrift.jar",
    "protobuf.jar",
    "jsonld-java.jar",
    "jackson-core.jar",
    "jackson-databind.jar",
    "jackson-annotations.jar",
    "httpclient.jar",
    "httpcore.jar",
    "titanium-json-ld.jar",
    "slf4j-api.jar",
    # slf4j-simple, not slf4j-nop: with nop, riot's parse errors vanish.
    "slf4j-simple.jar",
)

#: The directory scripts/setup-java.sh fills with Jena's Xerces message files.
XERCES_FIX_DIR = "jena-xerces-fix"


@dataclass(frozen=True)
class JenaResult:
    """One result as Jena reports it (nodes in N-Triples syntax)."""

    focus: str
    path: str | None
    severity: str
    component: str | None
    message: str | None
    value: str | None


@dataclass(frozen=True)
class JenaReport:
    """Jena's verdict on one data file."""

    data: Path
    conforms: bool
    results: tuple[JenaResult, ...]


def jena_classpath() -> list[Path]:
    """The Xerces fix directory first, then the jars; DckgError names anything missing."""
    fix = jar_dir() / XERCES_FIX_DIR
    require([fix / "xerces"], "the Jena SHACL peer")
    return [fix, *require([java_lib_dir() / name for name in JENA_JARS], "the Jena SHACL peer")]


def run_jena(
    pairs: Sequence[tuple[Path, Path]], *, timeout: float = DEFAULT_TIMEOUT_S
) -> list[JenaReport]:
    """Validate each (shapes, data) pair with Jena in one JVM; one report per pair, in order."""
    if not pairs:
        return []
    args = [str(Path(p).resolve()) for pair in pairs for p in pair]
    raws = run_java(
        "JenaShacl", jena_classpath(), args, reports=len(pairs), what="Jena SHACL", timeout=timeout
    )
    return [_report(raw, Path(data)) for raw, (_, data) in zip(raws, pairs, strict=True)]


def _report(raw: dict[str, Any], data: Path) -> JenaReport:
    if raw.get("error") is not None:
        raise DckgError(f"Jena could not validate {data}: {raw['error']}")
    if raw.get("data") != str(data.resolve()):
        raise DckgError(f"Jena printed a report for {raw.get('data')!r}, expected {data}")
    results = tuple(
        JenaResult(
            focus=str(r["focus"]),
            path=r.get("path"),
            severity=str(r["severity"]).rsplit("#", 1)[-1],
            component=r.get("component"),
            message=r.get("message"),
            value=r.get("value"),
        )
        for r in raw["results"]
    )
    return JenaReport(data=data, conforms=bool(raw["conforms"]), results=results)
