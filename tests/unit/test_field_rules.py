"""Every field's rule gives the same answer whichever way a value takes through it: the short way a plain text or
an allowed blank takes (rules._field_check) is only a shortcut of the long one (rules._coerce), which also says
what is wrong. Checked for every field of every kind that travels, on values a form or a package can bring."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.models import SYNCED_ENTITIES, municipal_code
from desktop.models.errors import ValidationError
from desktop.models.rules import VOCAB_FIELDS, _coerce, _editable, clean, label

FIELDS = [(cls, key) for cls in SYNCED_ENTITIES for key in sorted(_editable(cls))]
VALUES = st.one_of(
    st.none(),
    st.sampled_from(
        ["", " ", "\u3000", "a\r\nb", "a\nb", "a\tb", "x\x00", "\ud800", "182079", "182070", "high"]
    ),
    st.text(max_size=30),
    st.text(min_size=200, max_size=300),
    st.integers(min_value=-(2**64), max_value=2**64),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)


def the_long_way(cls, key, value):
    """What clean() did for one field before it had a short way."""
    out = _coerce(cls, key, value)
    if key == "code" and out is not None:
        out = municipal_code.validate(out)
    allowed = VOCAB_FIELDS.get(f"{key}@{cls.kind}")
    if allowed is not None and out not in allowed and not (out == "" and "" in allowed):
        raise ValidationError(f"「{label(cls.kind, key)}」の値「{out}」は選択肢にありません。", key)
    return out


def outcome(fn):
    try:
        return ("ok", fn())
    except ValidationError as err:
        return ("refused", str(err), err.field)


@pytest.mark.parametrize("cls,key", FIELDS, ids=[f"{c.kind}.{k}" for c, k in FIELDS])
@settings(max_examples=15, deadline=None)
@given(value=VALUES)
def test_a_field_takes_a_value_the_same_way_as_the_long_rule(cls, key, value):
    short = outcome(lambda: clean(cls, {key: value})[key])
    assert short == outcome(lambda: the_long_way(cls, key, value))
