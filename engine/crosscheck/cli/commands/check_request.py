"""The records a check is asked with and ends with, shared by the command and its pipeline.

Light on purpose: ``check`` imports this before it knows whether the run is replayed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from pathlib import Path

from crosscheck.cache.runs import Days, run_key


@dataclass(frozen=True)
class CheckRequest:
    """A check as asked for on the command line, with the defaults it resolved to."""

    paths: tuple[Path, ...]
    rules: Path
    claims: Path | None
    manifest: Path | None
    fmt: str
    output: Path | None
    fail_on: str
    baseline: Path | None
    write_baseline: Path | None
    show_undecided: bool
    strict: bool
    jobs: int | None
    color: bool
    today: dt.date
    cwd: str
    cite: int | None = None  # claims a finding cites in full per group (None: the default)
    pairs: bool = False  # each finding lists the pairwise violations it covers
    statistics: bool = False  # text: a table of findings and pairs per rule

    def replay_key(self) -> str | None:
        """The key of runs whose output this one would repeat, or None if it must run.

        A run that writes a baseline must run; so must a coloured one, whose escape
        codes depend on the terminal.
        """
        if self.write_baseline is not None or self.color:
            return None
        settings = [(f.name, getattr(self, f.name)) for f in fields(self) if f.name not in _UNKEYED]
        return run_key("check", settings)


# Not in the replay key: where the report goes and how many processes make it change
# nothing, and the day is checked against the days a record holds for (its waivers).
_UNKEYED = frozenset({"output", "jobs", "today"})


@dataclass(frozen=True)
class CheckResult:
    """How a check ended: its exit code and the report it wrote (None for a baseline)."""

    exit_code: int
    output: str | None
    clean: bool  # every input was read without a problem, not even a warning
    days: Days = (None, None)  # the days on which the same waivers are in force

    @property
    def repeatable_output(self) -> str | None:
        """The output a later run with unchanged inputs may repeat, if it may."""
        return self.output if self.clean else None
