"""Run a composite action's `run` steps locally, as a GitHub runner would run them.

The expressions `${{ inputs.NAME }}`, `${{ github.action_path }}` and
`${{ steps.ID.outputs.KEY }}` are substituted (inputs fall back to their defaults); any
other expression is an error, so the action cannot depend on one these tests do not give.
Each `run` step runs as GitHub runs `shell: bash` (`bash --noprofile --norc -eo pipefail`),
with its `env`, a fresh `GITHUB_OUTPUT` file whose `key=value` lines become the step's
outputs. Steps that `uses:` another action are not run; they are listed in `Outcome.used`.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@dataclass
class Outcome:
    """How a run of the steps ended."""

    status: int = 0
    ran: list[str] = field(default_factory=list)  # names of the run steps, in order
    used: list[str] = field(default_factory=list)  # the `uses:` of steps not run
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)  # by step id
    log: str = ""


def substitute(text: str, context: Mapping[str, str]) -> str:
    """``text`` with each ``${{ ... }}`` replaced by its value in ``context``."""

    def value(match: re.Match[str]) -> str:
        expression = match.group(1)
        if expression not in context:
            raise KeyError(f"the runner knows no expression {expression!r}")
        return context[expression]

    return EXPRESSION.sub(value, text)


def run_steps(
    action: Mapping[str, Any],
    inputs: Mapping[str, str],
    *,
    action_path: Path,
    workdir: Path,
    env: Mapping[str, str],
    only: frozenset[str] | None = None,
    skip: frozenset[str] = frozenset(),
) -> Outcome:
    """Run the action's steps (those named in ``only``, but not in ``skip``) in ``workdir``."""
    context = {f"inputs.{k}": str(v.get("default", "")) for k, v in action["inputs"].items()}
    context |= {f"inputs.{k}": v for k, v in inputs.items()}
    context["github.action_path"] = str(action_path)
    outcome = Outcome()
    for number, step in enumerate(action["runs"]["steps"]):
        name = step.get("name", f"step {number}")
        if (only is not None and name not in only) or name in skip:
            continue
        if "uses" in step:
            outcome.used.append(step["uses"])
            continue
        assert "if" not in step, f"{name}: the runner cannot decide `if:` of a run step"
        outcome.ran.append(name)
        status = _run(step, number, context, workdir, env, outcome)
        if status != 0:
            outcome.status = status
            break
    return outcome


def _run(
    step: Mapping[str, Any],
    number: int,
    context: dict[str, str],
    workdir: Path,
    env: Mapping[str, str],
    outcome: Outcome,
) -> int:
    outputs = workdir / f".github_output_{number}"
    outputs.write_text("")
    script = workdir / f".step_{number}.sh"
    script.write_text(substitute(step["run"], context))
    step_env = {k: substitute(str(v), context) for k, v in step.get("env", {}).items()}
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=workdir,
        env={**env, **step_env, "GITHUB_OUTPUT": str(outputs)},
        capture_output=True,
        text=True,
        check=False,
    )
    outcome.log += done.stdout + done.stderr
    found = dict(line.split("=", 1) for line in outputs.read_text().splitlines() if "=" in line)
    if "id" in step:
        outcome.outputs[step["id"]] = found
        context |= {f"steps.{step['id']}.outputs.{k}": v for k, v in found.items()}
    return done.returncode


def environment(bin_folder: Path) -> dict[str, str]:
    """The process's environment with ``bin_folder`` first on PATH, as outside Actions."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env["PATH"] = f"{bin_folder}{os.pathsep}{env.get('PATH', '')}"
    env.pop("PYTHONPATH", None)
    return env
