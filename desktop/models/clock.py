"""The current time is passed in, never read implicitly: the app gives the system clock, tests a fixed one.

A `Clock` returns a timezone-aware moment. The store carries the clock it was opened with, so every stamp
(backups, `updated_at`, audit entries, 「今日」 in documents and forms) comes from the same source.
"""

from collections.abc import Callable
from datetime import UTC, date, datetime

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The real time, in UTC: only the app's entry points (app.py, cli.py) and benchmarks pass it."""
    return datetime.now(UTC)


def local_date(moment: datetime) -> date:
    """The calendar day of `moment` on this PC (a Japanese office PC: JST), as date.today() would say."""
    return moment.astimezone().date()
