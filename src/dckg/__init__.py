"""dckg: a diplomatic-channel knowledge graph with provenance on every statement."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dckg")
except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
    __version__ = "0.0.0"

__all__ = ["__version__"]
