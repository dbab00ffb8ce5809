"""The Qt binding itself must be sound for long sessions."""

import sys

from PySide6.QtWidgets import QLabel


def test_calling_qt_methods_does_not_leak_references_to_none(qtbot):
    # PySide6 6.12.0 dropped a reference to None on every void call (setText, setEnabled …); a long session
    # then aborted with "Fatal Python error: none_dealloc". pyproject.toml keeps that release out.
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("保存済")
        label.setEnabled(True)
    assert abs(sys.getrefcount(None) - before) < 1_000
