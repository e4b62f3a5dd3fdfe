"""The worked example of docs/testing-your-rules.md runs, and its properties hold."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

DOC = Path(__file__).resolve().parents[2] / "docs" / "testing-your-rules.md"


def example_code() -> str:
    """The ```python blocks of the document, in order."""
    blocks = re.findall(r"^```python\n(.*?)^```$", DOC.read_text("utf-8"), re.M | re.S)
    assert blocks, f"no python example in {DOC}"
    return "\n".join(blocks)


def test_the_worked_example_runs() -> None:
    namespace: dict[str, Any] = {"__name__": "worked_example"}
    exec(compile(example_code(), str(DOC), "exec"), namespace)
    tests: list[Callable[[], None]] = [
        f for name, f in namespace.items() if name.startswith("test_") and callable(f)
    ]
    assert len(tests) >= 4
    for test in tests:
        test()
