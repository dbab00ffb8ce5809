"""`dx(data_dir, *args)`: run the command line in process, as `dxnavi --data-dir D args…`, on the test's clock."""

import pytest

from desktop.cli import main


@pytest.fixture
def dx(clock):
    """Run `dxnavi --data-dir D args…` in process; returns the exit code."""
    return lambda data_dir, *args: main(["--data-dir", str(data_dir), *args], clock=clock)
