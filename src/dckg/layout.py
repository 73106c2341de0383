"""Where a knowledge graph's files are.

A knowledge-graph directory (``kg/``) holds the curated inputs (``entities.ttl``
and ``sources/*.ttl``) and the build outputs. The ontology is always the one the
package ships, so a graph is never built against a stale copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dckg import resources
from dckg.errors import DckgError


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


def ontology_path() -> Path:
    """The shipped ontology as a filesystem path (the wheel is installed unzipped)."""
    return Path(str(resources.ontology_file()))


def shapes_path() -> Path:
    """The shipped SHACL shapes."""
    return Path(str(resources.ontology_dir() / "shapes.ttl"))


def find_layout(kg: Path | None = None) -> Layout:
    """The knowledge graph to work on: ``kg`` if given, else ``./kg``, else the shipped one."""
    if kg is not None:
        root = kg
    elif (Path.cwd() / "kg" / "sources").is_dir():
        root = Path.cwd() / "kg"
    else:
        root = Path(str(resources.kg_dir()))
    if not root.is_dir():
        raise DckgError(f"{root}: knowledge-graph directory not found (pass --kg DIR)")
    return Layout(root)
