"""`dckg add`: all or nothing, and every bad input refused with a message that says what to fix.

Every refusal is checked twice: the message (and exit code) a curator sees, and a
byte-for-byte snapshot of every file under the knowledge-graph directory before
and after. The build's query store (``kg/store``) is included in the snapshots:
a refused add never reaches the build, and a failed build leaves it untouched.

The adds go into a small knowledge graph of their own: the repository's entity
registry, no article files, built once per module and copied for each test. So a
test does not depend on the five curated files being buildable at that moment,
and each rebuild takes a fraction of the time.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import copy_kg
from dckg.cli import main
from dckg.curate import build as build_module
from dckg.curate.add import RefusedError, add_file
from dckg.layout import Layout

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "shacl"
VALID = FIXTURES / "valid-status.ttl"
ARTICLE = FIXTURES / "fixture-article.txt"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory, layout: Layout) -> Path:
    """A built knowledge graph: the repository's entities.ttl and no sources yet."""
    root = tmp_path_factory.mktemp("template") / "kg"
    (root / "sources").mkdir(parents=True)
    shutil.copy2(layout.entities, root / "entities.ttl")
    build_module.build(Layout(root))
    return root


@pytest.fixture()
def empty_kg(template: Path, tmp_path: Path) -> Layout:
    """A private copy of the template for one test."""
    return copy_kg(template, tmp_path / "kg")


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` and its bytes."""
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def add(layout: Layout, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["add", "--kg", str(layout.root), *args])
    return result.exit_code, result.output


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


PREFIXES = (
    "@prefix dckg: <https://w3id.org/dckg/ontology#> .\n"
    "@prefix dcki: <https://w3id.org/dckg/id/> .\n"
)

#: name -> (file name, contents or None for "make it specially", expected exit, message fragments)
BAD_INPUTS: dict[str, tuple[str, bytes | str | None, int, tuple[str, ...]]] = {
    "malformed-turtle": (
        "broken.ttl",
        PREFIXES + 'dcki:a dckg:channel "unterminated .\n',
        2,
        ("broken.ttl:3:",),
    ),
    "empty-file": ("empty.ttl", b"", 2, ("empty.ttl: file is empty",)),
    "non-utf8": (
        "latin1.ttl",
        PREFIXES.encode() + b'dcki:a dckg:topic "Br\xfcssel" .\n',
        2,
        ("latin1.ttl:3:", "not UTF-8 (byte 0xfc)"),
    ),
    "directory": ("a-directory.ttl", None, 2, ("is a directory",)),
    "missing-file": ("missing.ttl", None, 2, ("missing.ttl: no such file",)),
    "rdfxml-doctype": (
        "entities.rdf",
        '<?xml version="1.0"?>\n<!DOCTYPE rdf [ <!ENTITY a "aaaaaaaaaa"> '
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> ]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n',
        2,
        ("entities.rdf:", "DOCTYPE or entity declarations is refused"),
    ),
}

#: Fixtures (tests/fixtures/shacl) that must be refused with exit 1, and what the output says.
REFUSED_FIXTURES: dict[str, tuple[str, ...]] = {
    "impossible-date.ttl": ("time:inXSDDateTimeStamp", "a valid xsd:dateTimeStamp"),
    "unknown-status.ttl": ("dckg:status", "dckv:channel-status", "(value: dckv:reopened)"),
    "no-reference.ttl": ("dckg:hasReference", "at least one reference"),
    "reference-without-quote.ttl": ("oa:hasSelector", "the exact words"),
    "quote-not-in-article.ttl": ("oa:exact", "does not occur in fixture-article.txt"),
    "redefines-ontology.ttl": ("rdfs:subClassOf", "must not define or add to an ontology term"),
    "unknown-channel.ttl": ("dckg:channel", "declared in kg/entities.ttl"),
    "end-before-begin.ttl": ("ends before it begins",),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_unreadable_input_is_refused_and_kg_unchanged(
    name: str, empty_kg: Layout, tmp_path: Path
) -> None:
    file_name, data, code, fragments = BAD_INPUTS[name]
    path = tmp_path / file_name
    if name == "directory":
        path.mkdir()
    elif data is not None:
        _write(tmp_path, file_name, data)
    before = snapshot(empty_kg.root)
    exit_code, output = add(empty_kg, str(path))
    assert exit_code == code, output
    for fragment in fragments:
        assert fragment in output
    assert "Traceback" not in output
    assert len(output.strip().splitlines()) == 1  # one line on stderr, naming the file
    assert snapshot(empty_kg.root) == before
    # and `dckg validate` says the same
    result = CliRunner().invoke(main, ["validate", "--kg", str(empty_kg.root), str(path)])
    assert result.exit_code == code and fragments[0] in result.output


@pytest.mark.parametrize("fixture", sorted(REFUSED_FIXTURES))
def test_invalid_file_is_refused_and_kg_unchanged(fixture: str, empty_kg: Layout) -> None:
    before = snapshot(empty_kg.root)
    exit_code, output = add(empty_kg, str(FIXTURES / fixture), "--article", str(ARTICLE))
    assert exit_code == 1, output
    for fragment in REFUSED_FIXTURES[fixture]:
        assert fragment in output
    assert "refused: nothing under kg/ was changed" in output
    assert snapshot(empty_kg.root) == before


def test_add_places_the_file_and_rebuilds(empty_kg: Layout) -> None:
    exit_code, output = add(empty_kg, str(VALID), "--article", str(ARTICLE))
    assert exit_code == 0, output
    target = empty_kg.sources_dir / VALID.name
    assert target.read_bytes() == VALID.read_bytes()
    assert f"added {target}" in output
    trig = empty_kg.trig.read_text(encoding="utf-8")
    assert "graph/source/valid-status" in trig and "st-fixture-relations-suspended" in trig


def test_adding_the_same_file_twice_changes_nothing(empty_kg: Layout, tmp_path: Path) -> None:
    assert add_file(VALID, empty_kg).status == "added"
    before = snapshot(empty_kg.root)
    again = add_file(VALID, empty_kg)
    assert again.status == "unchanged"
    copy = _write(tmp_path, "same-bytes-other-name.ttl", VALID.read_bytes())
    assert add_file(copy, empty_kg).status == "unchanged"
    exit_code, output = add(empty_kg, str(VALID))
    assert exit_code == 0 and "nothing changed" in output
    assert snapshot(empty_kg.root) == before


def test_a_different_file_under_an_existing_name_needs_replace(
    empty_kg: Layout, tmp_path: Path
) -> None:
    add_file(VALID, empty_kg)
    before = snapshot(empty_kg.root)
    changed = _write(
        tmp_path,
        VALID.name,
        VALID.read_text(encoding="utf-8").replace("about twenty diplomats", "eight of about"),
    )
    exit_code, output = add(empty_kg, str(changed))
    assert exit_code == 2 and "already exists with different content" in output
    assert snapshot(empty_kg.root) == before
    exit_code, output = add(empty_kg, str(changed), "--replace")
    assert exit_code == 0, output
    assert (empty_kg.sources_dir / VALID.name).read_bytes() == changed.read_bytes()


def test_a_failing_build_leaves_kg_unchanged(empty_kg: Layout, tmp_path: Path) -> None:
    """SHACL accepts a count of something no file declares (countOf only needs an IRI),
    but the build's untyped-individual gate refuses it: the copied file is taken back."""
    text = VALID.read_text(encoding="utf-8").replace(
        "dckg:countOf dcki:russian-mission-to-nato", "dckg:countOf dcki:declared-nowhere"
    )
    path = _write(tmp_path, "passes-shacl-fails-build.ttl", text)
    before = snapshot(empty_kg.root)
    exit_code, output = add(empty_kg, str(path))
    assert exit_code == 1, output
    assert "untyped-individual-violation" in output and "declared-nowhere" in output
    assert snapshot(empty_kg.root) == before


def test_a_crash_in_the_build_leaves_kg_unchanged(
    empty_kg: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(layout: Layout, **_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(build_module, "build", crash)
    before = snapshot(empty_kg.root)
    with pytest.raises(OSError, match="disk full"):
        add_file(VALID, empty_kg)
    assert snapshot(empty_kg.root) == before


def test_refusal_carries_the_report(empty_kg: Layout) -> None:
    with pytest.raises(RefusedError) as info:
        add_file(FIXTURES / "no-reference.ttl", empty_kg)
    assert [r.path for r in info.value.report.violations] == ["dckg:hasReference"]


def test_concurrent_adds_do_not_interleave(empty_kg: Layout, tmp_path: Path) -> None:
    """Two adds at once: both land, and the final build holds both files."""
    second = _write(
        tmp_path,
        "second.ttl",
        VALID.read_text(encoding="utf-8").replace("fixture", "second-fixture"),
    )
    errors: list[BaseException] = []

    def run(path: Path) -> None:
        try:
            add_file(path, empty_kg)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(p,)) for p in (VALID, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    trig = empty_kg.trig.read_text(encoding="utf-8")
    assert "graph/source/valid-status" in trig and "graph/source/second" in trig


def _kg_lock_is_held(root: Path) -> bool:
    """Whether someone holds the build lock on ``root`` (a non-blocking try on a new descriptor)."""
    fd = os.open(root, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing the descriptor releases a lock it got
    return False


def test_add_holds_the_build_lock_from_the_write_to_the_end_of_the_rebuild(
    empty_kg: Layout, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plain `dckg build` started while an add is under way waits for it: otherwise it
    could build the new file, which a failed rebuild then takes back out of kg/sources."""
    from dckg.curate import add as add_module

    seen: list[tuple[str, bool]] = []
    write, rebuild = add_module.write_files, build_module.build

    def watched_write(contents: dict[Path, bytes]) -> list[Path]:
        seen.append(("write", _kg_lock_is_held(empty_kg.root)))
        return write(contents)

    def watched_build(layout: Layout, **kwargs: object) -> object:
        seen.append(("build", _kg_lock_is_held(empty_kg.root)))
        return rebuild(layout, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(add_module, "write_files", watched_write)
    monkeypatch.setattr(build_module, "build", watched_build)
    assert not _kg_lock_is_held(empty_kg.root)
    assert add_file(VALID, empty_kg).status == "added"
    assert seen == [("write", True), ("build", True)]
    assert not _kg_lock_is_held(empty_kg.root)


def test_a_file_already_in_sources_is_validated_and_built(empty_kg: Layout) -> None:
    in_place = empty_kg.sources_dir / VALID.name
    in_place.write_bytes(VALID.read_bytes())
    exit_code, output = add(empty_kg, str(in_place))
    assert exit_code == 0, output
    assert "graph/source/valid-status" in empty_kg.trig.read_text(encoding="utf-8")
    before = snapshot(empty_kg.root)
    assert add_file(in_place, empty_kg).status == "built"
    assert snapshot(empty_kg.root) == before  # twice changes nothing


def test_a_refused_file_already_in_sources_leaves_kg_unchanged(empty_kg: Layout) -> None:
    in_place = empty_kg.sources_dir / "no-reference.ttl"
    in_place.write_bytes((FIXTURES / "no-reference.ttl").read_bytes())
    before = snapshot(empty_kg.root)
    exit_code, output = add(empty_kg, str(in_place))
    assert exit_code == 1 and "at least one reference" in output
    assert snapshot(empty_kg.root) == before
