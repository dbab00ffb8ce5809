"""和暦 and 年度: the one place that knows Japanese eras and fiscal years.

Eras start on the day the 元号を改める政令 took effect (令和: 2019-05-01; 平成: 1989-01-08). The first year of an
era is written 元年. A 年度 runs from 1 April to 31 March (地方自治法第208条), so FY2019 is 令和元年度 even though
April 2019 was still 平成31年.
"""

import re
from datetime import date

ERAS: tuple[tuple[str, date], ...] = (
    ("令和", date(2019, 5, 1)),
    ("平成", date(1989, 1, 8)),
    ("昭和", date(1926, 12, 25)),
    ("大正", date(1912, 7, 30)),
)


def _year_label(n: int) -> str:
    return "元" if n == 1 else str(n)


def era_of(d: date) -> tuple[str, int]:
    """(era name, year within era) for a date."""
    for name, start in ERAS:
        if d >= start:
            return name, d.year - start.year + 1
    raise ValueError(f"{d} は大正より前の日付です")


def wareki_date(d: date) -> str:
    """令和8年11月26日."""
    name, n = era_of(d)
    return f"{name}{_year_label(n)}年{d.month}月{d.day}日"


def wareki_year_month(d: date) -> str:
    """令和8年11月."""
    name, n = era_of(d)
    return f"{name}{_year_label(n)}年{d.month}月"


def fiscal_year_of(d: date) -> int:
    """Western fiscal year (年度) containing the date."""
    return d.year - 1 if d.month <= 3 else d.year


def fiscal_year_label(fy: int) -> str:
    """令和8年度 for 2026; the era is the one in force on 1 April except 令和元年度 (FY2019)."""
    name, n = era_of(date(fy, 4, 1)) if fy != 2019 else ("令和", 1)
    return f"{name}{_year_label(n)}年度"


def fiscal_year_label_both(fy: int) -> str:
    """令和8年度（2026年度）, the form many municipal plans use."""
    return f"{fiscal_year_label(fy)}（{fy}年度）"


def fiscal_year_end(fy: int) -> date:
    """Last day of a fiscal year (年度末)."""
    return date(fy + 1, 3, 31)


def fiscal_year_start(fy: int) -> date:
    """First day of a fiscal year."""
    return date(fy, 4, 1)


_ERA_INITIALS = {"R": "令和", "H": "平成", "S": "昭和", "T": "大正"}


def parse_date(text: str) -> date | None:
    """Read a date typed by a user: 2026-11-26, 2026/11/26, 令和8年11月26日, 令和元年5月1日 or R8.11.26.

    Empty text gives None; anything else unreadable raises ValueError with a Japanese message.
    """
    raw = (text or "").strip().translate(str.maketrans("０１２３４５６７８９／－．", "0123456789/-."))
    if not raw:
        return None
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", raw) or re.fullmatch(
        r"(\d{4})年(\d{1,2})月(\d{1,2})日", raw
    )
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = re.fullmatch(r"(令和|平成|昭和|大正)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日", raw) or re.fullmatch(
            r"([RHST])(元|\d{1,2})[./](\d{1,2})[./](\d{1,2})", raw.upper()
        )
        if m:
            era = _ERA_INITIALS.get(m[1], m[1])
            start = dict(ERAS)[era]
            year = start.year + (1 if m[2] == "元" else int(m[2])) - 1
            d = date(year, int(m[3]), int(m[4]))
            if era_of(d)[0] != era:
                raise ValueError
            return d
    except ValueError:
        pass
    raise ValueError(
        f"日付「{text}」を読み取れません。2026-11-26 や 令和8年11月26日 の形で入力してください。"
    )
