"""The IRIs dckg uses, as plain strings: namespaces, prefixes and named graphs.

Plain strings so that the query path never imports rdflib; rdflib code takes
its ``Namespace`` objects from :mod:`dckg.graph.rdf`, built from these.
"""

from __future__ import annotations

from pathlib import Path

DCKG = "https://w3id.org/dckg/ontology#"
DCKV = "https://w3id.org/dckg/vocab/"
DCKI = "https://w3id.org/dckg/id/"
DCKT = "https://w3id.org/dckg/id/time/"
GRAPH = "https://w3id.org/dckg/graph/"
OA = "http://www.w3.org/ns/oa#"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
TIME = "http://www.w3.org/2006/time#"
DCTERMS = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"

ONTOLOGY_IRI = "https://w3id.org/dckg/ontology"

#: Prefixes bound on every graph dckg writes and every query it runs, so output
#: reads the same whichever engine produced it.
PREFIXES: dict[str, str] = {
    "dckg": DCKG,
    "dckv": DCKV,
    "dcki": DCKI,
    "dckt": DCKT,
    "oa": OA,
    "org": ORG,
    "prov": PROV,
    "time": TIME,
    "dcterms": DCTERMS,
    "skos": SKOS,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}

_BY_LENGTH = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def compact(iri: str) -> str:
    """``iri`` as a prefixed name (``dcki:nato``) where a prefix fits it, else ``<iri>``."""
    for prefix, ns in _BY_LENGTH:
        local = iri[len(ns) :]
        if iri.startswith(ns) and local and all(c.isalnum() or c in "-_." for c in local):
            return f"{prefix}:{local}"
    return f"<{iri}>"


#: The named graphs of a built dataset: the ontology, the entity registry, what the
#: build derives (instants' labels and dates), and one graph per article file.
ONTOLOGY_GRAPH = GRAPH + "ontology"
ENTITIES_GRAPH = GRAPH + "entities"
DERIVED_GRAPH = GRAPH + "derived"


def source_graph(path: Path) -> str:
    """The named graph that holds one article file's statements."""
    return f"{GRAPH}source/{path.stem}"
