"""The one place tracker asks what day and time it is.

Everything that needs "today" or "now" (the day an entry describes by default, when it was
typed, the newest day a date may be, backup names, the demo diary) asks here. Setting
TRACKER_NOW (`YYYY-MM-DDTHH:MM:SS`, or `YYYY-MM-DD` for midnight) fixes the clock at that
moment: the tests do, so that none depends on the real date.
"""

from __future__ import annotations

import datetime as dt
import os

from tracker.errors import TrackerError, shown

VARIABLE = "TRACKER_NOW"


def now() -> dt.datetime:
    """The local date and time, to the second."""
    fixed = os.environ.get(VARIABLE)
    if fixed is None:
        return dt.datetime.now().replace(microsecond=0)
    try:
        return dt.datetime.fromisoformat(fixed.strip()).replace(microsecond=0, tzinfo=None)
    except ValueError:
        raise TrackerError(
            f"{VARIABLE} '{shown(fixed)}' is not a date and time; use YYYY-MM-DDTHH:MM:SS,"
            f" or unset it to use the computer's clock"
        ) from None


def today() -> dt.date:
    """The local date."""
    return now().date()
