"""The namespace IRIs dckg uses, as plain strings.

Kept apart from :mod:`dckg.namespaces` (rdflib ``Namespace`` objects built from
these) so that ``dckg query`` on Oxigraph can print prefixed names without
importing rdflib.
"""

from __future__ import annotations

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

#: Prefixes bound on every graph dckg writes and every query it runs, so output
#: reads the same whichever engine produced it.
PREFIX_IRIS: dict[str, str] = {
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
