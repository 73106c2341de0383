"""One way to find the data files: ``importlib.resources``.

The ontology, shapes, queries and built graph live at the top of the repository
and are mapped to ``dckg/data/`` in the wheel (see ``pyproject.toml``); in a
checkout ``src/dckg/data`` holds symlinks to the same directories. Either way the
code below sees one tree, so an installed wheel works from any directory.
"""

from importlib.resources import files
from importlib.resources.abc import Traversable

DATA = files("dckg") / "data"


def ontology_dir() -> Traversable:
    """The directory holding ``dckg.ttl`` (the OWL ontology) and ``shapes.ttl``."""
    return DATA / "ontology"


def ontology_file() -> Traversable:
    """The OWL 2 DL ontology in Turtle."""
    return ontology_dir() / "dckg.ttl"


def queries_dir() -> Traversable:
    """The named SPARQL queries (``*.rq``)."""
    return DATA / "queries"


def kg_dir() -> Traversable:
    """The built knowledge graph shipped with the package (``dckg.ttl``, ``dckg.trig``)."""
    return DATA / "kg"
