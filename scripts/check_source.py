"""Quick curator check (temporary, until `dckg validate` exists): parse a source
file together with the ontology and entity registry, verify every oa:exact is a
verbatim substring of its article and that prefix+exact+suffix is unique, and list
IRIs in the dcki namespace that have no type anywhere."""

import sys
from pathlib import Path

from rdflib import RDF, Graph, Namespace

OA = Namespace("http://www.w3.org/ns/oa#")
DCKG = Namespace("https://w3id.org/dckg/ontology#")
root = Path(__file__).resolve().parents[1]
articles = root.parent / "shared" / "articles"
g = Graph()
g.parse(root / "ontology" / "dckg.ttl")
g.parse(root / "kg" / "entities.ttl")
for extra in sorted((root / "kg").glob("entities-new-*.ttl")):
    g.parse(extra)
for src in sorted((root / "kg" / "sources").glob("*.ttl")):
    g.parse(src)
bad = 0
for target in sys.argv[1:]:
    sg = Graph().parse(target)
    for ref in sg.subjects(OA.hasSource, None):
        art = sg.value(ref, OA.hasSource)
        fname = g.value(art, DCKG.fileName)
        text = (articles / str(fname)).read_text(encoding="utf-8")
        for sel in sg.objects(ref, OA.hasSelector):
            exact = str(sg.value(sel, OA.exact))
            pre = str(sg.value(sel, OA.prefix) or "")
            suf = str(sg.value(sel, OA.suffix) or "")
            n = text.count(pre + exact + suf)
            if n != 1:
                bad += 1
                print(f"{target}: quote occurs {n} times in {fname}: {pre!r}+{exact!r}+{suf!r}")
    for s, p, o in sg:
        for term in (s, p, o):
            if str(term).startswith("https://w3id.org/dckg/") and (term, RDF.type, None) not in g:
                if not str(term).startswith("https://w3id.org/dckg/ontology#"):
                    bad += 1
                    print(f"{target}: untyped IRI {term}")
print("problems:", bad)
