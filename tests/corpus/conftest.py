"""Fixtures for the corpus loader tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_helpers import Writer


@pytest.fixture
def write(tmp_path: Path) -> Writer:
    """Write text (as UTF-8) or bytes to a file under tmp_path, creating folders."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
        return path

    return _write
