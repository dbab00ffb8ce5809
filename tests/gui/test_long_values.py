"""A stored value longer than its field is shown from its beginning, where a sentence starts."""

from desktop.views.fields import LineField

LONG = "任用の日から当該年度の3月31日まで（1年以内）。勤務実績に応じて再任することがある。"


def test_a_long_value_is_shown_from_its_start(qtbot):
    field = LineField()
    qtbot.addWidget(field)
    field.resize(field.fontMetrics().horizontalAdvance(LONG) // 3, field.sizeHint().height())
    field.show()

    field.set_value(LONG)

    assert field.cursorPosition() == 0  # QLineEdit scrolls to the cursor: the start is in view
    assert field.text() == LONG


def test_the_value_shown_while_typing_keeps_the_cursor_where_the_user_is(qtbot):
    field = LineField()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)

    field.set_value(LONG)

    assert field.cursorPosition() == len(LONG)  # not moved under the user's hands
