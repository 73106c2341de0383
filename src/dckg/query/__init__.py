"""Asking the graph: the query library, SPARQL screening, engines, result writers, gates."""
