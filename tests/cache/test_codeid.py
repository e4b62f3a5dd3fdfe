"""Cached results are tied to the code that made them, even when the version stays."""

from __future__ import annotations

import os
from pathlib import Path

from crosscheck.cache.codeid import files_fingerprint, installed_distributions


def test_edits_change_the_fingerprint_and_touching_does_not(tmp_path: Path) -> None:
    module = tmp_path / "pkg" / "module.py"
    module.parent.mkdir()
    module.write_text("x = 1\n", encoding="utf-8")
    first = files_fingerprint(tmp_path, "0.1.0")
    assert files_fingerprint(tmp_path, "0.1.0") == first
    assert files_fingerprint(tmp_path, "0.2.0") != first

    os.utime(module, ns=(10**18, 10**18))  # touched, or installed afresh: same bytes
    assert files_fingerprint(tmp_path, "0.1.0") == first
    module.write_text("x = 2\n", encoding="utf-8")
    edited = files_fingerprint(tmp_path, "0.1.0")
    assert edited != first
    (tmp_path / "pkg" / "new.py").write_text("", encoding="utf-8")
    added = files_fingerprint(tmp_path, "0.1.0")
    assert added != edited
    (tmp_path / "pkg" / "new.py").unlink()
    assert files_fingerprint(tmp_path, "0.1.0") == edited


def test_compiled_bytecode_does_not_count(tmp_path: Path) -> None:
    (tmp_path / "module.py").write_text("x = 1\n", encoding="utf-8")
    before = files_fingerprint(tmp_path, "0.1.0")
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "module.cpython-311.pyc").write_bytes(b"\0")
    assert files_fingerprint(tmp_path, "0.1.0") == before


def test_installed_distributions_are_listed_with_their_versions(tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    (site / "pint-0.24.4.dist-info").mkdir(parents=True)
    (site / "pint").mkdir()
    (site / "legacy-1.0.egg-info").mkdir()
    found = installed_distributions([str(site), str(tmp_path / "missing")])
    assert found == ["legacy-1.0.egg-info", "pint-0.24.4.dist-info"]
    (site / "pint-0.24.4.dist-info").rename(site / "pint-0.25.0.dist-info")
    assert installed_distributions([str(site)]) == ["legacy-1.0.egg-info", "pint-0.25.0.dist-info"]
