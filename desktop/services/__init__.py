"""Use cases: the only API the UI (through desktop.operations) and the CLI call."""
