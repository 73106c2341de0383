"""dckg: a diplomatic-channel knowledge graph with provenance on every statement."""

#: The one place the version is written: pyproject.toml reads it from here (hatch's
#: ``[tool.hatch.version]``), and the tests check it against the ontology's
#: ``owl:versionInfo``. A literal, not ``importlib.metadata``, whose imports every run
#: of the command line would pay for (see BENCHMARKS.md).
__version__ = "0.2.0"

__all__ = ["__version__"]
