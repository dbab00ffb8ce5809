"""自治体DXナビ: offline-first desktop app for municipal DX officers."""

__version__ = "0.1.0"
