"""The prefecture hub (dxnavi-hub): the sync server of DESIGN.md §4.

It may import only the Qt-free desktop.models and desktop.sync.protocol (tests/architecture checks it).
"""

__version__ = "0.1.0"
