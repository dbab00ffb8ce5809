"""Shared layout constants and small style helpers, so every page looks alike."""

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

SPACING = 8
MARGIN = 16
SECTION_GAP = 20
FORM_LABEL_WIDTH = 160
NAV_WIDTH = 250

DEFAULT_FONT_PT = 10
MIN_FONT_PT = 8
MAX_FONT_PT = 20

STATUS_COLORS = {"todo": "#9e9e9e", "doing": "#f0a000", "done": "#2e7d32", "na": "#607d8b"}
ACCENT = "#1565c0"


def heading(text: str, level: int = 1) -> QLabel:
    """A page or section heading scaled from the application font."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * (1.6 if level == 1 else 1.25))
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def hint(text: str) -> QLabel:
    """A muted explanatory line that wraps."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label
