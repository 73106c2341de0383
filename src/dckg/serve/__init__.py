"""Serving the graph over HTTP: the SPARQL endpoint and pushes to other servers."""
