"""Signed .dxpkg packages (DESIGN.md §5): build, sign, read under limits, verify. Qt-free, no store access."""
