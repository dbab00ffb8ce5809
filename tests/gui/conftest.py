"""GUI tests run Python's cyclic GC on the GUI thread only, exactly as the app does (operations.py)."""

import pytest

from desktop.operations import GuiThreadCollector


@pytest.fixture(autouse=True)
def gc_on_the_gui_thread(qapp):
    """A collection on a DB worker could free Qt wrappers off the GUI thread and crash."""
    collector = GuiThreadCollector()
    yield
    collector.stop()
