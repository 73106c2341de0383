"""dckg plot: the timeline and the network name what the graph holds, the same bytes every run.

The SVGs are checked against the graph itself (its status claims and the
``status-at`` query), not against a list typed into the test: every channel with
a dated status has a labelled row, every claim a band with its status as a
class and its sources as a tooltip.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import URIRef

from dckg.cli import main
from dckg.errors import DckgError
from dckg.graph.rdf import DCKI, TIME
from dckg.layout import Layout
from dckg.plot import data
from dckg.plot.data import Source, StatusClaim
from dckg.plot.lanes import lay_out
from dckg.plot.periods import Span, parse_option_date, span_end
from dckg.plot.style import slug
from dckg.plot.svg import Note, annotate_svg
from dckg.query.engine import open_engine

pytestmark = pytest.mark.slow

SVG = "{http://www.w3.org/2000/svg}"
MLM = "NATO Military Liaison Mission in Moscow"


@pytest.fixture(scope="module")
def kg(built: Layout) -> Layout:
    """The built graph (the plots only read it)."""
    return built


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def groups(svg: Path) -> dict[str, tuple[set[str], str]]:
    """Every annotated group: id → (classes, tooltip)."""
    found = {}
    for group in ET.parse(svg).getroot().iter(f"{SVG}g"):
        title = group.find(f"{SVG}title")
        if group.get("class") and title is not None:
            found[group.get("id", "")] = (set(group.get("class", "").split()), title.text or "")
    return found


@pytest.fixture(scope="module")
def timeline_svg(kg: Layout, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("timeline") / "t.svg"
    code, output = invoke(
        "plot", "timeline", "--kg", str(kg.root), "--mark", "2021-10-18", "-o", str(out)
    )
    assert code == 0, output
    assert f"wrote {out}" in output
    return out


def test_timeline_has_a_labelled_row_per_channel_and_a_band_per_claim(
    kg: Layout, timeline_svg: Path
) -> None:
    engine = open_engine("oxigraph", kg)
    labels = data.channel_labels(engine)
    claims = [c for c in data.status_claims(engine) if c.start is not None]
    shapes = groups(timeline_svg)
    rows = {title for classes, title in shapes.values() if "channel" in classes}
    assert {labels[c.channel] for c in claims} <= rows
    assert MLM in rows
    for claim in claims:
        label = labels[claim.channel]
        bands = [
            (classes, title)
            for classes, title in shapes.values()
            if "band" in classes and title.startswith(f"{label}: {claim.status} from ")
        ]
        assert bands, f"no band for {claim.statement}"
        assert all(f"status-{slug(claim.status)}" in classes for classes, _ in bands)
        for source in claim.sources:
            assert any(source.describe() in title for _, title in bands)


def test_timeline_marks_the_date_and_shows_statuses_as_classes(timeline_svg: Path) -> None:
    shapes = groups(timeline_svg)
    classes = set().union(*(c for c, _ in shapes.values()))
    assert {"status-active", "status-suspended", "status-closed", "mark"} <= classes
    assert any(t == "marked date: 2021-10-18" for c, t in shapes.values() if "mark" in c)
    # events are markers with their sources; a month-precision event is a span, not a point
    events = [(c, t) for c, t in shapes.values() if "event" in c]
    assert events and all("“" in t for _, t in events)
    assert any("span" in c for c, _ in events) and any("point" in c for c, _ in events)


def test_conflicting_claims_are_split_and_name_both_sources(kg: Layout, timeline_svg: Path) -> None:
    """Every claim the layout finds disputed is drawn with the rival's sources in its tooltip."""
    engine = open_engine("oxigraph", kg)
    labels = data.channel_labels(engine)
    disputed = [
        b for laid in lay_out(data.status_claims(engine)).values() for b in laid if b.rivals
    ]
    assert disputed, "the five articles disagree about at least one status"
    shapes = groups(timeline_svg)
    for band in disputed:
        head = f"{labels[band.claim.channel]}: {band.claim.status} from {band.start.label} "
        titles = [t for c, t in shapes.values() if "disputed" in c and t.startswith(head)]
        assert titles
        for rival in band.rivals:
            assert all(f"Disputed by: {rival.status}" in t for t in titles)
            assert all(s.describe() in t for s in rival.sources for t in titles)


