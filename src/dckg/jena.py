"""Apache Jena's SHACL engine, run as a second opinion on the same shapes and data.

Two engines that implement the same W3C spec independently should agree on every
verdict; where they do not, one of them (or a shape relying on one engine's
quirk) is wrong. The test suite runs every fixture through both.

Jena comes from Debian (``libapache-jena-java`` 4.5), which has two packaging
faults (see ``../shared/design/protege-check.md``): its relocated Xerces classes
look for their message files under ``xerces/...`` while the jar keeps them under
``org/apache/jena/ext/xerces/...`` (``scripts/setup-java.sh`` copies them into a
directory that goes first on the classpath), and ``shacl validate`` exits 0 even
when the data does not conform. So this module does not use Jena's command at
all: ``dckg/java/JenaShacl.java`` (Java's single-file launcher, no build step)
validates a list of (shapes, data) pairs in one JVM and prints one JSON report per
pair, whose ``conforms`` is read from Jena's report.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from dckg.errors import DckgError
from dckg.owlcheck import JVM_OPTIONS, SETUP_HINT, _hermit_jar_dir, _java, _java_lib_dir

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

DEFAULT_TIMEOUT_S = 600.0


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
    fix = _hermit_jar_dir() / XERCES_FIX_DIR
    jars = [_java_lib_dir() / name for name in JENA_JARS]
    missing = [str(j) for j in jars if not j.is_file()]
    if not (fix / "xerces").is_dir():
        missing.append(str(fix / "xerces"))
    if missing:
        raise DckgError(f"missing for the Jena SHACL peer: {', '.join(missing)}; {SETUP_HINT}")
    return [fix, *jars]


def run_jena(
    pairs: Sequence[tuple[Path, Path]], *, timeout: float = DEFAULT_TIMEOUT_S
) -> list[JenaReport]:
    """Validate each (shapes, data) pair with Jena in one JVM; one report per pair, in order."""
    if not pairs:
        return []
    cp = os.pathsep.join(str(p) for p in jena_classpath())
    source = files("dckg") / "java" / "JenaShacl.java"
    with tempfile.TemporaryDirectory(prefix="dckg-jena-") as tmp:
        java_file = Path(tmp) / "JenaShacl.java"
        java_file.write_bytes(source.read_bytes())
        cmd = [_java(), *JVM_OPTIONS, "-cp", cp, str(java_file)]
        for shapes, data in pairs:
            cmd += [str(Path(shapes).resolve()), str(Path(data).resolve())]
        try:
            proc = subprocess.run(
                cmd,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout,
                check=False,
                env={**os.environ, "LC_ALL": "C.UTF-8"},
            )
        except subprocess.TimeoutExpired as exc:
            raise DckgError(f"Jena SHACL timed out after {timeout:.0f} s") from exc
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if proc.returncode != 0 or len(lines) != len(pairs):
        stderr = " ".join(proc.stderr.split())[-2000:]
        raise DckgError(
            f"Jena SHACL failed (java exit {proc.returncode}, {len(lines)} of {len(pairs)}"
            f" reports): {stderr or 'no message'}"
        )
    return [
        _report(json.loads(line), Path(data)) for line, (_, data) in zip(lines, pairs, strict=True)
    ]


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
