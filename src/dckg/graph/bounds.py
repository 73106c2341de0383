"""What a date allows: the period it names, narrowed, widened and bounded.

An instant names a period ``P = [s, e)`` by its first moment and its precision
("2016" at year precision is ``[2016-01-01, 2017-01-01)``). Three optional
properties change what it allows, in this order:

1. ``dckg:periodPart`` narrows ``P`` to a third of it, counted in whole days:
   ``dckv:early`` the first, ``mid`` the second, ``late`` the last;
2. ``dckg:dateHedge`` ``dckv:about`` widens the result by one unit of the
   precision on each side ("about 2019" is ``[2018-01-01, 2021-01-01)``);
3. ``dckg:dateBound`` keeps one side of the result ``[a, b)`` and drops the
   other: ``dckv:no-later-than`` ("by") leaves ``(-inf, b)``, ``before``
   ``(-inf, a)``, ``no-earlier-than`` ("from") ``[a, +inf)``, ``after``
   ``[b, +inf)``.

The result is the instant's ``earliest`` (inclusive; None when unbounded below)
and ``latest`` (exclusive; None when unbounded above) moment, as SEM's earliest
and latest time stamps; ``period_start`` is ``s``, for sorting and display.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timedelta

from dckg import namespaces as ns

DAY = ns.TIME + "unitDay"
WEEK = ns.TIME + "unitWeek"
MONTH = ns.TIME + "unitMonth"
YEAR = ns.TIME + "unitYear"
DECADE = ns.TIME + "unitDecade"

#: The precisions an instant may have, finest first.
UNITS = (DAY, WEEK, MONTH, YEAR, DECADE)

NO_LATER_THAN = ns.DCKV + "no-later-than"
BEFORE = ns.DCKV + "before"
NO_EARLIER_THAN = ns.DCKV + "no-earlier-than"
AFTER = ns.DCKV + "after"
ABOUT = ns.DCKV + "about"

#: ``dckg:periodPart`` values: which third of the period.
PARTS = {ns.DCKV + "early": 0, ns.DCKV + "mid": 1, ns.DCKV + "late": 2}
#: ``dckg:dateBound`` values.
BOUNDS = (NO_LATER_THAN, BEFORE, NO_EARLIER_THAN, AFTER)
#: ``dckg:dateHedge`` values.
HEDGES = (ABOUT,)

_MONTHS = {MONTH: 1, YEAR: 12, DECADE: 120}
_DAYS = {DAY: 1, WEEK: 7}


@dataclass(frozen=True)
class Bounds:
    """An instant's period start and its earliest (inclusive) and latest (exclusive) moment."""

    period_start: datetime
    earliest: datetime | None
    latest: datetime | None


def add_months(value: datetime, months: int) -> datetime:
    """``value`` moved by whole months, the day kept where the month has it (else its last)."""
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    day = min(value.day, calendar.monthrange(year, month + 1)[1])
    return value.replace(year=year, month=month + 1, day=day)


def add_units(value: datetime, unit: str | None, count: int) -> datetime:
    """``value`` moved by ``count`` units of a precision (an unknown one counts as a day)."""
    if unit in _MONTHS:
        return add_months(value, _MONTHS[unit] * count)
    return value + timedelta(days=_DAYS.get(unit or DAY, 1) * count)


def period_start(value: datetime, unit: str | None) -> datetime:
    """The first moment of the day, ISO week, month, year or decade that holds ``value``."""
    day = value.replace(hour=0, minute=0, second=0, microsecond=0)
    if unit == WEEK:
        return day - timedelta(days=day.weekday())
    if unit == MONTH:
        return day.replace(day=1)
    if unit == YEAR:
        return day.replace(month=1, day=1)
    if unit == DECADE:
        return day.replace(year=day.year // 10 * 10, month=1, day=1)
    return day


def third(start: datetime, end: datetime, k: int) -> datetime:
    """The ``k``-th of the two cuts (0..3) that split ``[start, end)`` into thirds.

    In whole days, rounded to the nearest (a 31-day month: 10, 11 and 10 days);
    a period shorter than three days is cut exactly.
    """
    span = end - start
    if span < timedelta(days=3):
        return start + span * k / 3
    return start + timedelta(days=(span.days * k + 1) // 3)


def bounds(
    value: datetime,
    unit: str | None,
    *,
    bound: str | None = None,
    part: str | None = None,
    hedge: str | None = None,
) -> Bounds:
    """What an instant with date ``value``, precision ``unit`` and its qualifiers allows."""
    start = period_start(value, unit)
    end = add_units(start, unit, 1)
    low, high = start, end
    if part in PARTS:
        k = PARTS[part]
        low, high = third(start, end, k), third(start, end, k + 1)
    if hedge == ABOUT:
        low, high = add_units(low, unit, -1), add_units(high, unit, 1)
    if bound == NO_LATER_THAN:
        return Bounds(start, None, high)
    if bound == BEFORE:
        return Bounds(start, None, low)
    if bound == NO_EARLIER_THAN:
        return Bounds(start, low, None)
    if bound == AFTER:
        return Bounds(start, high, None)
    return Bounds(start, low, high)


def chronological_key(found: Bounds) -> tuple[datetime, bool, datetime]:
    """Sort instants by period start, then by latest moment (unbounded last): so that
    "before 2021-10-18" comes before "2021-10-18", which comes before "from 2021-10-18"."""
    latest = found.latest or found.period_start
    return (found.period_start, found.latest is None, latest)
