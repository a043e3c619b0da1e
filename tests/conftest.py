"""Shared fixtures: a CLI runner and a helper to write small input files."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_2475380bb444d615.txt"

#: A sentence every version of the rules attributes: one quote, by Jane Smith.
SIMPLE = '"We will win," Jane Smith said.\n'


@pytest.fixture
def runner() -> CliRunner:
    """A click test runner; ``result.stdout`` and ``result.stderr`` are kept apart."""
    return CliRunner()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """``write("a.txt", text)`` creates ``tmp_path/a.txt`` (folders too) and returns its path."""

    def _write(name: str, content: str | bytes = SIMPLE) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
