"""全国地方公共団体コード: the check digit and validation every entry point relies on (DOMAIN.md §7)."""

import pytest

from desktop.models.errors import ValidationError
from desktop.models.municipal_code import (
    check_digit,
    is_prefecture,
    prefecture_code,
    prefecture_of,
    validate,
)

# Published codes (DOMAIN.md §7 worked examples and the codes checked alongside them).
PUBLISHED = [
    ("011002", "札幌市"),
    ("131016", "東京都千代田区"),
    ("012050", "室蘭市"),  # r = 1 → 10 → 0
    ("131041", "東京都新宿区"),  # r = 0 → 11 → 1
    ("131130", "東京都渋谷区"),  # r = 1 → 0
    ("010006", "北海道"),
    ("182079", "福井県鯖江市"),
    ("473561", "渡名喜村"),
    ("140007", "神奈川県"),
    ("111007", "さいたま市"),
    ("130001", "東京都"),
]


@pytest.mark.parametrize(("code", "name"), PUBLISHED)
def test_check_digit_reproduces_published_codes(code, name):
    assert check_digit(code[:5]) == int(code[5]), name
    assert validate(code) == code


def test_remainder_zero_gives_one_not_eleven():
    # 新宿区 13104: 6·1+5·3+4·1+3·0+2·4 = 33, 33 mod 11 = 0, 11 − 0 = 11 → keep the ones digit: 1.
    assert 6 * 1 + 5 * 3 + 4 * 1 + 3 * 0 + 2 * 4 == 33
    assert check_digit("13104") == 1


def test_remainder_one_gives_zero_not_ten():
    # 室蘭市 01205: 0+5+8+0+10 = 23, 23 mod 11 = 1, 11 − 1 = 10 → 0.
    assert check_digit("01205") == 0


def test_full_width_digits_and_surrounding_spaces_are_normalised():
    assert validate("１３１０４１") == "131041"
    assert validate("  131041 ") == "131041"
    assert validate("\u3000１３１０４１\u3000") == "131041"


@pytest.mark.parametrize("code", ["", "13104", "1310411", "13104a", "13-041", "１３１０４"])
def test_wrong_length_or_non_digits_are_rejected_in_japanese(code):
    with pytest.raises(ValidationError, match="6桁の数字") as err:
        validate(code)
    assert err.value.field == "code"


def test_wrong_check_digit_is_rejected_and_the_right_one_suggested():
    with pytest.raises(ValidationError, match="検査数字が一致しません") as err:
        validate("131042")
    assert "131041" in str(err.value)


@pytest.mark.parametrize("body", ["48000", "00000", "99100"])
def test_prefecture_part_outside_01_to_47_is_rejected(body):
    code = body + str(check_digit(body))  # a correct check digit must not rescue a bad prefecture
    with pytest.raises(ValidationError, match="都道府県部分"):
        validate(code)


def test_prefecture_helpers():
    assert prefecture_of("131041") == "東京都"
    assert prefecture_of("473561") == "沖縄県"
    assert is_prefecture("130001")
    assert not is_prefecture("131041")
    assert prefecture_code("131041") == "130001"
    assert prefecture_code("012050") == "010006"
