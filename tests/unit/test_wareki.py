"""和暦 and 年度: era boundaries, 元年 and the April–March fiscal year (DOMAIN.md §8)."""

from datetime import date

import pytest

from desktop.models.wareki import (
    era_of,
    fiscal_year_end,
    fiscal_year_label,
    fiscal_year_label_both,
    fiscal_year_of,
    fiscal_year_start,
    wareki_date,
    wareki_year_month,
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2019, 4, 30), "平成31年4月30日"),  # last day of 平成
        (date(2019, 5, 1), "令和元年5月1日"),  # 元号を改める政令 in force; first year is 元年
        (date(2020, 1, 1), "令和2年1月1日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(1926, 12, 24), "大正15年12月24日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(2026, 11, 26), "令和8年11月26日"),
        (date(2026, 3, 31), "令和8年3月31日"),
    ],
)
def test_wareki_date(day, expected):
    assert wareki_date(day) == expected


def test_reiwa_year_is_western_year_minus_2018():
    for year in range(2020, 2041):
        assert era_of(date(year, 6, 1)) == ("令和", year - 2018)


def test_dates_before_taisho_are_refused():
    with pytest.raises(ValueError, match="大正より前"):
        era_of(date(1912, 7, 29))


def test_wareki_year_month():
    assert wareki_year_month(date(2026, 9, 30)) == "令和8年9月"
    assert wareki_year_month(date(2019, 5, 1)) == "令和元年5月"


@pytest.mark.parametrize(
    ("day", "fy"),
    [
        (date(2026, 3, 31), 2025),  # 令和7年度末: the 標準化 target date
        (date(2026, 4, 1), 2026),
        (date(2027, 3, 31), 2026),
        (date(2026, 1, 1), 2025),
        (date(2026, 12, 31), 2026),
    ],
)
def test_fiscal_year_runs_april_to_march(day, fy):
    assert fiscal_year_of(day) == fy


@pytest.mark.parametrize(
    ("fy", "label"),
    [
        (2019, "令和元年度"),  # although 1 April 2019 was still 平成31年
        (2026, "令和8年度"),
        (2025, "令和7年度"),
        (2018, "平成30年度"),
        (2020, "令和2年度"),
        (1989, "平成元年度"),
        (1988, "昭和63年度"),
    ],
)
def test_fiscal_year_label(fy, label):
    assert fiscal_year_label(fy) == label


def test_fiscal_year_label_with_western_year():
    assert fiscal_year_label_both(2026) == "令和8年度（2026年度）"


def test_fiscal_year_bounds():
    assert fiscal_year_start(2026) == date(2026, 4, 1)
    assert fiscal_year_end(2026) == date(2027, 3, 31)
    assert fiscal_year_end(2025) == date(2026, 3, 31)  # 「令和7年度末」
    assert fiscal_year_of(fiscal_year_end(2025)) == 2025
