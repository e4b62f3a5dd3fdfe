"""The records a check is asked with and ends with, shared by the command and its pipeline.

Light on purpose: ``check`` imports this before it knows whether the run is replayed.
A ``CheckCall`` is what was asked (the options as typed and the configuration file as
found); its key names the recorded runs it may replay. A ``CheckRequest`` is the call
resolved (defaults, the file and the command line merged and validated), made only
when the check really runs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck.cache.runs import Days, run_key
from crosscheck.load.selection import FileSelection


@dataclass(frozen=True)
class CheckCall:
    """A check as typed: every option's value as given, and what the settings read from
    the configuration file depend on (``config.discover.Found.identity``)."""

    options: tuple[tuple[str, object], ...]  # by name, -o, --jobs and --no-cache left out
    config: tuple[object, ...]
    cwd: str  # relative paths start here
    default_format: str  # github under GitHub Actions
    color: bool
    writes_baseline: bool

    def replay_key(self) -> str | None:
        """The key of runs whose output this one would repeat, or None if it must run.

        A run that writes a baseline must run; so must a coloured one, whose escape
        codes depend on the terminal. The same options under the same configuration
        give the same settings, so the key need not wait for them to be resolved.
        """
        if self.writes_baseline or self.color:
            return None
        return run_key("check", self.options, self.config, self.cwd, self.default_format)


@dataclass(frozen=True)
class CheckRequest:
    """A check as resolved from its options, its configuration and the defaults."""

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
    selection: FileSelection = field(
        default_factory=FileSelection
    )  # which files a walk of a folder reads
    select: tuple[str, ...] = ("*",)  # rules checked: names, globs or severity:LEVEL
    ignore: tuple[str, ...] = ()  # rules left out, in the same terms
    quiet: bool = False  # only the findings: no notes, no summary
    verbose: bool = False  # say on stderr what the run used and how long each step took
    origins: tuple[tuple[str, str], ...] = ()  # where settings came from, by the file's key
    project_root: Path | None = None  # CI formats name files from it (None: the working folder)
    engine: str = "local"  # or "dask": extraction and evaluation on a Dask cluster
    scheduler: str | None = None  # the Dask scheduler's address (None: a local cluster)


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
