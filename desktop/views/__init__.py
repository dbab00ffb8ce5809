"""Qt widgets: the main window shell, one page or dialog per module (DESIGN.md §2, §8)."""
