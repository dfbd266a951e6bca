"""The clock: the one place werkpad asks what time it is.

Tests freeze time with time-machine, which moves these functions along with it.
Every time is timezone-aware; "today" is the date in Europe/Amsterdam.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def now() -> dt.datetime:
    return timezone.now()


def today() -> dt.date:
    return timezone.localdate(timezone.now())
