# The union of the named graphs, as a set, into the default graph (see dckg.graph.store).
INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }
