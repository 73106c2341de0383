"""HTML documentation of the ontology and the named queries."""
