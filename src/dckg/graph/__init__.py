"""The graph as data: loading RDF, dates, assembling inputs, serialising, the on-disk store."""
