"""Paths of a report named from the project's root, for CI tools that resolve them there
(pure: path arithmetic on strings, nothing is looked up on disk)."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class ProjectPaths:
    """The project's root and the folder the run's relative paths start from (both absolute)."""

    root: str
    cwd: str

    def absolute(self, path: str) -> str:
        """``path`` (relative to ``cwd``, or absolute) as an absolute path, ``..`` resolved."""
        return os.path.normpath(os.path.join(self.cwd, path))

    def from_root(self, path: str) -> str | None:
        """``path`` relative to the root, with ``/``; None when it is outside the root."""
        try:
            relative = os.path.relpath(self.absolute(path), self.root)
        except ValueError:  # another drive (Windows)
            return None
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            return None
        return relative.replace(os.sep, "/")
