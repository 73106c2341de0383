"""An installed wheel works away from the repository: data files ride along in the package.

The wheel is built from this checkout (pip, the project's own build backend) and
installed without dependencies into a private directory, which comes first on
the path; the dependencies come from the test environment. Every command runs
from an empty directory, so nothing can be read from the checkout by accident.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL

from dckg import __version__

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("dckg-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            *[str(wheel)],
        ],
        check=True,
        capture_output=True,
    )
    return target


def dckg(installed: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(installed)}
    return subprocess.run(
        [sys.executable, "-c", "from dckg.cli import main; main()", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_installed_copy_is_the_one_imported(installed: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(installed)}
    where = subprocess.run(
        [sys.executable, "-c", "import dckg; print(dckg.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(installed))


def test_wheel_carries_the_data_and_no_local_store(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "dckg/data/ontology/dckg.ttl",
        "dckg/data/ontology/shapes.ttl",
        "dckg/data/ontology/catalog-v001.xml",
        "dckg/data/ontology/imports/time.ttl",
        "dckg/data/ontology/imports/prov-o.ttl",
        "dckg/data/ontology/imports/org.ttl",
        "dckg/data/ontology/imports/oa.ttl",
        "dckg/data/ontology/imports/skos.ttl",
        "dckg/data/queries/survivors.rq",
        "dckg/data/queries/build/instants.rq",
        "dckg/data/queries/build/union-default.ru",
        "dckg/data/kg/dckg.ttl",
        "dckg/data/kg/dckg.trig",
        "dckg/checks/java/OwlCheck.java",
    ):
        assert name in names
    assert not [n for n in names if n.startswith("dckg/data/kg/store")]


def test_version_from_anywhere_matches_the_ontology(installed: Path, tmp_path: Path) -> None:
    result = dckg(installed, tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(__version__)
    ontology = Graph().parse(installed / "dckg" / "data" / "ontology" / "dckg.ttl")
    header = URIRef("https://w3id.org/dckg/ontology")
    assert {str(v) for v in ontology.objects(header, OWL.versionInfo)} == {__version__}


def test_installed_package_answers_the_headline_question(installed: Path, tmp_path: Path) -> None:
    result = dckg(installed, tmp_path, "query", "survivors", "--at", "2021-10-18", "-f", "csv")
    assert result.returncode == 0, result.stderr
    assert "saceur-cgs-hotline" in result.stdout
    assert "nato-information-office-moscow" not in result.stdout
    listing = dckg(installed, tmp_path, "queries")
    assert "survivors" in listing.stdout


def test_the_core_needs_no_extra_and_each_extra_names_its_libraries(wheel: Path) -> None:
    """``pip install dckg`` gives query, validate, build and serve; pictures and HTML docs
    come with ``dckg[plot]`` and ``dckg[docs]``."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        lines = archive.read(name).decode("utf-8").splitlines()
    requires = [line.removeprefix("Requires-Dist: ") for line in lines if "Requires-Dist" in line]
    core = {re.match(r"[\w.-]+", r)[0] for r in requires if "extra ==" not in r}  # type: ignore[index]
    assert {"rdflib", "pyshacl", "click", "pyoxigraph", "oxigraph"} <= core
    assert not core & {"matplotlib", "networkx", "pylode", "dominate"}
    extras = {line.removeprefix("Provides-Extra: ") for line in lines if "Provides-Extra" in line}
    assert {"plot", "docs", "bench"} <= extras
    assert any(r.startswith("matplotlib") and "extra == 'plot'" in r for r in requires)
    assert any(r.startswith("pylode") and "extra == 'docs'" in r for r in requires)
