"""Run the steps of a Markdown tutorial and compare what they print with what it shows.

The steps are the tutorial's fenced blocks, in order:

* a block whose info string has ``file=PATH`` (```` ```rules file=tutorial/troops.rules ````)
  writes its text to PATH; ``append=PATH`` appends it;
* a ```` ```console ```` block holds commands, each a line starting with ``$ ``,
  followed by the output it must print (standard output and error, as a terminal
  shows them). ``$ echo $?`` prints the exit status of the command before it; a
  command that exits non-zero must be followed by it, so the tutorial never hides
  a failure.

Expected output is compared line by line, ignoring trailing spaces. A line that is
just ``...`` stands for any number of lines (none included); ``...`` inside a line
stands for any text on that line.

Run as a script (``python tests/docs/tutorial_runner.py docs/writing-rules.md``) to
print what each command prints now, when writing or updating the tutorial.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
ELLIPSIS = "..."
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Command:
    """One ``$ crosscheck ...`` line, what it must print, and where it stands."""

    argv: tuple[str, ...]
    expected: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class WriteFile:
    """A block that writes (or appends to) a file."""

    path: str
    text: str
    append: bool
    line: int


Step = Command | WriteFile


def steps(markdown: str) -> Iterator[Step]:
    """The tutorial's steps in order."""
    for match in FENCE.finditer(markdown):
        info, body = match.group(1).split(), match.group(2)
        line = markdown.count("\n", 0, match.start()) + 1
        if info and info[0] == "console":
            yield from _commands(body, line + 1)
            continue
        for word in info[1:]:
            key, _, path = word.partition("=")
            if key in ("file", "append") and path:
                yield WriteFile(path, body, key == "append", line)


def _commands(body: str, first_line: int) -> Iterator[Command]:
    lines = body.splitlines()
    starts = [n for n, text in enumerate(lines) if text.startswith("$ ")]
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(lines)
        argv = tuple(shlex.split(lines[start][2:]))
        yield Command(argv, tuple(lines[start + 1 : stop]), first_line + start)


def matches(expected: Sequence[str], actual: Sequence[str]) -> bool:
    """Whether ``actual`` lines fit the ``expected`` lines with their elisions."""
    want = [line.rstrip() for line in expected]
    got = [line.rstrip() for line in actual]
    return _match(want, got)


def _match(want: list[str], got: list[str]) -> bool:
    if not want:
        return not got
    head = want[0]
    if head == ELLIPSIS:
        return any(_match(want[1:], got[k:]) for k in range(len(got) + 1))
    return bool(got) and _line_matches(head, got[0]) and _match(want[1:], got[1:])


def _line_matches(pattern: str, line: str) -> bool:
    if ELLIPSIS not in pattern:
        return pattern == line
    parts = (re.escape(part) for part in pattern.split(ELLIPSIS))
    return re.fullmatch(".*".join(parts), line) is not None


Main = Callable[[Sequence[str]], int]


def run_command(main: Main, argv: Sequence[str]) -> tuple[list[str], int]:
    """What ``crosscheck ARGS`` prints (stdout and stderr interleaved) and its status."""
    assert argv and argv[0] == "crosscheck", f"only crosscheck commands can run: {argv}"
    with CliRunner().isolation() as (_, _, mixed):
        status = main(list(argv[1:]))
        sys.stdout.flush()
        sys.stderr.flush()
        text = mixed.getvalue().decode("utf-8")
    return text.splitlines(), status


@dataclass
class Replay:
    """Runs steps in the current directory, remembering the last exit status."""

    main: Main
    status: int = 0
    unchecked: Command | None = None  # a failed command not yet followed by `echo $?`

    def run(self, step: Step) -> list[str] | None:
        """Do one step; for a command, return what it printed."""
        if isinstance(step, WriteFile):
            path = Path(step.path)
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a" if step.append else "w", encoding="utf-8") as handle:
                handle.write(step.text)
            return None
        if step.argv == ("echo", "$?"):
            self.unchecked = None
            return [str(self.status)]
        assert self.unchecked is None, (
            f"line {self.unchecked.line}: the command exits {self.status}; show it with `$ echo $?`"
        )
        output, self.status = run_command(self.main, step.argv)
        self.unchecked = step if self.status else None
        return output


def prepare(folder: Path) -> None:
    """Make ``folder`` look like a fresh clone as far as the tutorial needs: corpus/."""
    shutil.copytree(ROOT / "corpus", folder / "corpus")


def _record(markdown: Path) -> None:
    """Print each command of the tutorial with what it prints now (in a scratch folder)."""
    from conftest import COMMANDS
    from crosscheck.cli.main import cli, main

    for name, command in COMMANDS.items():
        cli.commands.setdefault(name, command)
    replay = Replay(main)
    text = markdown.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as scratch:
        prepare(Path(scratch))
        os.chdir(scratch)
        for step in steps(text):
            output = replay.run(step)
            if output is not None and isinstance(step, Command):
                print(f"--- line {step.line}: $ {shlex.join(step.argv)}")
                print("\n".join(output))
                replay.unchecked = None


if __name__ == "__main__":
    _record(Path(sys.argv[1]).resolve())