def test_timeline_is_the_same_bytes_every_run(kg: Layout, tmp_path: Path) -> None:
    for name in ("a.svg", "b.svg", "a.png", "b.png"):
        code, output = invoke(
            "plot", "timeline", "--kg", str(kg.root), "--from", "2021-09", "--to", "2021-11",
            "--mark", "2021-10-18", "-o", str(tmp_path / name),
        )  # fmt: skip
        assert code == 0, output
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    assert (tmp_path / "a.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_channel_and_window_options_restrict_the_rows(kg: Layout, tmp_path: Path) -> None:
    out = tmp_path / "mlm.svg"
    code, output = invoke(
        "plot", "timeline", "--kg", str(kg.root),
        "--channel", "nato-military-liaison-mission-moscow",
        "--from", "2021-10", "--to", "2021-10", "-o", str(out),
    )  # fmt: skip
    assert code == 0, output
    shapes = groups(out)
    assert [t for c, t in shapes.values() if "channel" in c] == [MLM]
    # only what overlaps October 2021: the 2002 establishment is out, the 18 October cut is in
    events = [t for c, t in shapes.values() if "event" in c]
    assert events and all("2021-10" in t.splitlines()[0] for t in events)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--channel", "no-such-channel"], "--channel 'no-such-channel': no such channel"),
        (["--from", "2022", "--to", "2021"], "--from 2022 is after --to 2021"),
        (["--from", "2021-13"], "--from: invalid date '2021-13'"),
        (["--to", "October"], "--to 'October': use YYYY, YYYY-MM or YYYY-MM-DD"),
        (
            ["--from", "2021", "--to", "2021", "--mark", "2022-01-01"],
            "--mark 2022-01-01 lies outside",
        ),
    ],
)
def test_bad_timeline_options_exit_2_and_write_nothing(
    kg: Layout, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "t.svg"
    code, output = invoke("plot", "timeline", "--kg", str(kg.root), *args, "-o", str(out))
    assert code == 2
    assert message in output
    assert "Traceback" not in output and output.count("\n") == 1
    assert not out.exists()


@pytest.mark.parametrize("command", [["timeline"], ["network", "--at", "2021-10-19"]])
def test_bad_extension_exits_2_before_any_work(tmp_path: Path, command: list[str]) -> None:
    code, output = invoke("plot", *command, "--kg", str(tmp_path / "nowhere"), "-o", "x.pdf")
    assert code == 2
    assert "-o x.pdf: the file name must end in .svg or .png" in output


def status_edges(svg: Path) -> dict[int, dict[str, set[str]]]:
    """Per panel: each "channel: status" an edge's tooltip states → the edge's classes."""
    panels: dict[int, dict[str, set[str]]] = {}
    for gid, (classes, title) in groups(svg).items():
        if "edge" not in classes or gid.startswith("edge-label"):
            continue
        panel = panels.setdefault(int(gid.split("-")[1]), {})
        for line in title.splitlines():
            if " since " in line and not line.startswith("Sources:"):
                panel[line.split(" since ")[0]] = classes
            elif ": no status known at " in line:
                panel[line.split(": no status known at ")[0]] = classes
    return panels


def test_network_names_nato_and_colours_edges_by_status_at_the_date(
    kg: Layout, tmp_path: Path
) -> None:
    """The acceptance command, on the default engine."""
    out = tmp_path / "n.svg"
    code, output = invoke(
        "plot", "network", "--kg", str(kg.root), "--at", "2021-10-19", "-o", str(out)
    )
    assert code == 0, output
    shapes = groups(out)
    actors = {t for c, t in shapes.values() if "actor" in c}
    assert "NATO (dcki:nato)" in actors and "Russia (dcki:russia)" in actors
    # the engines give the same rows; rdflib is the quicker of the two for status-at today
    rows = data.status_at(open_engine("rdflib", kg), "2021-10-19")
    edges = status_edges(out)[0]
    for row in rows:
        key = f"{row.label}: {row.status}"
        assert f"status-{slug(row.status)}" in edges[key], key
    # where the ranks leave two statuses tied at the date, the edge says so
    tied = {r.label for r in rows if sum(o.label == r.label for o in rows) > 1}
    assert all("disputed" in edges[f"{r.label}: {r.status}"] for r in rows if r.label in tied)


def test_two_dates_side_by_side_show_the_break(kg: Layout, tmp_path: Path) -> None:
    out = tmp_path / "break.svg"
    args = ["--at", "2021-10-01", "--at", "2021-11-01", "--engine", "rdflib"]
    code, output = invoke("plot", "network", "--kg", str(kg.root), *args, "-o", str(out))
    assert code == 0, output
    text = out.read_text(encoding="utf-8")
    assert "Channels at 2021-10-01" in text and "Channels at 2021-11-01" in text
    engine = open_engine("rdflib", kg)
    before = {r.label: r.status for r in data.status_at(engine, "2021-10-01")}
    after = {r.label: r.status for r in data.status_at(engine, "2021-11-01")}
    assert before[MLM] == "active" and after[MLM] == "suspended"
    panels = status_edges(out)
    assert "status-active" in panels[0][f"{MLM}: active"]
    assert "status-suspended" in panels[1][f"{MLM}: suspended"]
    # a channel first attested after the first date is drawn there as unknown, not left out
    late = sorted(set(after) - set(before))
    assert late and all("no-status" in panels[0][label] for label in late)
    second = out.with_name("again.svg")
    assert invoke("plot", "network", "--kg", str(kg.root), *args, "-o", str(second))[0] == 0
    assert second.read_bytes() == out.read_bytes()


def test_network_needs_a_valid_date(kg: Layout, tmp_path: Path) -> None:
    code, output = invoke(
        "plot", "network", "--kg", str(kg.root), "--at", "2021-02-30", "-o", str(tmp_path / "n.png")
    )
    assert code == 2 and "--at: invalid date '2021-02-30'" in output
    code, output = invoke("plot", "network", "--kg", str(kg.root), "-o", str(tmp_path / "n.png"))
    assert code == 2 and "--at" in output


def claim(name: str, status: str, year: int, rank: str = "normal", month: int = 0) -> StatusClaim:
    start = datetime(year, month or 1, 1, tzinfo=UTC)
    precision = TIME.unitMonth if month else TIME.unitYear
    return StatusClaim(
        statement=DCKI[name],
        channel=DCKI.channel,
        status=status,
        rank=rank,
        begin=Span(
            start, span_end(start, precision), f"{year}" + (f"-{month:02d}" if month else "")
        ),
        sources={Source(f"Article {name}", f"quote {name}")},
    )


def test_lanes_split_disagreements_and_keep_successions_in_one_lane() -> None:
    a = claim("a", "active", 2000)
    b = claim("b", "active", 2001, rank="preferred")
    c = claim("c", "restricted", 2016)
    d = claim("d", "suspended", 2021, rank="preferred", month=10)
    e = claim("e", "closed", 2021, month=10)
    bands = {band.claim.statement: band for band in lay_out([e, d, c, b, a])[str(DCKI.channel)]}
    # 2000 or 2001? Two lanes, the lower-ranked one marked; both end where "restricted" begins
    assert (bands[a.statement].lanes, bands[b.statement].lanes) == (2, 2)
    assert bands[a.statement].lane != bands[b.statement].lane
    assert bands[a.statement].lower_rank and not bands[b.statement].lower_rank
    assert bands[a.statement].stop == bands[b.statement].stop == datetime(2016, 1, 1, tzinfo=UTC)
    # a plain succession: one lane, no dispute
    assert bands[c.statement].lanes == 1 and not bands[c.statement].rivals
    assert bands[c.statement].stop == datetime(2021, 10, 1, tzinfo=UTC)
    # suspended or closed from the same day: split, both open-ended, closed outranked
    assert bands[d.statement].rivals == [e] and bands[e.statement].rivals == [d]
    assert bands[e.statement].lower_rank and bands[d.statement].stop is None


def test_an_as_of_confirmation_is_not_a_dispute() -> None:
    old = claim("old", "dormant", 2008)
    again = StatusClaim(
        statement=DCKI.again, channel=DCKI.channel, status="dormant",
        as_of=Span(datetime(2021, 10, 1, tzinfo=UTC), datetime(2021, 11, 1, tzinfo=UTC), "2021-10"),
    )  # fmt: skip
    bands = lay_out([old, again])[str(DCKI.channel)]
    assert [b.lanes for b in bands] == [1, 1] and not any(b.rivals for b in bands)


def test_dates_are_spans_as_wide_as_their_precision() -> None:
    start = datetime(2020, 4, 1, tzinfo=UTC)
    assert span_end(start, TIME.unitMonth) == datetime(2020, 5, 1, tzinfo=UTC)
    assert span_end(start, TIME.unitYear) == datetime(2021, 4, 1, tzinfo=UTC)
    assert span_end(start, TIME.unitWeek) == datetime(2020, 4, 8, tzinfo=UTC)
    assert span_end(start, TIME.unitDecade) == datetime(2030, 4, 1, tzinfo=UTC)
    assert span_end(datetime(2021, 12, 1, tzinfo=UTC), TIME.unitMonth).year == 2022
    assert parse_option_date("2021", "--to").end == datetime(2022, 1, 1, tzinfo=UTC)
    assert parse_option_date("2021-10-18", "--at").is_point
    assert not parse_option_date("2021-10", "--at").is_point


def test_annotate_svg_adds_title_and_class_and_refuses_lost_shapes() -> None:
    svg = (
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
        b'<g id="band-0"><path d="M0 0"/></g></svg>'
    )
    out = annotate_svg(svg, {"band-0": Note(("band", "status-active"), "a <quote> & source")})
    group = ET.fromstring(out).find(f"{SVG}g")
    assert group is not None and group.get("class") == "dckg band status-active"
    assert group[0].tag == f"{SVG}title" and group[0].text == "a <quote> & source"
    with pytest.raises(RuntimeError, match="band-9"):
        annotate_svg(svg, {"band-9": Note((), "x")})


def test_unknown_channel_is_a_usage_error_in_the_library() -> None:
    with pytest.raises(DckgError, match="no such channel"):
        data.resolve_channels(["dcki:nowhere"], {URIRef(DCKI.somewhere): "Somewhere"})


def test_query_path_does_not_import_the_drawing_libraries() -> None:
    code = (
        "import sys, dckg.cli, dckg.query.execute, dckg.query.engine\n"
        "import dckg.query.library, dckg.query.results\n"
        "heavy = {'matplotlib', 'networkx', 'pylode', 'dominate'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_plot_queries_ship_with_the_package_but_are_not_listed() -> None:
    from dckg.query.library import library

    assert not any(name.startswith(("status-claims", "channel-events")) for name in library())
    for name in ("status-claims", "channel-events", "channel-parties"):
        assert data.plot_query(name).text.lstrip().startswith("# title:")


def test_side_by_side_panels_keep_their_size(kg: Layout) -> None:
    """Regression: autoscaling once took a curved label's provisional place for data and
    squashed both panels into a thin strip."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from dckg.plot import network
    from dckg.plot.style import drawing

    engine = open_engine("rdflib", kg)
    dates = ("2021-10-01", "2021-11-01")
    statuses = {at: network._by_channel(data.status_at(engine, at)) for at in dates}
    links, actors = network._links(
        data.endpoints(engine), {c for s in statuses.values() for c in s}
    )
    with drawing():
        fig, _ = network._draw(links, actors, statuses)
        FigureCanvasAgg(fig).draw()
        for ax in fig.axes:
            assert ax.get_position().height > 0.6
            (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
            assert x1 - x0 < 3 * (y1 - y0)
