"""Each article's source file conforms on its own, as ``dckg validate kg/sources/NAME.ttl``
checks it (moved unchanged from the competency tests)."""

from __future__ import annotations

from dckg.layout import Layout
from dckg.validation.validate import validate_files


def test_each_source_file_conforms_on_its_own(layout: Layout) -> None:
    """Q: Does each article file carry a reference of its own for every statement it
    states, as ``dckg validate kg/sources/NAME.ttl`` checks it (as the replacement of the
    file of that name)? RUSI's stated that ELN's late-September meeting node was the
    same event as its own, without a RUSI reference on the ELN node."""
    for path in layout.source_files():
        report = validate_files([path], layout)
        violations = [r for r in report.results if r.severity == "Violation"]
        assert not violations, (path.name, [v.message for v in violations])
