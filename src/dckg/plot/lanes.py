"""Where each status claim sits on a channel's row: its extent, lane and disputes.

A claim holds from its start (beginning or as-of instant) until its explicit
end or, failing that, until another non-deprecated claim on the same channel
starts with a different status (the ValidAtDate reading of the graph that
``status-at`` uses). Claims that overlap in time are disagreements between
sources: they get separate lanes of the row instead of being merged, each keeps
its own sources, and the lower-ranked ones are marked as such. Two claims of the
same status are rivals only when both give a beginning and the beginnings
differ (2000 or 2001?); a later "as of" confirmation of the same status is not a
disagreement and shares the lane.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from dckg.plot.data import StatusClaim
from dckg.plot.periods import Span

RANK_VALUE = {"deprecated": 0, "normal": 1, "preferred": 2}


def rank_value(rank: str) -> int:
    """A rank label as a number to compare: deprecated 0, normal 1, preferred 2."""
    return RANK_VALUE.get(rank, 1)


def outranked(rank: str, others: Iterable[str]) -> bool:
    """Deprecated, or outranked by one of ``others`` (the ranks of rival claims or reports)."""
    mine = rank_value(rank)
    return mine == 0 or any(rank_value(other) > mine for other in others)


@dataclass
class Band:
    """A claim laid out on its row."""

    claim: StatusClaim
    start: Span
    stop: datetime | None  # None: still holding as far as the sources say
    end: Span | None  # the explicit end instant, when the source gives one
    lane: int = 0
    lanes: int = 1
    rivals: list[StatusClaim] = field(default_factory=list)

    @property
    def disputed(self) -> bool:
        """Another claim on the channel overlaps this one."""
        return bool(self.rivals)

    @property
    def lower_rank(self) -> bool:
        """Deprecated, or outranked by a claim it overlaps."""
        return outranked(self.claim.rank, (r.rank for r in self.rivals))

    def until(self, horizon: datetime) -> datetime:
        """Where the band stops when drawn up to ``horizon``."""
        return self.stop if self.stop is not None else max(horizon, self.start.end)


def _stop(
    claim: StatusClaim, start: Span, others: list[tuple[StatusClaim, Span]]
) -> datetime | None:
    if claim.end is not None:
        return claim.end.start
    later = [
        span.start
        for other, span in others
        if other.status != claim.status and rank_value(other.rank) > 0 and span.start > start.start
    ]
    return min(later) if later else None


def _overlap(a: Band, b: Band) -> bool:
    far = datetime.max.replace(tzinfo=a.start.start.tzinfo)
    a_stop = a.stop if a.stop is not None else far
    b_stop = b.stop if b.stop is not None else far
    return a.start.start < b_stop and b.start.start < a_stop


def _rivals(a: Band, b: Band) -> bool:
    """Overlapping claims that cannot both be true: another status, or another beginning."""
    if not _overlap(a, b):
        return False
    if a.claim.status != b.claim.status:
        return True
    return (
        a.claim.begin is not None
        and b.claim.begin is not None
        and a.claim.begin.label != b.claim.begin.label
    )


def lay_out(claims: Iterable[StatusClaim]) -> dict[str, list[Band]]:
    """Bands per channel IRI; claims with no date at all cannot be placed and are left out."""
    by_channel: dict[str, list[tuple[StatusClaim, Span]]] = defaultdict(list)
    for claim in claims:
        if claim.start is not None:
            by_channel[str(claim.channel)].append((claim, claim.start))
    result: dict[str, list[Band]] = {}
    for channel, dated in sorted(by_channel.items()):
        bands = [
            Band(claim, start, _stop(claim, start, dated), claim.end) for claim, start in dated
        ]
        bands.sort(key=lambda b: (b.start.start, -rank_value(b.claim.rank), str(b.claim.statement)))
        for band in bands:
            band.rivals = [o.claim for o in bands if o is not band and _rivals(band, o)]
        for cluster in _clusters(bands):
            _assign_lanes(cluster)
        result[channel] = bands
    return result


def _clusters(bands: list[Band]) -> list[list[Band]]:
    """Groups of bands that dispute one another, directly or through others (in start order)."""
    group = list(range(len(bands)))

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    for i, a in enumerate(bands):
        for j in range(i + 1, len(bands)):
            if _rivals(a, bands[j]):
                group[root(j)] = root(i)
    clusters: dict[int, list[Band]] = {}
    for i, band in enumerate(bands):
        clusters.setdefault(root(i), []).append(band)
    return list(clusters.values())


def _assign_lanes(cluster: list[Band]) -> None:
    """The first lane free for each band in turn; every band of the cluster shares the count."""
    lanes: list[list[Band]] = []
    for band in cluster:
        for lane, occupants in enumerate(lanes):
            if not any(_rivals(band, other) for other in occupants):
                band.lane = lane
                occupants.append(band)
                break
        else:
            band.lane = len(lanes)
            lanes.append([band])
    for band in cluster:
        band.lanes = len(lanes)
