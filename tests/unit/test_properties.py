"""Properties that must hold for every input, not just the worked examples (hypothesis)."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from desktop.models import municipal_code, wareki
from desktop.models.errors import ValidationError
from desktop.services import procurement

bodies = st.tuples(st.integers(1, 47), st.integers(0, 999)).map(lambda t: f"{t[0]:02d}{t[1]:03d}")


@given(bodies)
def test_a_code_with_its_check_digit_is_valid_and_every_other_last_digit_is_refused(body):
    good = body + str(municipal_code.check_digit(body))
    assert municipal_code.validate(good) == good
    for digit in "0123456789":
        if body + digit != good:
            try:
                municipal_code.validate(body + digit)
            except ValidationError as err:
                assert "検査数字" in str(err)
            else:
                raise AssertionError(f"{body + digit} was accepted")


@given(st.dates(min_value=date(1912, 7, 30), max_value=date(2099, 12, 31)))
def test_a_date_written_in_wareki_reads_back_as_the_same_date(d):
    assert wareki.parse_date(wareki.wareki_date(d)) == d


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_every_date_falls_in_the_fiscal_year_that_contains_it(d):
    fy = wareki.fiscal_year_of(d)
    assert wareki.fiscal_year_start(fy) <= d <= wareki.fiscal_year_end(fy)
    assert wareki.fiscal_year_label(fy).endswith("年度")


@given(
    st.sampled_from(["equal", "population", "mixed"]),
    st.lists(st.integers(1, 4_000_000), min_size=1, max_size=60),
)
def test_shares_by_the_printed_rule_add_up_to_exactly_100_and_stay_within_a_hundredth(split, populations):
    exact = procurement.compute_shares(split, list(populations))
    shares = procurement.round_percents(exact)
    assert round(sum(shares) * 100) == 10_000
    for share, fraction in zip(shares, exact, strict=True):
        assert abs(share - float(fraction) * 100) < 0.01 + 1e-9
        assert share >= int(fraction * 10_000) / 100  # never below the truncated value (the rule only adds)
