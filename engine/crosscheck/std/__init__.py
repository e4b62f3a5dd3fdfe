"""The standard vocabulary: rule files shipped with crosscheck, imported by name.

``import std.casualties`` reads ``casualties.rules`` of this package (see
``crosscheck.load.rules``). Each file declares phrase sets (``phrases NAME = ...``) that a
measure names in its ``when`` or ``unless`` list; their fixture tests are in tests/std/.
``SETS`` lists the phrase sets of each module, so that a rule file naming a set it did not
import is told which import declares it (a test keeps it in step with the files).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PREFIX = "std"

SETS: dict[str, tuple[str, ...]] = {
    "arrests": ("arrests",),
    "casualties": ("deaths", "injured", "missing", "casualties"),
    "deployment": ("deployed",),
    "displacement": ("displaced",),
}


def module_of(phrase_set: str) -> str | None:
    """The standard module that declares a phrase set (``deaths`` -> ``std.casualties``)."""
    for module, names in SETS.items():
        if phrase_set in names:
            return f"{PREFIX}.{module}"
    return None


def available() -> list[str]:
    """Every module a rule file may import, as it imports it (``std.casualties``)."""
    return [f"{PREFIX}.{module}" for module in sorted(SETS)]


def path_of(name: str) -> Path | None:
    """The file of a standard module named as imported (``std.casualties``), if it exists."""
    prefix, _, module = name.partition(".")
    if prefix != PREFIX or module not in SETS:
        return None
    return Path(str(resources.files(__name__).joinpath(f"{module}.rules")))
