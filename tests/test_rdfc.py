"""dckg.rdfc gives the labels Oxigraph's RDFC-1.0 gives, symmetric graphs included."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from dckg.layout import Layout
from dckg.rdfc import canonical_quads

G, G2, P = b" <http://g/1> .", b" <http://g/2> .", b"<http://p>"

CASES = {
    "cycle": [b"_:a %s _:b" % P + G, b"_:b %s _:c" % P + G, b"_:c %s _:a" % P + G],
    "two-cycles": [
        b"_:a %s _:b" % P + G,
        b"_:b %s _:a" % P + G,
        b"_:c %s _:d" % P + G,
        b"_:d %s _:c" % P + G,
    ],
    "star-and-ring": [b"<http://x> %s _:%d" % (P, i) + G for i in range(4)]
    + [b"_:%d %s _:%d" % (i, P, (i + 1) % 4) + G for i in range(4)],
    "one-node-in-two-graphs": [
        b"_:a %s _:b" % P + G,
        b"_:a %s _:b" % P + G2,
        b'_:b %s "x"' % P + G,
        b"_:c %s _:a" % P + G2,
    ],
    "references": [b"<http://h> <http://r> _:r%d" % i + G for i in range(3)]
    + [b"_:r%d <http://s> _:s%d" % (i, i) + G for i in range(3)]
    + [b'_:s%d <http://e> "q%d"' % (i, i) + G for i in range(3)],
    "identical-references": [b"<http://h> <http://r> _:r%d" % i + G for i in range(3)]
    + [b"_:r%d <http://s> _:s%d" % (i, i) + G for i in range(3)]
    + [b'_:s%d <http://e> "q"' % i + G for i in range(3)],
    "blank-looking-literals": [
        b'<http://h> <http://r> "a _:b c"' + G,
        b'_:x %s "y _:z"@en' % P + G,
    ],
    "torus": [
        b"_:n%d%d %s _:n%d%d" % (i, j, P, (i + 1) % 3, j) + G for i in range(3) for j in range(3)
    ]
    + [
        b"_:n%d%d <http://q> _:n%d%d" % (i, j, i, (j + 1) % 3) + G
        for i in range(3)
        for j in range(3)
    ],
}


def oxigraph(lines: list[bytes]) -> set[bytes]:
    dataset = ox.Dataset(ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_QUADS))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    data = ox.serialize(dataset, format=ox.RdfFormat.N_QUADS)
    assert data is not None
    return set(data.splitlines())


def ours(lines: list[bytes]) -> set[bytes]:
    return {b"%s %s %s %s ." % quad for quad in canonical_quads(lines)}


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_labels_as_oxigraph(name: str) -> None:
    assert ours(CASES[name]) == oxigraph(CASES[name])


def test_same_labels_as_oxigraph_on_the_graph(dataset_lines: list[bytes]) -> None:
    assert len(dataset_lines) > 1000
    assert ours(dataset_lines) == oxigraph(dataset_lines)


@pytest.fixture()
def dataset_lines(layout: Layout) -> list[bytes]:
    """Every blank-node quad of the committed TriG, labels as Oxigraph's parser left them."""
    quads = ox.serialize(
        ox.parse(path=str(layout.trig), format=ox.RdfFormat.TRIG), format=ox.RdfFormat.N_QUADS
    )
    assert quads is not None
    return [line for line in quads.splitlines() if b"_:" in line]
