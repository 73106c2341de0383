"""The namespaces dckg uses, in one place, so Python code never spells an IRI by hand.

The IRIs themselves are plain strings in :mod:`dckg.prefixes` (importable without rdflib).
"""

from rdflib import Namespace

from dckg import prefixes
from dckg.prefixes import PREFIX_IRIS

DCKG = Namespace(prefixes.DCKG)
DCKV = Namespace(prefixes.DCKV)
DCKI = Namespace(prefixes.DCKI)
DCKT = Namespace(prefixes.DCKT)
GRAPH = Namespace(prefixes.GRAPH)
OA = Namespace(prefixes.OA)
ORG = Namespace(prefixes.ORG)
PROV = Namespace(prefixes.PROV)
TIME = Namespace(prefixes.TIME)
DCTERMS = Namespace(prefixes.DCTERMS)

ONTOLOGY_IRI = "https://w3id.org/dckg/ontology"

#: Prefixes bound on every graph dckg writes and every query it runs, so output
#: reads the same whichever engine produced it.
PREFIXES: dict[str, Namespace] = {prefix: Namespace(iri) for prefix, iri in PREFIX_IRIS.items()}
