"""A replayed check stays light: it imports none of the libraries a real run needs."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crosscheck.fs.stamp import SETTLE_NS

HEAVY = ("lark", "pint", "pydantic", "rich")

# Runs one check in a fresh interpreter and prints which heavy libraries it imported,
# and whether the check pipeline ran at all (a replay never imports it).
PROBE = """
import json, sys
from crosscheck.cli import main
code = main(["check", "corpus", "--rules", "rules", "--format", "json", "-o", "out.json"])
loaded = [name for name in {heavy!r} if name in sys.modules]
ran = "crosscheck.cli.commands.check_pipeline" in sys.modules
print(json.dumps({{"code": code, "loaded": loaded, "ran": ran}}))
"""


def _check_in_fresh_process(folder: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY)],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _settle() -> None:
    """Wait until the copied files have settled (their change times are older than the
    margin the witness asks for), so the first run may be recorded."""
    time.sleep(SETTLE_NS / 1e9 + 0.1)


def test_a_replayed_check_imports_no_heavy_library(workspace: Path) -> None:
    _settle()
    first = _check_in_fresh_process(workspace)
    assert first["ran"] is True
    assert {"lark", "pint", "pydantic"} <= set(first["loaded"])  # type: ignore[arg-type]
    again = _check_in_fresh_process(workspace)
    assert again["ran"] is False, "the second run was not replayed"
    assert again["code"] == first["code"]
    assert again["loaded"] == [], f"a replay imported {again['loaded']}"


@pytest.mark.parametrize("heavy", HEAVY)
def test_the_probe_sees_a_heavy_import(tmp_path: Path, heavy: str) -> None:
    """The guard can fail: a process that imports one of them is seen to."""
    code = f"import sys, {heavy}; print({heavy!r} in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"
