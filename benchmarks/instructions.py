"""Instructions per pass of extraction over the development set, steady enough for 1% changes.

    python benchmarks/instructions.py [--passes 2] [--engine DIR]

Seconds on a shared machine vary by 10% and more; instructions do not, if counted right.
This runs itself under valgrind's callgrind (valgrind must be installed), counting only
inside the passes: the passes run inside ``itertools.starmap``, whose C function
``starmap_next`` toggles the count, so start-up, imports and the warm-up pass are left out.
Address randomisation is off and the hash seed fixed, which keeps two runs of the same
code within about 0.5 M instructions of each other (a pass is about 530 M). ``--engine``
measures another checkout's engine (a git worktree of a commit to compare with).
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def count(passes: int, engine: Path | None) -> int:
    """Instructions callgrind counts inside ``passes`` passes over the development set."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    if engine is not None:
        env["PYTHONPATH"] = str(engine)
    with tempfile.TemporaryDirectory() as folder:
        command = [
            "setarch", "-R", "valgrind", "--tool=callgrind", "--collect-atstart=no",
            "--toggle-collect=starmap_next", f"--callgrind-out-file={folder}/out",
            sys.executable, __file__, "--inside", str(passes),
        ]  # fmt: skip
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    found = re.search(r"Collected : ([0-9]+)", done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"instructions.py: callgrind failed:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def inside(passes: int) -> None:
    """The measured process: one warm pass, then ``passes`` passes inside starmap."""
    sys.path.insert(0, str(HERE))
    from extract import dev_stories

    stories = dev_stories()

    def one_pass() -> None:
        for extractor, documents in stories:
            for document in documents:
                extractor.claims(document)

    one_pass()  # lazy imports, compiled patterns, caches of the rule set
    list(itertools.starmap(one_pass, [()] * passes))


def main() -> None:
    """Print instructions per pass."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--engine", type=Path, help="an engine/ folder to measure instead")
    parser.add_argument("--inside", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.inside is not None:
        inside(options.inside)
        return
    if shutil.which("valgrind") is None or shutil.which("setarch") is None:
        sys.exit("instructions.py: needs valgrind and setarch (apt install valgrind)")
    total = count(options.passes, options.engine)
    import crosscheck

    where = options.engine or Path(crosscheck.__file__).resolve().parents[1]
    print(f"{total / options.passes / 1e6:.1f} M instructions per pass ({where})")


if __name__ == "__main__":
    main()
