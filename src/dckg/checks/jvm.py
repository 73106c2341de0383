"""Running the checks' single-file Java programs (``java/*.java``) in one JVM.

The Java side is one source file per check, run with Java's single-file launcher,
so there is no build step and no jar of our own. Each program takes a list of
targets and prints one JSON report per target, in order. The jars come from
Debian and from ``bash scripts/setup-java.sh``; whatever is missing is named in a
:class:`~dckg.errors.DckgError` with that hint.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any

from dckg.errors import DckgError

SETUP_HINT = "run `bash scripts/setup-java.sh`"

#: A short-lived run: the C1 compiler only and the serial collector start faster. The
#: larger thread stack is for the OWL API's parsers and HermiT, which recurse over
#: long RDF lists and deep class expressions.
JVM_OPTIONS: tuple[str, ...] = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss16m")

#: A generous bound, far above a normal run: HermiT on a bad ontology can spin.
DEFAULT_TIMEOUT_S = 600.0


def java_lib_dir() -> Path:
    """Debian's jar directory; ``DCKG_JAVA_LIB`` overrides it for other layouts."""
    return Path(os.environ.get("DCKG_JAVA_LIB", "/usr/share/java"))


def jar_dir() -> Path:
    """Where the setup script puts the jars Debian lacks (``DCKG_JAR_DIR`` overrides)."""
    env = os.environ.get("DCKG_JAR_DIR")
    return Path(env) if env else Path.home() / ".cache" / "dckg" / "jars"


def require(paths: Sequence[Path], what: str) -> list[Path]:
    """``paths``, or a DckgError naming the missing ones."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise DckgError(f"missing for {what}: {', '.join(missing)}; {SETUP_HINT}")
    return list(paths)


def java() -> str:
    """The ``java`` launcher (Java 11+ for single-file source launch; Debian 12 has 17)."""
    found = shutil.which("java")
    if found is None:
        raise DckgError(f"`java` not found on PATH; {SETUP_HINT}")
    return found


def run_java(
    program: str,
    classpath: Sequence[Path],
    args: Sequence[str],
    *,
    reports: int,
    what: str,
    timeout: float = DEFAULT_TIMEOUT_S,
) -> list[dict[str, Any]]:
    """Run ``java/PROGRAM.java`` with ``args``; its ``reports`` JSON lines, parsed.

    The source is copied to a real file first (it may sit inside a wheel, and the
    launcher wants a path ending in ``.java``). Java decodes file-name arguments
    with the locale's charset, so it runs under C.UTF-8: a non-ASCII path would
    otherwise be mangled and match no report.
    """
    source = files("dckg.checks") / "java" / f"{program}.java"
    cp = os.pathsep.join(str(p) for p in classpath)
    with tempfile.TemporaryDirectory(prefix=f"dckg-{program}-") as tmp:
        java_file = Path(tmp) / f"{program}.java"
        java_file.write_bytes(source.read_bytes())
        try:
            proc = subprocess.run(
                [java(), *JVM_OPTIONS, "-cp", cp, str(java_file), *args],
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout,
                check=False,
                env={**os.environ, "LC_ALL": "C.UTF-8"},
            )
        except subprocess.TimeoutExpired as exc:
            raise DckgError(f"{what} timed out after {timeout:.0f} s") from exc
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if proc.returncode != 0 or len(lines) != reports:
        stderr = " ".join(proc.stderr.split())[-2000:]
        raise DckgError(
            f"{what} failed (java exit {proc.returncode}, {len(lines)} of {reports}"
            f" reports): {stderr or 'no message'}"
        )
    parsed = []
    for line in lines:
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DckgError(f"{what} printed non-JSON output: {line[:200]!r}") from exc
        if not isinstance(raw, dict):
            raise DckgError(f"{what} printed an unexpected report: {line[:200]!r}")
        parsed.append(raw)
    return parsed
