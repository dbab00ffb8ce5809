"""Helpers for store tests: child processes on the same data dir, and reading back what was stored."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.models import AwarenessActivity

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def spawn():
    """Start `python -c script` with the repo importable; children are killed at the end of the test."""
    children: list[subprocess.Popen] = []

    def start(script: str, *args: str) -> subprocess.Popen:
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
        child = subprocess.Popen(
            [sys.executable, "-c", textwrap.dedent(script), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=REPO,
        )
        children.append(child)
        return child

    yield start
    for child in children:
        if child.poll() is None:
            child.kill()
        child.communicate(timeout=30)


@pytest.fixture
def titles():
    """Titles of the live ステップ0 activities in a store (the records these tests write)."""

    def read(store) -> set[str]:
        with store.read() as s:
            return set(s.scalars(select(AwarenessActivity.title).where(AwarenessActivity.deleted.is_(False))))

    return read
