"""The namespaces dckg uses, in one place, so Python code never spells an IRI by hand."""

from rdflib import Namespace
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

DCKG = Namespace("https://w3id.org/dckg/ontology#")
DCKV = Namespace("https://w3id.org/dckg/vocab/")
DCKI = Namespace("https://w3id.org/dckg/id/")
DCKT = Namespace("https://w3id.org/dckg/id/time/")
GRAPH = Namespace("https://w3id.org/dckg/graph/")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
TIME = Namespace("http://www.w3.org/2006/time#")
DCTERMS = Namespace("http://purl.org/dc/terms/")

ONTOLOGY_IRI = "https://w3id.org/dckg/ontology"

#: Prefixes bound on every graph dckg writes and every query it runs, so output
#: reads the same whichever engine produced it.
PREFIXES: dict[str, Namespace] = {
    "dckg": DCKG,
    "dckv": DCKV,
    "dcki": DCKI,
    "dckt": DCKT,
    "oa": OA,
    "org": ORG,
    "prov": PROV,
    "time": TIME,
    "dcterms": DCTERMS,
    "skos": Namespace(str(SKOS)),
    "owl": Namespace(str(OWL)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "xsd": Namespace(str(XSD)),
}
