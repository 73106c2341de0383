"""Where dckg's files are: the shipped data, and a knowledge-graph directory.

The ontology, shapes, queries and the built graph live at the top of the
repository and are mapped to ``dckg/data/`` in the wheel (see ``pyproject.toml``);
in a checkout ``src/dckg/data`` holds symlinks to the same directories. Both are
read through ``importlib.resources``, so an installed wheel works from any folder.

A knowledge-graph directory (``kg/``) holds the curated inputs (``entities.ttl``
and ``sources/*.ttl``) and the build outputs. The ontology is always the one the
package ships, so a graph is never built against a stale copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from dckg.errors import DckgError

DATA = files("dckg") / "data"


def data_dir(name: str) -> Traversable:
    """A shipped data directory: ``ontology``, ``queries`` or ``kg``."""
    return DATA / name


def ontology_path() -> Path:
    """The shipped OWL 2 DL ontology (the wheel is installed unzipped)."""
    return Path(str(data_dir("ontology") / "dckg.ttl"))


def import_paths() -> list[Path]:
    """The pinned W3C vocabularies dckg reuses (``ontology/imports/*.ttl``), sorted.

    The OWL check merges them with the file it checks; ``ontology/catalog-v001.xml``
    maps their ontology IRIs to the same files for Protégé.
    """
    folder = data_dir("ontology") / "imports"
    return sorted(Path(str(f)) for f in folder.iterdir() if f.name.endswith(".ttl"))


def shapes_path() -> Path:
    """The shipped SHACL shapes."""
    return Path(str(data_dir("ontology") / "shapes.ttl"))


def query_path(name: str) -> Path:
    """A query file shipped with the package, e.g. ``survivors.rq`` or ``build/x.rq``."""
    return Path(str(data_dir("queries") / name))


@dataclass(frozen=True)
class Layout:
    """The files of one knowledge-graph directory."""

    root: Path

    @property
    def sources_dir(self) -> Path:
        """One curated Turtle file per article."""
        return self.root / "sources"

    @property
    def entities(self) -> Path:
        """The registry of actors, posts, places and channels."""
        return self.root / "entities.ttl"

    @property
    def turtle(self) -> Path:
        """The merged graph for Protégé: ontology plus every statement."""
        return self.root / "dckg.ttl"

    @property
    def trig(self) -> Path:
        """The same statements, one named graph per input file."""
        return self.root / "dckg.trig"

    @property
    def inferred(self) -> Path:
        """The OWL RL closure (inferred triples only), written by ``build --infer``."""
        return self.root / "dckg-inferred.ttl"

    @property
    def store(self) -> Path:
        """The on-disk Oxigraph store ``dckg query`` opens."""
        return self.root / "store"

    def source_files(self) -> list[Path]:
        """The article files, in a stable order."""
        return sorted(self.sources_dir.glob("*.ttl"))

    def inputs(self) -> list[Path]:
        """The curated inputs: the entity registry, then the article files."""
        return [self.entities, *self.source_files()]


def find_layout(kg: Path | None = None) -> Layout:
    """The knowledge graph to work on: ``kg`` if given, else ``./kg``, else the shipped one."""
    if kg is not None:
        root = kg
    elif (Path.cwd() / "kg" / "sources").is_dir():
        root = Path.cwd() / "kg"
    else:
        root = Path(str(data_dir("kg")))
    if not root.is_dir():
        raise DckgError(f"{root}: knowledge-graph directory not found (pass --kg DIR)")
    return Layout(root)
