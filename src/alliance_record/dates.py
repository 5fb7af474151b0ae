"""Dates written only as precisely as they are known.

A date in this dataset is an ISO 8601 prefix: ``2025``, ``2025-03`` or ``2025-03-30``. Such
strings sort correctly and prefix-match in SQL (``date_start LIKE '2025-03%'``), and they never
invent a day or a month that the source did not give (no midpoints).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PRECISIONS = ("day", "month", "year")


class BadDate(ValueError):
    pass


def parse_iso(value) -> tuple[str, dt.date, dt.date]:
    """Return ``(precision, first_day, last_day)`` for an ISO prefix, or raise :class:`BadDate`.

    >>> parse_iso("2024-02")[0], parse_iso("2024-02")[2]
    ('month', datetime.date(2024, 2, 29))
    """
    m = ISO_PREFIX.match(str(value)) if value is not None else None
    if not m:
        raise BadDate(f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = m.group(1), m.group(2), m.group(3)
    y = int(year)
    if y < 1:
        raise BadDate(f"{value!r}: year 0000 does not exist")
    if month is None:
        return "year", dt.date(y, 1, 1), dt.date(y, 12, 31)
    mo = int(month)
    if not 1 <= mo <= 12:
        raise BadDate(f"{value!r}: there is no month {mo}")
    last = calendar.monthrange(y, mo)[1]
    if day is None:
        return "month", dt.date(y, mo, 1), dt.date(y, mo, last)
    d = int(day)
    if not 1 <= d <= last:
        raise BadDate(f"{value!r}: {calendar.month_name[mo]} {y} has {last} days")
    return "day", dt.date(y, mo, d), dt.date(y, mo, d)


def precision_of(value) -> str:
    return parse_iso(value)[0]
