"""Where extraction's regular-expression time goes, pattern by pattern, on real text.

    python benchmarks/regex_profile.py [--top 30] [--repeat 5]

Extraction spends a large share of its time in Python's ``re`` engine (about a fifth of
the instructions of a pass over the development set with the pure build, over two fifths
with the compiled one, docs/internals.md), spread over some two hundred patterns. This
records every call each compiled pattern of crosscheck receives during one pass over the
development set (benchmarks/extract.py's real-text mode), with its arguments and, for
``finditer``, how many matches the caller took; then replays each pattern's calls in a
tight loop and prints the CPU time per pass of the costliest patterns. A replay measures
the engine's work without the recording's overhead.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

Call = tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]


class Recorder:
    """A compiled pattern that notes each call while recording is on."""

    recording: ClassVar[bool] = False
    calls: ClassVar[dict[re.Pattern[Any], list[list[Any]]]] = {}

    def __init__(self, pattern: re.Pattern[Any]) -> None:
        self._pattern = pattern

    def __getattr__(self, name: str) -> Any:
        method = getattr(self._pattern, name)
        if name not in _METHODS:
            return method
        calls = Recorder.calls.setdefault(self._pattern, [])

        def call(*args: Any, **kwargs: Any) -> Any:
            result = method(*args, **kwargs)
            if not Recorder.recording:
                return result
            entry: list[Any] = [name, args, kwargs, 0]
            calls.append(entry)
            return _counted(result, entry) if name == "finditer" else result

        return call

    def __hash__(self) -> int:
        return hash(self._pattern)

    def __eq__(self, other: object) -> bool:
        inner = other._pattern if isinstance(other, Recorder) else other
        return self._pattern == inner


_METHODS = frozenset(["match", "search", "fullmatch", "finditer", "findall", "sub", "split"])


def _counted(matches: Any, entry: list[Any]) -> Any:
    """``matches``, counting in ``entry`` how many the caller takes."""
    for found in matches:
        entry[3] += 1
        yield found


def _replayable(pattern: re.Pattern[Any], entry: list[Any]) -> Call:
    """One recorded call, ready to run again (a ``finditer`` taken as far as it was)."""
    name, args, kwargs, taken = entry
    if name != "finditer":
        return getattr(pattern, name), args, kwargs
    return (
        (lambda *a, **k: list(itertools.islice(pattern.finditer(*a, **k), taken + 1))),
        args,
        kwargs,
    )


def replay(calls: list[Call], repeat: int) -> float:
    """CPU seconds per replay of ``calls``, the best of ``repeat``."""
    best = float("inf")
    for _ in range(repeat):
        start = time.thread_time()
        for method, args, kwargs in calls:
            method(*args, **kwargs)
        best = min(best, time.thread_time() - start)
    return best


def main() -> None:
    """Record one pass, replay each pattern's calls, print the costliest."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    compile_pattern = re.compile
    re.compile = lambda p, flags=0: Recorder(compile_pattern(p, flags))  # type: ignore[assignment]
    from extract import dev_stories  # imports crosscheck, whose patterns are compiled now

    stories = dev_stories()

    def one_pass() -> None:
        for extractor, documents in stories:
            for document in documents:
                extractor.claims(document)

    one_pass()  # warm caches
    Recorder.recording = True
    one_pass()
    Recorder.recording = False
    rows = sorted(
        (
            (replay([_replayable(p, e) for e in entries], options.repeat), len(entries), p)
            for p, entries in Recorder.calls.items()
        ),
        key=lambda row: -row[0],
    )
    spent = sum(row[0] for row in rows)
    print(
        f"one pass over the development set: regular expressions replayed in {spent * 1e3:.1f} ms"
        f" of CPU, {sum(row[1] for row in rows)} calls to {len(rows)} patterns (the whole pass:"
        " benchmarks/extract.py --real-only)"
    )
    for cost, count, pattern in rows[: options.top]:
        text = pattern.pattern if isinstance(pattern.pattern, str) else repr(pattern.pattern)
        print(f"{cost * 1e3:7.2f} ms {count:6d} calls  {text[:110]!r}")


if __name__ == "__main__":
    main()
